import { describe, expect, it } from 'vitest';
import { attainmentPercent, slaAttainment } from './sla-attainment.js';

describe('SLA attainment percentage', () => {
  it('gives met out of decided with exactly one decimal place', () => {
    expect(attainmentPercent(1, 2)).toBe('50.0');
    expect(attainmentPercent(3, 4)).toBe('75.0');
    expect(attainmentPercent(1, 7)).toBe('14.3');
  });

  it('rounds half up, also where binary floating point would round a half down', () => {
    expect(attainmentPercent(2, 3)).toBe('66.7');
    expect(attainmentPercent(1, 3)).toBe('33.3');
    expect(attainmentPercent(1, 16)).toBe('6.3'); // 6.25
    expect(attainmentPercent(1, 80)).toBe('1.3'); // 1.25
    expect(attainmentPercent(3, 80)).toBe('3.8'); // 3.75
    expect(attainmentPercent(1, 2000)).toBe('0.1'); // 0.05
    expect(attainmentPercent(1, 2001)).toBe('0.0'); // 0.04997…
    expect(attainmentPercent(1999, 2000)).toBe('100.0'); // 99.95
    expect(attainmentPercent(1999, 2001)).toBe('99.9'); // 99.9000…
  });

  it('is 0.0 when all missed, 100.0 when all met, and null when nothing is decided', () => {
    expect(attainmentPercent(0, 5)).toBe('0.0');
    expect(attainmentPercent(5, 5)).toBe('100.0');
    expect(attainmentPercent(0, 0)).toBeNull();
  });

  it('stays exact for large counts', () => {
    expect(attainmentPercent(1_234_567, 2_000_000)).toBe('61.7'); // 61.72835
    expect(attainmentPercent(999_999, 1_000_000)).toBe('100.0'); // 99.9999
  });

  it('refuses counts that cannot be a share', () => {
    expect(() => attainmentPercent(3, 2)).toThrow(RangeError);
    expect(() => attainmentPercent(-1, 2)).toThrow(RangeError);
    expect(() => attainmentPercent(0.5, 2)).toThrow(RangeError);
  });

  it('leaves pending tickets out of the share', () => {
    expect(slaAttainment(2, 1, 7)).toEqual({ met: 2, missed: 1, pending: 7, percent: '66.7' });
    expect(slaAttainment(0, 0, 4)).toEqual({ met: 0, missed: 0, pending: 4, percent: null });
  });
});
