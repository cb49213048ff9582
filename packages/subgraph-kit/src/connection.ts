import { badInput } from '@rapport/errors';

/** A Relay-style page of `T`. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Cursor = base64url JSON of the sort key and the id, the keyset to continue after. */
export const encodeCursor = (sortValue: string, id: string): string => Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

export function decodeCursor(field: string, cursor: string): { sortValue: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { sortValue: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw badInput(field, `${field} is not a cursor this API issued`, 'INVALID_CURSOR');
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
