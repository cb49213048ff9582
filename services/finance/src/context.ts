import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { FinanceLoaders } from './loaders.js';

/** What the finance subgraph's resolvers receive per request. */
export type Context = SubgraphContext<FinanceLoaders>;
