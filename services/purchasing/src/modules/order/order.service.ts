import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { PurchaseOrderApprovalVoidedV1, PurchaseOrderApprovedV1, PurchaseOrderCancelledV1, type EventMetadata } from '@rapport/contracts';
import {
  addDays,
  AppError,
  badInput,
  conflict,
  convertUnits,
  formatAmount,
  formatQuantity,
  type Money,
  notFound,
  parseMoneyInput,
  parseQuantity,
  quantityUnits,
  requireCurrency,
  requireIsoDate,
  requireUuid,
} from '@rapport/errors';
import {
  DEFAULT_BASE_CURRENCY,
  keysetPage,
  ratesToBase,
  requireActiveProducts,
  transition,
  type BaseRates,
  type Connection,
  type Keyset,
  type Viewer,
  type WriteAccess,
} from '@rapport/subgraph-kit';
import { supplierPriceFor, today } from '../price/price.service.js';
import { getSupplier } from '../supplier/supplier.service.js';
import { requireActiveWarehouse } from '../warehouse-copy/warehouse-copy.js';
import { approvalLimit, approverLevel, covers } from '../approval/approval.js';
import {
  openUnits,
  PurchaseOrder,
  PurchaseOrderLine,
  purchaseOrderNumber,
  shownStatus,
  type IPurchaseOrder,
  type IPurchaseOrderLine,
  type ShownPurchaseOrderStatus,
} from './order.entity.js';
import { amountUnits, documentTotals, lineNet, parseTaxRate } from './order-totals.js';

export const MAX_LINES = 200;

export interface PurchaseOrderLineInput {
  productId: string;
  quantity: string;
  /** Defaults to the supplier's best price for the quantity today. */
  unitPrice?: Money | null;
  taxRate?: string | null;
  expectedDate?: string | null;
  description?: string | null;
}

export interface CreatePurchaseOrderInput {
  supplierId: string;
  currency?: string | null;
  warehouseId?: string | null;
  lines: PurchaseOrderLineInput[];
}

export interface UpdatePurchaseOrderLineInput {
  quantity?: string | null;
  unitPrice?: Money | null;
  taxRate?: string | null;
  expectedDate?: string | null;
}

const inTransaction = <R>(em: SqlEntityManager, fn: (tx: SqlEntityManager) => Promise<R>): Promise<R> => (em.isInTransaction() ? fn(em) : em.transactional(fn));

/** The next number of `counter` without gaps: the counter row is incremented under its row lock until the transaction commits. */
export async function nextNumber(tx: SqlEntityManager, counter: 'purchase_order' | 'supplier_bill' | 'purchase_inquiry' | 'supplier_debit_note'): Promise<bigint> {
  const [row] = await tx.execute<{ value: string }[]>('update purchasing_counter set value = value + 1 where name = ? returning value', [counter]);
  if (!row) throw new Error(`purchasing_counter has no ${counter} row`);
  return BigInt(row.value);
}

/** Purchase orders are purchasing's own: whoever may read them reads all (no customer scoping). */
export const orderQuery = (em: SqlEntityManager) => em.createQueryBuilder(PurchaseOrder, 'po').select('*');

