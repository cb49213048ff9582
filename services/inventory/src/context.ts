import type { Access, SubgraphContext } from '@rapport/subgraph-kit';
import type { InventoryLoaders } from './create-inventory-service.js';

/** What the inventory subgraph's resolvers receive per request. */
export type Context = SubgraphContext<InventoryLoaders>;

/** The verified caller of a request; null only on public root fields (inventory has none). */
export type Caller = SubgraphContext<unknown>['principal'];

/** Who asks and what access their role gives them to the records at hand: every read and write is narrowed by it. */
export interface Viewer {
  principal: Caller;
  access: Access;
}
