import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ReceiptPostedV1, type EventMetadata } from '@rapport/contracts';
import {
  AppError,
  badInput,
  conflict,
  formatDecimal,
  formatQuantity,
  normaliseAmount,
  notFound,
  parseDecimal,
  parseMoneyInput,
  parseQuantity,
  quantityUnits,
  requireUuid,
  unitsOf,
  type Money,
} from '@rapport/errors';
import { auditChange, keysetPageSql, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { serveShortages } from '../reservation/reservation.service.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { lockProducts, postMove, warehouseForMove } from '../stock/stock-ledger.js';
import { refreshIncoming, STILL_EXPECTED_SQL, type StockKey } from './inbound-levels.js';
import { ExpectedOrder, type IReceipt, type IReceiptLine } from './receipt.entity.js';

// Inbound goods, the way Odoo's incoming pickings and ERPNext's purchase receipts work: purchasing's
// approved orders become expected receipts per line (counted as `incoming` on the levels), and the
// warehouse receives against them, partly and several times, into the warehouse it chooses.
//
// Locks, in this order: the purchase order's `expected_order` row (so one order's approval,
// cancellation and receipts run one at a time), then the products' rows (`lockProducts`, the stock
// module's rule for every stock change), then the levels. A receipt without a purchase order takes
// only the product's lock (`receiveStock`).

/** The receipt number for sequence value `n`: GR-000001. */
export const receiptNumber = (n: bigint | number | string): string => `GR-${String(n).padStart(6, '0')}`;

/** A purchase order line of an approval, as the consumer hands it over. */
export interface ApprovedLine {
  lineId: string;
  productId: string;
  quantity: string;
  unitPrice: Money;
  expectedDate: string | null;
}

export interface ApprovedOrder {
  purchaseOrderId: string;
  number: string;
  supplierId: string;
  currency: string;
  warehouseId: string | null;
  lines: ApprovedLine[];
  approvedAt: string;
}

/**
 * The warehouse a purchase order's lines count as incoming in: the one the order names when it
 * exists here, else the default receiving warehouse — the one with the lowest code (compared as
 * plain text) when the order was approved; null when there is no warehouse at all.
 */
async function incomingWarehouse(em: SqlEntityManager, named: string | null): Promise<string | null> {
  if (named) {
    const [found] = await em.execute<{ id: string }[]>('select id from warehouse where id = ?', [named]);
    if (found) return found.id;
  }
  const [fallback] = await em.execute<{ id: string }[]>('select id from warehouse order by code collate "C", id limit 1');
  return fallback?.id ?? null;
}

/**
 * Applies purchasing's approval of a purchase order: its lines (the full state of the open ones)
 * replace what was expected. Each listed line expects its quantity (the ordered quantity as of this
 * approval; cancellations before it are already in it) less what was received here; a line no longer
 * listed expects nothing more. An approval older than the one applied is ignored. `incoming` of every
 * level the order touched before or touches now is recomputed.
 */
export async function applyApproval(em: SqlEntityManager, order: ApprovedOrder, meta: EventMetadata): Promise<void> {
  const [header] = await em.execute<{ purchase_order_id: string }[]>(
    `insert into expected_order (purchase_order_id, number, supplier_id, currency, warehouse_id, approved_at) values (?, ?, ?, ?, ?, ?)
     on conflict (purchase_order_id) do update set number = excluded.number, supplier_id = excluded.supplier_id, currency = excluded.currency,
       warehouse_id = excluded.warehouse_id, approved_at = excluded.approved_at, cancelled_at = null, updated_at = now()
     where expected_order.approved_at <= excluded.approved_at
     returning purchase_order_id`,
    [order.purchaseOrderId, order.number, order.supplierId, order.currency, order.warehouseId, order.approvedAt],
  );
  if (!header) return;
  const before = await em.execute<{ purchase_order_line_id: string; product_id: string; warehouse_id: string | null }[]>(
    'select purchase_order_line_id, product_id, warehouse_id from expected_receipt where purchase_order_id = ? for update',
    [order.purchaseOrderId],
  );
  await lockProducts(em, [...before.map((l) => l.product_id), ...order.lines.map((l) => l.productId)]);
  const warehouseId = await incomingWarehouse(em, order.warehouseId);
  for (const line of order.lines) {
    await em.execute(
      `insert into expected_receipt (purchase_order_line_id, purchase_order_id, product_id, warehouse_id, ordered, unit_price, currency, expected_date)
       values (?, ?, ?, ?, ?::numeric, ?::numeric, ?, ?)
       on conflict (purchase_order_line_id) do update set product_id = excluded.product_id, warehouse_id = excluded.warehouse_id, ordered = excluded.ordered,
         cancelled = 0, open = true, unit_price = excluded.unit_price, currency = excluded.currency, expected_date = excluded.expected_date, updated_at = now()`,
      [line.lineId, order.purchaseOrderId, line.productId, warehouseId, line.quantity, line.unitPrice.amount, line.unitPrice.currency, line.expectedDate],
    );
  }
  const listed = new Set(order.lines.map((l) => l.lineId));
  const dropped = before.filter((l) => !listed.has(l.purchase_order_line_id)).map((l) => l.purchase_order_line_id);
  if (dropped.length) {
    await em.execute(`update expected_receipt set open = false, updated_at = now() where purchase_order_line_id in (${dropped.map(() => '?').join(', ')})`, dropped);
  }
  const keys: StockKey[] = [
    ...before.flatMap((l) => (l.warehouse_id ? [{ productId: l.product_id, warehouseId: l.warehouse_id }] : [])),
    ...(warehouseId ? order.lines.map((l) => ({ productId: l.productId, warehouseId })) : []),
  ];
  await refreshIncoming(em, keys);
  void meta;
}

/**
 * Applies purchasing's voiding of an approval (the approved order was changed and is a draft again):
 * none of its lines is expected any more (nor may be received against) until an approval announces
 * them again, which reopens those it lists. What was received stays. A voiding of an order never
 * approved here, or older than the approval applied, changes nothing.
 */
export async function applyApprovalVoided(em: SqlEntityManager, voided: { purchaseOrderId: string; voidedAt: string }, meta: EventMetadata): Promise<void> {
  const [header] = await em.execute<{ purchase_order_id: string }[]>('select purchase_order_id from expected_order where purchase_order_id = ? and approved_at <= ? for update', [
    voided.purchaseOrderId,
    voided.voidedAt,
  ]);
  if (!header) return;
  const lines = await em.execute<{ product_id: string; warehouse_id: string | null }[]>(
    'select product_id, warehouse_id from expected_receipt where purchase_order_id = ? and open for update',
    [voided.purchaseOrderId],
  );
  await lockProducts(
    em,
    lines.map((l) => l.product_id),
  );
  await em.execute('update expected_receipt set open = false, updated_at = now() where purchase_order_id = ? and open', [voided.purchaseOrderId]);
  await refreshIncoming(
    em,
    lines.flatMap((l) => (l.warehouse_id ? [{ productId: l.product_id, warehouseId: l.warehouse_id }] : [])),
  );
  void meta;
}

/** A cancelled quantity of a purchase order line. */
export interface CancelledPurchaseLine {
  lineId: string;
  productId: string;
  quantity: string;
}

/**
 * Applies purchasing's cancellation: each line expects `quantity` less (its cancelled quantity never
 * above what it did not receive: purchasing may cancel goods it has not yet learned arrived); a whole
 * cancellation also closes the order (nothing more is expected or may be received against it). A
 * cancellation of an order never approved here changes nothing.
 */
export async function applyCancellation(
  em: SqlEntityManager,
  cancellation: { purchaseOrderId: string; whole: boolean; lines: readonly CancelledPurchaseLine[]; cancelledAt: string },
  meta: EventMetadata,
): Promise<void> {
  const [header] = await em.execute<{ purchase_order_id: string }[]>('select purchase_order_id from expected_order where purchase_order_id = ? for update', [
    cancellation.purchaseOrderId,
  ]);
  if (!header) return;
  const lines = await em.execute<{ purchase_order_line_id: string; product_id: string; warehouse_id: string | null }[]>(
    'select purchase_order_line_id, product_id, warehouse_id from expected_receipt where purchase_order_id = ? for update',
    [cancellation.purchaseOrderId],
  );
  await lockProducts(
    em,
    lines.map((l) => l.product_id),
  );
  const known = new Set(lines.map((l) => l.purchase_order_line_id));
  for (const line of cancellation.lines) {
    if (!known.has(line.lineId) || quantityUnits(line.quantity) <= 0n) continue;
    // Purchasing cancels what it thinks is still open; goods received here before the cancellation arrived are not
    // cancelled (it may not have learned of them yet): a line is never cancelled beyond what it did not receive.
    await em.execute(
      'update expected_receipt set cancelled = least(cancelled + ?::numeric, greatest(ordered - received, 0)), updated_at = now() where purchase_order_line_id = ?',
      [line.quantity, line.lineId],
    );
  }
  if (cancellation.whole) {
    await em.execute('update expected_order set cancelled_at = ?, updated_at = now() where purchase_order_id = ?', [cancellation.cancelledAt, cancellation.purchaseOrderId]);
  }
  await refreshIncoming(
    em,
    lines.flatMap((l) => (l.warehouse_id ? [{ productId: l.product_id, warehouseId: l.warehouse_id }] : [])),
  );
  void meta;
}

/** The over-receipt tolerance in hundredths of a percent. */
async function tolerance(em: SqlEntityManager): Promise<bigint> {
  const [row] = await em.execute<{ t: string }[]>(`select over_receipt_tolerance::text as t from receipt_setting where id = 'default' for share`);
  return unitsOf(row?.t ?? '0', 2);
}

/** What a line may have received in all: its open ordered quantity plus the tolerance, rounded down to a thousandth. */
export function receivableLimit(ordered: bigint, cancelled: bigint, tolerancePercent: bigint): bigint {
  const open = ordered - cancelled > 0n ? ordered - cancelled : 0n;
  return (open * (10_000n + tolerancePercent)) / 10_000n;
}

export interface ReceiveGoodsLineInput {
  purchaseOrderLineId: string;
  quantity: string;
  unitCost?: Money | null;
}

export interface ReceiveGoodsInput {
  purchaseOrderId: string;
  warehouseId: string;
  lines: ReceiveGoodsLineInput[];
  receivedAt?: Date | null;
}

interface ExpectedLineRow {
  purchase_order_line_id: string;
  product_id: string;
  warehouse_id: string | null;
  ordered: string;
  received: string;
  cancelled: string;
  open: boolean;
  unit_price: string;
  currency: string;
}

/** A clock skew a client may have: a receipt dated more than this in the future is refused. */
const FUTURE_SKEW_MS = 5 * 60_000;

function receivedAtOf(value: Date | null | undefined): Date {
  if (!value) return new Date();
  if (value.getTime() > Date.now() + FUTURE_SKEW_MS) throw badInput('input.receivedAt', 'input.receivedAt must not be in the future', 'RECEIVED_IN_FUTURE');
  return value;
}

/**
 * Receives goods against a purchase order's lines into a chosen warehouse: one RECEIPT move per line
 * (at the given unit cost, else the line's price, in the order's currency), the lines' received
 * quantities and the levels' `incoming` updated, waiting shortages of the products in that warehouse
 * reserved oldest order first, safety alarms re-checked, and `inventory.receipt.posted.v1` written
 * (keyed by the purchase order) — all in one transaction under the order's row lock, so receipts
 * racing for a line's last units run one after another and the tolerance holds.
 *
 * Refused, naming the field, with nothing written: an unknown order (NOT_FOUND `input.purchaseOrderId`)
 * or one cancelled (CONFLICT PURCHASE_ORDER_CANCELLED), an unknown warehouse, a line not of the order
 * or named twice, a line no longer expected (LINE_NOT_EXPECTED), a quantity that is not positive or
 * has more than three decimals, and more than the line's open ordered quantity plus the tolerance
 * (OVER_RECEIPT on `input.lines[i].quantity`).
 */
export async function receiveGoods(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ReceiveGoodsInput, meta: EventMetadata): Promise<IReceipt> {
  const purchaseOrderId = requireUuid('input.purchaseOrderId', input.purchaseOrderId);
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must name at least one purchase order line', 'NO_LINES');
  const seen = new Set<string>();
  const lines = input.lines.map((line, i) => {
    const field = `input.lines[${i}]`;
    const lineId = requireUuid(`${field}.purchaseOrderLineId`, line.purchaseOrderLineId);
    if (seen.has(lineId)) throw badInput(`${field}.purchaseOrderLineId`, `${field}.purchaseOrderLineId names a line already received above`, 'DUPLICATE_LINE');
    seen.add(lineId);
    return {
      field,
      lineId,
      quantity: parseQuantity(`${field}.quantity`, line.quantity),
      unitCost: line.unitCost ? parseMoneyInput(`${field}.unitCost`, line.unitCost) : null,
    };
  });
  const receivedAt = receivedAtOf(input.receivedAt);
  return transition(
    em,
    async (tx) => {
      const order = await tx.findOne(ExpectedOrder, { purchaseOrderId });
      if (!order) throw notFound('PurchaseOrder', purchaseOrderId, 'input.purchaseOrderId');
      return order;
    },
    async (order, tx) => {
      if (order.cancelledAt)
        throw conflict('PURCHASE_ORDER_CANCELLED', `purchase order ${order.number} was cancelled: nothing more is received against it`, 'input.purchaseOrderId');
      await warehouseForMove(tx, warehouseId, 'input.warehouseId');
      const expected = new Map(
        (
          await tx.execute<ExpectedLineRow[]>(
            `select purchase_order_line_id, product_id, warehouse_id, ordered::text, received::text, cancelled::text, open, unit_price::text, currency
             from expected_receipt where purchase_order_id = ? for update`,
            [purchaseOrderId],
          )
        ).map((r) => [r.purchase_order_line_id, r]),
      );
      const products = await lockProducts(
        tx,
        [...expected.values()].filter((r) => seen.has(r.purchase_order_line_id)).map((r) => r.product_id),
      );
      const tolerancePercent = await tolerance(tx);
      const checked = lines.map((line) => {
        const row = expected.get(line.lineId);
        if (!row) throw notFound('PurchaseOrderLine', line.lineId, `${line.field}.purchaseOrderLineId`);
        if (!row.open) throw badInput(`${line.field}.purchaseOrderLineId`, `${line.field}.purchaseOrderLineId is no longer on the approved purchase order`, 'LINE_NOT_EXPECTED');
        const product = products.get(row.product_id);
        if (!product || product.retired) throw notFound('Product', row.product_id, `${line.field}.purchaseOrderLineId`);
        const [ordered, received, cancelled] = [quantityUnits(row.ordered), quantityUnits(row.received), quantityUnits(row.cancelled)];
        const limit = receivableLimit(ordered, cancelled, tolerancePercent);
        if (received + line.quantity > limit) {
          const left = limit - received > 0n ? limit - received : 0n;
          throw new AppError(
            'BAD_USER_INPUT',
            'OVER_RECEIPT',
            `${line.field}.quantity: ${formatQuantity(line.quantity)} would exceed what line ${line.lineId} may still receive, ${formatQuantity(left)} (ordered ${formatQuantity(ordered - cancelled)}, received ${formatQuantity(received)}, tolerance ${formatDecimal(tolerancePercent, 2)} %)`,
            {
              field: `${line.field}.quantity`,
              details: {
                ordered: formatQuantity(ordered - cancelled),
                received: formatQuantity(received),
                receivable: formatQuantity(left),
                tolerancePercent: formatDecimal(tolerancePercent, 2),
              },
            },
          );
        }
        if (line.unitCost && line.unitCost.currency !== order.currency) {
          throw badInput(`${line.field}.unitCost.currency`, `${line.field}.unitCost must be in the purchase order's currency, ${order.currency}`, 'CURRENCY_MISMATCH');
        }
        return { ...line, row, unitCost: line.unitCost?.amount ?? normaliseAmount(row.unit_price) };
      });

      const receipt = await insertReceipt(tx, { warehouseId, purchaseOrderId, supplierId: order.supplierId, receivedAt, actorId: meta.actor ?? null });
      const posted: { purchaseOrderLineId: string; productId: string; quantity: string; unitCost: Money }[] = [];
      for (const line of checked) {
        const { move } = await postMove(
          tx,
          {
            productId: line.row.product_id,
            warehouseId,
            kind: 'RECEIPT',
            quantity: line.quantity,
            unitCost: line.unitCost,
            currency: order.currency,
            reason: `${receipt.number} for ${order.number}`,
            referenceType: 'RECEIPT',
            referenceId: receipt.id,
            fields: { warehouse: 'input.warehouseId', quantity: `${line.field}.quantity` },
          },
          meta,
        );
        await insertReceiptLine(tx, receipt.id, line.lineId, line.row.product_id, line.quantity, line.unitCost, order.currency, move.id);
        await tx.execute('update expected_receipt set received = received + ?::numeric, updated_at = now() where purchase_order_line_id = ?', [
          formatQuantity(line.quantity),
          line.lineId,
        ]);
        posted.push({
          purchaseOrderLineId: line.lineId,
          productId: line.row.product_id,
          quantity: formatQuantity(line.quantity),
          unitCost: { amount: line.unitCost, currency: order.currency },
        });
      }
      await refreshIncoming(
        tx,
        checked.flatMap((l) => (l.row.warehouse_id ? [{ productId: l.row.product_id, warehouseId: l.row.warehouse_id }] : [])),
      );
      for (const productId of [...new Set(checked.map((l) => l.row.product_id))].sort()) {
        await serveShortages(tx, productId, warehouseId, meta);
        await evaluateSafety(tx, productId, warehouseId, meta);
      }
      auditReceipt(tx, receipt, posted);
      publish(
        tx,
        ReceiptPostedV1,
        purchaseOrderId,
        { receiptId: receipt.id, number: receipt.number, warehouseId, purchaseOrderId, supplierId: order.supplierId, lines: posted, receivedAt: receivedAt.toISOString() },
        meta,
      );
      return receipt;
    },
  );
}

/**
 * The audit entry of a receipt (who received what, when): receipts are written by SQL beside the
 * ledger, so the flush subscriber does not see them. One UPDATE entry from nothing to the receipt.
 */
function auditReceipt(
  em: SqlEntityManager,
  receipt: IReceipt,
  lines: readonly { purchaseOrderLineId: string | null; productId: string; quantity: string; unitCost: Money }[],
): void {
  auditChange(em, 'Receipt', receipt.id, [
    { field: 'number', from: null, to: receipt.number },
    { field: 'warehouseId', from: null, to: receipt.warehouseId },
    { field: 'purchaseOrderId', from: null, to: receipt.purchaseOrderId },
    { field: 'receivedAt', from: null, to: receipt.receivedAt.toISOString() },
    { field: 'lines', from: null, to: lines },
  ]);
}

async function insertReceipt(
  em: SqlEntityManager,
  header: { warehouseId: string; purchaseOrderId: string | null; supplierId: string | null; receivedAt: Date; actorId: string | null },
): Promise<IReceipt> {
  const [next] = await em.execute<{ n: string }[]>(`select nextval('receipt_number_seq')::text as n`);
  const receipt: IReceipt = { id: randomUUID(), number: receiptNumber(next!.n), ...header, createdAt: new Date() };
  await em.execute('insert into receipt (id, number, warehouse_id, purchase_order_id, supplier_id, received_at, actor_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)', [
    receipt.id,
    receipt.number,
    receipt.warehouseId,
    receipt.purchaseOrderId,
    receipt.supplierId,
    receipt.receivedAt,
    receipt.actorId,
    receipt.createdAt,
  ]);
  return receipt;
}

async function insertReceiptLine(
  em: SqlEntityManager,
  receiptId: string,
  purchaseOrderLineId: string | null,
  productId: string,
  quantity: bigint,
  unitCost: string,
  currency: string,
  moveId: string,
): Promise<void> {
  await em.execute(
    'insert into receipt_line (id, receipt_id, purchase_order_line_id, product_id, quantity, unit_cost, currency, stock_move_id) values (?, ?, ?, ?, ?::numeric, ?::numeric, ?, ?)',
    [randomUUID(), receiptId, purchaseOrderLineId, productId, formatQuantity(quantity), unitCost, currency, moveId],
  );
}

/**
 * The receipt document of goods received without a purchase order (`receiveStock`), for the RECEIPT
 * move just posted in the caller's transaction: a receipt with one line, announced by
 * `inventory.receipt.posted.v1` keyed by the receipt id (there is no order).
 */
export async function recordReceiptWithoutOrder(
  em: SqlEntityManager,
  move: { id: string; productId: string; warehouseId: string; quantity: bigint; unitCost: string; currency: string },
  meta: EventMetadata,
): Promise<IReceipt> {
  const receipt = await insertReceipt(em, { warehouseId: move.warehouseId, purchaseOrderId: null, supplierId: null, receivedAt: new Date(), actorId: meta.actor ?? null });
  const unitCost = normaliseAmount(move.unitCost);
  await insertReceiptLine(em, receipt.id, null, move.productId, move.quantity, unitCost, move.currency, move.id);
  auditReceipt(em, receipt, [
    { purchaseOrderLineId: null, productId: move.productId, quantity: formatQuantity(move.quantity), unitCost: { amount: unitCost, currency: move.currency } },
  ]);
  publish(
    em,
    ReceiptPostedV1,
    receipt.id,
    {
      receiptId: receipt.id,
      number: receipt.number,
      warehouseId: move.warehouseId,
      purchaseOrderId: null,
      supplierId: null,
      lines: [{ purchaseOrderLineId: null, productId: move.productId, quantity: formatQuantity(move.quantity), unitCost: { amount: unitCost, currency: move.currency } }],
      receivedAt: receipt.receivedAt.toISOString(),
    },
    meta,
  );
  return receipt;
}

/** The over-receipt tolerance as the schema answers it. */
export interface ReceiptSettingsRow {
  overReceiptTolerance: string;
  updatedAt: Date;
}

export async function receiptSettings(em: SqlEntityManager, viewer: Viewer): Promise<ReceiptSettingsRow> {
  const [row] = await em.execute<{ t: string; updated_at: Date | string }[]>(`select over_receipt_tolerance::text as t, updated_at from receipt_setting where id = 'default'`);
  return { overReceiptTolerance: formatDecimal(unitsOf(row?.t ?? '0', 2), 2), updatedAt: new Date(row?.updated_at ?? 0) };
}

/** Sets the over-receipt tolerance, a percentage 0–100 with at most two decimals (BAD_USER_INPUT naming `percent` otherwise); audited. */
export async function setReceiptTolerance(em: SqlEntityManager, viewer: Viewer<WriteAccess>, percent: string, meta: EventMetadata): Promise<ReceiptSettingsRow> {
  const units = parseDecimal('percent', percent, 2, { code: 'INVALID_TOLERANCE', maxWholeDigits: 3 });
  if (units > 10_000n) throw badInput('percent', 'percent must be between 0 and 100', 'INVALID_TOLERANCE');
  void meta;
  return em.transactional(async (tx) => {
    const [before] = await tx.execute<{ t: string }[]>(`select over_receipt_tolerance::text as t from receipt_setting where id = 'default' for update`);
    const to = formatDecimal(units, 2);
    await tx.execute(`update receipt_setting set over_receipt_tolerance = ?::numeric, updated_at = now() where id = 'default'`, [to]);
    const from = before ? formatDecimal(unitsOf(before.t, 2), 2) : null;
    if (from !== to) auditChange(tx, 'ReceiptSetting', 'default', [{ field: 'overReceiptTolerance', from, to }]);
    return receiptSettings(tx, viewer);
  });
}

/** A purchase order line as the expected-receipts list answers it. */
export interface ExpectedReceiptRow {
  id: string;
  purchaseOrderId: string;
  purchaseOrderNumber: string;
  supplierId: string;
  productId: string;
  warehouseId: string | null;
  ordered: string;
  received: string;
  cancelled: string;
  stillExpected: string;
  open: boolean;
  unitPrice: string;
  currency: string;
  expectedDate: string | null;
  overdue: boolean;
  cancelledAt: Date | null;
}

export interface ExpectedReceiptFilter {
  supplierId?: string | null;
  purchaseOrderId?: string | null;
  productId?: string | null;
  warehouseId?: string | null;
  overdue?: boolean | null;
  /** True or omitted: lines still expecting something; false: every line. */
  open?: boolean | null;
}

const EXPECTED_ORDER: Keyset<ExpectedReceiptRow> = { sort: 'o.number', kind: 'text', direction: 'asc', id: 'e.purchase_order_line_id', sortValue: (r) => r.purchaseOrderNumber };

const OVERDUE_SQL = `(e.expected_date is not null and e.expected_date < current_date and ${STILL_EXPECTED_SQL} > 0)`;

async function expectedRows(em: SqlEntityManager, where: string, params: unknown[], tail: string): Promise<ExpectedReceiptRow[]> {
  const rows = await em.execute<
    {
      id: string;
      purchase_order_id: string;
      number: string;
      supplier_id: string;
      product_id: string;
      warehouse_id: string | null;
      ordered: string;
      received: string;
      cancelled: string;
      still: string;
      open: boolean;
      unit_price: string;
      currency: string;
      expected_date: string | null;
      overdue: boolean;
      cancelled_at: Date | string | null;
    }[]
  >(
    `select e.purchase_order_line_id as id, e.purchase_order_id, o.number, o.supplier_id, e.product_id, e.warehouse_id, e.ordered::text, e.received::text,
            e.cancelled::text, (${STILL_EXPECTED_SQL})::text as still, e.open, e.unit_price::text, e.currency, to_char(e.expected_date, 'YYYY-MM-DD') as expected_date,
            ${OVERDUE_SQL} as overdue, o.cancelled_at
     from expected_receipt e join expected_order o on o.purchase_order_id = e.purchase_order_id
     where ${where} ${tail}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    purchaseOrderId: r.purchase_order_id,
    purchaseOrderNumber: r.number,
    supplierId: r.supplier_id,
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    ordered: r.ordered,
    received: r.received,
    cancelled: r.cancelled,
    stillExpected: r.still,
    open: r.open && r.cancelled_at === null,
    unitPrice: r.unit_price,
    currency: r.currency,
    expectedDate: r.expected_date,
    overdue: r.overdue,
    cancelledAt: r.cancelled_at === null ? null : new Date(r.cancelled_at),
  }));
}

/** Purchase order lines as expected receipts, by order number then line, filtered, paged by keyset. */
export function listExpectedReceipts(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: ExpectedReceiptFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ExpectedReceiptRow>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, field: string, value: string | null | undefined) => {
    if (!value) return;
    conditions.push(`${column} = ?`);
    params.push(requireUuid(field, value));
  };
  eq('o.supplier_id', 'filter.supplierId', filter?.supplierId);
  eq('e.purchase_order_id', 'filter.purchaseOrderId', filter?.purchaseOrderId);
  eq('e.product_id', 'filter.productId', filter?.productId);
  eq('e.warehouse_id', 'filter.warehouseId', filter?.warehouseId);
  if (filter?.open !== false) conditions.push(`${STILL_EXPECTED_SQL} > 0`);
  if (filter?.overdue === true) conditions.push(OVERDUE_SQL);
  if (filter?.overdue === false) conditions.push(`not ${OVERDUE_SQL}`);
  return keysetPageSql(EXPECTED_ORDER, { field: 'expectedReceipts', first, after }, ({ where, orderBy, fetch }) =>
    expectedRows(em, [...conditions, ...(where ? [where.sql] : []), 'true'].join(' and '), [...params, ...(where?.params ?? [])], `order by ${orderBy} limit ${fetch}`),
  );
}

/** The lines of `purchaseOrderIds` (for Receipt.expected and the like), by order then line. */
export function expectedOfOrders(em: SqlEntityManager, viewer: Viewer, purchaseOrderIds: readonly string[]): Promise<ExpectedReceiptRow[]> {
  if (purchaseOrderIds.length === 0) return Promise.resolve([]);
  return expectedRows(em, `e.purchase_order_id in (${purchaseOrderIds.map(() => '?').join(', ')})`, [...purchaseOrderIds], 'order by o.number, e.purchase_order_line_id');
}

// Raw rows carry timestamps as the driver returns them (text or Date): `new Date(…)` takes either.
const toReceipt = (r: {
  id: string;
  number: string;
  warehouse_id: string;
  purchase_order_id: string | null;
  supplier_id: string | null;
  received_at: Date | string;
  actor_id: string | null;
  created_at: Date | string;
}): IReceipt => ({
  id: r.id,
  number: r.number,
  warehouseId: r.warehouse_id,
  purchaseOrderId: r.purchase_order_id,
  supplierId: r.supplier_id,
  receivedAt: new Date(r.received_at),
  actorId: r.actor_id,
  createdAt: new Date(r.created_at),
});

export interface ReceiptFilter {
  purchaseOrderId?: string | null;
  warehouseId?: string | null;
  supplierId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const RECEIPT_ORDER: Keyset<IReceipt> = { sort: 'r.received_at', kind: 'timestamp', direction: 'desc', id: 'r.id', sortValue: (r) => r.receivedAt.toISOString() };

/** Receipts, newest first, filtered by order, warehouse, supplier and period ([from, to)), paged by keyset. */
export function listReceipts(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: ReceiptFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IReceipt>> {
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter?.purchaseOrderId) {
    conditions.push('r.purchase_order_id = ?');
    params.push(requireUuid('filter.purchaseOrderId', filter.purchaseOrderId));
  }
  if (filter?.warehouseId) {
    conditions.push('r.warehouse_id = ?');
    params.push(requireUuid('filter.warehouseId', filter.warehouseId));
  }
  if (filter?.supplierId) {
    conditions.push('r.supplier_id = ?');
    params.push(requireUuid('filter.supplierId', filter.supplierId));
  }
  if (filter?.from && filter.to && filter.from > filter.to) throw badInput('filter.to', 'filter.to must not be before filter.from', 'INVALID_PERIOD');
  if (filter?.from) {
    conditions.push('r.received_at >= ?');
    params.push(filter.from);
  }
  if (filter?.to) {
    conditions.push('r.received_at < ?');
    params.push(filter.to);
  }
  return keysetPageSql(RECEIPT_ORDER, { field: 'receipts', first, after }, async ({ where, orderBy, fetch }) =>
    (
      await em.execute<Parameters<typeof toReceipt>[0][]>(
        `select r.* from receipt r where ${[...conditions, ...(where ? [where.sql] : [])].join(' and ')} order by ${orderBy} limit ${fetch}`,
        [...params, ...(where?.params ?? [])],
      )
    ).map(toReceipt),
  );
}

/** A receipt by id; null when there is none. */
export async function receiptById(em: SqlEntityManager, viewer: Viewer, id: string): Promise<IReceipt | null> {
  const [row] = await em.execute<Parameters<typeof toReceipt>[0][]>('select * from receipt where id = ?', [requireUuid('id', id)]);
  return row ? toReceipt(row) : null;
}

/** The lines of `receiptIds`, in the order they were received. */
export async function linesOfReceipts(em: SqlEntityManager, viewer: Viewer, receiptIds: readonly string[]): Promise<IReceiptLine[]> {
  if (receiptIds.length === 0) return [];
  const rows = await em.execute<
    { id: string; receipt_id: string; purchase_order_line_id: string | null; product_id: string; quantity: string; unit_cost: string; currency: string; stock_move_id: string }[]
  >(
    `select l.id, l.receipt_id, l.purchase_order_line_id, l.product_id, l.quantity::text, l.unit_cost::text, l.currency, l.stock_move_id
     from receipt_line l join stock_move m on m.id = l.stock_move_id
     where l.receipt_id in (${receiptIds.map(() => '?').join(', ')}) order by m.moved_at, l.id`,
    [...receiptIds],
  );
  return rows.map((r) => ({
    id: r.id,
    receiptId: r.receipt_id,
    purchaseOrderLineId: r.purchase_order_line_id,
    productId: r.product_id,
    quantity: r.quantity,
    unitCost: r.unit_cost,
    currency: r.currency,
    stockMoveId: r.stock_move_id,
  }));
}
