import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@rapport/subgraph-kit';
import { testToken, testVerifier } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/create-gateway.js';
import { SUBGRAPHS, type SubgraphName } from '../src/subgraphs.js';

// The gateway in front of subgraphs that are away: readiness names them, and clients get
// SERVICE_UNAVAILABLE (retryable) with HTTP 503, never INTERNAL_SERVER_ERROR. The subgraphs are
// stand-ins (a small HTTP server, a closed port): what matters is how the gateway treats them.

const servers: Server[] = [];
const gateways: Gateway[] = [];
let healthy = '';
let closedPort = '';
let overloaded = '';

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function startGateway(overrides: Partial<Record<SubgraphName, string>>): Promise<string> {
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, overrides[name] ?? healthy])) as Record<SubgraphName, string>;
  const gateway = createGateway(
    { ...loadGatewayConfig({}), port: 0, subgraphUrls, verifier: await testVerifier() },
    { logger: createLogger('gateway-availability', process.env.LOG_LEVEL ?? 'silent') },
  );
  gateways.push(gateway);
  await gateway.start();
  return gateway.url;
}

const ready = async (base: string) => {
  const response = await fetch(`${base}/ready`);
  return { status: response.status, body: (await response.json()) as { checks: Record<string, boolean> } };
};

async function query(base: string, text: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken()}` },
    body: JSON.stringify({ query: text }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } };
}

beforeAll(async () => {
  // Ready, and answers any operation with nothing useful: enough for readiness.
  healthy = await serve((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url === '/ready' ? '{"status":"ready"}' : '{"data":null}');
  });
  // A subgraph whose database is away: not ready, and its operations fail whole with 503.
  overloaded = await serve((req, res) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(
      req.url === '/ready'
        ? '{"status":"not ready","checks":{"database":false,"kafka":true}}'
        : '{"errors":[{"message":"a service this operation needs is unavailable; retry later","extensions":{"code":"SERVICE_UNAVAILABLE","retryable":true}}],"data":null}',
    );
  });
  const probe = await serve(() => undefined);
  closedPort = probe;
  const last = servers.pop()!;
  await new Promise<void>((resolve) => last.close(() => resolve()));
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the gateway with subgraphs away', () => {
  it('is ready when every subgraph is, and names each one', async () => {
    const base = await startGateway({});
    const answer = await ready(base);
    expect(answer.status).toBe(200);
    expect(answer.body.checks).toEqual(Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, true])));
  });

  it('is not ready while a subgraph is down or not ready itself, naming it', async () => {
    const base = await startGateway({ customers: closedPort, finance: overloaded });
    const answer = await waitFor(
      async () => {
        const r = await ready(base);
        return r.status === 503 ? r : undefined;
      },
      { what: 'the gateway to report the missing subgraphs' },
    );
    expect(answer.body.checks).toMatchObject({ customers: false, finance: false, identity: true, sales: true });
  });

  it('answers SERVICE_UNAVAILABLE, retryable, with HTTP 503 when the only subgraph an operation needs is down', async () => {
    const base = await startGateway({ customers: closedPort });
    const answer = await query(base, '{ customers(first: 1) { edges { cursor } } }');
    expect(answer.status).toBe(503);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|INTERNAL_SERVER_ERROR|127\.0\.0\.1/);
  });

  it('passes a subgraph’s own SERVICE_UNAVAILABLE on, with HTTP 503', async () => {
    const base = await startGateway({ identity: overloaded });
    const answer = await query(base, '{ me { id } }');
    expect(answer.status).toBe(503);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });
});
