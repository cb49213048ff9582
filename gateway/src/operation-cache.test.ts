import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Principal } from '@rapport/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubSubgraphs, stubAnswers } from '../bench/stub-subgraphs.js';
import { postQuery, stubGatewayConfig } from '../test/stub-gateway-config.js';
import { createGateway, type Gateway } from './create-gateway.js';
import { FLAGSHIP_QUERY } from './explorer.js';
import { supergraphPath } from './subgraphs.js';

// The operation executeQueryPlan rebuilds on every request, built once per parsed document: what
// the gateway's calls to operationFromDocument return, watched from outside.
type OperationFromDocument = (schema: object, document: { definitions: readonly object[] }, options?: { validate?: boolean }) => object;
const operations = createRequire(import.meta.url)('@apollo/federation-internals/dist/operations.js') as { operationFromDocument: OperationFromDocument };
const synthesize = stubAnswers(readFileSync(supergraphPath, 'utf8'));
const principal: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 't' };
let gateway: Gateway;
let stub: Awaited<ReturnType<typeof startStubSubgraphs>>;
const built: object[] = [];

beforeAll(async () => {
  stub = await startStubSubgraphs((body) => JSON.stringify(synthesize(JSON.parse(body) as Parameters<typeof synthesize>[0])));
  gateway = createGateway(stubGatewayConfig(stub.url, { token: 'good', principal, oneFetchShortcut: false }));
  await gateway.start();
  const installed = operations.operationFromDocument;
  operations.operationFromDocument = (schema, document, options) => {
    const operation = installed(schema, document, options);
    if (options?.validate === false) built.push(operation);
    return operation;
  };
});
afterAll(async () => {
  await gateway.stop();
  await new Promise((resolve) => stub.server.close(resolve));
});

const post = async (query: string, variables: Record<string, unknown> = {}): Promise<string> => (await postQuery(gateway.url, 'good', query, variables)).text();

describe('the operation cache', () => {
  it('gives executeQueryPlan the operation it built for the same document, and another for another document', async () => {
    const first = await post(FLAGSHIP_QUERY, { ownerId: principal.userId });
    const second = await post(FLAGSHIP_QUERY, { ownerId: principal.userId });
    const other = await post('{ customers(first: 2) { edges { node { name openTickets { number } } } } }');
    expect(JSON.parse(first)).toMatchObject({ data: { customers: { edges: expect.any(Array) as unknown } } });
    expect(second).toBe(first);
    expect(JSON.parse(other)).toMatchObject({ data: { customers: { edges: expect.any(Array) as unknown } } });
    expect(built).toHaveLength(3);
    expect(built[1]).toBe(built[0]);
    expect(built[2]).not.toBe(built[0]);
    expect(String(built[0])).toContain('openOpportunities');
    expect(String(built[2])).not.toContain('openOpportunities');
  });
});
