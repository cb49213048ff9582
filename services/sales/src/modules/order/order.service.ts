import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { OrderCancelledV2, OrderConfirmedV2, QuotationConvertedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, normaliseAmount, notFound, optionalText, requireCurrency, requireUuid, type Money } from '@rapport/errors';
import {
  CatalogueProduct,
  keysetPage,
  restrictToVisibleCustomers,
  transition,
  type Connection,
  type Keyset,
  type Viewer,
  type WriteAccess,
  visibleById,
} from '@rapport/subgraph-kit';
import type { SalesOrderStatus } from '../../generated/types.js';
import { requireOrderWithinLimits } from '../approval/approval.checks.js';
import { assertCustomerKnown } from '../customer/customer-check.js';
import { priceDocumentLines, requireLineCount, type DocumentLine, type DocumentLineInput } from '../pricing/price-lines.js';
import { documentTotals, priceLine } from '../pricing/pricing.js';
import { convert, type IQuotation } from '../quotation/quotation.entity.js';
import { getQuotation, quotationLines } from '../quotation/quotation.service.js';
import {
  applyState,
  cancelRest,
  fromUnits,
  openUnits,
  orderNumber,
  parseQuantity,
  SalesOrder,
  SalesOrderInvoice,
  SalesOrderLine,
  toUnits,
  type ISalesOrder,
  type ISalesOrderLine,
} from './order.entity.js';

export interface PlaceOrderInput {
  customerId: string;
  currency: string;
  lines: DocumentLineInput[];
}

/** A line of an accepted quotation to order, and how much of it (all of it when omitted). */
export interface ConvertLineInput {
  quotationLineId: string;
  quantity?: string | null;
}

/**
 * Sales orders `viewer` may see, as a query to narrow further (alias `so`): with scoped access,
 * only those of the customers they may see.
 */
export function visibleOrders(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(SalesOrder, 'so').select('*');
  restrictToVisibleCustomers(qb, 'so', viewer);
  return qb;
}

type OrderLineDraft = DocumentLine & { quotationLineId: string | null };

/** Numbers and saves a confirmed order with its lines and totals, and writes `sales.order.confirmed.v2` (line ids, prices, discounts, tax) in the same flush. */
async function confirmOrder(
  em: SqlEntityManager,
  customerId: string,
  currency: string,
  lines: readonly OrderLineDraft[],
  quotationId: string | null,
  meta: EventMetadata,
  id: string = randomUUID(),
  loan: { id: string; number: string } | null = null,
): Promise<ISalesOrder> {
  const totals = documentTotals(lines, currency);
  const [next] = await em.execute<{ n: string }[]>(`select nextval('sales_order_number_seq') as n`);
  if (!next) throw new Error('sales_order_number_seq returned no value');
  const order = em.create(SalesOrder, {
    id,
    number: orderNumber(next.n),
    customerId,
    status: 'CONFIRMED',
    currency,
    total: totals.net,
    taxTotal: totals.tax,
    grossTotal: totals.gross,
    quotationId,
    loanId: loan?.id ?? null,
    loanNumber: loan?.number ?? null,
    confirmedAt: new Date(),
    cancelledAt: null,
    deliveredAt: null,
    paidAt: null,
    completedAt: null,
  });
  const created = lines.map((line, position) =>
    em.create(SalesOrderLine, {
      id: randomUUID(),
      orderId: order.id,
      position,
      productId: line.productId,
      quotationLineId: line.quotationLineId,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      unitPriceGross: line.unitPriceGross,
      priceEntry: line.priceEntry,
      discountPercent: line.discountPercent,
      taxRate: line.taxRate,
      currency,
      lineTotal: line.netAmount,
      reservedQuantity: '0',
      shortQuantity: '0',
      shortReportedAt: null,
      cancelledQuantity: '0',
      deliveredQuantity: '0',
      invoicedQuantity: '0',
      returnedQuantity: '0',
    }),
  );
  publish(
    em,
    OrderConfirmedV2,
    order.id,
    {
      orderId: order.id,
      customerId,
      number: order.number,
      currency,
      total: { amount: totals.net, currency },
      warehouseId: null,
      lines: created.map((l) => ({
        lineId: l.id,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: { amount: l.unitPrice, currency },
        discountPercent: l.discountPercent,
        taxRate: l.taxRate,
      })),
      confirmedAt: order.confirmedAt.toISOString(),
    },
    meta,
  );
  await em.flush();
  return order;
}

/**
 * Places an order entered directly, under the same line rules as a quotation (real, sellable
 * products; last or list price when none is given; exact totals) and within the placer's discount
 * limits (CONFLICT APPROVAL_REQUIRED otherwise: an order over them goes through an approved
 * quotation). Nothing is written when any input is wrong or the customer is not visible to
 * `viewer` (NOT_FOUND).
 */
