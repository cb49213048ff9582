import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@rapport/subgraph-kit';
import { testVerifier } from '@rapport/subgraph-kit/testing';
import { loadGatewayConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/create-gateway.js';
import { EXPLORER_ASSETS } from '../src/explorer-bundle.js';

let gateway: Gateway;

beforeAll(async () => {
  gateway = createGateway({ ...loadGatewayConfig({}), port: 0, verifier: await testVerifier() }, { logger: createLogger('gateway', 'silent') });
  await gateway.start();
});
afterAll(async () => gateway?.stop());

describe('explorer', () => {
  it('serves a GraphiQL page whose scripts and styles all come from the gateway itself', { timeout: 120_000 }, async () => {
    const response = await fetch(`${gateway.url}/explorer`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(['/explorer/assets/app.css', '/explorer/assets/app.js']);
    expect(html).not.toMatch(/https?:\/\//);
    // The page's two files and Monaco's workers; the first request may build the bundle (run from source).
    for (const file of Object.keys(EXPLORER_ASSETS)) {
      const res = await fetch(`${gateway.url}/explorer/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect((await res.text()).length, file).toBeGreaterThan(100_000);
    }
  });

  it('is off in production unless asked for, and its introspection needs a signed-in user anyway', async () => {
    const production = loadGatewayConfig({ NODE_ENV: 'production' });
    expect(production.explorer).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_EXPLORER: 'true' }).explorer).toBe(true);
    const anonymous = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    const body = (await anonymous.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers liveness without any subgraph running', async () => {
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });
});
