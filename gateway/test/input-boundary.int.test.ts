import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';
import { customerAccessSettled, inPool, introspect, isRequired, leavesOf, rowCounts, sampleValue, selectionFor, typeText, type Schema, type SchemaField } from './schema-walk.js';

// The input boundary (packages/subgraph-kit/src/input-guard.ts, connection.ts, schema.ts) through
// the gateway, driven from the schema it serves: every string and ID argument of every root field,
// every connection's cursor. Directly at a subgraph for what only a subgraph exposes (`_entities`).

let system: TestSystem;
let schema: Schema;
let customerId = '';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${system.adminToken}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'], headers: response.headers };
}

const refusalOf = (answer: Answer): Record<string, unknown> => ({ status: answer.status, ...answer.body.errors?.[0]?.extensions });

beforeAll(async () => {
  system = await startTestSystem('input-boundary-test');
  schema = await introspect(system, system.adminToken);
  customerId = (await system.must<{ createCustomer: { id: string } }>(system.adminToken, `mutation { createCustomer(input: { name: "Acme Pumps", kind: COMPANY }) { id } }`))
    .createCustomer.id;
  await customerAccessSettled(system);
});

afterAll(async () => {
  await system?.stop();
});

/** Every root field of the API schema with its operation type. */
function rootFields(): { operation: 'query' | 'mutation'; field: SchemaField }[] {
  const of = (name: string | undefined, operation: 'query' | 'mutation') =>
    (schema.types.find((t) => t.name === name)?.fields ?? []).filter((f) => !f.name.startsWith('_')).map((field) => ({ operation, field }));
  return [...of(schema.queryType.name, 'query'), ...of(schema.mutationType?.name, 'mutation')];
}

/** An operation calling `field` with every argument as a variable `$a_<name>`; `tested` gets `value`, required others a sample. */
function callOf(operation: string, field: SchemaField, tested: string, value: unknown): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((a) => a.name === tested || isRequired(a.type));
  const query = `${operation}(${args.map((a) => `$a_${a.name}: ${typeText(a.type)}`).join(', ')}) { ${field.name}(${args.map((a) => `${a.name}: $a_${a.name}`).join(', ')})${selectionFor(schema, field.type)} }`;
  const variables = Object.fromEntries(args.map((a) => [`a_${a.name}`, a.name === tested ? value : sampleValue(schema, a.type)]));
  return { query, variables };
}

