import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import type { InventoryLoaders } from './context.js';
import { createCountLoaders } from './modules/count/count.loaders.js';
import { createProductLoaders } from './modules/product/product.loaders.js';
import { createInboundLoaders } from './modules/receipt/receipt.loaders.js';
import { createReservationLoaders } from './modules/reservation/reservation.loaders.js';
import { createShipmentLoaders } from './modules/shipment/shipment.loaders.js';
import { createStockLoaders } from './modules/stock/stock.loaders.js';
import { createWarehouseLoaders } from './modules/warehouse/warehouse.loaders.js';

/** Per-request loaders; they see the caller, so every batched lookup is narrowed like the root queries. */
export const createLoaders = (em: SqlEntityManager, caller: Caller): InventoryLoaders =>
  mergeLoaders(
    createProductLoaders(em, caller),
    createShipmentLoaders(em, caller),
    createWarehouseLoaders(em, caller),
    createStockLoaders(em, caller),
    createReservationLoaders(em, caller),
    createInboundLoaders(em, caller),
    createCountLoaders(em, caller),
  );
