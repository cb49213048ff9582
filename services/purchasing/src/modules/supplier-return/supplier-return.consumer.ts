import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { SupplierReturnPostedV1, type EventData } from '@rapport/contracts';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { transition } from '@rapport/subgraph-kit';
import { PurchaseOrder, PurchaseOrderLine } from '../order/order.entity.js';

/**
 * Learns what inventory sent back to suppliers: under the order's row lock, each returned quantity
 * is taken off its order line's received quantity (never below nothing), so no bill is matched
 * above what was kept and the line expects a replacement again. Each return is applied once (the
 * inbox). A return for an order purchasing does not know is ignored; one whose receipt purchasing
 * has not learned yet (the two travel on different topics) is retried until it has.
 */
export async function recordSupplierReturn(em: SqlEntityManager, data: EventData<typeof SupplierReturnPostedV1>): Promise<void> {
  const purchaseOrderId = data.purchaseOrderId;
  if (!purchaseOrderId) return;
  if (!(await em.findOne(PurchaseOrder, { id: purchaseOrderId }))) return;
  const [learned] = await em.execute<{ n: number }[]>('select count(*)::int as n from purchase_receipt_line where receipt_id = ?', [data.receiptId]);
  if (!learned?.n) throw new Error(`receipt ${data.receiptNumber} of supplier return ${data.number} is not known here yet`);
  await transition(
    em,
    (tx) => tx.findOneOrFail(PurchaseOrder, { id: purchaseOrderId }),
    async (po, tx) => {
      const lines = await tx.find(PurchaseOrderLine, { purchaseOrderId: po.id });
      const received = await tx.execute<{ purchase_order_line_id: string; product_id: string }[]>(
        'select purchase_order_line_id, product_id from purchase_receipt_line where receipt_id = ?',
        [data.receiptId],
      );
      for (const returned of data.lines) {
        const lineId = returned.purchaseOrderLineId ?? received.find((r) => r.product_id === returned.productId)?.purchase_order_line_id;
        const line = lines.find((l) => l.id === lineId);
        if (!line) continue;
        const left = quantityUnits(line.receivedQuantity) - quantityUnits(returned.quantity);
        line.receivedQuantity = formatQuantity(left > 0n ? left : 0n);
      }
    },
    { lockTimeoutMs: null },
  );
}

export const supplierReturnHandlers = [on(SupplierReturnPostedV1, async (data, _event, em) => recordSupplierReturn(em, data))];