describe('the input boundary, through the gateway', () => {
  it('refuses a NUL or a lone surrogate in every string argument and input field of every root field, naming it, and writes nothing', async () => {
    const cases = rootFields().flatMap(({ operation, field }) =>
      field.args.flatMap((arg) =>
        leavesOf(schema, arg.type, arg.name)
          .filter((leaf) => leaf.scalar !== 'ID')
          .flatMap((leaf) => ['Ac\u0000me', 'Acme \uD800 Pumps', '\uDFFF'].map((bad) => ({ operation, field, arg: arg.name, leaf, bad }))),
      ),
    );
    expect(cases.length).toBeGreaterThan(300);
    const before = await rowCounts(system);
    const wrong: unknown[] = [];
    await inPool(cases, 8, async ({ operation, field, arg, leaf, bad }) => {
      const { query, variables } = callOf(operation, field, arg, leaf.build(bad));
      const got = refusalOf(await post(system.url, query, variables));
      const want = { status: 400, code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field: leaf.path };
      if (JSON.stringify({ status: got.status, code: got.code, reason: got.reason, field: got.field }) !== JSON.stringify(want))
        wrong.push({ field: field.name, leaf: leaf.path, bad, got });
    });
    expect(wrong).toEqual([]);
    expect(await rowCounts(system)).toEqual(before);
  });

  it('refuses an ID that is not a UUID in every argument and input field of every root field before any SQL, naming it', async () => {
    const cases = rootFields().flatMap(({ operation, field }) =>
      field.args.flatMap((arg) =>
        leavesOf(schema, arg.type, arg.name)
          .filter((leaf) => leaf.scalar === 'ID')
          .map((leaf) => ({ operation, field, arg: arg.name, leaf })),
      ),
    );
    expect(cases.length).toBeGreaterThan(80);
    const before = await rowCounts(system);
    const wrong: unknown[] = [];
    await inPool(cases, 8, async ({ operation, field, arg, leaf }) => {
      const { query, variables } = callOf(operation, field, arg, leaf.build("1' or '1'='1"));
      const got = refusalOf(await post(system.url, query, variables));
      if (got.status !== 400 || got.reason !== 'MALFORMED_ID' || got.field !== leaf.path) wrong.push({ field: field.name, leaf: leaf.path, got });
    });
    expect(wrong).toEqual([]);
    expect(await rowCounts(system)).toEqual(before);
  });

  it('refuses literal arguments the same way as variables', async () => {
    expect(refusalOf(await post(system.url, `{ customer(id: "42") { name } }`))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'MALFORMED_ID', field: 'id' });
    expect(refusalOf(await post(system.url, `{ searchCustomers(query: "ac\\u0000me") { edges { node { id } } } }`))).toMatchObject({
      status: 400,
      reason: 'INVALID_CHARACTERS',
      field: 'query',
    });
    const signIn = await post(
      system.url,
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { email: 'admin@rapport.example\u0000', password: 'x' } },
      { authorization: '' },
    );
    expect(refusalOf(signIn)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('refuses a forged cursor in every connection of the graph, naming `after`, however it is forged', async () => {
    const forge = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '0191b3a0-0000-7000-8000-000000000001';
    const forged = [
      forge(['Acme']), // wrong arity
      forge(['Acme', uuid, 'x']),
      forge([1, 2]), // wrong types
      forge({ sortValue: 'Acme', id: uuid }),
      forge(['Acme', 'not-a-uuid']), // an id PostgreSQL would refuse
      forge(['\u0000', uuid]), // a sort value PostgreSQL would refuse
      Buffer.from('not json').toString('base64url'),
      'garbage!!',
    ];
    // Where each type with a connection field can be reached from the root.
    const reach: Record<string, (selection: string) => { query: string; variables: Record<string, unknown> }> = {
      Customer: (selection) => ({ query: `query($id: ID!, $after: String) { customer(id: $id) { ${selection} } }`, variables: { id: customerId } }),
    };
    const calls: { list: string; build: (after: string) => { query: string; variables: Record<string, unknown> } }[] = [];
    for (const type of schema.types.filter((t) => t.kind === 'OBJECT' && !t.name.startsWith('__'))) {
      for (const field of (type.fields ?? []).filter((f) => f.args.some((a) => a.name === 'after'))) {
        const required = field.args.filter((a) => a.name !== 'after' && isRequired(a.type));
        const args = [...required.map((a) => `${a.name}: ${JSON.stringify(sampleValue(schema, a.type))}`), 'after: $after'].join(', ');
        const selection = `${field.name}(${args}) { pageInfo { hasNextPage } }`;
        if (type.name === schema.queryType.name) calls.push({ list: field.name, build: (after) => ({ query: `query($after: String) { ${selection} }`, variables: { after } }) });
        else {
          const via = reach[type.name];
          // eslint-disable-next-line vitest/no-conditional-expect -- fails the test for a connection nobody taught it to reach
          expect(via, `${type.name}.${field.name} is a connection: add how to reach a ${type.name} to this test`).toBeDefined();
          calls.push({ list: `${type.name}.${field.name}`, build: (after) => ({ ...via!(selection), variables: { ...via!(selection).variables, after } }) });
        }
      }
    }
    expect(calls.map((c) => c.list)).toEqual(
      expect.arrayContaining(['customers', 'searchCustomers', 'leads', 'tickets', 'invoices', 'users', 'products', 'suppliers', 'Customer.timeline']),
    );
    const wrong: unknown[] = [];
    await inPool(
      calls.flatMap((call) => forged.map((cursor) => ({ call, cursor }))),
      8,
      async ({ call, cursor }) => {
        const { query, variables } = call.build(cursor);
        const answer = await post(system.url, query, variables);
        const error = answer.body.errors?.[0]?.extensions;
        if (error?.code !== 'BAD_USER_INPUT' || error.field !== 'after' || answer.status >= 500)
          wrong.push({ list: call.list, cursor, status: answer.status, errors: answer.body.errors });
      },
    );
    expect(wrong).toEqual([]);
  });

  it('answers the website lead form with 400 naming the field for a NUL or a lone surrogate, and records no lead', async () => {
    const before = await rowCounts(system);
    const form = async (type: string, body: string) => {
      const response = await fetch(`${system.baseUrl}/forms/lead`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body });
      return { status: response.status, body: (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
    };
    const urlencoded = await form('application/x-www-form-urlencoded', 'name=Ac%00me&email=a%40acme.example');
    expect({ status: urlencoded.status, ...urlencoded.body.errors?.[0]?.extensions }).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'name' });
    const json = await form('application/json', '{"name":"Acme","email":"a@acme.example","message":"hi \\ud800"}');
    expect({ status: json.status, ...json.body.errors?.[0]?.extensions }).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'message' });
    expect(await rowCounts(system)).toEqual(before);
  });
});

