import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SECRET_HEADER } from '@rapport/subgraph-kit';
import { doublingFragments } from '@rapport/subgraph-kit/testing';
import { startTestSystem, type TestSystem } from './harness.js';

// Hostile documents through the gateway and straight at a subgraph: each is refused early, in
// linear time, with the status GraphQL over HTTP asks for. The system runs with a gateway secret,
// so every answer through the gateway also proves that the gateway presents it.

const SECRET = 'limits-test-gateway-secret';
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('limits-test', { gatewaySecret: SECRET });
});

afterAll(async () => {
  await system?.stop();
});

interface Answer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Posts `body` to `url` and returns the HTTP status, the time it took and the JSON answer. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, body: JSON.parse(text) as Answer['body'] };
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const gateway = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = bearer(system.adminToken), operationName?: string) =>
  post(system.url, { query, variables, ...(operationName ? { operationName } : {}) }, headers);
const identity = (query: string, headers: Record<string, string> = {}) =>
  post(system.subgraphs.identity.url, { query }, { [GATEWAY_SECRET_HEADER]: SECRET, ...bearer(system.adminToken), ...headers });

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('operation limits through the gateway', () => {
  it('refuses fragments that double at each of 30 levels in milliseconds, with or without a token', async () => {
    await gateway(`{ __typename }`); // warm up: the first request of a process pays for compiling
    const signedIn = await gateway(doublingFragments(30));
    expect(signedIn.status).toBe(400);
    expect(signedIn.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COST_LIMIT' });
    // Without a token: refused as soon as the document is parsed …
    const anonymous = await gateway(doublingFragments(30), {}, {});
    expect(anonymous.status).toBe(401);
    // … and on public root fields only (__typename), the limits refuse it as fast.
    const query = doublingFragments(30, 'query { ...F0 }', 'Query');
    expect(query.length).toBeLessThan(1500);
    const publicOnly = await gateway(query, {}, {});
    expect(publicOnly.status).toBe(400);
    expect(publicOnly.body.errors?.[0]?.extensions).toMatchObject({ reason: 'ROOT_FIELD_LIMIT' });
    // Walking each spread again took minutes (2^30 visits); the bound leaves room for a loaded machine.
    for (const answer of [signedIn, anonymous, publicOnly]) expect(answer.ms).toBeLessThan(5000);
  });

  it('refuses very deep nesting with a plain message instead of overflowing the parser', async () => {
    const deep = await gateway(`{ ${'teams { parent '.repeat(2_500)}${'}'.repeat(2_500)} }`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' });
    expect(deep.body.errors?.[0]?.message).not.toMatch(/call stack/i);
  });

  it('validates every page size before estimating the cost, naming the argument', async () => {
    for (const [query, variables] of [
      [`{ customers(first: -100) { edges { node { timeline(first: 100) { edges { node { summary } } } } } } }`, {}],
      [`query($n: Int) { customers(first: $n) { edges { cursor } } }`, { n: 0 }],
      [`query($n: Int) { users(first: $n) { edges { cursor } } }`, { n: 1_000_000_000 }],
      [`{ customers(first: 1) { edges { node { history(first: -1) { at } } } } }`, {}],
    ] as const) {
      const refused = await gateway(query, variables);
      expect(refused.status, query).toBe(400);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE', field: 'first' });
    }
  });

  it('counts the default page of a paged field asked without a page size', async () => {
    // 20 customers × 20 documents × 50 history entries: what the resolvers would return.
    const costly = await gateway(`{ customers { edges { node { documents { edges { node { history { at } } } } } } } }`);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]?.extensions).toMatchObject({ reason: 'COST_LIMIT' });
  });

  it('lets the explorer introspect the schema: introspection nests by the schema, not the data', async () => {
    const answer = await gateway(getIntrospectionQuery({ descriptions: true }));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });

  it('counts root fields wrapped in inline or named fragments as root fields', async () => {
    const fields = Array.from({ length: 11 }, (_, i) => `t${i}: teams { id }`).join(' ');
    for (const query of [`{ ... on Query { ${fields} } }`, `{ ...Roots } fragment Roots on Query { ${fields} }`]) {
      const refused = await gateway(query);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROOT_FIELD_LIMIT' });
    }
  });
});

