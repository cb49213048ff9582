import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { CustomersLoaders } from './loaders.js';

/** What the customers subgraph's resolvers receive per request. */
export type Context = SubgraphContext<CustomersLoaders>;