describe('the input boundary, directly at a subgraph', () => {
  it('answers `_entities` with an unknown __typename, no key or no object with BAD_USER_INPUT naming the representation', async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    const url = system.subgraphs.customers.url;
    expect(refusalOf(await post(url, entities, { r: [{ __typename: 'NoSuchType', id: customerId }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_TYPENAME',
      field: 'representations.0.__typename',
    });
    expect(refusalOf(await post(url, entities, { r: [{ __typename: 'Customer', id: customerId }, { __typename: 'Customer' }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'representations.1',
    });
    expect(refusalOf(await post(url, entities, { r: ['Customer'] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations.0' });
    const known = await post(url, entities, { r: [{ __typename: 'Customer', id: customerId }] });
    expect(known.body).toEqual({ data: { _entities: [{ __typename: 'Customer' }] } });
  });

  it('answers a subscription, which no subgraph serves, with 400 BAD_REQUEST instead of an internal error', async () => {
    expect(refusalOf(await post(system.subgraphs.customers.url, 'subscription { __typename }'))).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      reason: 'SUBSCRIPTION_NOT_SUPPORTED',
    });
  });

  it('refuses a NUL in a mutation sent straight to the subgraph, and writes nothing', async () => {
    const before = await rowCounts(system);
    const answer = await post(system.subgraphs.customers.url, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
      i: { name: 'Ac\u0000me', kind: 'COMPANY' },
    });
    expect(refusalOf(answer)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field: 'input.name' });
    expect(await rowCounts(system)).toEqual(before);
  });
});

describe('request ids', () => {
  const history = `query($id: ID!) { customer(id: $id) { history(first: 1) { requestId } } }`;
  const create = `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`;

  it('keeps a well-formed x-request-id from the client in the audit trail', async () => {
    const created = await post(system.url, create, { i: { name: 'Correlated Ltd', kind: 'COMPANY' } }, { 'x-request-id': 'client-req.42' });
    expect(created.headers.get('x-request-id')).toBe('client-req.42');
    const id = (created.body.data as { createCustomer: { id: string } }).createCustomer.id;
    expect(await system.must(system.adminToken, history, { id })).toEqual({ customer: { history: [{ requestId: 'client-req.42' }] } });
  });

  it('replaces an unsafe or overlong x-request-id with a new one instead of storing it as it came, at the gateway and at a subgraph', async () => {
    for (const [url, garbage] of [
      [system.url, `<script>alert(1)</script>`],
      [system.url, 'x'.repeat(65)],
      [system.subgraphs.customers.url, `'; drop table audit_entry; --`],
    ] as const) {
      const created = await post(url, create, { i: { name: `Garbage ${garbage.length}`, kind: 'COMPANY' } }, { 'x-request-id': garbage });
      const requestId = created.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const id = (created.body.data as { createCustomer: { id: string } }).createCustomer.id;
      expect(await system.must(system.adminToken, history, { id })).toEqual({ customer: { history: [{ requestId }] } });
    }
  });
});
