import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { insertColumns, publish } from '@rapport/bus';
import { SupplierReturnPostedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, formatQuantity, normaliseAmount, notFound, parseQuantity, quantityUnits, requireText, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { refreshIncoming, type StockKey } from '../receipt/inbound-levels.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { lockProducts, postMove } from '../stock/stock-ledger.js';
import type { ISupplierReturn, ISupplierReturnLine } from './supplier-return.entity.js';

export interface ReturnToSupplierInput {
  receiptId: string;
  reason: string;
  lines: readonly { receiptLineId: string; quantity: string }[];
}

interface ReceiptRow {
  id: string;
  number: string;
  warehouse_id: string;
  purchase_order_id: string | null;
  supplier_id: string | null;
}

interface ReceiptLineRow {
  id: string;
  purchase_order_line_id: string | null;
  product_id: string;
  quantity: string;
  unit_cost: string;
  currency: string;
  returned: string;
}

async function nextNumber(em: SqlEntityManager): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('supplier_return_number_seq')::text as n`);
  if (!row) throw new Error('supplier_return_number_seq returned no value');
  return `SR-${row.n.padStart(6, '0')}`;
}

/** The receipt's lines with what was returned of each so far. */
function receiptLines(em: SqlEntityManager, receiptId: string): Promise<ReceiptLineRow[]> {
  return em.execute<ReceiptLineRow[]>(
    `select l.id, l.purchase_order_line_id, l.product_id, l.quantity::text, l.unit_cost::text, l.currency,
       coalesce((select sum(r.quantity) from supplier_return_line r where r.receipt_line_id = l.id), 0)::text as returned
     from receipt_line l where l.receipt_id = ? order by l.id`,
    [receiptId],
  );
}

/**
 * Sends goods back to the supplier against a posted receipt: per receipt line a quantity, at most
 * what it received less what earlier returns sent back, out of the warehouse that received it (a
 * SUPPLIER_RETURN move at the unit cost it came at; refused as INSUFFICIENT_STOCK when that much is
 * no longer available there). The purchase order line expects the quantity again (its received
 * quantity goes down here as in purchasing, so a replacement can be received against it). Writes
 * `inventory.supplier-return.posted.v1` in the same transaction.
 * Under the receipt's products' row locks, so two returns against one receipt never together send
 * back more than it received. BAD_USER_INPUT naming the field for an unknown receipt, a line not on
 * it or given twice, a quantity not positive or with more than three decimals, or too much.
 */
export async function returnToSupplier(
  em: SqlEntityManager,
  _viewer: Viewer<WriteAccess>,
  input: ReturnToSupplierInput,
  meta: EventMetadata,
): Promise<ISupplierReturn & { lines: ISupplierReturnLine[] }> {
  const receiptId = requireUuid('input.receiptId', input.receiptId);
  const reason = requireText('input.reason', input.reason, 500);
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must name at least one receipt line', 'REQUIRED');
  const asked = input.lines.map((l, i) => {
    const field = `input.lines[${i}]`;
    return { field, receiptLineId: requireUuid(`${field}.receiptLineId`, l.receiptLineId), units: parseQuantity(`${field}.quantity`, l.quantity) };
  });
  const dupe = asked.find((l, i) => asked.findIndex((o) => o.receiptLineId === l.receiptLineId) !== i);
  if (dupe) throw badInput(`${dupe.field}.receiptLineId`, `${dupe.field}.receiptLineId names a line given before`, 'DUPLICATE_LINE');
  return em.transactional(async (tx) => {
    const [receipt] = await tx.execute<ReceiptRow[]>('select id, number, warehouse_id, purchase_order_id, supplier_id from receipt where id = ?', [receiptId]);
    if (!receipt) throw notFound('Receipt', receiptId, 'input.receiptId');
    // The products' row locks serialise returns against one receipt (and every other move of its products).
    await lockProducts(
      tx,
      (await receiptLines(tx, receipt.id)).map((l) => l.product_id),
    );
    const onReceipt = await receiptLines(tx, receipt.id);
    const id = randomUUID();
    const returnedAt = new Date();
    const lines: ISupplierReturnLine[] = [];
    for (const a of asked) {
      const line = onReceipt.find((l) => l.id === a.receiptLineId);
      if (!line) throw badInput(`${a.field}.receiptLineId`, `${a.field}.receiptLineId is not a line of receipt ${receipt.number}`, 'NOT_ON_RECEIPT');
      const left = quantityUnits(line.quantity) - quantityUnits(line.returned);
      if (a.units > left) {
        throw new AppError('BAD_USER_INPUT', 'MORE_THAN_RECEIVED', `${a.field}.quantity: only ${formatQuantity(left)} was received on this line and not yet returned`, {
          field: `${a.field}.quantity`,
          details: { returnable: formatQuantity(left) },
        });
      }
      const { move } = await postMove(
        tx,
        {
          productId: line.product_id,
          warehouseId: receipt.warehouse_id,
          kind: 'SUPPLIER_RETURN',
          quantity: -a.units,
          unitCost: line.unit_cost,
          currency: line.currency,
          reason,
          referenceType: 'SUPPLIER_RETURN',
          referenceId: id,
          fields: { warehouse: 'input.receiptId', quantity: `${a.field}.quantity` },
        },
        meta,
      );
      lines.push({
        id: randomUUID(),
        returnId: id,
        receiptLineId: line.id,
        purchaseOrderLineId: line.purchase_order_line_id,
        productId: line.product_id,
        quantity: formatQuantity(a.units),
        unitCost: line.unit_cost,
        currency: line.currency,
        stockMoveId: move.id,
      });
    }
    const header: ISupplierReturn = {
      id,
      number: await nextNumber(tx),
      receiptId: receipt.id,
      warehouseId: receipt.warehouse_id,
      purchaseOrderId: receipt.purchase_order_id,
      supplierId: receipt.supplier_id,
      reason,
      returnedAt,
      actorId: meta.actor ?? null,
      createdAt: returnedAt,
    };
    await tx.execute(
      `insert into supplier_return (id, number, receipt_id, warehouse_id, purchase_order_id, supplier_id, reason, returned_at, actor_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [header.id, header.number, header.receiptId, header.warehouseId, header.purchaseOrderId, header.supplierId, header.reason, returnedAt, header.actorId, returnedAt],
    );
    await insertColumns(tx, 'supplier_return_line', [
      { name: 'id', type: 'uuid', values: lines.map((l) => l.id) },
      { name: 'return_id', type: 'uuid', values: lines.map((l) => l.returnId) },
      { name: 'receipt_line_id', type: 'uuid', values: lines.map((l) => l.receiptLineId) },
      { name: 'purchase_order_line_id', type: 'uuid', values: lines.map((l) => l.purchaseOrderLineId ?? null) },
      { name: 'product_id', type: 'uuid', values: lines.map((l) => l.productId) },
      { name: 'quantity', type: 'numeric', values: lines.map((l) => l.quantity) },
      { name: 'unit_cost', type: 'numeric', values: lines.map((l) => l.unitCost) },
      { name: 'currency', type: 'text', values: lines.map((l) => l.currency) },
      { name: 'stock_move_id', type: 'uuid', values: lines.map((l) => l.stockMoveId) },
    ]);
    // What goes back is expected again from the purchase order (a replacement), as purchasing lowers the line's received quantity.
    const reopened: StockKey[] = [];
    for (const l of lines) {
      if (!l.purchaseOrderLineId) continue;
      const rows = await tx.execute<{ product_id: string; warehouse_id: string | null }[]>(
        'update expected_receipt set received = greatest(received - ?::numeric, 0), updated_at = now() where purchase_order_line_id = ? returning product_id, warehouse_id',
        [l.quantity, l.purchaseOrderLineId],
      );
      for (const r of rows) if (r.warehouse_id) reopened.push({ productId: r.product_id, warehouseId: r.warehouse_id });
    }
    await refreshIncoming(tx, reopened);
    for (const productId of new Set(lines.map((l) => l.productId))) await evaluateSafety(tx, productId, receipt.warehouse_id, meta);
    publish(
      tx,
      SupplierReturnPostedV1,
      receipt.purchase_order_id ?? receipt.id,
      {
        supplierReturnId: id,
        number: header.number,
        receiptId: receipt.id,
        receiptNumber: receipt.number,
        warehouseId: receipt.warehouse_id,
        purchaseOrderId: receipt.purchase_order_id,
        supplierId: receipt.supplier_id,
        reason,
        lines: lines.map((l) => ({
          receiptLineId: l.receiptLineId,
          purchaseOrderLineId: l.purchaseOrderLineId ?? null,
          productId: l.productId,
          quantity: l.quantity,
          unitCost: { amount: normaliseAmount(l.unitCost), currency: l.currency },
        })),
        returnedAt: returnedAt.toISOString(),
      },
      meta,
    );
    return { ...header, lines };
  });
}