export async function getPurchaseOrder(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IPurchaseOrder> {
  const po = await em.findOne(PurchaseOrder, { id: requireUuid(field, id) });
  if (!po) throw notFound('PurchaseOrder', id, field);
  return po;
}

export const linesOf = (em: SqlEntityManager, purchaseOrderId: string): Promise<IPurchaseOrderLine[]> =>
  em.find(PurchaseOrderLine, { purchaseOrderId }, { orderBy: { position: 'asc' } });

interface PricedLine {
  productId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  netAmount: string;
  expectedDate: string | null;
}

/**
 * Validates and prices order lines for `supplierId` in `currency`: each product in the catalogue and
 * in use, the quantity positive with at most three decimals, a given price in the order's currency
 * (CURRENCY_MISMATCH), else the supplier's best price for the quantity today (NO_SUPPLIER_PRICE when it
 * has none), and the expected date from the price's lead time unless given.
 */
async function priceLines(
  em: SqlEntityManager,
  supplierId: string,
  currency: string,
  inputs: readonly PurchaseOrderLineInput[],
  fieldOf: (i: number) => string,
): Promise<PricedLine[]> {
  const ids = inputs.map((line, i) => requireUuid(`${fieldOf(i)}.productId`, line.productId));
  const products = await requireActiveProducts(em, ids, (i) => `${fieldOf(i)}.productId`);
  const day = today();
  const priced: PricedLine[] = [];
  for (const [i, input] of inputs.entries()) {
    const field = fieldOf(i);
    const quantity = formatQuantity(parseQuantity(`${field}.quantity`, input.quantity));
    const taxRate = parseTaxRate(`${field}.taxRate`, input.taxRate ?? '0');
    let unitPrice: string;
    let leadTime = 0;
    if (input.unitPrice) {
      const money = parseMoneyInput(`${field}.unitPrice`, input.unitPrice);
      if (money.currency !== currency) throw badInput(`${field}.unitPrice.currency`, `${field}.unitPrice.currency must be the order's currency ${currency}`, 'CURRENCY_MISMATCH');
      unitPrice = money.amount;
    } else {
      const best = await supplierPriceFor(em, supplierId, ids[i]!, quantity, day);
      if (!best || best.currency !== currency) {
        throw badInput(`${field}.unitPrice`, `${field}.unitPrice: the supplier has no price in ${currency} for this product and quantity today; give one`, 'NO_SUPPLIER_PRICE');
      }
      unitPrice = formatAmount(amountUnits(best.price));
      leadTime = best.leadTimeDays;
    }
    const expectedDate = input.expectedDate ? requireIsoDate(`${field}.expectedDate`, input.expectedDate) : leadTime ? addDays(day, leadTime) : null;
    const description = input.description?.trim() || products.get(ids[i]!)!.name;
    priced.push({ productId: ids[i]!, description, quantity, unitPrice, taxRate, netAmount: lineNet(field, quantity, unitPrice), expectedDate });
  }
  return priced;
}

function addLines(em: SqlEntityManager, po: IPurchaseOrder, lines: readonly PricedLine[], from: number): IPurchaseOrderLine[] {
  return lines.map((line, i) =>
    em.create(PurchaseOrderLine, {
      id: randomUUID(),
      purchaseOrderId: po.id,
      position: from + i,
      ...line,
      currency: po.currency,
      receivedQuantity: '0',
      billedQuantity: '0',
      cancelledQuantity: '0',
    }),
  );
}

function retotal(po: IPurchaseOrder, lines: readonly { netAmount: string; taxRate: string }[]): void {
  const totals = documentTotals(lines, po.currency);
  po.netTotal = totals.net;
  po.taxTotal = totals.tax;
  po.grossTotal = totals.gross;
}

/** Makes a numbered draft (PO-000001, … without gaps) with its lines, in `tx`. */
async function draft(
  tx: SqlEntityManager,
  viewer: Viewer,
  header: { supplierId: string; currency: string; warehouseId: string | null; copiedFromId: string | null },
  lines: readonly PricedLine[],
): Promise<IPurchaseOrder> {
  const po = tx.create(PurchaseOrder, {
    id: randomUUID(),
    number: purchaseOrderNumber(await nextNumber(tx, 'purchase_order')),
    ...header,
    status: 'DRAFT',
    netTotal: '0',
    taxTotal: '0',
    grossTotal: '0',
    createdBy: viewer.principal.userId,
    approvalReason: null,
    approvalAmount: null,
    approvalCurrency: null,
    submittedBy: null,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    cancelledAt: null,
    announcedAt: null,
  });
  retotal(po, addLines(tx, po, lines, 0));
  await tx.flush();
  return po;
}

const requireLines = (field: string, count: number, min = 1): void => {
  if (count < min || count > MAX_LINES) throw badInput(field, `${field} must hold ${min} to ${MAX_LINES} lines`, 'INVALID_LINE_COUNT');
};

/** Drafts a purchase order to a live supplier, in its currency, with priced lines. */
export async function createPurchaseOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreatePurchaseOrderInput): Promise<IPurchaseOrder> {
  const supplier = await getSupplier(em, viewer, input.supplierId, 'input.supplierId');
  const currency = input.currency ? requireCurrency('input.currency', input.currency) : supplier.currency;
  if (currency !== supplier.currency) throw badInput('input.currency', `input.currency must be the supplier's currency ${supplier.currency}`, 'CURRENCY_MISMATCH');
  const warehouseId = await requireActiveWarehouse(em, 'input.warehouseId', input.warehouseId);
  requireLines('input.lines', input.lines.length);
  const lines = await priceLines(em, supplier.id, currency, input.lines, (i) => `input.lines.${i}`);
  return inTransaction(em, (tx) => draft(tx, viewer, { supplierId: supplier.id, currency, warehouseId, copiedFromId: null }, lines));
}

