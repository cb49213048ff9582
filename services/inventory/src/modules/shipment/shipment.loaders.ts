import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { shipmentPolicy } from './shipment.policy.js';
import { visibleShipments } from './shipment.service.js';

/**
 * Per-request loaders: the shipments of N orders cost one query, narrowed to what the caller may
 * see; none at all for a caller whose role sees no shipments.
 */
export const createShipmentLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(shipmentPolicy, 'lookup');
  return {
    shipmentsByOrderId: groupedLoader(
      async (orderIds) =>
        !viewer
          ? []
          : visibleShipments(em, viewer)
              .andWhere({ orderId: { $in: [...orderIds] } })
              .orderBy({ orderId: 'asc', plannedAt: 'asc', id: 'asc' })
              .getResultList(),
      (shipment) => shipment.orderId,
    ),
  };
};
