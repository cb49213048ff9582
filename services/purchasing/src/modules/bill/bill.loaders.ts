import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, DataLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { SupplierBill, SupplierBillLine, SupplierPayment, SupplierPaymentAllocation } from './bill.entity.js';
import { billPolicy, paymentPolicy } from './bill.policy.js';

/** N bill references, the lines and bills of N orders, the allocations of N payments: one query each; nothing for a role that may not see them. */
export const createBillLoaders = (em: SqlEntityManager, caller: Caller) => {
  const bills = caller.viewer(billPolicy, 'lookup');
  const payments = caller.viewer(paymentPolicy, 'lookup');
  return {
    billById: byIdLoader(async (ids) => (bills ? em.find(SupplierBill, { id: { $in: [...ids] } }) : [])),
    linesByBillId: groupedLoader(
      (ids) => em.find(SupplierBillLine, { billId: { $in: [...ids] } }, { orderBy: { billId: 'asc', position: 'asc' } }),
      (line) => line.billId,
    ),
    billsByPurchaseOrderId: groupedLoader(
      async (ids) => (bills ? em.find(SupplierBill, { purchaseOrderId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : []),
      (bill) => bill.purchaseOrderId ?? '',
    ),
    allocationsByPaymentId: groupedLoader(
      async (ids) => (payments ? em.find(SupplierPaymentAllocation, { paymentId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : []),
      (a) => a.paymentId,
    ),
    paymentCurrency: new DataLoader<string, string>(async (ids) => {
      const rows = await em.find(SupplierPayment, { id: { $in: [...ids] } }, { fields: ['id', 'currency'] });
      const byId = new Map(rows.map((r) => [r.id, r.currency]));
      return ids.map((id) => byId.get(id) ?? 'EUR');
    }),
  };
};