export async function placeOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: PlaceOrderInput, meta: EventMetadata): Promise<ISalesOrder> {
  const customerId = requireUuid('input.customerId', input.customerId);
  await assertCustomerKnown(em, viewer, customerId, 'input.customerId');
  const currency = requireCurrency('input.currency', input.currency);
  requireLineCount('input.lines', input.lines.length);
  const lines = await priceDocumentLines(em, customerId, currency, input.lines, (i) => `input.lines.${i}`);
  await requireOrderWithinLimits(em, viewer, currency, lines);
  return confirmOrder(
    em,
    customerId,
    currency,
    lines.map((l) => ({ ...l, quotationLineId: null })),
    null,
    meta,
  );
}

/** What `orderKeptLoan` needs of `inventory.loan.converted.v2`. */
export interface KeptLoan {
  loanId: string;
  number: string;
  orderId: string;
  customerId: string;
  productId: string;
  quantity: string;
  unitPrice: Money | null;
}

/**
 * Makes the order of goods a customer kept from a loan or sample (inventory's
 * `loan.converted.v2`), with the id inventory chose for it: one line of the product (from the
 * catalogue copy, even if no longer sold: the goods are with the customer already), the kept
 * quantity, the unit price agreed at conversion or else the list price, no discount, no tax rate
 * given (0). Confirmed like any order (`sales.order.confirmed.v2`), on which inventory reports the
 * goods shipped instead of reserving them. An order already made (a redelivery) is left alone; the
 * discount limits do not apply (the price was agreed in inventory). A product missing from the
 * catalogue copy is refused, so the event is retried until the copy has it.
 */
export async function orderKeptLoan(em: SqlEntityManager, loan: KeptLoan, meta: EventMetadata): Promise<ISalesOrder | null> {
  if (await em.count(SalesOrder, { id: loan.orderId })) return null;
  const product = await em.findOne(CatalogueProduct, { id: loan.productId });
  if (!product) throw notFound('Product', loan.productId, 'productId');
  const unitPrice = loan.unitPrice ?? { amount: normaliseAmount(product.listPrice), currency: product.listPriceCurrency };
  const line = priceLine('lines.0', { quantity: loan.quantity, unitPrice }, unitPrice.currency, () => ({ unitPrice, discountPercent: '0' }));
  return confirmOrder(em, loan.customerId, unitPrice.currency, [{ ...line, productId: product.id, description: product.name, quotationLineId: null }], null, meta, loan.orderId, {
    id: loan.loanId,
    number: loan.number,
  });
}

/**
 * Makes the order of an accepted quotation, under the quotation's row lock: all its lines, or the
 * chosen ones with quantities up to those quoted, at the quoted prices, discounts and tax rates
 * (the quotation is the agreement; the catalogue is checked again: a product retired since cannot
 * be ordered). The order's lines must be within the converter's discount limits, or covered by the
 * quotation's approval and its approver's limits (CONFLICT APPROVAL_REQUIRED otherwise). The quotation becomes CONVERTED (`sales.quotation.converted.v1`); converting it
 * again is a CONFLICT.
 */
export async function convertQuotation(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  quotationId: string,
  chosen: readonly ConvertLineInput[] | null | undefined,
  meta: EventMetadata,
): Promise<ISalesOrder> {
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, quotationId),
    async (q: IQuotation, tx) => {
      const orderId = randomUUID();
      convert(q, orderId);
      const quoted = await quotationLines(tx, q.id);
      const picked: { line: (typeof quoted)[number]; quantity: string }[] = chosen
        ? chosen.map((c, i) => {
            const field = `lines.${i}`;
            const id = requireUuid(`${field}.quotationLineId`, c.quotationLineId);
            const line = quoted.find((l) => l.id === id);
            if (!line) throw badInput(`${field}.quotationLineId`, `${field}.quotationLineId is not a line of quotation ${q.number}`, 'NOT_A_QUOTATION_LINE');
            if (chosen.findIndex((o) => o.quotationLineId.toLowerCase() === id) !== i)
              throw badInput(`${field}.quotationLineId`, `${field}.quotationLineId is chosen twice`, 'DUPLICATE_LINE');
            const quantity = c.quantity ? parseQuantity(`${field}.quantity`, c.quantity) : line.quantity;
            if (toUnits(quantity) > toUnits(line.quantity))
              throw badInput(`${field}.quantity`, `${field}.quantity is more than the ${fromUnits(toUnits(line.quantity))} quoted`, 'MORE_THAN_QUOTED');
            return { line, quantity };
          })
        : quoted.map((line) => ({ line, quantity: line.quantity }));
      requireLineCount('lines', picked.length);
      const priced = await priceDocumentLines(
        tx,
        q.customerId,
        q.currency,
        picked.map(({ line, quantity }) => ({
          productId: line.productId,
          description: line.description,
          quantity,
          ...(line.priceEntry === 'GROSS'
            ? { unitPriceGross: { amount: line.unitPriceGross, currency: q.currency } }
            : { unitPrice: { amount: line.unitPrice, currency: q.currency } }),
          discountPercent: line.discountPercent,
          taxRate: line.taxRate,
        })),
        (i) => `lines.${i}`,
      );
      await requireOrderWithinLimits(tx, viewer, q.currency, priced, { quotation: q, quotedLines: quoted });
      const order = await confirmOrder(
        tx,
        q.customerId,
        q.currency,
        priced.map((l, i) => ({ ...l, quotationLineId: picked[i]!.line.id })),
        q.id,
        meta,
        orderId,
      );
      publish(
        tx,
        QuotationConvertedV1,
        q.id,
        { quotationId: q.id, customerId: q.customerId, number: q.number, orderId: order.id, orderNumber: order.number, convertedAt: q.convertedAt!.toISOString() },
        meta,
      );
      return order;
    },
  );
}

