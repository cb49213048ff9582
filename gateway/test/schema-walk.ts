import { waitFor } from '@rapport/testing';
import type { TestSystem } from './harness.js';

// Helpers for tests driven from the schema the gateway serves (so a field added later is covered
// without anyone remembering to), and for proving that refused requests wrote nothing.

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
export interface InputValue {
  name: string;
  type: TypeRef;
}
export interface SchemaField {
  name: string;
  args: InputValue[];
  type: TypeRef;
}
export interface SchemaType {
  kind: string;
  name: string;
  fields: SchemaField[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}
export interface Schema {
  queryType: { name: string };
  mutationType: { name: string } | null;
  types: SchemaType[];
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';

/** The schema as the gateway's introspection answers it (as `token`). */
export async function introspect(system: TestSystem, token: string): Promise<Schema> {
  const data = await system.must<{ __schema: Schema }>(
    token,
    `{ __schema { queryType { name } mutationType { name }
       types { kind name enumValues { name } inputFields { name type { ${TYPE_REF} } }
               fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`,
  );
  return data.__schema;
}

/** The type as written in an operation: `[LineInput!]!`. */
export function typeText(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeText(ref.ofType!)}!`;
  if (ref.kind === 'LIST') return `[${typeText(ref.ofType!)}]`;
  return ref.name!;
}

export function namedType(ref: TypeRef): TypeRef {
  let current = ref;
  while (current.ofType) current = current.ofType;
  return current;
}

export const isRequired = (ref: TypeRef): boolean => ref.kind === 'NON_NULL';

/** A selection that makes a field's answer valid: `{ __typename }` for objects, nothing for leaves. */
export function selectionFor(schema: Schema, ref: TypeRef): string {
  const kind = schema.types.find((t) => t.name === namedType(ref).name)?.kind;
  return kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION' ? ' { __typename }' : '';
}

/** A harmless well-typed value for a required argument or input field. */
export function sampleValue(schema: Schema, ref: TypeRef, depth = 0): unknown {
  if (ref.kind === 'NON_NULL') return sampleValue(schema, ref.ofType!, depth);
  if (ref.kind === 'LIST') return [sampleValue(schema, ref.ofType!, depth)];
  const type = schema.types.find((t) => t.name === ref.name);
  switch (ref.name) {
    case 'ID':
      return '0191b3a0-0000-7000-8000-000000000001';
    case 'Int':
      return 5;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    default:
  }
  if (type?.kind === 'ENUM') return type.enumValues![0]!.name;
  if (type?.kind === 'INPUT_OBJECT' && depth < 4) {
    return Object.fromEntries((type.inputFields ?? []).filter((f) => isRequired(f.type)).map((f) => [f.name, sampleValue(schema, f.type, depth + 1)]));
  }
  return 'acme';
}

/** A leaf of an argument's value: its path from the argument down, the scalar, and the value with only that leaf set. */
export interface Leaf {
  path: string;
  scalar: string;
  build: (leafValue: unknown) => unknown;
}

/** Every String-like or ID leaf reachable in a value of `ref` (input objects to depth 4, lists through their first item). */
export function leavesOf(schema: Schema, ref: TypeRef, path: string, seen: string[] = []): Leaf[] {
  if (ref.kind === 'NON_NULL') return leavesOf(schema, ref.ofType!, path, seen);
  if (ref.kind === 'LIST') return leavesOf(schema, ref.ofType!, `${path}.0`, seen).map((l) => ({ ...l, build: (v: unknown) => [l.build(v)] }));
  const type = schema.types.find((t) => t.name === ref.name);
  if (type?.kind === 'SCALAR') return ['Int', 'Float', 'Boolean'].includes(type.name) ? [] : [{ path, scalar: type.name, build: (v) => v }];
  if (type?.kind !== 'INPUT_OBJECT' || seen.includes(type.name) || seen.length >= 4) return [];
  return (type.inputFields ?? []).flatMap((f) =>
    leavesOf(schema, f.type, `${path}.${f.name}`, [...seen, type.name]).map((l) => ({ ...l, build: (v: unknown) => ({ [f.name]: l.build(v) }) })),
  );
}

/** Rows in every table of every subgraph's database, by `subgraph.table`. */
export async function rowCounts(system: TestSystem): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, subgraph] of Object.entries(system.subgraphs)) {
    const connection = subgraph.service.orm.em.fork().getConnection();
    const tables = await connection.execute<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'mikro_orm%' order by 1`,
    );
    if (tables.length === 0) continue;
    const union = tables.map((t) => `select '${t.table_name}' as t, count(*)::int as n from "${t.table_name}"`).join(' union all ');
    for (const row of await connection.execute<{ t: string; n: number }[]>(union)) counts[`${name}.${row.t}`] = row.n;
  }
  return counts;
}

/** Runs `tasks` with at most `concurrency` at a time, in order of start. */
export async function inPool<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Waits until the events of the data a test arranged have been handled, so row counts stop moving:
 * every outbox published, every customer-scoped subgraph knows every customer, and the customers
 * service put each one's creation on its timeline.
 */
export async function customerAccessSettled(system: TestSystem): Promise<void> {
  const count = async (name: string, table: string): Promise<number | null> => {
    const connection = system.subgraphs[name as keyof TestSystem['subgraphs']].service.orm.em.fork().getConnection();
    const [exists] = await connection.execute<{ n: number }[]>(`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = ?`, [
      table,
    ]);
    if (!exists?.n) return null;
    const [row] = await connection.execute<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
    return row?.n ?? 0;
  };
  await waitFor(
    async () => {
      const customers = await count('customers', 'customer');
      for (const subgraph of Object.values(system.subgraphs)) {
        const [pending] = await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from outbox_message where published_at is null');
        if (pending?.n) return undefined;
      }
      if (((await count('customers', 'inbox_message')) ?? 0) < (customers ?? 0)) return undefined;
      for (const name of Object.keys(system.subgraphs)) {
        const known = await count(name, 'customer_access');
        if (known !== null && known !== customers) return undefined;
      }
      return true;
    },
    { what: 'every subgraph to learn of every customer', timeoutMs: 20_000 },
  );
}