/**
 * Any change to an order's lines: allowed while not cancelled. A change voids an approval or a
 * pending request for one: the order is a draft again and must be sent (and approved) anew. A voided
 * approval is announced (`purchasing.order.approval-voided.v1`): inventory stops expecting the lines
 * until the next approval announces them again.
 */
function reopenForChange(tx: SqlEntityManager, po: IPurchaseOrder, meta: EventMetadata): void {
  if (po.status === 'CANCELLED') throw conflict('PURCHASE_ORDER_CANCELLED', `purchase order ${po.number} is cancelled and cannot be changed`, 'id');
  if (po.status === 'APPROVED' && po.announcedAt) {
    publish(tx, PurchaseOrderApprovalVoidedV1, po.id, { purchaseOrderId: po.id, number: po.number, supplierId: po.supplierId, voidedAt: new Date().toISOString() }, meta);
  }
  po.status = 'DRAFT';
  po.approvalReason = null;
  po.approvalAmount = null;
  po.approvalCurrency = null;
  po.submittedBy = null;
  po.submittedAt = null;
  po.approvedBy = null;
  po.approvedAt = null;
}

export async function addPurchaseOrderLine(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  line: PurchaseOrderLineInput,
  meta: EventMetadata = {},
): Promise<IPurchaseOrder> {
  return transition(
    em,
    (tx) => getPurchaseOrder(tx, viewer, id),
    async (po, tx) => {
      reopenForChange(tx, po, meta);
      const existing = await linesOf(tx, po.id);
      requireLines('line', existing.length + 1);
      const priced = await priceLines(tx, po.supplierId, po.currency, [line], () => 'line');
      const position = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
      retotal(po, [...existing, ...addLines(tx, po, priced, position)]);
      return po;
    },
  );
}

/** Changes a line's quantity, price, tax rate or expected date; the quantity may not fall below what was received. */
export async function updatePurchaseOrderLine(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  lineId: string,
  input: UpdatePurchaseOrderLineInput,
  meta: EventMetadata = {},
): Promise<IPurchaseOrder> {
  return changeLine(em, viewer, id, lineId, meta, (po, line, lines) => {
    if (input.quantity) {
      const units = parseQuantity('input.quantity', input.quantity);
      if (units < quantityUnits(line.receivedQuantity) + quantityUnits(line.cancelledQuantity)) {
        throw badInput('input.quantity', `input.quantity must not be below what was received (${formatQuantity(quantityUnits(line.receivedQuantity))})`, 'BELOW_RECEIVED');
      }
      line.quantity = formatQuantity(units);
    }
    if (input.unitPrice) {
      const money = parseMoneyInput('input.unitPrice', input.unitPrice);
      if (money.currency !== po.currency) throw badInput('input.unitPrice.currency', `input.unitPrice.currency must be the order's currency ${po.currency}`, 'CURRENCY_MISMATCH');
      line.unitPrice = money.amount;
    }
    if (input.taxRate) line.taxRate = parseTaxRate('input.taxRate', input.taxRate);
    if (input.expectedDate !== undefined) line.expectedDate = input.expectedDate ? requireIsoDate('input.expectedDate', input.expectedDate) : null;
    line.netAmount = lineNet('input', line.quantity, line.unitPrice);
    return lines;
  });
}

