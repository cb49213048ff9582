import fc from 'fast-check';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringProblem } from '@rapport/subgraph-kit';
import { waitFor } from '@rapport/testing';
import { startTestSystem, type TestSystem } from './harness.js';
import { customerAccessSettled, inPool, isRequired, namedType, rowCounts, selectionFor, typeText, type Schema, type SchemaField, type TypeRef } from './schema-walk.js';

// Hostile and careless clients, generated with fast-check from a fixed seed: fuzzed documents,
// variables built from the schema with hostile values, malformed bodies, garbage headers and
// forged cursors, against the gateway and directly against the customers subgraph. Whatever comes
// in, every answer must be a refusal (or an answer) that costs little and reveals nothing:
// no 5xx, no INTERNAL_SERVER_ERROR, no stack trace, no SQL, under a time bound, no row written,
// and both processes healthy afterwards.

const SEED = 20_261_205;
/**
 * Every answer within this, measured per request with 8 in flight, the whole system in this one
 * process. It is set for a loaded CI machine (the figures in the README were measured at a load
 * average near 27 on 2 cores, where a sign-in's scrypt alone took seconds); the work it guards
 * against — an operation whose cost explodes — takes minutes. HOSTILE_TIME_BOUND_MS tightens it.
 */
const TIME_BOUND_MS = Number(process.env.HOSTILE_TIME_BOUND_MS ?? 8_000);
const CONCURRENCY = 8;

/** What an answer must never contain: a stack frame, or a database error or statement. */
const STACK = /\n\s+at |\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|\.(?:ts|js|mjs|cjs):\d+:\d+|node:internal|stacktrace/i;
const SQL =
  /invalid input syntax|syntax error at or near|violates [\w ]*constraint|(?:relation|column|function|operator) "[^"]*" does not exist|invalid byte sequence|value too long for type|out of range for type|DriverException|QueryFailedError|\bselect\s+"|insert into "|update "[a-z_]+" set|delete from "|from "[a-z_]+" as "/i;

let system: TestSystem;
let repToken = '';
let customerId = '';
const schemas = {} as Record<'gateway' | 'customers', Schema>;
const urls = {} as Record<'gateway' | 'customers', { origin: string; graphql: string }>;

interface Probe {
  family: string;
  target: 'gateway' | 'customers';
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

// ---- values -------------------------------------------------------------------------------

const SQLISH = [
  "'; drop table customer; --",
  "' or '1'='1",
  '1) or (1=1',
  '%',
  '_%_',
  '\\',
  '$$; select pg_sleep(10); $$',
  "'||(select current_user)||'",
  '\u0000',
  '\uD800',
  '\uDFFF',
  'Robert"); DROP TABLE students;--',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '\r\nSet-Cookie: a=b',
];
const badChar = fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SQLISH) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), badChar, fc.string({ maxLength: 10 })).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 60_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n') },
);
const hostileId: fc.Arbitrary<string | number> = fc.oneof(
  fc.uuid(),
  hostileString,
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 42 as unknown as string),
);
const hostileInt = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e300, 0.5));
/** Text a header can carry (visible Latin-1, no CR/LF/NUL), up to 600 characters. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 600,
});
/** Percent-encodes like encodeURIComponent, sending a lone surrogate as the invalid UTF-8 bytes it would be (ED A0 80). */
const pct = (text: string): string =>
  text
    .split(/([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/)
    .map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A value for an input of type `ref`, from the schema, with hostile leaves and now and then the wrong shape. */
function valueFor(schema: Schema, ref: TypeRef, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.jsonValue({ maxDepth: 2 });
  const typed = ((): fc.Arbitrary<unknown> => {
    if (ref.kind === 'NON_NULL') return valueFor(schema, ref.ofType!, depth);
    if (ref.kind === 'LIST') return fc.array(valueFor(schema, ref.ofType!, depth + 1), { maxLength: 3 });
    const type = schema.types.find((t) => t.name === ref.name);
    if (type?.kind === 'ENUM') return fc.oneof(fc.constantFrom(...type.enumValues!.map((v) => v.name)), hostileString);
    if (type?.kind === 'INPUT_OBJECT') {
      if (depth > 3) return fc.constant({});
      const fields = type.inputFields ?? [];
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(schema, f.type, depth + 1)])), {
        requiredKeys: fields.filter((f) => isRequired(f.type)).map((f) => f.name),
      });
    }
    switch (ref.name) {
      case 'ID':
        return hostileId;
      case 'Int':
        return hostileInt;
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostileInt);
      case 'Boolean':
        return fc.boolean();
      case 'String':
        return hostileString;
      default:
        return fc.oneof(
          hostileString,
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          wrong,
        );
    }
  })();
  return fc.oneof({ weight: 12, arbitrary: typed }, { weight: 1, arbitrary: wrong }, { weight: 1, arbitrary: fc.constant(null) });
}

