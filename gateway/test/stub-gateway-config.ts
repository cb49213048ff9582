import { readFileSync } from 'node:fs';
import type { Principal } from '@rapport/auth';
import { DEFAULT_OPERATION_LIMITS } from '@rapport/subgraph-kit';
import type { createGateway } from '../src/create-gateway.js';
import { SUBGRAPHS, supergraphPath, type SubgraphName } from '../src/subgraphs.js';

/**
 * A gateway's configuration with one stub URL standing in for every subgraph, no Kafka, no tracing,
 * and a verifier that knows one token (`token`, for `principal`); `overrides` for the rest.
 */
export function stubGatewayConfig(
  stubUrl: string,
  { token, principal, ...overrides }: { token: string; principal: Principal } & Partial<Parameters<typeof createGateway>[0]>,
): Parameters<typeof createGateway>[0] {
  return {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, stubUrl])) as Record<SubgraphName, string>,
    subgraphConnections: 4,
    dedupeSubgraphRequests: false,
    limits: DEFAULT_OPERATION_LIMITS,
    gatewaySecret: null,
    documentsMaxBytes: 1024,
    leadFormRedirectUrl: null,
    explorer: false,
    kafkaBrokers: [],
    topicPrefix: '',
    tracing: null,
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    verifier: async (given) => {
      if (given !== token) throw new Error('unknown token');
      return principal;
    },
    ...overrides,
  };
}

/** POSTs `query` (and its variables) to the gateway at `gatewayUrl` under `token`. */
export const postQuery = (gatewayUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Response> =>
  fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
