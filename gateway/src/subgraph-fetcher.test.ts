import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatcherFetcher, PlainHeaders, sharedRequestKey } from './subgraph-fetcher.js';

/** A real HTTP server standing in for a subgraph: it records each request and answers only when released. */
const received: { authorization: string | undefined; requestId: string | undefined; body: string }[] = [];
let held: (() => void)[] = [];
let url = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ authorization: req.headers.authorization, requestId: req.headers['x-request-id'] as string | undefined, body });
    held.push(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { answer: received.length, authorization: req.headers.authorization ?? null } }));
    });
  });
});
const agent = new Agent({ connections: 8 });

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  held = [];
});

/** Resolves once the server has received `n` requests, then answers them all. */
async function releaseAfter(n: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (received.length < n) {
    if (Date.now() > deadline) throw new Error(`the server received ${received.length} requests, expected ${n}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const answer of held.splice(0)) answer();
}

const query = JSON.stringify({ query: 'query Q__customers__0{customers{edges{node{name}}}}', variables: { ownerId: '1' } });
const mutation = JSON.stringify({ query: 'mutation M__customers__0{createCustomer(input:{name:"x"}){id}}', variables: {} });
const init = (body: string, authorization: string, requestId: string): { method: string; headers: Record<string, string>; body: string } => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
  body,
});

describe('in-flight deduplication of subgraph requests', () => {
  it('sends two concurrent identical queries under the same token as one request, each caller getting the answer', async () => {
    const fetcher = dispatcherFetcher(agent, undefined, { dedupe: true });
    const answers = Promise.all([fetcher(url, init(query, 'Bearer a', 'r1')), fetcher(url, init(query, 'Bearer a', 'r2'))]);
    await releaseAfter(1);
    const [first, second] = await answers;
    expect(received).toHaveLength(1);
    expect(received[0]?.requestId).toBe('r1');
    expect(first).not.toBe(second);
    expect(await first.json()).toEqual({ data: { answer: 1, authorization: 'Bearer a' } });
    expect(await second.text()).toBe(JSON.stringify({ data: { answer: 1, authorization: 'Bearer a' } }));
  });

  it('sends the same query under two different tokens as two requests', async () => {
    const fetcher = dispatcherFetcher(agent, undefined, { dedupe: true });
    const answers = Promise.all([fetcher(url, init(query, 'Bearer a', 'r1')), fetcher(url, init(query, 'Bearer b', 'r2'))]);
    await releaseAfter(2);
    const [first, second] = await answers;
    expect(received.map((r) => r.authorization).sort()).toEqual(['Bearer a', 'Bearer b']);
    expect(((await first.json()) as { data: { authorization: string } }).data.authorization).toBe('Bearer a');
    expect(((await second.json()) as { data: { authorization: string } }).data.authorization).toBe('Bearer b');
  });

  it('never shares a mutation', async () => {
    const fetcher = dispatcherFetcher(agent, undefined, { dedupe: true });
    const answers = Promise.all([fetcher(url, init(mutation, 'Bearer a', 'r1')), fetcher(url, init(mutation, 'Bearer a', 'r2'))]);
    await releaseAfter(2);
    await answers;
    expect(received).toHaveLength(2);
  });

  it('shares nothing once the first answer is in: a later identical query is sent again', async () => {
    const fetcher = dispatcherFetcher(agent, undefined, { dedupe: true });
    const first = fetcher(url, init(query, 'Bearer a', 'r1'));
    await releaseAfter(1);
    await (await first).json();
    const second = fetcher(url, init(query, 'Bearer a', 'r2'));
    await releaseAfter(2);
    expect(await (await second).json()).toEqual({ data: { answer: 2, authorization: 'Bearer a' } });
  });

  it('sends identical concurrent queries apart when deduplication is off', async () => {
    const fetcher = dispatcherFetcher(agent);
    const answers = Promise.all([fetcher(url, init(query, 'Bearer a', 'r1')), fetcher(url, init(query, 'Bearer a', 'r2'))]);
    await releaseAfter(2);
    await answers;
    expect(received).toHaveLength(2);
  });
});

describe('dispatcherFetcher', () => {
  it('gives up a request whose abort signal fires before the answer, rejecting with the signal’s reason', async () => {
    const fetcher = dispatcherFetcher(agent);
    const controller = new AbortController();
    const answer = fetcher(url, { ...init(query, 'Bearer a', 'r1'), signal: controller.signal });
    const deadline = Date.now() + 5000;
    while (received.length < 1 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('caller gave up'));
    await expect(answer).rejects.toThrow('caller gave up');
    await releaseAfter(1);
  });

  it('gives the answer as JSON and as text as often as asked, a clone answering the same', async () => {
    const fetcher = dispatcherFetcher(agent);
    const answer = fetcher(url, init(query, 'Bearer a', 'r1'));
    await releaseAfter(1);
    const response = await answer;
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ data: { answer: 1, authorization: 'Bearer a' } });
    expect(await response.clone().text()).toBe(JSON.stringify({ data: { answer: 1, authorization: 'Bearer a' } }));
    expect(response.bodyUsed).toBe(true);
  });
});

describe('sharedRequestKey', () => {
  it('ignores the request id and trace context but not the authorization or other headers', () => {
    const key = (headers: Record<string, string>): string | null => sharedRequestKey(url, { method: 'POST', headers, body: query });
    expect(key({ authorization: 'Bearer a', 'x-request-id': '1', traceparent: 'x' })).toBe(key({ authorization: 'Bearer a', 'x-request-id': '2' }));
    expect(key({ authorization: 'Bearer a' })).not.toBe(key({ authorization: 'Bearer b' }));
    expect(key({ authorization: 'Bearer a' })).not.toBe(key({ authorization: 'Bearer a', 'x-gateway-secret': 's' }));
  });

  it('refuses mutations, subscriptions, GETs and requests with an abort signal', () => {
    expect(sharedRequestKey(url, { method: 'POST', body: mutation })).toBeNull();
    expect(sharedRequestKey(url, { method: 'POST', body: JSON.stringify({ query: 'subscription S{x}' }) })).toBeNull();
    expect(sharedRequestKey(url, { method: 'GET', body: query })).toBeNull();
    expect(sharedRequestKey(url, { method: 'POST', body: query, signal: new AbortController().signal })).toBeNull();
    expect(sharedRequestKey(url, { method: 'POST', body: JSON.stringify({ query: '{customers{id}}' }) })).not.toBeNull();
  });
});

describe('PlainHeaders', () => {
  it('reads names in any case, joins repeated values as Headers does, and iterates lower-cased names', () => {
    const headers = new PlainHeaders([
      ['Content-Type', 'application/json'],
      ['X-Thing', 'a'],
    ]);
    headers.append('x-thing', 'b');
    headers.set('Authorization', 'Bearer a');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('X-THING')).toBe('a, b');
    expect(headers.has('authorization')).toBe(true);
    headers.delete('AUTHORIZATION');
    expect(headers.get('authorization')).toBeNull();
    expect(Object.fromEntries(headers)).toEqual({ 'content-type': 'application/json', 'x-thing': 'a, b' });
  });

  it('gives a subgraph answer’s headers as undici parsed them, repeated ones joined', async () => {
    const fetcher = dispatcherFetcher(agent);
    const answer = fetcher(url, init(query, 'Bearer a', 'r1'));
    await releaseAfter(1);
    const response = await answer;
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(PlainHeaders.fromRaw({ 'set-cookie': ['a=1', 'b=2'], vary: 'accept' }).get('Set-Cookie')).toBe('a=1, b=2');
    await response.text();
  });
});
