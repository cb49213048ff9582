import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { orderStockPolicy } from './reservation.policy.js';
import { orderLineStock } from './reservation.service.js';

/** Per-request loaders: the reserved lines of N orders cost one query, narrowed to the orders the caller may see; none for a role that sees no orders. */
export const createReservationLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(orderStockPolicy, 'lookup');
  return {
    stockByOrderId: groupedLoader(
      async (orderIds) => (!viewer ? [] : orderLineStock(em, viewer, orderIds)),
      (line) => line.orderId,
    ),
  };
};