/** Announces what `cancelRest` cancelled (`sales.order.cancelled.v2`, `whole` once nothing of the order was or will be delivered). */
function announceCancellation(
  em: SqlEntityManager,
  order: ISalesOrder,
  cancelled: { line: ISalesOrderLine; quantity: string }[],
  reason: string | null,
  meta: EventMetadata,
): void {
  publish(
    em,
    OrderCancelledV2,
    order.id,
    {
      orderId: order.id,
      customerId: order.customerId,
      number: order.number,
      whole: order.status === 'CANCELLED',
      lines: cancelled.map(({ line, quantity }) => ({ lineId: line.id, productId: line.productId, quantity })),
      reason,
      cancelledAt: new Date().toISOString(),
    },
    meta,
  );
}

const orderLines = (em: SqlEntityManager, orderId: string): Promise<ISalesOrderLine[]> => em.find(SalesOrderLine, { orderId }, { orderBy: { position: 'asc' } });

/**
 * Cancels what is still undelivered of an order under its row lock (concurrent cancels and a
 * shipment: one wins, the others CONFLICT or wait) and announces it with the quantity cancelled per
 * line; the order's state is derived again (CANCELLED when nothing was delivered, else what its
 * delivered and invoiced quantities say). NOT_FOUND when `viewer` may not see it.
 */
export async function cancelOrder(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, reason: string | null | undefined, meta: EventMetadata): Promise<ISalesOrder> {
  const why = optionalText('reason', reason, 2000);
  return cancelChosenLines(em, viewer, id, 'id', why, meta, (lines) => lines.filter((l) => openUnits(l) > 0n));
}

/** Cancels the undelivered rest of one line of an order; the order is cancelled when nothing of it was or will be delivered. */
export async function cancelOrderLine(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  orderId: string,
  lineId: string,
  reason: string | null | undefined,
  meta: EventMetadata,
): Promise<ISalesOrder> {
  const why = optionalText('reason', reason, 2000);
  const wanted = requireUuid('lineId', lineId);
  return cancelChosenLines(em, viewer, orderId, 'orderId', why, meta, (lines) => {
    const line = lines.find((l) => l.id === wanted);
    if (!line) throw notFound('SalesOrderLine', lineId, 'lineId');
    return [line];
  });
}

/** What `cancelOrder` and `cancelOrderLine` share: the lines `choose` picks (of all the order's), cancelled under the order's row lock, the order's state derived again, the cancellation announced. */
function cancelChosenLines(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  field: string,
  why: ReturnType<typeof optionalText>,
  meta: EventMetadata,
  choose: (lines: ISalesOrderLine[]) => ISalesOrderLine[],
): Promise<ISalesOrder> {
  return transition(
    em,
    (tx) => getOrder(tx, viewer, id, field),
    async (order, tx) => {
      const lines = await orderLines(tx, order.id);
      const cancelled = cancelRest(order, lines, choose(lines));
      applyState(order, lines, await tx.find(SalesOrderInvoice, { orderId: order.id }), new Date());
      announceCancellation(tx, order, cancelled, why, meta);
      return order;
    },
  );
}

/** The order `id`; NOT_FOUND naming `field` when it does not exist or `viewer` may not see it (the two are indistinguishable). */
export async function getOrder(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ISalesOrder> {
  return visibleById(visibleOrders(em, viewer), 'SalesOrder', id, field);
}

export interface SalesOrderFilter {
  customerId?: string | null;
  status?: SalesOrderStatus | null;
}

/** Sales orders newest first: by confirmation, then id. */
const SALES_ORDER_ORDER: Keyset<ISalesOrder> = { sort: 'so.confirmed_at', kind: 'timestamp', direction: 'desc', id: 'so.id', sortValue: (o) => o.confirmedAt.toISOString() };

/** The sales orders `viewer` may see, newest first, by keyset on (confirmedAt, id). */
export async function listOrders(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: SalesOrderFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ISalesOrder>> {
  const qb = visibleOrders(em, viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.status) qb.andWhere({ status: filter.status });
  return keysetPage(qb, SALES_ORDER_ORDER, { field: 'salesOrders', first, after });
}
