import { badInput, isUuid } from '@rapport/errors';
import { stringProblem } from './input-guard.js';

/** A Relay-style page of `T`. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Cursor = base64url JSON of the sort key and the id, the keyset to continue after. */
export const encodeCursor = (sortValue: string, id: string): string => Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

/**
 * What a list sorts by, so its cursors can be checked before they reach SQL:
 * - `text`: a name (at most 1,000 characters of valid text);
 * - `timestamp`: an instant exactly as `Date#toISOString` writes it;
 * - `date`: a calendar day, YYYY-MM-DD;
 * - `score`: a finite decimal number of a search rank (0, or between 1e-30 and 1e30 in magnitude).
 */
export type CursorKind = 'text' | 'timestamp' | 'date' | 'score';

/** The longest cursor accepted: a text sort key of 1,000 characters (up to 4 bytes each) and a UUID, base64url. */
const MAX_CURSOR_LENGTH = 5_600;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCORE = /^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,2})?$/i;

const SORT_VALUE_CHECKS: Record<CursorKind, (value: string) => boolean> = {
  text: (value) => value.length <= 1000 && stringProblem(value) === null,
  timestamp: (value) => {
    if (!TIMESTAMP.test(value)) return false;
    const time = Date.parse(value);
    // The years PostgreSQL's timestamptz takes without surprise, and only what toISOString writes back.
    return !Number.isNaN(time) && value >= '0001' && new Date(time).toISOString() === value;
  },
  date: (value) => DATE.test(value) && value >= '0001' && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
  score: (value) => {
    if (!SCORE.test(value)) return false;
    const n = Math.abs(Number(value));
    return Number.isFinite(n) && (n === 0 || (n >= 1e-30 && n <= 1e30));
  },
};

/**
 * The one place a cursor is read: base64url JSON of exactly `[sortValue, id]`, the sort value of
 * the list's `kind` and the id a UUID. Anything else — valid base64 of another shape, other types,
 * another arity, a value PostgreSQL would refuse — is BAD_USER_INPUT naming `field` (INVALID_CURSOR),
 * so a forged cursor never reaches SQL.
 */
export function decodeCursor(field: string, cursor: string, kind: CursorKind): { sortValue: string; id: string } {
  const refuse = () => badInput(field, `${field} is not a cursor this API issued`, 'INVALID_CURSOR');
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse();
  const [sortValue, id] = parsed as unknown[];
  if (typeof sortValue !== 'string' || typeof id !== 'string' || !isUuid(id) || !SORT_VALUE_CHECKS[kind](sortValue)) throw refuse();
  return { sortValue, id: id.toLowerCase() };
}

/**
 * Builds a connection from `rows` fetched with `limit = first + 1` in keyset order.
 * `sortValue` gives the value of the sort column for the cursor.
 */
export function toConnection<T extends { id: string }>(rows: T[], first: number, sortValue: (row: T) => string): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(sortValue(node), node.id), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
