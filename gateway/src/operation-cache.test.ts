import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Principal } from '@rapport/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubAnswers } from '../bench/stub-subgraphs.js';
import { stubGatewayConfig } from '../test/stub-gateway-config.js';
import { createGateway, type Gateway } from './create-gateway.js';
import { FLAGSHIP_QUERY } from './explorer.js';
import { supergraphPath } from './subgraphs.js';

// The operation executeQueryPlan rebuilds on every request, built once per parsed document: what
// the gateway's calls to operationFromDocument return, watched from outside.
type OperationFromDocument = (schema: object, document: { definitions: readonly object[] }, options?: { validate?: boolean }) => object;
const operations = createRequire(import.meta.url)('@apollo/federation-internals/dist/operations.js') as { operationFromDocument: OperationFromDocument };
const synthesize = stubAnswers(readFileSync(supergraphPath, 'utf8'));
const stub = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(synthesize(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Parameters<typeof synthesize>[0])));
  });
});
const principal: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 't' };
let gateway: Gateway;
const built: object[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  gateway = createGateway(stubGatewayConfig(`http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`, { token: 'good', principal, oneFetchShortcut: false }));
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
  await new Promise((resolve) => stub.close(resolve));
});

const post = async (query: string, variables: Record<string, unknown> = {}): Promise<string> => {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer good' },
    body: JSON.stringify({ query, variables }),
  });
  return response.text();
};

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
