/** A process `rapport start` runs: its name, port and entry point (relative to the repo root). */
export interface ServiceSpec {
  name: string;
  port: number;
  entry: string;
}

/** The subgraphs, in the order they start and are listed. */
export const SUBGRAPHS: readonly ServiceSpec[] = [
  { name: 'identity', port: 4001 },
  { name: 'customers', port: 4002 },
  { name: 'sales', port: 4003 },
  { name: 'support', port: 4004 },
  { name: 'inventory', port: 4005 },
  { name: 'purchasing', port: 4006 },
  { name: 'finance', port: 4007 },
].map(({ name, port }) => ({ name, port, entry: `services/${name}/src/main.ts` }));

export const GATEWAY: ServiceSpec = { name: 'gateway', port: 4000, entry: 'gateway/src/main.ts' };

export const HOST = '127.0.0.1';

export const graphqlUrl = (port: number): string => `http://${HOST}:${port}/graphql`;
export const readyUrl = (port: number): string => `http://${HOST}:${port}/ready`;
export const explorerUrl = (port: number): string => `http://${HOST}:${port}/explorer`;

/** `SUBGRAPH_<NAME>_URL` for each subgraph: what the gateway routes to. */
export function subgraphUrlEnv(subgraphs: readonly ServiceSpec[] = SUBGRAPHS): Record<string, string> {
  return Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, graphqlUrl(s.port)]));
}
