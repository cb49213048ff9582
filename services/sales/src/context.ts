import type { Access, SubgraphContext } from '@rapport/subgraph-kit';
import type { SalesLoaders } from './create-sales-service.js';

/** What the sales subgraph's resolvers receive per request. */
export type Context = SubgraphContext<SalesLoaders>;

/** The verified caller of a request; null only on public root fields (sales has none). */
export type Caller = SubgraphContext<unknown>['principal'];

/** Who asks and what access their role gives them to the records at hand: every read and write is narrowed by it. */
export interface Viewer {
  principal: Caller;
  access: Access;
}
