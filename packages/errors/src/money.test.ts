import { describe, expect, it } from 'vitest';
import { addAmounts, formatAmount, formatMoneyAmount, moneyAmountSql, parseAmount, parseMoneyInput } from './money.js';
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

describe('money in its currency', () => {
  it("shows at least the currency's minor unit of places, up to four, nothing rounded", () => {
    expect(formatMoneyAmount(parseAmount('a', '1250'), 'JPY')).toBe('1250');
    expect(formatMoneyAmount(parseAmount('a', '1250.5'), 'JPY')).toBe('1250.5');
    expect(formatMoneyAmount(parseAmount('a', '1250.5'), 'EUR')).toBe('1250.50');
    expect(formatMoneyAmount(parseAmount('a', '0.1235'), 'EUR')).toBe('0.1235');
    expect(formatMoneyAmount(parseAmount('a', '1.25'), 'KWD')).toBe('1.250');
    expect(formatMoneyAmount(parseAmount('a', '-7'), 'JPY')).toBe('-7');
  });

  it('reads the minor unit in SQL from the same table', () => {
    const sql = moneyAmountSql('x', 'c');
    expect(sql).toContain('"JPY":0');
    expect(sql).toContain('"KWD":3');
    expect(sql).not.toContain('"EUR"');
  });
});
