import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { ReceiptPostedV1, type EventData } from '@rapport/contracts';
import { formatAmount, formatQuantity, parseAmount, quantityUnits } from '@rapport/errors';
import { transition } from '@rapport/subgraph-kit';
import { openUnits, PurchaseOrder, PurchaseOrderLine, type IPurchaseOrderLine } from './order.entity.js';
import { PurchaseReceiptLine } from './receipt.entity.js';

/**
 * Learns what inventory received against purchase orders. Under the order's row lock, each receipt
 * line is recorded once (a redelivered or replayed receipt adds nothing) and added to its order
 * line's received quantity — all of it, even beyond what was ordered: inventory refuses
 * over-receipt beyond its tolerance, and purchasing records what came. A receipt line without an
 * order line goes to the order's first line of that product with something still open (else its
 * last line of that product); a receipt for an order or product purchasing does not know is ignored.
 * A receipt crossing a cancellation counts as received, not cancelled (`uncancelReceived`).
 */
export async function recordReceipt(em: SqlEntityManager, data: EventData<typeof ReceiptPostedV1>): Promise<void> {
  const purchaseOrderId = data.purchaseOrderId;
  if (!purchaseOrderId) return;
  if (!(await em.findOne(PurchaseOrder, { id: purchaseOrderId }))) return;
  await transition(
    em,
    (tx) => tx.findOneOrFail(PurchaseOrder, { id: purchaseOrderId }),
    async (po, tx) => {
      const lines = await tx.find(PurchaseOrderLine, { purchaseOrderId: po.id }, { orderBy: { position: 'asc' } });
      // One row per order line and receipt: a receipt's lines for the same order line are summed first.
      const perLine = new Map<IPurchaseOrderLine, { units: bigint; productId: string; unitCost: { amount: string; currency: string } }>();
      for (const received of data.lines) {
        const line = lineFor(lines, received.purchaseOrderLineId, received.productId);
        if (!line) continue;
        const held = perLine.get(line);
        perLine.set(line, { units: (held?.units ?? 0n) + quantityUnits(received.quantity), productId: received.productId, unitCost: received.unitCost });
      }
      for (const [line, received] of perLine) {
        const inserted = await tx.execute<{ id: string }[]>(
          `insert into purchase_receipt_line (id, receipt_id, receipt_number, purchase_order_id, purchase_order_line_id, product_id, warehouse_id, quantity, unit_cost, currency, received_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (receipt_id, purchase_order_line_id) do nothing
           returning id`,
          [
            randomUUID(),
            data.receiptId,
            data.number,
            po.id,
            line.id,
            received.productId,
            data.warehouseId,
            formatQuantity(received.units),
            formatAmount(parseAmount('unitCost', received.unitCost.amount)),
            received.unitCost.currency,
            data.receivedAt,
          ],
        );
        if (inserted.length) {
          line.receivedQuantity = formatQuantity(quantityUnits(line.receivedQuantity) + received.units);
          uncancelReceived(line);
        }
      }
    },
    { lockTimeoutMs: null },
  );
}

/**
 * A receipt learned after the line was cancelled came before inventory applied the cancellation (it
 * refuses receipts after): the cancellation withdrew what purchasing then thought open, so what did
 * come is taken off the cancelled quantity, never below nothing (as inventory does on its side).
 */
function uncancelReceived(line: IPurchaseOrderLine): void {
  const cancelled = quantityUnits(line.cancelledQuantity);
  const over = cancelled + quantityUnits(line.receivedQuantity) - quantityUnits(line.quantity);
  if (cancelled > 0n && over > 0n) line.cancelledQuantity = formatQuantity(over > cancelled ? 0n : cancelled - over);
}

function lineFor(lines: readonly IPurchaseOrderLine[], lineId: string | null, productId: string): IPurchaseOrderLine | undefined {
  if (lineId) return lines.find((l) => l.id === lineId);
  const ofProduct = lines.filter((l) => l.productId === productId);
  return ofProduct.find((l) => openUnits(l) > 0n) ?? ofProduct.at(-1);
}

export const receiptHandlers = [on(ReceiptPostedV1, async (data, _event, em) => recordReceipt(em, data))];

export { PurchaseReceiptLine };
