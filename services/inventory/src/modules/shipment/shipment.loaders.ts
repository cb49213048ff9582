import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@rapport/subgraph-kit';
import { Shipment } from './shipment.entity.js';

/** Per-request loaders: the shipments of N orders cost one query. */
export const createShipmentLoaders = (em: SqlEntityManager) => ({
  shipmentsByOrderId: groupedLoader(
    (orderIds) => em.find(Shipment, { orderId: { $in: [...orderIds] } }, { orderBy: { orderId: 'asc', plannedAt: 'asc', id: 'asc' } }),
    (shipment) => shipment.orderId,
  ),
});
