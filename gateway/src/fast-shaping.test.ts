import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Principal } from '@rapport/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStubSubgraphs, stubAnswers } from '../bench/stub-subgraphs.js';
import { postQuery, stubGatewayConfig } from '../test/stub-gateway-config.js';
import { createGateway, type Gateway } from './create-gateway.js';
import { FLAGSHIP_QUERY } from './explorer.js';
import { fastComputeResponse, installFastShaping, type ComputeResponse } from './fast-shaping.js';
import { supergraphPath } from './subgraphs.js';

// The fast shaping against Apollo's own `computeResponse`, on the very inputs the gateway's plans
// produce: each shaping of the requests below runs both, and their answers (data and errors) must
// be the same JSON; the fast one must shape the plain answers itself and hand the rest to Apollo's.
const shaping = createRequire(import.meta.url)('@apollo/gateway/dist/resultShaping.js') as { computeResponse: ComputeResponse };
const { original } = installFastShaping();
let handedOver = 0;
let shaped = 0;
const mismatches: string[] = [];
const fast = fastComputeResponse((args) => {
  handedOver++;
  return original(args);
});

const synthesize = stubAnswers(readFileSync(supergraphPath, 'utf8'));
/** Changes the stub's made-up answer of one subgraph request (by operation name), or leaves it. */
let tamper: (operationName: string, answer: { data: unknown }) => unknown = (_name, answer) => answer;
const principal: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 't' };
let gateway: Gateway;
let stub: Awaited<ReturnType<typeof startStubSubgraphs>>;

beforeAll(async () => {
  stub = await startStubSubgraphs((text) => {
    const body = JSON.parse(text) as Parameters<typeof synthesize>[0] & { operationName: string };
    return JSON.stringify(tamper(body.operationName, synthesize(body)));
  });
  // No one-fetch shortcut: every answer goes through Apollo's executor and so through the shaping.
  gateway = createGateway(stubGatewayConfig(stub.url, { token: 'good', principal, oneFetchShortcut: false }));
  await gateway.start();
  shaping.computeResponse = (args) => {
    // Apollo's shaping throws on some answers (a non-list for a list): the fast one must throw the same.
    const outcome = (shape: ComputeResponse): { result?: ReturnType<ComputeResponse>; json: string } => {
      try {
        const result = shape(args);
        return { result, json: JSON.stringify({ data: result.data, errors: result.errors }) };
      } catch (error) {
        return { json: `threw ${String(error)}` };
      }
    };
    const expected = outcome(original);
    const before = handedOver;
    const got = outcome(fast);
    if (handedOver === before) shaped++;
    if (got.json !== expected.json) mismatches.push(`${got.json}\n!==\n${expected.json}`);
    if (!expected.result) throw new Error(expected.json);
    return expected.result;
  };
});
afterAll(async () => {
  shaping.computeResponse = installFastShaping().fast;
  await gateway.stop();
  await new Promise((resolve) => stub.server.close(resolve));
});
beforeEach(() => {
  handedOver = 0;
  shaped = 0;
  mismatches.length = 0;
  tamper = (_name, answer) => answer;
});

const post = async (query: string, variables: Record<string, unknown> = {}): Promise<unknown> => (await postQuery(gateway.url, 'good', query, variables)).json();

/** Walks an answer's objects, letting `change` edit each (a deep copy is edited). */
const edit = (answer: { data: unknown }, change: (object: Record<string, unknown>) => void): unknown => {
  const copy = structuredClone(answer);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      change(value as Record<string, unknown>);
      Object.values(value).forEach(walk);
    }
  };
  walk(copy.data);
  return copy;
};

const FLAGSHIP_VARIABLES = { ownerId: principal.userId };

describe('the fast result shaping', () => {
  it('shapes the flagship query (six subgraph fetches) itself, as Apollo does', async () => {
    const answer = (await post(FLAGSHIP_QUERY, FLAGSHIP_VARIABLES)) as { data?: { customers?: { edges?: unknown[] } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.customers?.edges?.length).toBe(10);
    expect(mismatches).toEqual([]);
    expect(shaped).toBe(1);
    expect(handedOver).toBe(0);
  });

  it.each([
    ['a null where the schema forbids one', (object: Record<string, unknown>) => 'subject' in object && (object.subject = null), false],
    ['an unknown enum value', (object: Record<string, unknown>) => 'priority' in object && (object.priority = 'NOPE'), false],
    ['a number for a String', (object: Record<string, unknown>) => 'displayName' in object && (object.displayName = 3), false],
    ['a fractional Int', (object: Record<string, unknown>) => 'probability' in object && (object.probability = 0.5), false],
    ['a missing field', (object: Record<string, unknown>) => delete object.probability, false],
    ['another __typename', (object: Record<string, unknown>) => 'subject' in object && (object.__typename = 'Nope'), false],
    ['its own __typename', (object: Record<string, unknown>) => 'subject' in object && (object.__typename = 'Ticket'), true],
    ['an object for a list', (object: Record<string, unknown>) => 'openTickets' in object && (object.openTickets = {}), false],
    ['a null in a list', (object: Record<string, unknown>) => Array.isArray(object.openTickets) && object.openTickets.push(null), false],
    ['a list for an object', (object: Record<string, unknown>) => 'delivery' in object && (object.delivery = []), false],
    ['a nullable field null', (object: Record<string, unknown>) => 'owner' in object && (object.owner = null), true],
    ['a field the query did not ask for', (object: Record<string, unknown>) => 'subject' in object && (object.extra = { deep: [1] }), true],
  ])('answers as Apollo does with %s in a subgraph’s answer', async (_case, change, itself) => {
    tamper = (_name, answer) => edit(answer, change);
    await post(FLAGSHIP_QUERY, FLAGSHIP_VARIABLES);
    expect(mismatches).toEqual([]);
    expect({ shaped, handedOver }).toEqual(itself ? { shaped: 1, handedOver: 0 } : { shaped: 0, handedOver: 1 });
  });

  it.each([
    ['aliases', '{ a: customers(first: 2) { edges { n: node { nm: name owner { displayName } } } } }', true],
    ['an alias __proto__', '{ customers(first: 2) { edges { node { __proto__: name } } } }', false],
    ['__typename', '{ customers(first: 2) { edges { node { __typename name } } } }', false],
    ['a fragment', '{ customers(first: 2) { edges { node { ...F } } } } fragment F on Customer { name tags }', false],
    ['a skipped field', 'query($x: Boolean!) { customers(first: 2) { edges { node { name email @skip(if: $x) } } } }', false],
    ['introspection beside data', '{ __typename customers(first: 1) { edges { node { name } } } }', false],
  ])('shapes a query with %s as Apollo does', async (_case, query, itself) => {
    await post(query, { x: true });
    expect(mismatches).toEqual([]);
    expect({ shaped, handedOver }).toEqual(itself ? { shaped: 1, handedOver: 0 } : { shaped: 0, handedOver: 1 });
  });
});