/** Removes a line nothing was received or billed of. */
export async function removePurchaseOrderLine(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, lineId: string, meta: EventMetadata = {}): Promise<IPurchaseOrder> {
  return changeLine(em, viewer, id, lineId, meta, (_po, line, lines, tx) => {
    if (quantityUnits(line.receivedQuantity) > 0n || quantityUnits(line.billedQuantity) > 0n) {
      throw badInput('lineId', 'lineId: goods were received or billed on this line; reduce its quantity instead', 'LINE_IN_USE');
    }
    if (lines.length === 1) throw badInput('lineId', 'lineId: an order keeps at least one line; cancel the order instead', 'INVALID_LINE_COUNT');
    tx.remove(line);
    return lines.filter((l) => l !== line);
  });
}

/**
 * Changes one line of an order under the order's row lock: the change voids an approval
 * (`reopenForChange`), `change` alters the line (NOT_FOUND naming `lineId` when the order has no
 * such line) and returns the lines the order keeps, which it is totalled anew from.
 */
async function changeLine(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  lineId: string,
  meta: EventMetadata,
  change: (po: IPurchaseOrder, line: IPurchaseOrderLine, lines: IPurchaseOrderLine[], tx: SqlEntityManager) => IPurchaseOrderLine[],
): Promise<IPurchaseOrder> {
  const wanted = requireUuid('lineId', lineId);
  return transition(
    em,
    (tx) => getPurchaseOrder(tx, viewer, id),
    async (po, tx) => {
      reopenForChange(tx, po, meta);
      const lines = await linesOf(tx, po.id);
      const line = lines.find((l) => l.id === wanted);
      if (!line) throw notFound('PurchaseOrderLine', lineId, 'lineId');
      retotal(po, change(po, line, lines, tx));
      return po;
    },
  );
}

/**
 * A net total in finance's base currency (from the rate copy), in four-place units: as it is in
 * that currency, else converted at the rate of `day` (half up at the base's minor unit, as finance
 * converts); null when the copy holds no rate for it, so the order waits for an unlimited approver.
 */
function inBaseCurrency(rates: BaseRates, currency: string, netTotal: string, day: string): bigint | null {
  if (currency === rates.base) return amountUnits(netTotal);
  const rate = rates.rateOf(currency, day);
  return rate === null ? null : convertUnits(amountUnits(netTotal), rate, rates.base);
}

/**
 * The order's amount and what the same supplier was sent on `day` (UTC, the day this order is sent) by
 * other orders waiting for or holding an approval, in base-currency units at the day's rates; either
 * null when a rate is missing. Judged by the day each order was sent, not drafted: a draft from
 * yesterday sent today is summed with today's. Runs after the supplier's row is locked, so two orders
 * sent at once are summed one after the other.
 */
async function approvalAmounts(tx: SqlEntityManager, po: IPurchaseOrder, day: string): Promise<{ base: string; amount: bigint | null; sameDay: bigint | null }> {
  const rows = await tx.execute<{ currency: string; net_total: string }[]>(
    `select currency, net_total from purchase_order
      where supplier_id = ? and id <> ? and status in ('AWAITING_APPROVAL', 'APPROVED')
        and (submitted_at at time zone 'UTC')::date = ?::date`,
    [po.supplierId, po.id, day],
  );
  const rates = await ratesToBase(
    tx,
    [po.currency, ...rows.map((r) => r.currency)].map((currency) => ({ currency, day })),
  );
  let sameDay: bigint | null = 0n;
  for (const row of rows) {
    const units = inBaseCurrency(rates, row.currency, row.net_total, day);
    sameDay = units === null || sameDay === null ? null : sameDay + units;
  }
  return { base: rates.base, amount: inBaseCurrency(rates, po.currency, po.netTotal, day), sameDay };
}

