import { badInput } from './app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws BAD_USER_INPUT naming `field` unless `value` is a UUID. Returns it lower-cased. */
export function requireUuid(field: string, value: string): string {
  if (!UUID.test(value)) throw badInput(field, `${field} must be a UUID, got "${truncate(value)}"`, 'MALFORMED_ID');
  return value.toLowerCase();
}

export const isUuid = (value: string): boolean => UUID.test(value);

/** Trims and requires a non-empty string no longer than `max`. */
export function requireText(field: string, value: string, max = 200): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, `${field} must not be empty`, 'REQUIRED');
  if (trimmed.length > max) throw badInput(field, `${field} must be at most ${max} characters`, 'TOO_LONG');
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max = 2000): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  if (trimmed.length > max) throw badInput(field, `${field} must be at most ${max} characters`, 'TOO_LONG');
  return trimmed;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function optionalEmail(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 254);
  if (text !== null && !EMAIL.test(text)) throw badInput(field, `${field} must be an email address`, 'INVALID_EMAIL');
  return text?.toLowerCase() ?? null;
}

/** Parses an ISO 8601 date (YYYY-MM-DD) and returns it unchanged when valid. */
export function requireIsoDate(field: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badInput(field, `${field} must be an ISO 8601 date (YYYY-MM-DD)`, 'INVALID_DATE');
  }
  const roundTrip = new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10);
  if (roundTrip !== value) throw badInput(field, `${field} is not a calendar date`, 'INVALID_DATE');
  return value;
}

/** The ISO date `days` after `date` (both YYYY-MM-DD, UTC; `days` may be negative). */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Requires `value` to be one of `allowed`. */
export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw badInput(field, `${field} must be one of ${allowed.join(', ')}`, 'INVALID_VALUE');
  }
  return value as T;
}

/** A page size between 1 and `max`. */
export function pageSize(field: string, first: number | null | undefined, fallback: number, max: number): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(field, `${field} must be between 1 and ${max}`, 'INVALID_PAGE_SIZE');
  return first;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
