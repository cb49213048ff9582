import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal } from '@rapport/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubGatewayConfig } from '../test/stub-gateway-config.js';
import { createGateway, type Gateway } from './create-gateway.js';

// The one-fetch shortcut against Apollo's own executor: two gateways on the same stub subgraph, one
// with the shortcut and one without, must answer every request with the same status and the same
// bytes, whatever the subgraph answers — and the shortcut must be taken where it applies.
type StubAnswer = { status: number; body: unknown } | 'reset';
let answer: StubAnswer = { status: 200, body: {} };
let calls = 0;
const stub = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    calls++;
    if (answer === 'reset') return void res.socket?.destroy();
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
});
const principal: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 't' };
let fast: Gateway;
let plain: Gateway;

beforeAll(async () => {
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  fast = createGateway(stubGatewayConfig(stubUrl, { token: 'good', principal }));
  plain = createGateway(stubGatewayConfig(stubUrl, { token: 'good', principal, oneFetchShortcut: false }));
  await Promise.all([fast.start(), plain.start()]);
});
afterAll(async () => {
  await Promise.all([fast.stop(), plain.stop()]);
  await new Promise((resolve) => stub.close(resolve));
});

const post = async (gateway: Gateway, body: unknown): Promise<{ status: number; text: string }> => {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer good' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
};

const shortcutsTaken = async (): Promise<number> => {
  const text = await (await fetch(`${fast.url}/metrics`)).text();
  return Number(/^rapport_gateway_one_fetch_shortcut_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 0);
};

/**
 * Sends the same request to both gateways with the stub answering `given` (the shortcut's gateway
 * twice: it learns a document on its first run by Apollo), expects the same answers and one subgraph
 * call per request; returns the answer and whether the shortcut answered the second time.
 */
async function compare(body: unknown, given: StubAnswer): Promise<{ status: number; json: unknown; taken: boolean }> {
  answer = given;
  const expected = await post(plain, body);
  const first = await post(fast, body);
  const before = await shortcutsTaken();
  const callsBefore = calls;
  const second = await post(fast, body);
  const taken = (await shortcutsTaken()) - before;
  expect(first).toEqual(expected);
  expect(second).toEqual(expected);
  // The shortcut giving up hands its answer to Apollo: never a second call for one request.
  expect(calls - callsBefore).toBeLessThanOrEqual(1);
  return { status: expected.status, json: JSON.parse(expected.text) as unknown, taken: taken === 1 };
}

const MINE = 'query Mine($o: ID, $n: Int) { customers(filter: { ownerId: $o }, first: $n) { edges { node { id name email lifecycleState tags createdAt } } } }';
const mine = { query: MINE, variables: { o: principal.userId, n: 5 }, operationName: 'Mine' };
const node = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'c1',
  name: 'Acme',
  email: null,
  lifecycleState: 'PROSPECT',
  tags: ['a', 'b'],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const data = (...nodes: unknown[]): { data: unknown } => ({ data: { customers: { edges: nodes.map((n) => ({ node: n })) } } });
const ok = (body: unknown): StubAnswer => ({ status: 200, body });

describe('the one-fetch shortcut', () => {
  it('answers a one-subgraph query with the subgraph’s data as it came, as Apollo would', async () => {
    const result = await compare(mine, ok(data(node(), node({ id: 'c2', email: 'b@example.test', tags: [] }))));
    expect(result.taken).toBe(true);
    expect(result.json).toEqual(data(node(), node({ id: 'c2', email: 'b@example.test', tags: [] })));
  });

  it('keeps aliases, an integer ID and any value of a custom scalar', async () => {
    const query = '{ all: customers(first: 3) { edges { n: node { key: id name createdAt } } } }';
    const result = await compare({ query }, ok({ data: { all: { edges: [{ n: { key: 7, name: 'A', createdAt: { odd: [1] } } }] } } }));
    expect(result.taken).toBe(true);
  });

  it('an empty page', async () => {
    expect((await compare(mine, ok(data()))).taken).toBe(true);
  });

  // Everything below is Apollo's to answer; the shortcut hands it the answer it already has.
  it.each([
    ['null for a non-null field', ok(data(node({ name: null })))],
    ['an unknown enum value', ok(data(node({ lifecycleState: 'NOPE' })))],
    ['a fractional ID', ok(data(node({ id: 4.5 })))],
    ['a number for a String', ok(data(node({ name: 12 })))],
    ['a non-list for a list', ok(data(node({ tags: 'a' })))],
    ['a null list element where none may be', ok(data(node({ tags: ['a', null] })))],
    ['fields in another order', ok({ data: { customers: { edges: [{ node: { name: 'Acme', ...node() } }] } } })],
    ['a field the query did not ask for', ok(data({ ...node(), __typename: 'Customer' }))],
    ['a missing field', ok(data({ id: 'c1', name: 'Acme' }))],
    ['errors with partial data', ok({ data: { customers: null }, errors: [{ message: 'boom', path: ['customers'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })],
    ['errors without data', ok({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] })],
    ['data null without errors', ok({ data: null })],
    ['no data and no errors', ok({})],
    ['an empty errors list', ok({ ...data(node()), errors: [] })],
    ['extensions beside the data', ok({ ...data(node()), extensions: { cost: 3 } })],
    ['a 4xx refusal', { status: 400, body: { errors: [{ message: 'filter.ownerId must be a UUID', extensions: { code: 'BAD_USER_INPUT' } }] } }],
    ['a 500', { status: 500, body: { errors: [{ message: 'down' }] } }],
    ['a non-object body', ok([1, 2])],
    ['a reset connection', 'reset' as const],
  ])('gives Apollo %s', async (_case, given) => {
    const result = await compare(mine, given);
    // Extensions are dropped by Apollo: the data alone is kept as it is.
    expect(result.taken).toBe(_case === 'extensions beside the data');
  });

  it.each([
    ['__typename', '{ customers(first: 2) { edges { node { __typename id } } } }', ok(data({ __typename: 'Customer', id: 'c1' }))],
    ['a directive', 'query($x: Boolean!) { customers(first: 2) { edges { node { id email @include(if: $x) } } } }', ok(data({ id: 'c1' }))],
    ['a fragment', '{ customers(first: 2) { edges { node { ...F } } } } fragment F on Customer { id }', ok(data({ id: 'c1' }))],
    ['an inline fragment', '{ customers(first: 2) { edges { node { ... on Customer { id } } } } }', ok(data({ id: 'c1' }))],
    ['the same field twice', '{ customers(first: 2) { edges { node { id id } } } }', ok(data({ id: 'c1' }))],
  ])('leaves a query with %s to Apollo', async (_case, query, given) => {
    const result = await compare({ query, variables: { x: false } }, given);
    expect(result.taken).toBe(false);
  });

  it('leaves variables that do not coerce to Apollo, without calling the subgraph', async () => {
    await compare(mine, ok(data(node())));
    const callsBefore = calls;
    const result = await compare({ ...mine, variables: { o: principal.userId, n: 'five' } }, ok(data(node())));
    expect(result.taken).toBe(false);
    expect(calls).toBe(callsBefore);
    expect(result.json).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('leaves a query planned over several subgraphs to Apollo', async () => {
    const query = '{ customers(first: 2) { edges { node { id openTickets { number } } } } }';
    answer = ok({ data: { customers: { edges: [] } } });
    const result = await compare({ query }, answer);
    expect(result.taken).toBe(false);
  });
});
