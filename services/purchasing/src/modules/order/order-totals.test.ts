import { describe, expect, it } from 'vitest';
import { covers } from '../approval/approval.js';
import { documentTotals, lineNet, parseTaxRate } from './order-totals.js';

describe('purchase document amounts', () => {
  it('computes a line exactly and rounds it half up to four places', () => {
    expect(lineNet('l', '3.5', '100')).toBe('350.00');
    expect(lineNet('l', '0.333', '0.3333')).toBe('0.111');
    expect(lineNet('l', '0.5', '2.0005')).toBe('1.0003');
  });

  it('rounds totals per tax rate at the currency’s minor unit: tax on each rate’s net, gross their sum', () => {
    const lines = [
      { netAmount: '10.0050', taxRate: '19' },
      { netAmount: '10.0049', taxRate: '19' },
      { netAmount: '3.3333', taxRate: '7' },
    ];
    // 19 %: net 20.0099 → 20.01, tax 3.8019 → 3.80; 7 %: net 3.33, tax 0.2331 → 0.23.
    expect(documentTotals(lines, 'EUR')).toEqual({ net: '23.34', tax: '4.03', gross: '27.37' });
    expect(documentTotals([{ netAmount: '1000.4', taxRate: '10' }], 'JPY')).toEqual({ net: '1000.00', tax: '100.00', gross: '1100.00' });
    expect(documentTotals([], 'EUR')).toEqual({ net: '0.00', tax: '0.00', gross: '0.00' });
  });

  it('refuses a tax rate outside 0–100 or with more than two decimals, naming the field', () => {
    expect(parseTaxRate('f', '19.5')).toBe('19.5');
    expect(() => parseTaxRate('lines.0.taxRate', '100.01')).toThrow(expect.objectContaining({ field: 'lines.0.taxRate' }));
    expect(() => parseTaxRate('lines.0.taxRate', '7.125')).toThrow(expect.objectContaining({ field: 'lines.0.taxRate' }));
    expect(() => parseTaxRate('lines.0.taxRate', '-1')).toThrow(expect.objectContaining({ field: 'lines.0.taxRate' }));
  });

  it('lets a limit cover an amount up to and including it; an unconvertible amount only no limit', () => {
    expect(covers(50_000_000n, 50_000_000n)).toBe(true);
    expect(covers(50_000_000n, 50_000_001n)).toBe(false);
    expect(covers(null, null)).toBe(true);
    expect(covers(50_000_000n, null)).toBe(false);
  });
});