function announceApproval(tx: SqlEntityManager, po: IPurchaseOrder, lines: readonly IPurchaseOrderLine[], meta: EventMetadata): void {
  const open = lines.filter((l) => quantityUnits(l.quantity) > quantityUnits(l.cancelledQuantity));
  if (!open.length) return;
  po.announcedAt = po.approvedAt;
  publish(
    tx,
    PurchaseOrderApprovedV1,
    po.id,
    {
      purchaseOrderId: po.id,
      number: po.number,
      supplierId: po.supplierId,
      currency: po.currency,
      warehouseId: po.warehouseId ?? null,
      lines: open.map((l) => ({
        lineId: l.id,
        productId: l.productId,
        // What the line orders in all (less what was cancelled); inventory sets what it received against it.
        quantity: formatQuantity(quantityUnits(l.quantity) - quantityUnits(l.cancelledQuantity)),
        unitPrice: { amount: formatAmount(amountUnits(l.unitPrice)), currency: po.currency },
        expectedDate: l.expectedDate ?? null,
      })),
      approvedAt: po.approvedAt!.toISOString(),
    },
    meta,
  );
}

/**
 * Sends a draft: approved at once (and announced to inventory) when the sender's limit covers its
 * amount and, with the other orders to the same supplier sent that day, their sum (a need split into
 * several orders is flagged SAME_DAY_SPLIT); otherwise it waits for an approver (AWAITING_APPROVAL,
 * with the reason and the amount the approver's limit must cover).
 */
export async function submitPurchaseOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IPurchaseOrder> {
  return transition(
    em,
    (tx) => getPurchaseOrder(tx, viewer, id),
    async (po, tx) => {
      if (po.status !== 'DRAFT') throw conflict('PURCHASE_ORDER_NOT_DRAFT', `purchase order ${po.number} is ${po.status.toLowerCase()} and cannot be sent`, 'id');
      const lines = await linesOf(tx, po.id);
      // Orders to one supplier are sent one after another, so same-day sums see each other.
      await tx.execute('select id from supplier where id = ? for update', [po.supplierId]);
      const day = today();
      const { base, amount, sameDay } = await approvalAmounts(tx, po, day);
      const limit = await approvalLimit(tx, await approverLevel(tx, viewer), base, day);
      const combined = amount === null || sameDay === null ? null : amount + sameDay;
      const now = new Date();
      po.submittedBy = viewer.principal.userId;
      po.submittedAt = now;
      po.approvalCurrency = base;
      if (amount === null) {
        po.status = 'AWAITING_APPROVAL';
        po.approvalReason = 'NO_EXCHANGE_RATE';
        po.approvalAmount = null;
      } else if (!covers(limit, amount)) {
        po.status = 'AWAITING_APPROVAL';
        po.approvalReason = 'ABOVE_LIMIT';
        po.approvalAmount = formatAmount(amount);
      } else if (!covers(limit, combined)) {
        po.status = 'AWAITING_APPROVAL';
        po.approvalReason = 'SAME_DAY_SPLIT';
        po.approvalAmount = combined === null ? null : formatAmount(combined);
      } else {
        po.status = 'APPROVED';
        po.approvalReason = 'WITHIN_LIMIT';
        po.approvalAmount = formatAmount(amount);
        po.approvedAt = now;
        announceApproval(tx, po, lines, meta);
      }
      return po;
    },
  );
}

/**
 * Approves an order waiting for approval: not by whoever made or sent it (SELF_APPROVAL naming `id`),
 * and only within the approver's limit (FORBIDDEN APPROVAL_LIMIT_EXCEEDED). Announces the approved
 * lines to inventory. Concurrent approvals: one wins, the others CONFLICT.
 */