describe('HTTP status codes through the gateway', () => {
  it('answers 401 when the caller must sign in', async () => {
    const anonymous = await gateway(`{ me { id } }`, {}, {});
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await gateway(`{ me { id } }`, {}, { authorization: 'Bearer not.a.token' });
    expect([forged.status, codeOf(forged)]).toEqual([401, 'UNAUTHENTICATED']);
    const viaGet = await fetch(`${system.url}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(viaGet.status).toBe(401);
  });

  it('answers 400 for a request that cannot run', async () => {
    const cases: [string, string | undefined, string][] = [
      [`{ me { id `, undefined, 'GRAPHQL_PARSE_FAILED'],
      [`{ me { noSuchField } }`, undefined, 'GRAPHQL_VALIDATION_FAILED'],
      [`query A { me { id } } query B { teams { id } }`, undefined, 'OPERATION_RESOLUTION_FAILURE'],
      [`query A { me { id } }`, 'Nope', 'OPERATION_RESOLUTION_FAILURE'],
      [`{ ${'teams { parent '.repeat(13)}id${' }'.repeat(13)} }`, undefined, 'BAD_USER_INPUT'],
    ];
    for (const [query, operationName, code] of cases) {
      const answer = await gateway(query, {}, bearer(system.adminToken), operationName);
      expect([answer.status, codeOf(answer)], query).toEqual([400, code]);
    }
  });

  it('answers 200 with errors when the operation ran and a field failed', async () => {
    const missing = await gateway(`query($id: ID!) { customer(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(200);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const fine = await gateway(`{ me { email } }`);
    expect(fine.status).toBe(200);
    expect(fine.body.errors).toBeUndefined();
  });

  it('passes on what a subgraph says when it refuses the gateway', async () => {
    const impostor = await system.startGateway({}, 4, { gatewaySecret: 'not-the-secret-at-all' });
    const answer = await post(`${impostor.url}/graphql`, { query: `{ me { id } }` }, bearer(system.adminToken));
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]).toMatchObject({ message: 'this service answers only the gateway', extensions: { code: 'FORBIDDEN', reason: 'GATEWAY_ONLY' } });
  });
});

describe('limits at a subgraph, for whoever reaches its port', () => {
  it('answers only the gateway when given a secret', async () => {
    const stranger = await post(system.subgraphs.identity.url, { query: `{ me { id } }` }, bearer(system.adminToken));
    expect([stranger.status, codeOf(stranger)]).toEqual([403, 'FORBIDDEN']);
    const wrong = await identity(`{ me { id } }`, { [GATEWAY_SECRET_HEADER]: 'guessed-secret-guessed' });
    expect(wrong.status).toBe(403);
    const health = await fetch(new URL('/health', system.subgraphs.identity.url));
    expect(health.status).toBe(200);
    const jwks = await fetch(new URL('/.well-known/jwks.json', system.subgraphs.identity.url));
    expect(jwks.status).toBe(200);
    const ok = await identity(`{ me { email } }`);
    expect([ok.status, ok.body.errors]).toEqual([200, undefined]);
    // The gateway's file routes present the secret too: the customers service answers them (here: no such document).
    const download = await fetch(`${system.baseUrl}/files/documents/00000000-0000-4000-8000-000000000000`, { headers: bearer(system.adminToken) });
    expect(download.status).toBe(404);
    const direct = await fetch(new URL('/documents/00000000-0000-4000-8000-000000000000', system.subgraphs.customers.url), { headers: bearer(system.adminToken) });
    expect(direct.status).toBe(403);
  });

  it('refuses 3,000 aliases in one body', async () => {
    const many = await identity(`{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
    expect(many.status).toBe(400);
    expect(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']).toContain(codeOf(many));
    const over = await identity(`{ me { ${Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ')} } }`);
    expect(over.status).toBe(400);
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALIAS_LIMIT' });
  });

  it('refuses 26 levels of teams { members { team … } }', async () => {
    let query = 'id';
    for (let i = 0; i < 13; i++) query = `members { team { ${query} } }`;
    const deep = await identity(`{ teams { ${query} } }`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' });
  });

  it('applies the same page-size and cost rules as the gateway', async () => {
    const negative = await identity(`{ users(first: -1) { edges { cursor } } }`);
    expect(negative.body.errors?.[0]?.extensions).toMatchObject({ reason: 'INVALID_PAGE_SIZE', field: 'first' });
    const costly = await identity(`{ users(first: 100) { edges { node { history(first: 200) { at action } } } } }`);
    expect([costly.status, costly.body.errors?.[0]?.extensions?.reason]).toEqual([400, 'COST_LIMIT']);
  });

  it('answers 401 without a token and 400 for a request that cannot run', async () => {
    const anonymous = await post(system.subgraphs.identity.url, { query: `{ me { id } }` }, { [GATEWAY_SECRET_HEADER]: SECRET });
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const invalid = await identity(`{ me { nope } }`);
    expect([invalid.status, codeOf(invalid)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const twoOps = await identity(`query A { me { id } } query B { me { id } }`);
    expect([twoOps.status, codeOf(twoOps)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
  });
});