/** Every string in `value`. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Puts a NUL into the first string of `value` (returns false when it has none). */
function poison(value: Record<string, unknown>): boolean {
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') {
      value[key] = `${v}\u0000`;
      return true;
    }
    if (v && typeof v === 'object' && poison(v as Record<string, unknown>)) return true;
  }
  return false;
}
// Bad as the boundary judges it (the kit's `stringProblem`): a NUL or a lone surrogate. A paired one
// (an emoji) is valid text, and a signed-in mutation carrying only that may legitimately write.
const hasBadString = (value: unknown): boolean => strings(value).some((s) => stringProblem(s) !== null);

// ---- callers --------------------------------------------------------------------------------

type Caller = 'none' | 'admin' | 'rep' | 'garbage' | 'forged';
const forgedJwt = fc
  .tuple(fc.constantFrom('none', 'HS256', 'EdDSA', 'RS256'), fc.constantFrom('ADMIN', 'DIRECTOR'), fc.uuid(), fc.string({ maxLength: 40 }))
  .map(([alg, role, sub, sig]) => `${b64({ alg, typ: 'JWT', kid: 'x' })}.${b64({ sub, role, iss: 'rapport-identity', aud: 'rapport', exp: 4102444800 })}.${b64(sig)}`);
const caller = fc.constantFrom<Caller>('none', 'admin', 'admin', 'rep', 'garbage', 'forged');
const authorizationFor = (who: Caller, garbage: string, forged: string): Record<string, string> => {
  if (who === 'admin') return { authorization: `Bearer ${system.adminToken}` };
  if (who === 'rep') return { authorization: `Bearer ${repToken}` };
  if (who === 'garbage') return { authorization: garbage };
  if (who === 'forged') return { authorization: `Bearer ${forged}` };
  return {};
};

// ---- families of probes -------------------------------------------------------------------

