import { describe, expect, it } from 'vitest';
import { fieldOfThrown as fieldOf } from './app-error.js';
import { addDays } from './calendar.js';
import { requireIsoDate, requireUuid, requireText, pageSize } from './validate.js';

describe('validation', () => {
  it('counts days across month, year and leap-day ends', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('rejects a malformed id and names the field', () => {
    expect(fieldOf(() => requireUuid('customerId', 'not-a-uuid'))).toBe('customerId');
    expect(requireUuid('id', '0191B3A0-0000-7000-8000-000000000001')).toBe('0191b3a0-0000-7000-8000-000000000001');
  });

  it('rejects blank text and impossible dates', () => {
    expect(fieldOf(() => requireText('input.name', '   '))).toBe('input.name');
    expect(fieldOf(() => requireIsoDate('dueDate', '2026-02-30'))).toBe('dueDate');
    expect(requireIsoDate('dueDate', '2026-02-28')).toBe('2026-02-28');
  });

  it('bounds page sizes', () => {
    expect(pageSize('first', undefined, 20, 100)).toBe(20);
    expect(pageSize('first', 100, 20, 100)).toBe(100);
    expect(fieldOf(() => pageSize('first', 0, 20, 100))).toBe('first');
    expect(fieldOf(() => pageSize('first', 101, 20, 100))).toBe('first');
  });
});
