import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@rapport/subgraph-kit';
import type { Caller, Viewer } from '../../context.js';
import { orderStockPolicy } from './reservation.policy.js';
import { orderLineStock } from './reservation.service.js';

/** Per-request loaders: the reserved lines of N orders cost one query, narrowed to the orders the caller may see; none for a role that sees no orders. */
export const createReservationLoaders = (em: SqlEntityManager, principal: Caller) => {
  const viewer: Viewer = { principal, access: principal ? orderStockPolicy[principal.role] : 'none' };
  return {
    stockByOrderId: groupedLoader(
      async (orderIds) => (viewer.access === 'none' ? [] : orderLineStock(em, viewer, orderIds)),
      (line) => line.orderId,
    ),
  };
};
