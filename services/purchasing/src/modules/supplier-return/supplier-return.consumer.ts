import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { causedBy, on } from '@rapport/bus';
import { SupplierReturnPostedV1, type EventData, type EventMetadata } from '@rapport/contracts';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { transition } from '@rapport/subgraph-kit';
import { debitReturnedAfterBilling } from '../debit-note/debit-note.service.js';
import { PurchaseOrder, PurchaseOrderLine } from '../order/order.entity.js';

/**
 * Learns what inventory sent back to suppliers: under the order's row lock, each returned quantity
 * is taken off its order line's received quantity (never below nothing), so no bill is matched
 * above what was kept and the line expects a replacement again. Each return is applied once (the
 * inbox). A return for an order purchasing does not know is ignored; one whose receipt purchasing
 * has not learned yet (the two travel on different topics) is retried until it has.
 * What was returned of goods already billed (billed above what is now kept) is owed back by the
 * supplier: it goes on a debit note at the billed price (`debitReturnedAfterBilling`) and off the
 * line's billed quantity, so a replacement can be billed again.
 */
export async function recordSupplierReturn(em: SqlEntityManager, data: EventData<typeof SupplierReturnPostedV1>, meta: EventMetadata = {}): Promise<void> {
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
      const billedBack = new Map<string, bigint>();
      const above = (billed: bigint, kept: bigint): bigint => (billed > kept ? billed - kept : 0n);
      for (const returned of data.lines) {
        const lineId = returned.purchaseOrderLineId ?? received.find((r) => r.product_id === returned.productId)?.purchase_order_line_id;
        const line = lines.find((l) => l.id === lineId);
        if (!line) continue;
        const before = quantityUnits(line.receivedQuantity);
        const left = before - quantityUnits(returned.quantity);
        const kept = left > 0n ? left : 0n;
        line.receivedQuantity = formatQuantity(kept);
        const billed = quantityUnits(line.billedQuantity);
        const back = above(billed, kept) - above(billed, before);
        if (back > 0n) {
          line.billedQuantity = formatQuantity(billed - back);
          billedBack.set(line.id, (billedBack.get(line.id) ?? 0n) + back);
        }
      }
      await debitReturnedAfterBilling(tx, po, { id: data.supplierReturnId, number: data.number }, billedBack, meta);
    },
    { lockTimeoutMs: null },
  );
}

export const supplierReturnHandlers = [on(SupplierReturnPostedV1, async (data, event, em) => recordSupplierReturn(em, data, causedBy(event)))];
