import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/postgresql';

// Writing many rows at once, in the caller's transaction: for the bulk forms of the packages that
// own a table (events in the outbox, audit entries, customers' access rows) and the statements of
// bulk writers (the customer import).

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) as ONE bound parameter, read with `?::text[]`
 * (or `uuid[]`, `jsonb[]`, …) and `unnest`: cheap for PostgreSQL to read, whatever the number of
 * rows, and the planner sees the values (so `= any(?::text[])` uses an index per value).
 */
export function pgArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else if (v.includes('"') || v.includes('\\')) out += `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    else out += `"${v}"`;
  }
  return `${out}}`;
}

/** A boolean[] literal as one bound parameter. */
export const pgBooleans = (values: readonly boolean[]): string => `{${values.map((v) => (v ? 't' : 'f')).join(',')}}`;

/**
 * Refuses to write now outside a transaction: a bulk write must share the transaction of the
 * change it belongs to (a change without its event, or an event without its change, must be
 * impossible).
 */
export function assertInTransaction(em: EntityManager, what: string): void {
  if (!em.isInTransaction()) throw new Error(`${what} writes at once: call it inside the transaction that writes the change (em.transactional)`);
}

/**
 * Runs one bulk statement in `em`'s transaction with its parameters bound (`?`), not inlined into
 * the SQL text as `em.execute` does — which, for megabytes of values, costs more than the statement.
 */
export async function executeBulk(em: SqlEntityManager, what: string, sql: string, params: readonly unknown[]): Promise<void> {
  assertInTransaction(em, what);
  await em
    .getKnex()
    .raw(sql, params as Knex.RawBinding[])
    .transacting(em.getTransactionContext<Knex.Transaction>()!);
}

/** One column of `insertColumns`: its name, its PostgreSQL type and a value per row (as text; null for NULL). */
export interface BulkColumn {
  name: string;
  type: string;
  values: readonly (string | null)[];
}

/**
 * Inserts rows into `table` with ONE statement, `insert … select * from unnest(…)`, each column one
 * array-literal parameter, in `em`'s transaction (which must be the change's).
 */
export async function insertColumns(em: SqlEntityManager, table: string, columns: readonly BulkColumn[]): Promise<void> {
  if ((columns[0]?.values.length ?? 0) === 0) return;
  await executeBulk(
    em,
    `insert into ${table}`,
    `insert into ${table} (${columns.map((c) => c.name).join(', ')}) select * from unnest(${columns.map((c) => `?::${c.type}[]`).join(', ')})`,
    columns.map((c) => pgArray(c.values)),
  );
}
