import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { PurchasingLoaders } from './loaders.js';

/** What the purchasing subgraph's resolvers receive per request. */
export type Context = SubgraphContext<PurchasingLoaders>;
