import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { SalesLoaders } from './create-sales-service.js';

/** What the sales subgraph's resolvers receive per request. */
export type Context = SubgraphContext<SalesLoaders>;
