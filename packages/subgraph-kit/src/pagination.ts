import { raw } from '@mikro-orm/core';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { pageSize } from '@rapport/errors';
import { decodeCursor, toConnection, type Connection, type CursorKind } from './connection.js';
import { pageRuleOf } from './operation-limits.js';

/**
 * Keyset pagination, the one way every list pages (never OFFSET): the page size checked against the
 * field's rule in PAGE_RULES, the `after` cursor decoded and checked by `decodeCursor`, the tuple
 * comparison that continues after it, `first + 1` rows fetched, and the connection built from them.
 */

export type SortDirection = 'asc' | 'desc';

/** How a list is ordered: one sort value, then the id to break ties. */
export interface Keyset<Row> {
  /** SQL of the sort value, qualified by the query's alias (`t.opened_at`), or an expression with `?` placeholders. */
  sort: string;
  /** The values of `sort`'s placeholders. */
  sortParams?: readonly unknown[];
  /** What the cursor's sort value must look like (see `decodeCursor`). */
  kind: CursorKind;
  /** A cast for the cursor's sort value in SQL when the column's type does not decide it (`numeric`, `real`). */
  cast?: string;
  direction: SortDirection;
  /** The id column, qualified (`t.id`). */
  id: string;
  /** The id's order when it is not the sort's (a search: best score first, then id ascending). */
  idDirection?: SortDirection;
  /** What ORDER BY names for the sort value when not `sort` itself (a selected alias such as `rank`); required when `sort` has placeholders. */
  orderBy?: string;
  /** The row's sort value as its cursor carries it (a timestamp as `toISOString()`). */
  sortValue: (row: Row) => string;
}

/** A page asked for: the list's schema field (whose PAGE_RULES entry bounds `first`), `first` and `after` as given. */
export interface PageRequest {
  /** The schema field answering the list (`tickets`, `documents`); its page rule, else the default one. */
  field?: string;
  first: number | null | undefined;
  after: string | null | undefined;
}

/** A decoded cursor: the sort value and id to continue after. */
export interface Cursor {
  sortValue: string;
  id: string;
}

/** A checked page request: how many rows the page holds and where it starts. */
export interface Page {
  limit: number;
  after: Cursor | null;
}

/**
 * The page size `first` may ask of the schema field `field` (1..max of its PAGE_RULES entry, the
 * entry's default when absent), else BAD_USER_INPUT naming `argument` (INVALID_PAGE_SIZE).
 */
export function pageSizeOf(field: string | undefined, first: number | null | undefined, argument = 'first'): number {
  const rule = pageRuleOf(field ?? '');
  return pageSize(argument, first, rule.default, rule.max);
}

/**
 * Checks a page request: `first` against the field's rule, `after` decoded as a cursor of `kind`
 * (absent or empty: the first page, as every list has always read it); BAD_USER_INPUT naming the
 * argument otherwise.
 */
export function pageOf(request: PageRequest, kind: CursorKind): Page {
  const limit = pageSizeOf(request.field, request.first);
  const after = request.after ? decodeCursor('after', request.after, kind) : null;
  return { limit, after };
}

const COMPARE: Record<SortDirection, '<' | '>'> = { asc: '>', desc: '<' };

/**
 * The condition that keeps the rows after `cursor` in `keyset`'s order: the tuple comparison
 * `(sort, id) > (?, ?)` (`<` descending), or, when the id runs the other way, its expansion
 * `sort < ? or (sort = ? and id > ?)`.
 */
export function keysetCondition<Row>(keyset: Keyset<Row>, cursor: Cursor): { sql: string; params: unknown[] } {
  const value = keyset.cast ? `?::${keyset.cast}` : '?';
  const sortParams = keyset.sortParams ?? [];
  const idDirection = keyset.idDirection ?? keyset.direction;
  if (idDirection === keyset.direction) {
    return { sql: `(${keyset.sort}, ${keyset.id}) ${COMPARE[keyset.direction]} (${value}, ?)`, params: [...sortParams, cursor.sortValue, cursor.id] };
  }
  return {
    sql: `(${keyset.sort} ${COMPARE[keyset.direction]} ${value} or (${keyset.sort} = ${value} and ${keyset.id} ${COMPARE[idDirection]} ?))`,
    params: [...sortParams, cursor.sortValue, ...sortParams, cursor.sortValue, cursor.id],
  };
}

/** The ORDER BY of `keyset`, as SQL. */
export function keysetOrderSql<Row>(keyset: Keyset<Row>): string {
  return `${orderExpression(keyset)} ${keyset.direction}, ${keyset.id} ${keyset.idDirection ?? keyset.direction}`;
}

function orderExpression<Row>(keyset: Keyset<Row>): string {
  if (keyset.orderBy) return keyset.orderBy;
  if (keyset.sortParams?.length) throw new Error(`keyset sort ${keyset.sort} has parameters: name what ORDER BY uses (orderBy)`);
  return keyset.sort;
}

/** What a list's query gets to fetch one page: the keyset condition (none on the first page), the ORDER BY and how many rows to fetch (`limit + 1`). */
export interface PageQuery {
  where: { sql: string; params: unknown[] } | null;
  orderBy: string;
  fetch: number;
}

/**
 * One page of a list whose query is SQL the caller writes (a search's CTE): checks the request,
 * lets `run` fetch with the keyset condition, order and row count it is given, and builds the
 * connection from what it returns.
 */
export async function keysetPageSql<Row extends { id: string }>(keyset: Keyset<Row>, request: PageRequest, run: (query: PageQuery) => Promise<Row[]>): Promise<Connection<Row>> {
  const page = pageOf(request, keyset.kind);
  const rows = await run({ where: page.after ? keysetCondition(keyset, page.after) : null, orderBy: keysetOrderSql(keyset), fetch: page.limit + 1 });
  return toConnection(rows, page.limit, keyset.sortValue);
}

/**
 * One page of a list built with a MikroORM query builder (already narrowed to what the caller may
 * see and filtered): continues after `request.after` in `keyset`'s order, fetches `first + 1` of
 * its entities and returns the connection.
 */
export function keysetPage<Entity extends { id: string }>(qb: QueryBuilder<Entity, string>, keyset: Keyset<Entity>, request: PageRequest): Promise<Connection<Entity>> {
  return keysetPageWith(qb, keyset, request, (builder): Promise<Entity[]> => builder.getResultList());
}

/** Like `keysetPage`, for rows that are not the builder's entities (a search hit with its rank): `fetch` runs the prepared builder and maps what it returns. */
export function keysetPageWith<Entity extends object, Row extends { id: string }>(
  qb: QueryBuilder<Entity, string>,
  keyset: Keyset<Row>,
  request: PageRequest,
  fetch: (qb: QueryBuilder<Entity, string>) => Promise<Row[]>,
): Promise<Connection<Row>> {
  return keysetPageSql(keyset, request, async ({ where, fetch: rows }) => {
    if (where) qb.andWhere(where.sql, where.params);
    qb.orderBy([{ [raw(orderExpression(keyset))]: keyset.direction }, { [raw(keyset.id)]: keyset.idDirection ?? keyset.direction }]).limit(rows);
    return fetch(qb);
  });
}
