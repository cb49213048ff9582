import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanSql, ofVisibleCustomers, type Caller, type Viewer } from '@rapport/subgraph-kit';
import { SalesOrder, SalesOrderLine, type ISalesOrder } from './order.entity.js';
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
      async (customerIds) => (!viewer ? [] : openOrdersOf(em, viewer, customerIds)),
      (order) => order.customerId,
    ),
  };
};

/**
 * The orders of `customerIds` the viewer may see that are neither completed nor cancelled, newest
 * confirmation first: what `visibleOrders(…).andWhere({ customerId: { $in }, status: { $nin } })`
 * reads, as plain rows, in SQL written once (the flagship's hot path; see `leanSql`).
 */
function openOrdersOf(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[]): Promise<ISalesOrder[]> {
  const customers = ofVisibleCustomers(viewer, '"so"', customerIds);
  return leanSql(
    em,
    SalesOrder,
    `select "so".* from "sales_order" as "so"
     where "so"."status" not in ('COMPLETED', 'CANCELLED') and ${customers.sql}
     order by "so"."confirmed_at" desc, "so"."id" desc`,
    customers.params,
    { prepare: true },
  );
}
