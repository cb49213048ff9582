import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { IdentityLoaders } from './loaders.js';

/** What the identity subgraph's resolvers receive per request. */
export type Context = SubgraphContext<IdentityLoaders>;
