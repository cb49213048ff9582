import { describe, expect, it } from 'vitest';
import { addAmounts, formatAmount, parseAmount, parseMoneyInput } from './money.js';
import { AppError } from './app-error.js';

describe('money', () => {
  it('adds decimal strings exactly where floats would drift', () => {
    expect(addAmounts('0.1', '0.2')).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('keeps up to four decimals and trims trailing zeros to two', () => {
    expect(formatAmount(parseAmount('a', '12.3450'))).toBe('12.345');
    expect(formatAmount(parseAmount('a', '-7'))).toBe('-7.00');
  });

  it('rejects a float-looking amount with too many decimals, naming the field', () => {
    const parse = () => parseMoneyInput('input.amount', { amount: '1.23456', currency: 'EUR' });
    expect(parse).toThrow(AppError);
    expect(parse).toThrow(expect.objectContaining({ field: 'input.amount.amount', category: 'BAD_USER_INPUT' }));
  });

  it('rejects negative amounts and malformed currencies', () => {
    expect(() => parseMoneyInput('price', { amount: '-1', currency: 'EUR' })).toThrow(/must not be negative/);
    expect(() => parseMoneyInput('price', { amount: '1', currency: 'EURO' })).toThrow(/ISO 4217/);
    expect(parseMoneyInput('price', { amount: '10', currency: 'eur' })).toEqual({ amount: '10.00', currency: 'EUR' });
  });
});
