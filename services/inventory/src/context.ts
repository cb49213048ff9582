import type { SubgraphContext } from '@rapport/subgraph-kit';
import type { InventoryLoaders } from './create-inventory-service.js';

/** What the inventory subgraph's resolvers receive per request. */
export type Context = SubgraphContext<InventoryLoaders>;