const jsonPost = (family: string, target: Probe['target'], body: string, headers: Record<string, string> = {}): Probe => ({
  family,
  target,
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

/** Operations built from the target's schema: a root field (or `_entities` at a subgraph) with hostile arguments. */
function schemaOperations(target: Probe['target']): fc.Arbitrary<Probe> {
  const schema = schemas[target];
  const fieldsOf = (name: string | undefined, operation: 'query' | 'mutation') =>
    (schema.types.find((t) => t.name === name)?.fields ?? []).filter((f) => f.name !== '_service').map((field) => ({ operation, field }));
  const fields = [...fieldsOf(schema.queryType.name, 'query'), ...fieldsOf(schema.mutationType?.name, 'mutation')];
  return fc
    .tuple(fc.constantFrom(...fields), caller, headerText, forgedJwt)
    .chain(([{ operation, field }, who, garbage, forged]) =>
      fc
        .tuple(
          ...field.args.map((a) =>
            isRequired(a.type)
              ? valueFor(schema, a.type).map((v) => [a.name, v] as const)
              : fc.option(
                  valueFor(schema, a.type).map((v) => [a.name, v] as const),
                  { nil: undefined },
                ),
          ),
        )
        .map((pairs) => ({ operation, field, who, garbage, forged, variables: Object.fromEntries(pairs.filter((p): p is readonly [string, unknown] => p !== undefined)) })),
    )
    .map(({ operation, field, who, garbage, forged, variables }) => {
      let as = who;
      // A signed-in mutation could legitimately write: it always carries a bad string, or goes unsigned.
      if (operation === 'mutation' && (as === 'admin' || as === 'rep') && !hasBadString(variables) && !poison(variables)) as = 'none';
      const args = field.args.filter((a) => a.name in variables);
      const declared = args.length ? `(${args.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ')})` : '';
      const passed = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      const selection = field.name === '_entities' ? ' { __typename ... on Customer { name } }' : selectionFor(schema, field.type);
      const query = `${operation}${declared} { ${field.name}${passed}${selection} }`;
      return jsonPost(`schema:${field.name}`, target, JSON.stringify({ query, variables }), authorizationFor(as, garbage, forged));
    });
}

/** `_entities` at the subgraph with representations of any shape. */
const entityProbes = fc
  .array(
    fc.oneof(
      fc.record(
        { __typename: fc.oneof(fc.constantFrom('Customer', 'Contact', 'Lead', 'User', 'Query', '__Schema', 'Customer '), hostileString), id: hostileId },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxLength: 5 },
  )
  .map((r) =>
    jsonPost(
      'entities',
      'customers',
      JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Customer { name } } }', variables: { r } }),
      { authorization: `Bearer ${system.adminToken}` },
    ),
  );

const VALID_DOCUMENTS = [
  '{ customers(first: 5) { edges { node { id name owner { displayName } } } } }',
  'query Q($q: String!) { searchCustomers(query: $q, first: 3) { edges { score node { name } } } }',
  'mutation { createCustomer(input: { name: "Acme\\u0000", kind: COMPANY }) { id } }',
  'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
  'query A { __typename } query B { __typename }',
  '{ __schema { types { name fields { name } } } }',
];

/** Documents: random text, broken valid ones, deep nesting, alias and fragment bombs, absurd literals. */
const documentProbes = (target: Probe['target']) =>
  fc
    .tuple(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.tuple(fc.constantFrom(...VALID_DOCUMENTS), fc.nat(), fc.string({ unit: 'binary-ascii', maxLength: 5 }), fc.nat({ max: 20 })).map(([doc, at, insert, cut]) => {
          const i = at % (doc.length + 1);
          return doc.slice(0, i) + insert + doc.slice(i + cut);
        }),
        // Deep nesting and alias bombs up to the issue's sizes: refused before parsing (bracket depth,
        // token count) and before validation, so they cost the server next to nothing.
        fc.integer({ min: 13, max: 3_000 }).map((n) => `${'{ a '.repeat(n)}${'}'.repeat(n)}`),
        fc.integer({ min: 50, max: 20_000 }).map((n) => `${'['.repeat(n)}`),
        fc.integer({ min: 31, max: 3_000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`),
        fc.integer({ min: 2, max: 12 }).map((n) => {
          const fragments = Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
          return `query { ...F${n} } fragment F0 on Query { __typename } ${fragments}`;
        }),
        fc.constantFrom(
          '{ customers(first: 99999999999999999999) { edges { node { id } } } }',
          '{ customers(first: -5) { edges { node { id } } } }',
          '{ customers(first: 1e400) { edges { node { id } } } }',
          'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
          '{ customer(id: """\\u0000""") { id } }',
          'subscription { __typename }',
          '{ __type(name: "\\uD800") { name } }',
          '{ customers @include(if: "yes") { edges { node { id } } } }',
        ),
      ),
      caller,
      fc.option(fc.oneof(hostileString, fc.constantFrom('A', 'B', 'Q')), { nil: undefined }),
    )
    .map(([query, who, operationName]) =>
      jsonPost(`document:${target}`, target, JSON.stringify({ query, ...(operationName === undefined ? {} : { operationName }) }), authorizationFor(who, 'Bearer x', 'x.y.z')),
    );

/** Bodies and transport: not JSON, wrong content types, odd methods, batches, deep JSON, huge numbers, GET with garbage. */
const bodyProbes = (target: Probe['target']) =>
  fc.oneof(
    fc
      .tuple(
        fc.string({ unit: 'binary', maxLength: 500 }),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/graphql',
          'application/json; charset=utf-16',
          '',
        ),
      )
      .map(([body, type]) => ({ family: `body:${target}`, target, method: 'POST', path: '/graphql', headers: type ? { 'content-type': type } : {}, body })),
    fc.jsonValue({ maxDepth: 4 }).map((v) => jsonPost(`json:${target}`, target, JSON.stringify(v))),
    fc
      .record(
        { query: fc.jsonValue({ maxDepth: 2 }), variables: fc.jsonValue({ maxDepth: 3 }), operationName: fc.jsonValue({ maxDepth: 1 }), extensions: fc.jsonValue({ maxDepth: 2 }) },
        { requiredKeys: [] },
      )
      .map((v) => jsonPost(`json-fields:${target}`, target, JSON.stringify(v), { authorization: `Bearer ${system.adminToken}` })),
    fc.integer({ min: 1_000, max: 45_000 }).map((n) => jsonPost(`deep-json:${target}`, target, `{"query":"{ __typename }","variables":{"v":${'['.repeat(n)}${']'.repeat(n)}}}`)),
    fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '-0', '0.0000000000000000000000001').map((n) =>
      jsonPost(`huge-number:${target}`, target, `{"query":"query($f: Int) { customers(first: $f) { edges { node { id } } } }","variables":{"f":${n}}}`, {
        authorization: `Bearer ${system.adminToken}`,
      }),
    ),
    fc.array(fc.constant({ query: '{ __typename }' }), { minLength: 2, maxLength: 50 }).map((batch) => jsonPost(`batch:${target}`, target, JSON.stringify(batch))),
    fc.tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.string({ maxLength: 50 })).map(([method, body]) => ({
      family: `method:${target}`,
      target,
      method,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      ...(method === 'HEAD' || method === 'OPTIONS' ? {} : { body }),
    })),
    fc.tuple(hostileString, hostileString, fc.boolean()).map(([query, variables, preflight]) => ({
      family: `get:${target}`,
      target,
      method: 'GET',
      path: `/graphql?query=${pct(query)}&variables=${pct(variables)}`,
      headers: preflight ? { 'apollo-require-preflight': 'true', authorization: `Bearer ${system.adminToken}` } : {},
    })),
    fc.string({ unit: 'binary-ascii', maxLength: 100 }).map((p) => ({ family: `path:${target}`, target, method: 'GET', path: `/${pct(p)}`, headers: {} })),
  );

/** Headers: garbage authorization, forged tokens, x-request-id and accept garbage, on a harmless query. */
const headerProbes = (target: Probe['target']) =>
  fc
    .tuple(
      fc.oneof(
        headerText,
        headerText.map((t) => `Bearer ${t}`),
        forgedJwt.map((t) => `Bearer ${t}`),
        fc.constantFrom('Bearer', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(8_000)}`),
      ),
      fc.oneof(headerText, fc.constantFrom('x'.repeat(5_000), "'; drop table audit_entry; --", '../../etc/passwd')),
      fc.oneof(headerText, fc.constantFrom('application/json', 'text/html', '*/*', 'application/graphql-response+json')),
    )
    .map(([authorization, requestId, accept]) =>
      jsonPost(`headers:${target}`, target, JSON.stringify({ query: '{ customers(first: 1) { edges { node { id } } } }' }), { authorization, 'x-request-id': requestId, accept }),
    );

/** Cursors: forged, random, or random bytes, to every connection of the target's schema. */
function cursorProbes(target: Probe['target']): fc.Arbitrary<Probe> {
  const schema = schemas[target];
  const query = schema.types.find((t) => t.name === schema.queryType.name)!;
  const lists = (query.fields ?? []).filter((f) => f.args.some((a) => a.name === 'after'));
  const customerLists = (schema.types.find((t) => t.name === 'Customer')?.fields ?? []).filter((f) => f.args.some((a) => a.name === 'after'));
  const cursor = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map(b64),
    fc.tuple(hostileString, hostileId).map(b64),
    fc
      .tuple(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.double().map(String),
        ),
        fc.uuid(),
        fc.option(fc.jsonValue({ maxDepth: 1 })),
      )
      .map(b64),
    fc.base64String({ maxLength: 200 }),
    hostileString,
  );
  const required = (field: SchemaField) =>
    field.args
      .filter((a) => a.name !== 'after' && isRequired(a.type))
      .map((a) => `${a.name}: ${namedType(a.type).name === 'String' ? '"acme"' : '"0191b3a0-0000-7000-8000-000000000001"'}`);
  const call = (field: SchemaField) => `${field.name}(${[...required(field), 'first: 2', 'after: $after'].join(', ')}) { pageInfo { hasNextPage } }`;
  const selections = [
    ...lists.map((f) => `query($after: String, $id: ID!) { ${call(f)} customer(id: $id) { id } }`),
    ...customerLists.map((f) => `query($after: String, $id: ID!) { customer(id: $id) { ${call(f)} } }`),
  ];
  return fc
    .tuple(fc.constantFrom(...selections), cursor)
    .map(([q, after]) =>
      jsonPost(`cursor:${target}`, target, JSON.stringify({ query: q, variables: { after, id: customerId } }), { authorization: `Bearer ${system.adminToken}` }),
    );
}

