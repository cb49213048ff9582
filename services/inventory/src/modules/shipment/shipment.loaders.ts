import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@rapport/subgraph-kit';
import type { Caller, Viewer } from '../../context.js';
import { shipmentPolicy } from './shipment.policy.js';
import { visibleShipments } from './shipment.service.js';

/**
 * Per-request loaders: the shipments of N orders cost one query, narrowed to what the caller may
 * see; none at all for a caller whose role sees no shipments.
 */
export const createShipmentLoaders = (em: SqlEntityManager, principal: Caller) => {
  const viewer: Viewer = { principal, access: principal ? shipmentPolicy[principal.role] : 'none' };
  return {
    shipmentsByOrderId: groupedLoader(
      async (orderIds) =>
        viewer.access === 'none'
          ? []
          : visibleShipments(em, viewer)
              .andWhere({ orderId: { $in: [...orderIds] } })
              .orderBy({ orderId: 'asc', plannedAt: 'asc', id: 'asc' })
              .getResultList(),
      (shipment) => shipment.orderId,
    ),
  };
};
