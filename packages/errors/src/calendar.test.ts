import { describe, expect, it } from 'vitest';
import { addDays, dayFromToday } from './calendar.js';

describe('calendar days', () => {
  it('counts days across month, leap-year and year ends, in UTC', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('shifts today by whole days from the given clock', () => {
    const now = Date.parse('2026-12-31T23:30:00Z');
    expect(dayFromToday(0, now)).toBe('2026-12-31');
    expect(dayFromToday(1, now)).toBe('2027-01-01');
    expect(dayFromToday(-31, now)).toBe('2026-11-30');
  });
});
