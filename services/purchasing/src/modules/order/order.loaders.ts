import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { PurchaseOrder, PurchaseOrderLine } from './order.entity.js';
import { orderPolicy } from './order.policy.js';
import { PurchaseReceiptLine } from './receipt.entity.js';

/** N purchase order references and the lines of N orders cost one query each; nothing for a role that sees no purchasing. */
export const createOrderLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(orderPolicy, 'lookup');
  return {
    purchaseOrderById: byIdLoader(async (ids) => (viewer ? em.find(PurchaseOrder, { id: { $in: [...ids] } }) : [])),
    linesByPurchaseOrderId: groupedLoader(
      (ids) => em.find(PurchaseOrderLine, { purchaseOrderId: { $in: [...ids] } }, { orderBy: { purchaseOrderId: 'asc', position: 'asc' } }),
      (line) => line.purchaseOrderId,
    ),
    receiptsByPurchaseOrderId: groupedLoader(
      (ids) => em.find(PurchaseReceiptLine, { purchaseOrderId: { $in: [...ids] } }, { orderBy: { purchaseOrderId: 'asc', receivedAt: 'asc', id: 'asc' } }),
      (r) => r.purchaseOrderId,
    ),
  };
};
