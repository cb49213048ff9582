import { describe, expect, it } from 'vitest';
import { stockValue } from './stock.service.js';

describe('stock value', () => {
  it('multiplies quantity and unit cost exactly, rounding half up at the money scale', () => {
    expect(stockValue('3', '60.0000')).toBe('180.00');
    expect(stockValue('0.001', '0.0005')).toBe('0.00');
    expect(stockValue('0.005', '0.01')).toBe('0.0001');
    expect(stockValue('1.5', '0.0001')).toBe('0.0002');
    expect(stockValue('12345678.123', '99999.9999')).toBe('1234567811065.4322');
  });

  it('values negative stock (a warehouse that allows it) as a negative amount, rounding away from zero', () => {
    expect(stockValue('-2', '10.5')).toBe('-21.00');
    expect(stockValue('-1.5', '0.0001')).toBe('-0.0002');
  });
});
