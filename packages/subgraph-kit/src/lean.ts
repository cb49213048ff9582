import { ReferenceKind, type EntityMetadata, type EntityName, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { QueryBuilder, SqlEntityManager } from '@mikro-orm/postgresql';

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

/**
 * `leanRows` for a hand-written select of one entity's table (`select "o".* from "opportunity" as
 * "o" where …`, `?` placeholders, run by `em.execute` in the request's fork and its transaction if
 * any): the same plain rows, mapped by MikroORM's own compiled result mapper (column names to
 * property names, dates parsed) and converted by the entity's custom types. For the hottest read
 * paths (the flagship's per-customer lists): building and compiling a query builder cost as much
 * CPU as the rest of such a loader (`toQuery`, `getNativeQuery`, criteria nodes), for SQL that
 * never changes shape. Select every column of the entity; an entity with relations is refused.
 */
export async function leanSql<Entity extends object>(em: SqlEntityManager, entity: EntityName<Entity>, sql: string, params: readonly unknown[]): Promise<Entity[]> {
  const meta = em.getMetadata(entity) as EntityMetadata;
  const convert = convertersOf(meta, em.getPlatform());
  const comparator = em.getComparator();
  const rows = (await em.execute<Record<string, unknown>[]>(sql, [...params])).map((row) => comparator.mapResult(meta, row) as Record<string, unknown>);
  return convertRows(rows, convert) as Entity[];
}
