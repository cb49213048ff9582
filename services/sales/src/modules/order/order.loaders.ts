import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader } from '@rapport/subgraph-kit';
import { SalesOrder, SalesOrderLine } from './order.entity.js';

/** Per-request loaders: N order references, the lines of N orders, or the open orders of N customers cost one query each. */
export const createOrderLoaders = (em: SqlEntityManager) => ({
  orderById: byIdLoader((ids) => em.find(SalesOrder, { id: { $in: [...ids] } })),
  linesByOrderId: groupedLoader(
    (orderIds) => em.find(SalesOrderLine, { orderId: { $in: [...orderIds] } }, { orderBy: { orderId: 'asc', position: 'asc' } }),
    (line) => line.orderId,
  ),
  openOrdersByCustomerId: groupedLoader(
    (customerIds) => em.find(SalesOrder, { customerId: { $in: [...customerIds] }, status: 'CONFIRMED' }, { orderBy: { confirmedAt: 'desc', id: 'desc' } }),
    (order) => order.customerId,
  ),
});
