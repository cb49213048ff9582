import { describe, expect, it } from 'vitest';
import { formatQuantity, normaliseQuantity, parseQuantity } from './quantity.js';

describe('quantities', () => {
  it('parses decimal strings into exact thousandths and formats them back without trailing zeros', () => {
    expect(parseQuantity('q', ' 2.5 ')).toBe(2500n);
    expect(parseQuantity('q', '0.001')).toBe(1n);
    expect(parseQuantity('q', '-3', { allowNegative: true })).toBe(-3000n);
    expect(parseQuantity('q', '1.2500')).toBe(1250n);
    expect(formatQuantity(2500n)).toBe('2.5');
    expect(formatQuantity(-125n)).toBe('-0.125');
    expect(formatQuantity(0n)).toBe('0');
    expect(normaliseQuantity('12.500')).toBe('12.5');
  });

  it('refuses malformed, over-precise, negative and zero quantities naming the field', () => {
    const cases: [string, object, string][] = [
      ['1,5', {}, 'INVALID_QUANTITY'],
      ['1e3', {}, 'INVALID_QUANTITY'],
      ['1.0001', {}, 'QUANTITY_TOO_PRECISE'],
      ['-1', {}, 'NEGATIVE_QUANTITY'],
      ['0', {}, 'ZERO_QUANTITY'],
      ['12345678901234567', {}, 'INVALID_QUANTITY'],
    ];
    for (const [value, rules, code] of cases) {
      expect(() => parseQuantity('input.quantity', value, rules), value).toThrow(expect.objectContaining({ code, field: 'input.quantity' }));
    }
    expect(parseQuantity('q', '0', { allowZero: true })).toBe(0n);
  });
});
