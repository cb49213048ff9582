import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';
import { introspect, isRequired, namedType, sampleValue, type Schema, type SchemaField } from './schema-walk.js';

// Issue 9, item 1: every list answers a cursor it did not issue with BAD_USER_INPUT naming `after`,
// never INTERNAL_SERVER_ERROR. Driven from the schema the gateway serves (the composed supergraph),
// so a connection added later is covered without anyone remembering to: every root Query field
// returning a `…Connection` with an `after` argument, and every such field nested in an object type
// (reached through the type's root lookup by id, on a record this file creates).

let system: TestSystem;
let schema: Schema;

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const UUID = '0191b3a0-0000-7000-8000-000000000001';

/** Cursors no list issued, by shape. */
const GARBLED: Record<string, string> = {
  'not base64': '!!! not a cursor !!!',
  'base64 of text that is not JSON': b64('hello, world'),
  'base64 of a JSON object': b64({ sortValue: 'Acme', id: UUID }),
  'base64 of a JSON array of three': b64(['Acme', UUID, 'extra']),
  'base64 of numbers': b64([1, 2]),
  'right shape, a text key and a non-UUID id': b64(['Acme', 'not-a-uuid']),
  'right shape, a timestamp key and a non-UUID id': b64(['2026-01-01T00:00:00.000Z', '42']),
  'right shape, a date key and a non-UUID id': b64(['2026-01-01', "1' or '1'='1"]),
  'right shape, a score key and a non-UUID id': b64(['0.5', '']),
  'right shape, a key no list sorts by (a NUL in it)': b64(['Acme\u0000', UUID]),
  'right shape, a number for the key': b64([42, UUID]),
  'too long': 'A'.repeat(20_000),
  'too long, base64 of the right shape': b64(['x'.repeat(3_000), UUID]),
};

const isConnection = (field: SchemaField): boolean => (namedType(field.type).name ?? '').endsWith('Connection') && field.args.some((a) => a.name === 'after');

/** The arguments a field needs besides `after` (required ones, with harmless values), as variables. */
function requiredArgs(field: SchemaField): { defs: string; args: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a) => a.name !== 'after' && isRequired(a.type));
  const typeOf = (ref: SchemaField['type']): string => (ref.kind === 'NON_NULL' ? `${typeOf(ref.ofType!)}!` : ref.kind === 'LIST' ? `[${typeOf(ref.ofType!)}]` : ref.name!);
  return {
    defs: required.map((a) => `, $${a.name}: ${typeOf(a.type)}`).join(''),
    args: required.map((a) => `, ${a.name}: $${a.name}`).join(''),
    variables: Object.fromEntries(required.map((a) => [a.name, sampleValue(schema, a.type)])),
  };
}

/** One list to probe: the operation (with `$after`) and the variables it needs. */
interface Target {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Where the connection is in `data`. */
  path: string[];
}

/** Records the nested connections hang off, created once: type name → the id of one the admin sees. */
const records: Record<string, string> = {};

function targets(): Target[] {
  const query = schema.types.find((t) => t.name === schema.queryType.name)!;
  const found: Target[] = [];
  for (const field of query.fields ?? []) {
    if (!isConnection(field)) continue;
    const { defs, args, variables } = requiredArgs(field);
    found.push({
      name: `Query.${field.name}`,
      query: `query Probe($after: String${defs}) { ${field.name}(first: 1, after: $after${args}) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      variables,
      path: [field.name],
    });
  }
  for (const type of schema.types) {
    if (type.kind !== 'OBJECT' || type.name === schema.queryType.name || type.name.startsWith('__')) continue;
    for (const field of (type.fields ?? []).filter(isConnection)) {
      // The root lookup of the type by id (`customer(id: ID!): Customer!`).
      const lookup = query.fields?.find((f) => namedType(f.type).name === type.name && f.args.length === 1 && f.args[0]!.name === 'id' && isRequired(f.args[0]!.type));
      const id = records[type.name];
      if (!lookup || !id) throw new Error(`${type.name}.${field.name} is a connection this test cannot reach: add a record of ${type.name} to \`records\``);
      const { defs, args, variables } = requiredArgs(field);
      found.push({
        name: `${type.name}.${field.name}`,
        query: `query Probe($id: ID!, $after: String${defs}) { ${lookup.name}(id: $id) { ${field.name}(first: 1, after: $after${args}) { edges { cursor } pageInfo { hasNextPage endCursor } } } }`,
        variables: { ...variables, id },
        path: [lookup.name, field.name],
      });
    }
  }
  return found;
}

beforeAll(async () => {
  system = await startTestSystem('cursors-test');
  schema = await introspect(system, system.adminToken);
  const created = await system.must<{ createCustomer: { id: string } }>(
    system.adminToken,
    `mutation { createCustomer(input: { name: "Cursor Probe Ltd", kind: COMPANY }) { id } }`,
  );
  records.Customer = created.createCustomer.id;
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('every connection refuses a cursor it did not issue', () => {
  it('finds the connections in the schema (root and nested)', () => {
    const names = targets().map((t) => t.name);
    // A floor, not the list: the schema drives the probes below, this only proves the walk found them.
    expect(names).toEqual(
      expect.arrayContaining(['Query.customers', 'Query.tickets', 'Query.invoices', 'Query.searchCustomers', 'Query.searchArticles', 'Customer.timeline', 'Customer.documents']),
    );
    expect(names.length).toBeGreaterThanOrEqual(14);
  });

  it('answers every garbled cursor with BAD_USER_INPUT naming `after`, on every connection', async () => {
    const answers: { list: string; cursor: string; code: unknown; field: unknown }[] = [];
    for (const target of targets()) {
      for (const [shape, after] of Object.entries(GARBLED)) {
        const result = await system.as(system.adminToken, target.query, { ...target.variables, after });
        const extensions = result.errors?.[0]?.extensions ?? {};
        answers.push({ list: target.name, cursor: shape, code: extensions.code ?? (result.errors ? 'no code' : 'answered'), field: extensions.field });
      }
    }
    const wrong = answers.filter((a) => a.code !== 'BAD_USER_INPUT' || a.field !== 'after');
    expect(wrong).toEqual([]);
    expect(answers.length).toBe(targets().length * Object.keys(GARBLED).length);
  }, 120_000);

  it('still follows the cursors it issued (the refusals are not of every cursor)', async () => {
    // Data on a few lists so their first page has an end cursor to continue from.
    const customer = records.Customer!;
    await system.must(system.adminToken, `mutation { createCustomer(input: { name: "Cursor Probe Two Ltd", kind: COMPANY }) { id } }`);
    await system.must(system.adminToken, `mutation($c: ID!) { openTicket(input: { customerId: $c, subject: "One" }) { id } }`, { c: customer });
    await system.must(system.adminToken, `mutation($c: ID!) { openTicket(input: { customerId: $c, subject: "Two" }) { id } }`, { c: customer });
    let followed = 0;
    for (const target of targets()) {
      const first = await system.as(system.adminToken, target.query, { ...target.variables, after: null });
      expect({ list: target.name, errors: first.errors }).toEqual({ list: target.name, errors: undefined });
      const page = target.path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], first.data) as {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      if (!page.pageInfo.endCursor) continue;
      const next = await system.as(system.adminToken, target.query, { ...target.variables, after: page.pageInfo.endCursor });
      expect({ list: target.name, errors: next.errors }).toEqual({ list: target.name, errors: undefined });
      followed++;
    }
    // customers, tickets and the customer's timeline at least have a first page ending in a cursor.
    expect(followed).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
