import { fileURLToPath } from 'node:url';

/** The subgraphs the supergraph is composed of, with their default routing URLs. */
export const SUBGRAPHS = [
  { name: 'identity', port: 4001 },
  { name: 'customers', port: 4002 },
  { name: 'sales', port: 4003 },
  { name: 'support', port: 4004 },
  { name: 'inventory', port: 4005 },
  { name: 'purchasing', port: 4006 },
  { name: 'finance', port: 4007 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const defaultSubgraphUrl = (port: number): string => `http://127.0.0.1:${port}/graphql`;

/** The repository root, from this file's location. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the checked-in supergraph lives. */
export const supergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
