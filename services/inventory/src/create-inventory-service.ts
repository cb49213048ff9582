import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Product } from './modules/product/product.entity.js';
import { productResolvers } from './modules/product/product.resolvers.js';
import { customerMergeHandlers } from './modules/shipment/customer-merge.consumer.js';
import { shipmentHandlers } from './modules/shipment/shipment.consumer.js';
import { Shipment } from './modules/shipment/shipment.entity.js';
import { shipmentResolvers } from './modules/shipment/shipment.resolvers.js';
import { Warehouse } from './modules/warehouse/warehouse.entity.js';
import { warehouseResolvers } from './modules/warehouse/warehouse.resolvers.js';

/** The inventory subgraph: products, and shipping notices raised for confirmed orders with each order's delivery state. */
export function createInventoryService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'inventory',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [productResolvers, shipmentResolvers, warehouseResolvers],
      entities: [Product, Shipment, Warehouse],
      migrations,
      handlers: [...shipmentHandlers, ...customerMergeHandlers],
      createLoaders,
      customerAccess: true,
    },
    config,
  );
}
