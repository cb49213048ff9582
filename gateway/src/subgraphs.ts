import { fileURLToPath } from 'node:url';
import { DEFAULT_HOST, SUBGRAPHS, type SubgraphName } from '@rapport/contracts';

// The subgraph list, ports and public root fields come from the registry in @rapport/contracts.
export { SUBGRAPHS, type SubgraphName };

export const defaultSubgraphUrl = (port: number): string => `http://${DEFAULT_HOST}:${port}/graphql`;

/** The repository root, from this file's location. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the checked-in supergraph lives. */
export const supergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