/** The website lead form at the gateway: every submission carries a bad character or a wrong type, so none may be stored. */
const leadFormProbes = fc
  .tuple(
    fc.dictionary(fc.constantFrom('name', 'company', 'email', 'phone', 'message', 'website', 'x'), hostileString, { maxKeys: 6 }),
    badChar,
    fc.constantFrom('name', 'email', 'message'),
    fc.constantFrom('form', 'json', 'other'),
  )
  .map(([fields, bad, poisoned, kind]) => {
    // A form body cannot carry a lone surrogate (it is sent as U+FFFD): forms are poisoned with NUL.
    const values = { ...fields, [poisoned]: `${fields[poisoned] ?? 'x'}${kind === 'json' ? bad : '\u0000'}` };
    const body = kind === 'json' ? JSON.stringify(values) : new URLSearchParams(values).toString();
    const type = kind === 'json' ? 'application/json' : kind === 'form' ? 'application/x-www-form-urlencoded' : 'text/csv';
    return { family: 'lead-form', target: 'gateway' as const, method: 'POST', path: '/forms/lead', headers: { 'content-type': type, accept: 'application/json' }, body };
  });

/** The document routes: no token, or garbage ids. */
const documentRouteProbes = fc.tuple(hostileString, fc.boolean()).map(([id, signed]) => ({
  family: 'document-route',
  target: 'gateway' as const,
  method: signed ? 'GET' : 'POST',
  path: signed ? `/files/documents/${pct(id)}` : `/files/customers/${pct(id)}/documents?kind=OTHER&fileName=${pct(id)}`,
  headers: signed ? { authorization: `Bearer ${system.adminToken}` } : { 'content-type': 'application/pdf' },
  ...(signed ? {} : { body: '%PDF-1.4 hostile' }),
}));