export async function approvePurchaseOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IPurchaseOrder> {
  return transition(
    em,
    (tx) => getPurchaseOrder(tx, viewer, id),
    async (po, tx) => {
      if (po.status !== 'AWAITING_APPROVAL') {
        throw conflict('PURCHASE_ORDER_NOT_AWAITING_APPROVAL', `purchase order ${po.number} is ${po.status.toLowerCase().replace('_', ' ')}, not awaiting approval`, 'id');
      }
      const me = viewer.principal.userId;
      if (po.createdBy === me || po.submittedBy === me) throw badInput('id', `id: nobody approves their own purchase order (${po.number})`, 'SELF_APPROVAL');
      const limit = await approvalLimit(tx, await approverLevel(tx, viewer), po.approvalCurrency ?? DEFAULT_BASE_CURRENCY, today());
      const amount = po.approvalAmount ? amountUnits(po.approvalAmount) : null;
      if (!covers(limit, amount)) {
        throw new AppError('FORBIDDEN', 'APPROVAL_LIMIT_EXCEEDED', `purchase order ${po.number} (${po.approvalAmount ?? 'in a foreign currency'}) is beyond your approval limit`);
      }
      po.status = 'APPROVED';
      po.approvedBy = me;
      po.approvedAt = new Date();
      announceApproval(tx, po, await linesOf(tx, po.id), meta);
      return po;
    },
  );
}

/**
 * Cancels an order: a draft or one awaiting approval simply; an approved one cancels what is still
 * open on each line and tells inventory (`purchasing.order.cancelled.v1`). Fully received: CONFLICT.
 */
export async function cancelPurchaseOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IPurchaseOrder> {
  return transition(
    em,
    (tx) => getPurchaseOrder(tx, viewer, id),
    async (po, tx) => {
      if (po.status === 'CANCELLED') throw conflict('PURCHASE_ORDER_CANCELLED', `purchase order ${po.number} is already cancelled`, 'id');
      const lines = await linesOf(tx, po.id);
      if (po.status === 'APPROVED' && shownStatus(po, lines) === 'RECEIVED') throw conflict('PURCHASE_ORDER_RECEIVED', `purchase order ${po.number} was received in full`, 'id');
      const cancelled = lines.map((l) => ({ line: l, units: openUnits(l) })).filter((c) => c.units > 0n);
      for (const { line, units } of cancelled) line.cancelledQuantity = formatQuantity(quantityUnits(line.cancelledQuantity) + units);
      po.status = 'CANCELLED';
      po.cancelledAt = new Date();
      // Only what inventory was told to expect is withdrawn; a draft was never announced. (An approval voided by a
      // change leaves inventory expecting the last approved lines: they are withdrawn too.)
      if (po.announcedAt && cancelled.length) {
        publish(
          tx,
          PurchaseOrderCancelledV1,
          po.id,
          {
            purchaseOrderId: po.id,
            number: po.number,
            supplierId: po.supplierId,
            whole: true,
            lines: cancelled.map(({ line, units }) => ({ lineId: line.id, productId: line.productId, quantity: formatQuantity(units) })),
            cancelledAt: po.cancelledAt.toISOString(),
          },
          meta,
        );
      }
      return po;
    },
  );
}

/** Copies an order as a new draft (new number, same supplier, lines and prices); the copy must be sent and approved like any order, and counts in the same-day sum. */
export async function copyPurchaseOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string): Promise<IPurchaseOrder> {
  const source = await getPurchaseOrder(em, viewer, id);
  const supplier = await getSupplier(em, viewer, source.supplierId, 'id');
  const inputs = (await linesOf(em, source.id)).map((l) => ({
    productId: l.productId,
    quantity: l.quantity,
    unitPrice: { amount: l.unitPrice, currency: l.currency },
    taxRate: l.taxRate,
    description: l.description,
  }));
  const lines = await priceLines(em, supplier.id, source.currency, inputs, (i) => `lines.${i}`);
  return inTransaction(em, (tx) =>
    draft(tx, viewer, { supplierId: supplier.id, currency: source.currency, warehouseId: source.warehouseId ?? null, copiedFromId: source.id }, lines),
  );
}

