import type { DataLoader, SubgraphContext } from '@rapport/subgraph-kit';
import type { IProduct } from './modules/product/product.entity.js';
import type { IShipment } from './modules/shipment/shipment.entity.js';

/**
 * The per-request loaders (built in loaders.ts). Spelt out rather than inferred from loaders.ts:
 * the module loaders use Caller and Viewer from this file, so importing them here would make an
 * import cycle; loaders.ts is checked against this shape instead.
 */
export interface InventoryLoaders {
  productById: DataLoader<string, IProduct | null>;
  shipmentsByOrderId: DataLoader<string, IShipment[]>;
}

/** What the inventory subgraph's resolvers receive per request. */
export type Context = SubgraphContext<InventoryLoaders>;

/** The kit's caller and viewer, imported by this subgraph's modules from here. */
export type { Caller, Viewer } from '@rapport/subgraph-kit';
