import { ReferenceKind, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
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
  if (convert.length > 0)
    for (const row of rows)
      for (const [name, to] of convert) {
        const value = row[name];
        if (value !== null && value !== undefined) row[name] = to(value);
      }
  return rows as Entity[];
}