export { draft as draftPurchaseOrder, priceLines as pricePurchaseLines };

export interface PurchaseOrderFilter {
  supplierId?: string | null;
  status?: ShownPurchaseOrderStatus | null;
  statuses?: readonly ShownPurchaseOrderStatus[] | null;
}

const ORDER_KEYSET: Keyset<IPurchaseOrder> = { sort: 'po.created_at', kind: 'timestamp', direction: 'desc', id: 'po.id', sortValue: (po) => po.createdAt.toISOString() };

const RECEIPT_STATE_SQL = `(select case when bool_and(l.quantity - l.cancelled_quantity - l.received_quantity <= 0) then 'RECEIVED'
  when bool_or(l.received_quantity > 0) then 'PARTLY_RECEIVED' else 'APPROVED' end from purchase_order_line l where l.purchase_order_id = po.id)`;

/** The shown states an order filter admits: `status` and `statuses` each narrow (both given: their intersection); null when neither is given. */
function wantedStatuses(filter: PurchaseOrderFilter | null | undefined): Set<ShownPurchaseOrderStatus> | null {
  const status = filter?.status;
  const statuses = filter?.statuses;
  if (!status && !statuses) return null;
  if (!statuses) return new Set([status!]);
  return new Set(status ? statuses.filter((s) => s === status) : statuses);
}

const RECEIPT_STATES: readonly ShownPurchaseOrderStatus[] = ['APPROVED', 'PARTLY_RECEIVED', 'RECEIVED'];

/**
 * Purchase orders newest first, by keyset; `status` / `statuses` filter on the shown state (a stored
 * DRAFT, AWAITING_APPROVAL or CANCELLED as it is; an approved order's APPROVED, PARTLY_RECEIVED or
 * RECEIVED from its lines' received quantities).
 */
export async function listPurchaseOrders(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: PurchaseOrderFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IPurchaseOrder>> {
  const qb = orderQuery(em);
  if (filter?.supplierId) qb.andWhere({ supplierId: requireUuid('filter.supplierId', filter.supplierId) });
  const wanted = wantedStatuses(filter);
  if (wanted) {
    const stored = [...wanted].filter((s) => !RECEIPT_STATES.includes(s));
    const received = [...wanted].filter((s) => RECEIPT_STATES.includes(s));
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const parts = [
      ...(stored.length ? [`po.status in (${marks(stored.length)})`] : []),
      ...(received.length ? [`(po.status = 'APPROVED' and ${RECEIPT_STATE_SQL} in (${marks(received.length)}))`] : []),
    ];
    qb.andWhere(parts.length ? `(${parts.join(' or ')})` : 'false', [...stored, ...received]);
  }
  return keysetPage(qb, ORDER_KEYSET, { field: 'purchaseOrders', first, after });
}

/** Lines of approved orders whose expected date has passed (before `on`, today by default) and that still expect goods, oldest first. */
export async function overdueReceipts(em: SqlEntityManager, viewer: Viewer, on: string | null | undefined): Promise<IPurchaseOrderLine[]> {
  const day = on ? requireIsoDate('on', on) : today();
  const rows = await em.execute<{ id: string }[]>(
    `select l.id from purchase_order_line l join purchase_order po on po.id = l.purchase_order_id
      where po.status = 'APPROVED' and l.expected_date < ?::date and l.quantity - l.cancelled_quantity - l.received_quantity > 0
      order by l.expected_date, po.number, l.position limit 500`,
    [day],
  );
  if (!rows.length) return [];
  const lines = await em.find(PurchaseOrderLine, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(lines.map((l) => [l.id, l]));
  return rows.map((r) => byId.get(r.id)!);
}
