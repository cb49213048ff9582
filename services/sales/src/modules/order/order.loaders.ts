import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanRows, type Caller } from '@rapport/subgraph-kit';
import { SalesOrderLine } from './order.entity.js';
import { orderPolicy } from './order.policy.js';
import { visibleOrders } from './order.service.js';

/**
 * Per-request loaders: N order references, the lines of N orders, or the open orders of N customers
 * cost one query each. Orders are narrowed to what the caller may see (none at all for a role that
 * sees no orders); lines are only reached through an order the caller could see.
 */
export const createOrderLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(orderPolicy, 'lookup');
  return {
    orderById: byIdLoader(async (ids) =>
      !viewer
        ? []
        : visibleOrders(em, viewer)
            .andWhere({ id: { $in: [...ids] } })
            .getResultList(),
    ),
    linesByOrderId: groupedLoader(
      (orderIds) => em.find(SalesOrderLine, { orderId: { $in: [...orderIds] } }, { orderBy: { orderId: 'asc', position: 'asc' } }),
      (line) => line.orderId,
    ),
    openOrdersByCustomerId: groupedLoader(
      async (customerIds) =>
        !viewer
          ? []
          : // Rows, not managed entities: a read path (the flagship's) needs no identity map or snapshot.
            leanRows(
              em,
              visibleOrders(em, viewer)
                .andWhere({ customerId: { $in: [...customerIds] }, status: { $nin: ['COMPLETED', 'CANCELLED'] } })
                .orderBy({ confirmedAt: 'desc', id: 'desc' }),
            ),
      (order) => order.customerId,
    ),
  };
};
