import { describe, expect, it } from 'vitest';
import { formatQuantity, lineTotal, orderNumber, orderTotal, parseQuantity } from './order.entity.js';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { field?: string }).field;
  }
  return undefined;
};

describe('order pricing', () => {
  it('multiplies quantity by unit price exactly, without float error', () => {
    expect(lineTotal('l', '3', '0.10')).toBe('0.30');
    expect(lineTotal('l', '1.5', '19.99')).toBe('29.985');
    expect(lineTotal('l', '0.333', '0.0001')).toBe('0.00');
    expect(lineTotal('l', '2', '999999999999.9999')).toBe('1999999999999.9998');
  });

  it('rounds a line total half up to four decimals', () => {
    expect(lineTotal('l', '0.005', '0.0100')).toBe('0.0001');
    expect(lineTotal('l', '0.001', '0.0499')).toBe('0.00');
    expect(lineTotal('l', '0.125', '1.0001')).toBe('0.125');
  });

  it('sums line totals exactly', () => {
    expect(orderTotal('t', ['0.10', '0.20', '1250.5'])).toBe('1250.80');
  });

  it('rejects a line or order total that does not fit a money column, naming the field', () => {
    expect(fieldOf(() => lineTotal('input.lines.0.quantity', '999999999999', '999999999999'))).toBe('input.lines.0.quantity');
    expect(fieldOf(() => orderTotal('input.lines', ['999999999999999', '1']))).toBe('input.lines');
  });

  it('accepts positive quantities with up to three decimals and nothing else', () => {
    expect(parseQuantity('q', '2.500')).toBe('2.5');
    expect(parseQuantity('q', ' 10 ')).toBe('10');
    expect(fieldOf(() => parseQuantity('q', '0'))).toBe('q');
    expect(fieldOf(() => parseQuantity('q', '-1'))).toBe('q');
    expect(fieldOf(() => parseQuantity('q', '1.2345'))).toBe('q');
    expect(fieldOf(() => parseQuantity('q', 'two'))).toBe('q');
  });

  it('formats quantities and order numbers for people', () => {
    expect(formatQuantity('2.000')).toBe('2');
    expect(formatQuantity('0.250')).toBe('0.25');
    expect(orderNumber('42')).toBe('SO-000042');
  });
});