// ---- the run ------------------------------------------------------------------------------

interface Outcome {
  probe: Probe;
  status: number;
  ms: number;
  text: string;
}

/** Connections of our own, short-lived when idle, so no request races a server closing an idle keep-alive socket. */
const agent = new Agent({ keepAliveTimeout: 1_000, connections: CONCURRENCY * 2 });

/** Requests sent again on a connection of their own after the pooled one failed under them, with why. */
const resent: { family: string; cause: string }[] = [];

async function send(probe: Probe): Promise<Outcome> {
  const attempt = async (dispatcher: Agent): Promise<Outcome> => {
    const began = performance.now();
    const response = await fetch(`${urls[probe.target].origin}${probe.path}`, {
      method: probe.method,
      headers: probe.headers,
      ...(probe.body === undefined ? {} : { body: probe.body }),
      signal: AbortSignal.timeout(10 * TIME_BOUND_MS),
      dispatcher,
    });
    const text = await response.text();
    return { probe, status: response.status, ms: performance.now() - began, text };
  };
  try {
    return await attempt(agent);
  } catch (error) {
    // A pooled keep-alive socket the server closed after an earlier hostile request (one whose body it
    // refused to read) can fail a POST before it reaches the server; undici never resends a POST.
    // Once more on a fresh connection: a request the server itself breaks on fails again.
    if ((error as Error).name === 'TimeoutError') throw error;
    resent.push({ family: probe.family, cause: String((error as { cause?: unknown }).cause ?? error) });
    const fresh = new Agent({ connections: 1 });
    try {
      return await attempt(fresh);
    } finally {
      await fresh.close();
    }
  }
}

