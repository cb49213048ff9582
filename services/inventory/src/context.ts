import type { DataLoader, SubgraphContext } from '@rapport/subgraph-kit';
import type { IProduct } from './modules/product/product.entity.js';
import type { IShipment } from './modules/shipment/shipment.entity.js';

/**
 * The per-request loaders (built in loaders.ts). Spelt out rather than inferred from loaders.ts:
 * the module loaders import from the services, so importing them here would make an import cycle;
 * loaders.ts is checked against this shape instead.
 */
export interface InventoryLoaders {
  productById: DataLoader<string, IProduct | null>;
  shipmentsByOrderId: DataLoader<string, IShipment[]>;
}

/** What the inventory subgraph's resolvers receive per request. */
export type Context = SubgraphContext<InventoryLoaders>;
