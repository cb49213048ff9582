import { DEFAULT_HOST, GATEWAY_PORT, SUBGRAPHS as REGISTERED_SUBGRAPHS } from '@rapport/contracts';

/** A process `rapport start` runs: its name, port and entry point (relative to the repo root). */
export interface ServiceSpec {
  name: string;
  port: number;
  entry: string;
}

/** The subgraphs, in the order they start and are listed (from the registry in @rapport/contracts). */
export const SUBGRAPHS: readonly ServiceSpec[] = REGISTERED_SUBGRAPHS.map(({ name, port }) => ({ name, port, entry: `services/${name}/src/main.ts` }));

export const GATEWAY: ServiceSpec = { name: 'gateway', port: GATEWAY_PORT, entry: 'gateway/src/main.ts' };

export const HOST = DEFAULT_HOST;

export const graphqlUrl = (port: number): string => `http://${HOST}:${port}/graphql`;
export const readyUrl = (port: number): string => `http://${HOST}:${port}/ready`;
export const explorerUrl = (port: number): string => `http://${HOST}:${port}/explorer`;

/** `SUBGRAPH_<NAME>_URL` for each subgraph: what the gateway routes to. */
export function subgraphUrlEnv(subgraphs: readonly ServiceSpec[] = SUBGRAPHS): Record<string, string> {
  return Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, graphqlUrl(s.port)]));
}
