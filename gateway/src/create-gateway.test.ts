import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal } from '@rapport/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stubGatewayConfig } from '../test/stub-gateway-config.js';
import { createGateway, type Gateway } from './create-gateway.js';

// The gateway's own subgraph calls (SubgraphDataSource.process) against a stub standing in for every
// subgraph: what it sends (headers, body) and what it makes of the answer. No Kafka, no database.
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let answer: { status: number; headers: Record<string, string>; body: unknown } = { status: 200, headers: {}, body: {} };
const stub = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
});
const principal: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'rep@example.test', role: 'SALES_REP', teamIds: [], tokenId: 't' };
const SECRET = 'a-gateway-secret-of-16+';
let gateway: Gateway;
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  gateway = createGateway(stubGatewayConfig(stubUrl, { token: 'good', principal, gatewaySecret: SECRET }));
  url = `${(await gateway.start()).url}/graphql`;
});
afterAll(async () => {
  await gateway.stop();
  await new Promise((resolve) => stub.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

const post = async (body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: unknown }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer good', 'x-request-id': 'req-1', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
};

describe('the gateway’s calls to a subgraph', () => {
  it('POSTs {query, variables, operationName} as JSON with the caller’s token, the request id and the gateway secret, and answers with the data', async () => {
    answer = { status: 200, headers: {}, body: { data: { customers: { edges: [{ node: { id: 'c1', name: 'Acme' } }] } } } };
    const result = await post({
      query: 'query Mine($o: ID) { customers(filter: { ownerId: $o }, first: 5) { edges { node { id name } } } }',
      variables: { o: principal.userId },
      operationName: 'Mine',
    });
    expect(result.json).toEqual({ data: { customers: { edges: [{ node: { id: 'c1', name: 'Acme' } }] } } });
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers.authorization).toBe('Bearer good');
    expect(call?.headers['x-request-id']).toBe('req-1');
    expect(call?.headers['x-gateway-secret']).toBe(SECRET);
    expect(call?.headers['idempotency-key']).toBeUndefined();
    const sent = JSON.parse(call?.body ?? '{}') as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(['query', 'variables', 'operationName']);
    expect(sent.variables).toEqual({ o: principal.userId });
    expect(call?.body.startsWith('{"query":"query Mine__customers__0')).toBe(true);
  });

  it('forwards the Idempotency-Key on a mutation and tells the client when the subgraph replayed it', async () => {
    answer = { status: 200, headers: { 'idempotent-replayed': 'true' }, body: { data: { createCustomer: { id: 'c2' } } } };
    const result = await post({ query: 'mutation { createCustomer(input: { name: "Acme", kind: COMPANY }) { id } }' }, { 'idempotency-key': 'key-1' });
    expect(result.json).toEqual({ data: { createCustomer: { id: 'c2' } } });
    expect(received[0]?.headers['idempotency-key']).toBe('key-1');
    expect(result.headers.get('idempotent-replayed')).toBe('true');
  });

  it('passes on a subgraph’s 4xx refusal with its message and code', async () => {
    answer = {
      status: 400,
      headers: {},
      body: { errors: [{ message: 'filter.ownerId must be a UUID', extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_ID', field: 'filter.ownerId' } }] },
    };
    const result = await post({ query: '{ customers(first: 5) { edges { node { id } } } }' });
    const errors = (result.json as { errors?: { message: string; extensions?: Record<string, unknown> }[] }).errors ?? [];
    expect(errors[0]?.message).toBe('filter.ownerId must be a UUID');
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_ID', field: 'filter.ownerId' });
  });

  it('refuses a subgraph answer that is not a JSON object', async () => {
    answer = { status: 200, headers: {}, body: ['not', 'an', 'object'] };
    const result = await post({ query: '{ customers(first: 5) { edges { node { id } } } }' });
    const errors = (result.json as { errors?: { message: string }[] }).errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(received).toHaveLength(1);
  });
});
