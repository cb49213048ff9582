import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { SupportLoaders } from './loaders.js';

/** What the support subgraph's resolvers receive per request. */
export type Context = SubgraphContext<SupportLoaders>;
