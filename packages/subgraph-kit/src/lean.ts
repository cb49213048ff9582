import { ReferenceKind, type EntityMetadata, type EntityName, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { QueryBuilder, SqlEntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';

type Convert = (value: unknown) => unknown;

/** Per entity, the properties whose column value a custom type converts (decimal, date, arrays…). */
const converters = new WeakMap<EntityMetadata, [string, Convert][]>();

function convertersOf(meta: EntityMetadata, platform: Platform): [string, Convert][] {
  let list = converters.get(meta);
  if (!list) {
    const props: EntityProperty[] = meta.props;
    const related = props.find((prop) => prop.kind !== ReferenceKind.SCALAR);
    // A relation would come back as a bare key where the entity holds a reference: refuse rather than differ.
    if (related) throw new Error(`leanRows: ${meta.className}.${related.name} is a ${related.kind} relation; read ${meta.className} as entities`);
    list = props.flatMap((prop): [string, Convert][] => {
      const type = prop.customType;
      return type ? [[prop.name, (value) => type.convertToJSValue(value, platform)]] : [];
    });
    converters.set(meta, list);
  }
  return list;
}

/**
 * Runs a select built with a MikroORM query builder of one entity (`select('*')`, no joins or
 * populate) and returns its rows as plain objects holding exactly what the entities would hold —
 * the entity's property names, dates parsed, custom types (decimal strings, dates, arrays) converted
 * as hydration converts them — without creating entities: no identity map, no snapshot for change
 * tracking, no flush check before the query. For read paths: a row is not managed, so nothing set
 * on it is ever written. Entities here are `defineEntity` property bags with their behaviour in
 * functions, so a row has the entity's type; one with relations is refused.
 */
export async function leanRows<Entity extends object>(em: SqlEntityManager, qb: QueryBuilder<Entity, string>): Promise<Entity[]> {
  const convert = convertersOf(qb.mainAlias.meta as EntityMetadata, em.getPlatform());
  const rows = await qb.execute<Record<string, unknown>[]>('all', true);
  return convertRows(rows, convert) as Entity[];
}

function convertRows(rows: Record<string, unknown>[], convert: readonly [string, Convert][]): Record<string, unknown>[] {
  if (convert.length > 0)
    for (const row of rows)
      for (const [name, to] of convert) {
        const value = row[name];
        if (value !== null && value !== undefined) row[name] = to(value);
      }
  return rows;
}

/** A hand-written statement as PostgreSQL prepares it: its name on every pooled connection and its text with `$n` placeholders. */
interface Prepared {
  name: string;
  text: string;
}

/**
 * How many distinct texts are prepared at most per process (each pooled connection keeps each text
 * it ran prepared): beyond, a text runs as MikroORM runs it. The prepared reads have one text each
 * (`= any(?::uuid[])` for their ids), so the bound is there against a mistake, not reached.
 */
const MAX_PREPARED = 200;
const prepared = new Map<string, Prepared | null>();

/** `sql`'s `?` placeholders as `$1…$n`: every `?` is one, as `em.execute` reads them (its `??` and `\\?` are refused). */
function numbered(sql: string): string {
  if (sql.includes('??') || sql.includes('\\?')) throw new Error(`leanSql: ?? and \\? are not supported: ${sql}`);
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function preparedOf(sql: string): Prepared | null {
  let statement = prepared.get(sql);
  if (statement === undefined) {
    statement = prepared.size < MAX_PREPARED ? { name: `lean_${prepared.size + 1}`, text: numbered(sql) } : null;
    prepared.set(sql, statement);
  }
  return statement;
}

/** An array parameter as PostgreSQL's array literal, for `em.execute`, which inlines values (and would spread an array into a list). */
const arrayLiteral = (values: readonly unknown[]): string =>
  `{${values.map((value) => (value === null || value === undefined ? 'NULL' : `"${String(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

/**
 * Runs `sql` and answers its rows: through `em.execute` (in the fork's transaction if any), or, with
 * `prepare` and outside a transaction, as a named prepared statement on a pooled connection of the
 * same pool. MikroORM sends every statement as text with its values inlined, which PostgreSQL
 * parses and plans on every call: for the flagship's reads, planning took longer than running them
 * (at 200,000 customers 0.6–1 ms against 0.2–0.4 ms), and a sales read cost its backend 0.75 ms of
 * CPU sent so, 0.20 ms prepared (services/sales/bench/prepared-read.bench.ts). Prepared, it is parsed
 * once per connection and, once PostgreSQL settles on a generic plan (after five runs, when that plan
 * costs no more than the custom ones), planned once too.
 * MikroORM's logger sees the statement either way (tests count statements; tracing makes a span).
 */
async function runSql(em: SqlEntityManager, sql: string, params: readonly unknown[], prepare: boolean): Promise<Record<string, unknown>[]> {
  const statement = prepare && !em.getTransactionContext() ? preparedOf(sql) : null;
  if (!statement)
    return em.execute<Record<string, unknown>[]>(
      sql,
      params.map((value) => (Array.isArray(value) ? arrayLiteral(value) : value)),
    );
  const pool = (await em.getConnection().getNativeClient()) as pg.Pool;
  const logger = em.config.getLogger();
  const began = Date.now();
  try {
    const { rows } = await pool.query<Record<string, unknown>>({ name: statement.name, text: statement.text, values: [...params] });
    logger.logQuery({ level: 'info', query: statement.text, params: [...params], took: Date.now() - began, results: rows.length });
    return rows;
  } catch (error) {
    logger.logQuery({ level: 'error', query: statement.text, params: [...params], took: Date.now() - began });
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * `leanRows` for a hand-written select of one entity's table (`select "o".* from "opportunity" as
 * "o" where …`, `?` placeholders, an array parameter bound as one array: `= any(?::uuid[])`), run in
 * the request's fork and its transaction if any: the same plain rows, mapped by MikroORM's own
 * compiled result mapper (column names to property names, dates parsed) and converted by the
 * entity's custom types. For the hottest read paths (the flagship's per-customer lists): building and
 * compiling a query builder cost as much CPU as the rest of such a loader (`toQuery`,
 * `getNativeQuery`, criteria nodes), for SQL that never changes shape. Select every column of the
 * entity; an entity with relations is refused.
 *
 * `prepare`: run it as a prepared statement (see `runSql`) — only SQL whose text does not change with
 * its values (ids as one array, not a list of `?`) and whose generic plan was checked at scale:
 * PostgreSQL may settle on one plan for every value, so a read that needs its values to be planned
 * well (a visibility join ordered and limited by name) must not be prepared.
 */
export async function leanSql<Entity extends object>(
  em: SqlEntityManager,
  entity: EntityName<Entity>,
  sql: string,
  params: readonly unknown[],
  options: { prepare?: boolean } = {},
): Promise<Entity[]> {
  const meta = em.getMetadata(entity) as EntityMetadata;
  const convert = convertersOf(meta, em.getPlatform());
  const comparator = em.getComparator();
  const rows = (await runSql(em, sql, params, options.prepare ?? false)).map((row) => comparator.mapResult(meta, row) as Record<string, unknown>);
  return convertRows(rows, convert) as Entity[];
}
