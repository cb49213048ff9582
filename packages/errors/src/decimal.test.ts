import { describe, expect, it } from 'vitest';
import { divideHalfUp, formatDecimal, minorUnitOf, parseDecimal, rescale } from './decimal.js';

describe('exact decimals', () => {
  it('parses at a fixed scale and refuses more places, naming the field', () => {
    expect(parseDecimal('q', '2.5', 3)).toBe(2500n);
    expect(parseDecimal('q', '7', 2)).toBe(700n);
    expect(() => parseDecimal('lines[0].quantity', '1.2345', 3, { code: 'INVALID_QUANTITY' })).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'lines[0].quantity' }),
    );
    expect(() => parseDecimal('d', '-1', 2)).toThrow(expect.objectContaining({ field: 'd' }));
  });

  it('formats with a minimum of places and trims the rest', () => {
    expect(formatDecimal(2500n, 3)).toBe('2.5');
    expect(formatDecimal(1234500n, 4, 2)).toBe('123.45');
    expect(formatDecimal(-5n, 2, 2)).toBe('-0.05');
    expect(formatDecimal(0n, 4, 2)).toBe('0.00');
  });

  it('rounds half up, away from zero, when dropping places', () => {
    expect(rescale(12345n, 4, 2)).toBe(123n);
    expect(rescale(12350n, 4, 2)).toBe(124n);
    expect(rescale(-12350n, 4, 2)).toBe(-124n);
    expect(rescale(5n, 0, 2)).toBe(500n);
    expect(divideHalfUp(10n, 4n)).toBe(3n);
    expect(divideHalfUp(10n, 3n)).toBe(3n);
    expect(divideHalfUp(-10n, 4n)).toBe(-3n);
  });

  it('knows the minor unit of a currency', () => {
    expect([minorUnitOf('EUR'), minorUnitOf('JPY'), minorUnitOf('KWD')]).toEqual([2, 0, 3]);
  });
});