const toReturn = (row: Record<string, unknown>): ISupplierReturn => ({
  id: row.id as string,
  number: row.number as string,
  receiptId: row.receipt_id as string,
  warehouseId: row.warehouse_id as string,
  purchaseOrderId: row.purchase_order_id as string | null,
  supplierId: row.supplier_id as string | null,
  reason: row.reason as string,
  returnedAt: new Date(row.returned_at as string),
  actorId: row.actor_id as string | null,
  createdAt: new Date(row.created_at as string),
});

/** Returns to suppliers, newest first, optionally of one receipt (at most 200). */
export async function listSupplierReturns(em: SqlEntityManager, _viewer: Viewer, receiptId?: string | null): Promise<ISupplierReturn[]> {
  const rows = receiptId
    ? await em.execute<Record<string, unknown>[]>('select * from supplier_return where receipt_id = ? order by returned_at desc, id desc limit 200', [
        requireUuid('receiptId', receiptId),
      ])
    : await em.execute<Record<string, unknown>[]>('select * from supplier_return order by returned_at desc, id desc limit 200');
  return rows.map(toReturn);
}

/** The return to a supplier `id`, or null. */
export async function supplierReturnById(em: SqlEntityManager, _viewer: Viewer, id: string): Promise<ISupplierReturn | null> {
  const [row] = await em.execute<Record<string, unknown>[]>('select * from supplier_return where id = ?', [requireUuid('id', id)]);
  return row ? toReturn(row) : null;
}

/** The lines of return `returnId`. */
export function linesOfSupplierReturn(em: SqlEntityManager, returnId: string): Promise<ISupplierReturnLine[]> {
  return em
    .execute<Record<string, string | null>[]>(
      'select id, return_id, receipt_line_id, purchase_order_line_id, product_id, quantity::text, unit_cost::text, currency, stock_move_id from supplier_return_line where return_id = ? order by id',
      [returnId],
    )
    .then((rows) =>
      rows.map((r) => ({
        id: r.id!,
        returnId: r.return_id!,
        receiptLineId: r.receipt_line_id!,
        purchaseOrderLineId: r.purchase_order_line_id ?? null,
        productId: r.product_id!,
        quantity: r.quantity!,
        unitCost: r.unit_cost!,
        currency: r.currency!,
        stockMoveId: r.stock_move_id!,
      })),
    );
}