/** What is wrong with an answer, or null. */
function fault({ probe, status, ms, text }: Outcome): string | null {
  if (ms > TIME_BOUND_MS) return `took ${Math.round(ms)} ms`;
  if (text.includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  if (STACK.test(text)) return 'stack trace';
  if (SQL.test(text)) return 'SQL';
  if (status >= 500) return `HTTP ${status}`;
  return null;
}

const describeProbe = (o: Outcome) => ({
  family: o.probe.family,
  status: o.status,
  ms: Math.round(o.ms),
  request: `${o.probe.method} ${o.probe.path.slice(0, 200)} ${JSON.stringify(o.probe.headers).slice(0, 200)} ${(o.probe.body ?? '').slice(0, 400)}`,
  answer: o.text.slice(0, 400),
});

async function introspectAt(url: string): Promise<Schema> {
  const REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';
  const response = await fetch(url, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${system.adminToken}` },
    body: JSON.stringify({
      query: `{ __schema { queryType { name } mutationType { name } types { kind name enumValues { name } inputFields { name type { ${REF} } } fields { name args { name type { ${REF} } } type { ${REF} } } } } }`,
    }),
  });
  return ((await response.json()) as { data: { __schema: Schema } }).data.__schema;
}

beforeAll(async () => {
  system = await startTestSystem('hostile-input-test');
  urls.gateway = { origin: system.baseUrl, graphql: system.url };
  urls.customers = { origin: system.subgraphs.customers.service.url, graphql: system.subgraphs.customers.url };
  repToken = (await system.createUser({ email: 'rep@hostile.example', role: 'SALES_REP' })).token;
  customerId = (await system.must<{ createCustomer: { id: string } }>(system.adminToken, `mutation { createCustomer(input: { name: "Acme Pumps", kind: COMPANY }) { id } }`))
    .createCustomer.id;
  schemas.gateway = await introspectAt(urls.gateway.graphql);
  schemas.customers = await introspectAt(urls.customers.graphql);
  await customerAccessSettled(system);
});

afterAll(async () => {
  await agent.close();
  await system?.stop();
});

describe('hostile input', () => {
  it('answers 2,000+ generated hostile requests to the gateway and the customers subgraph without a fault, a leak, a slow answer or a write', async () => {
    const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number): T[] => fc.sample(arbitrary, { seed: SEED + offset, numRuns });
    const probes: Probe[] = [
      ...sample(schemaOperations('gateway'), 700, 1),
      ...sample(schemaOperations('customers'), 400, 2),
      ...sample(entityProbes, 60, 3),
      ...sample(documentProbes('gateway'), 150, 4),
      ...sample(documentProbes('customers'), 100, 5),
      ...sample(bodyProbes('gateway'), 150, 6),
      ...sample(bodyProbes('customers'), 100, 7),
      ...sample(headerProbes('gateway'), 100, 8),
      ...sample(headerProbes('customers'), 60, 9),
      ...sample(cursorProbes('gateway'), 150, 10),
      ...sample(cursorProbes('customers'), 60, 11),
      ...sample(leadFormProbes, 60, 12),
      ...sample(documentRouteProbes, 30, 13),
    ];
    expect(probes.length).toBeGreaterThanOrEqual(2_000);

    const before = await rowCounts(system);
    const began = performance.now();
    const outcomes: Outcome[] = [];
    const failures: unknown[] = [];
    await inPool(probes, CONCURRENCY, async (probe) => {
      try {
        const outcome = await send(probe);
        outcomes.push(outcome);
        const problem = fault(outcome);
        if (problem) failures.push({ problem, ...describeProbe(outcome) });
      } catch (error) {
        failures.push({
          problem: `no answer: ${(error as Error).message}`,
          family: probe.family,
          request: `${probe.method} ${probe.path.slice(0, 200)} ${(probe.body ?? '').slice(0, 300)}`,
        });
      }
    });
    const wall = performance.now() - began;
    const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const slowest = times.at(-1) ?? 0;
    const p50 = times[Math.floor(times.length / 2)] ?? 0;
    const p99 = times[Math.floor(times.length * 0.99)] ?? 0;
    const statuses = outcomes.reduce<Record<number, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
    const figures = {
      probes: probes.length,
      wallMs: Math.round(wall),
      p50Ms: Math.round(p50),
      p99Ms: Math.round(p99),
      slowestMs: Math.round(slowest),
      statuses,
      resent,
    };
    system.logger.info(figures, 'hostile input run');
    if (process.env.HOSTILE_REPORT) {
      console.info(JSON.stringify(figures));
      const byKind = failures.reduce<Record<string, number>>((acc, f) => {
        const { problem, family } = f as { problem: string; family: string };
        const key = `${family} ${problem.replace(/\d+ ms/, 'N ms').slice(0, 80)}`;
        return { ...acc, [key]: (acc[key] ?? 0) + 1 };
      }, {});
      console.info(JSON.stringify(byKind, null, 1));
      const seen = new Set<string>();
      for (const f of failures as { problem: string; family: string }[]) {
        const key = `${f.family} ${f.problem.slice(0, 30)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        console.info(JSON.stringify(f).slice(0, 1500));
      }
    }

    expect(failures.slice(0, 20), `${failures.length} of ${probes.length} answers at fault`).toEqual([]);
    expect(await rowCounts(system)).toEqual(before);
  }, 180_000);

  it('leaves the gateway and the subgraph healthy, ready and answering', async () => {
    for (const origin of [urls.gateway.origin, urls.customers.origin]) {
      expect((await fetch(`${origin}/health`, { dispatcher: agent })).status).toBe(200);
      // Readiness asks each dependency at most once a second, with a short timeout: a probe that ran
      // during the flood may still answer 503 for that second (seen in CI). Ready again soon after is
      // the property; never ready again fails here after 5 s.
      await waitFor(async () => ((await fetch(`${origin}/ready`, { dispatcher: agent })).status === 200 ? true : undefined), {
        timeoutMs: 5_000,
        intervalMs: 250,
        what: `${origin}/ready answering 200`,
      });
    }
    const answer = await system.must<{ customers: { edges: { node: { id: string; name: string } }[] } }>(
      system.adminToken,
      '{ customers(first: 5) { edges { node { id name } } } }',
    );
    expect(answer.customers.edges.map((e) => e.node)).toEqual([{ id: customerId, name: 'Acme Pumps' }]);
  });
});
