import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict, formatQuantity, parseQuantity as parseQuantityUnits, quantityUnits } from '@rapport/errors';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * Where an order stands, derived from its lines' quantities and its invoices by `deriveStatus` —
 * never set by hand (see the SDL's `SalesOrderStatus` for the precise rules).
 */
export const ORDER_STATUSES = ['CONFIRMED', 'PARTLY_DELIVERED', 'DELIVERED', 'PARTLY_INVOICED', 'INVOICED', 'PAID', 'COMPLETED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A customer's confirmed order, numbered SO-000001, …; its total is the sum of its lines. */
export const SalesOrder = defineEntity({
  name: 'SalesOrder',
  tableName: 'sales_order',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('sales_order_number_key'),
    customerId: p.uuid(),
    status: p.enum([...ORDER_STATUSES]),
    currency: currency(),
    /** Net total (after discounts, before tax), rounded half up at the currency's minor unit per tax rate. */
    total: money(),
    taxTotal: money(),
    grossTotal: money(),
    /** The accepted quotation it was made from; null when entered directly. An accepted quotation makes one order at most. */
    quotationId: p.uuid().nullable(),
    /** The loan the customer kept that the order was made of (inventory's `loan.converted.v2`); null otherwise. Never both a quotation and a loan. */
    loanId: p.uuid().nullable(),
    /** That loan's number (LN-000001), as inventory announced it. */
    loanNumber: p.text().nullable(),
    confirmedAt: timestamp(),
    cancelledAt: timestamp().nullable(),
    /** When the last of its (not cancelled) quantity was reported shipped; null while some is undelivered. */
    deliveredAt: timestamp().nullable(),
    /** When the last of its invoices was reported paid, the order being fully invoiced; null otherwise. */
    paidAt: timestamp().nullable(),
    /** When it became COMPLETED (delivered, invoiced and paid). */
    completedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ISalesOrder = InferEntity<typeof SalesOrder>;

/**
 * One product on an order: quantity × net unit price × (1 − discount), in the order's currency, and
 * what inventory reported of it (reserved, short) and what was cancelled of it.
 */
export const SalesOrderLine = defineEntity({
  name: 'SalesOrderLine',
  tableName: 'sales_order_line',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    position: p.integer(),
    productId: p.uuid(),
    quotationLineId: p.uuid().nullable(),
    description: p.text(),
    quantity: quantity(),
    /** Net unit price. */
    unitPrice: money(),
    /** Tax-inclusive unit price: as entered, or computed from the net. */
    unitPriceGross: money(),
    priceEntry: p.enum(['NET', 'GROSS']),
    discountPercent: p.decimal('string').precision(5).scale(2),
    taxRate: p.decimal('string').precision(5).scale(2),
    currency: currency(),
    /** Net amount after discount, four places. */
    lineTotal: money(),
    /** Held for the line in inventory: the sum of reserved less released quantities reported. */
    reservedQuantity: quantity(),
    /** What inventory last reported the line lacks (shown less what was reserved since). */
    shortQuantity: quantity(),
    shortReportedAt: timestamp().nullable(),
    /** Cancelled so far (never a delivered quantity). */
    cancelledQuantity: quantity(),
    /** Shipped to the customer: the sum of inventory's `shipment.shipped.v2` quantities for the line (a picking done counts as delivered, as in Odoo). */
    deliveredQuantity: quantity(),
    /** Invoiced less credited: finance's `invoice.issued.v2` line quantities less its `credit-note.issued.v1` ones for the line. */
    invoicedQuantity: quantity(),
    /**
     * Came back from the customer: the sum of inventory's `return.received.v1` quantities for the line
     * (RESTOCK and SCRAP alike). A returned unit stays delivered (as Odoo keeps delivered and shows
     * returned), so it changes no state; finance credits or stops invoicing it.
     */
    returnedQuantity: quantity(),
  },
});
export type ISalesOrderLine = InferEntity<typeof SalesOrderLine>;

/** A positive quantity with at most three decimals given by a client, as a canonical string ("2", "1.5"); BAD_USER_INPUT naming `field` otherwise. */
export const parseQuantity = (field: string, value: string): string => formatQuantity(parseQuantityUnits(field, value));

/**
 * One of finance's invoices billing (lines of) an order, as finance's events reported it: a read
 * copy that tells when the order is paid. One row per invoice and order.
 */
export const SalesOrderInvoice = defineEntity({
  name: 'SalesOrderInvoice',
  tableName: 'sales_order_invoice',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    orderId: p.uuid(),
    number: p.text(),
    issuedAt: timestamp().nullable(),
    paidAt: timestamp().nullable(),
  },
});
export type ISalesOrderInvoice = InferEntity<typeof SalesOrderInvoice>;

/** The order number for sequence value `n`: SO-000001. */
export const orderNumber = (n: bigint | number | string): string => `SO-${String(n).padStart(6, '0')}`;

/** Quantities in units of 0.001 (the `@rapport/errors` quantity helpers, named for this module's arithmetic). */
export const toUnits = quantityUnits;
export const fromUnits = formatQuantity;

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** What the line is for once cancellations are taken off: ordered less cancelled (never less than what was shipped anyway). */
export const effectiveUnits = (line: ISalesOrderLine): bigint => max(toUnits(line.quantity) - toUnits(line.cancelledQuantity), toUnits(line.deliveredQuantity));

/** What is still open of a line: ordered less cancelled less delivered; this is what may still be cancelled. */
export const openUnits = (line: ISalesOrderLine): bigint => max(toUnits(line.quantity) - toUnits(line.cancelledQuantity) - toUnits(line.deliveredQuantity), 0n);

/**
 * What is left to invoice of a line, as Odoo's "quantity to invoice" per invoicing policy, never negative.
 * Sales learns the basis from finance's invoices: while no more was invoiced than was delivered and
 * kept, the line is invoiced on delivery (delivered less returned less invoiced); once it was
 * invoiced ahead of delivery (prepaid, finance's `ORDERED` basis), on what was ordered (ordered less
 * cancelled less returned less invoiced, what finance's `ORDERED` invoicing still bills). A return
 * of an invoiced unit awaiting its credit note shows 0, not a negative.
 */
export function toInvoiceUnits(line: ISalesOrderLine): bigint {
  const kept = toUnits(line.deliveredQuantity) - toUnits(line.returnedQuantity);
  const invoiced = toUnits(line.invoicedQuantity);
  const basis = invoiced > kept ? effectiveUnits(line) - toUnits(line.returnedQuantity) : kept;
  return max(basis - invoiced, 0n);
}

/** What a line lacks in stock: what inventory last reported short, less what was reserved since, never more than is open. */
export function shortUnits(line: ISalesOrderLine): bigint {
  const open = openUnits(line) - toUnits(line.reservedQuantity);
  const reported = toUnits(line.shortQuantity);
  const short = reported < open ? reported : open;
  return short > 0n ? short : 0n;
}

/**
 * Cancels the undelivered rest of `lines` (all the order's lines when cancelling the whole order) and
 * returns what was cancelled per line; the caller derives the order's state afterwards (CANCELLED
 * once nothing of it was or will be delivered). CONFLICT when the order has nothing undelivered
 * left, or a line has nothing undelivered to cancel: a delivered quantity can only be returned.
 */
export function cancelRest(
  order: ISalesOrder,
  allLines: readonly ISalesOrderLine[],
  lines: readonly ISalesOrderLine[],
  now = new Date(),
): { line: ISalesOrderLine; quantity: string }[] {
  if (order.status === 'CANCELLED' || order.status === 'COMPLETED' || allLines.every((line) => openUnits(line) <= 0n)) {
    throw conflict('ORDER_NOT_CANCELLABLE', `order ${order.number} is ${order.status.toLowerCase().replace('_', ' ')} with nothing undelivered and cannot be cancelled`, 'id');
  }
  const cancelled = lines.map((line) => {
    const open = openUnits(line);
    if (open <= 0n)
      throw conflict(
        'ORDER_LINE_NOT_CANCELLABLE',
        `line ${line.position + 1} of order ${order.number} has nothing undelivered left to cancel (a delivered quantity can only be returned)`,
        'lineId',
      );
    line.cancelledQuantity = fromUnits(toUnits(line.cancelledQuantity) + open);
    return { line, quantity: fromUnits(open) };
  });
  return cancelled;
}

/** What sales knows of one of the order's invoices (from finance's events). */
export interface OrderInvoiceState {
  issuedAt?: Date | null;
  paidAt?: Date | null;
}

/**
 * The order's state from its lines' quantities and its invoices. Each line counts for its
 * effective quantity (ordered less cancelled; never less than shipped). In this order:
 * - CANCELLED: nothing effective is left on any line (everything cancelled before delivery);
 * - COMPLETED: every effective quantity delivered and invoiced, and every invoice of the order paid;
 * - PAID: fully invoiced and every invoice paid, but not all delivered yet (paid in advance);
 * - INVOICED: every effective quantity invoiced (less credit notes), not all paid; a returned quantity
 *   (credited by finance, or never billed) counts as invoiced, so a return does not reopen the order;
 * - PARTLY_INVOICED: some quantity invoiced, not all;
 * - DELIVERED: everything delivered, nothing invoiced yet;
 * - PARTLY_DELIVERED: something delivered, nothing invoiced yet;
 * - CONFIRMED: nothing delivered or invoiced yet.
 */
export function deriveStatus(lines: readonly ISalesOrderLine[], invoices: readonly OrderInvoiceState[]): OrderStatus {
  const live = lines.filter((l) => effectiveUnits(l) > 0n);
  if (live.length === 0) return 'CANCELLED';
  const fullyDelivered = live.every((l) => toUnits(l.deliveredQuantity) >= effectiveUnits(l));
  const anyDelivered = live.some((l) => toUnits(l.deliveredQuantity) > 0n);
  const anyInvoiced = live.some((l) => toUnits(l.invoicedQuantity) > 0n);
  // What the customer sent back is neither kept nor billed: finance credits it, so it counts as invoiced here.
  const fullyInvoiced = anyInvoiced && live.every((l) => toUnits(l.invoicedQuantity) + toUnits(l.returnedQuantity) >= effectiveUnits(l));
  const issued = invoices.filter((i) => i.issuedAt);
  const paid = fullyInvoiced && issued.length > 0 && issued.every((i) => i.paidAt);
  if (paid) return fullyDelivered ? 'COMPLETED' : 'PAID';
  if (fullyInvoiced) return 'INVOICED';
  if (anyInvoiced) return 'PARTLY_INVOICED';
  if (fullyDelivered) return 'DELIVERED';
  return anyDelivered ? 'PARTLY_DELIVERED' : 'CONFIRMED';
}

/** How much of the order was shipped, from its lines. */
export function deliveryStatus(lines: readonly ISalesOrderLine[]): 'NOTHING_DELIVERED' | 'PARTLY_DELIVERED' | 'FULLY_DELIVERED' {
  const live = lines.filter((l) => effectiveUnits(l) > 0n);
  if (live.length > 0 && live.every((l) => toUnits(l.deliveredQuantity) >= effectiveUnits(l))) return 'FULLY_DELIVERED';
  return lines.some((l) => toUnits(l.deliveredQuantity) > 0n) ? 'PARTLY_DELIVERED' : 'NOTHING_DELIVERED';
}

/** How much of the order was invoiced and paid, read off its derived status (invoices take precedence over deliveries there). */
export function invoiceStatus(status: OrderStatus): 'NOTHING_INVOICED' | 'PARTLY_INVOICED' | 'FULLY_INVOICED' | 'PAID' {
  switch (status) {
    case 'PAID':
    case 'COMPLETED':
      return 'PAID';
    case 'INVOICED':
      return 'FULLY_INVOICED';
    case 'PARTLY_INVOICED':
      return 'PARTLY_INVOICED';
    default:
      return 'NOTHING_INVOICED';
  }
}

/**
 * Sets the order's state and its milestone times from its lines and invoices (`at`: when what
 * changed it happened). The only place an order's status is written after confirmation.
 */
export function applyState(order: ISalesOrder, lines: readonly ISalesOrderLine[], invoices: readonly OrderInvoiceState[], at: Date): void {
  const status = deriveStatus(lines, invoices);
  const fullyDelivered = deliveryStatus(lines) === 'FULLY_DELIVERED';
  order.deliveredAt = fullyDelivered ? (order.deliveredAt ?? at) : null;
  order.paidAt = status === 'PAID' || status === 'COMPLETED' ? (order.paidAt ?? at) : null;
  order.completedAt = status === 'COMPLETED' ? (order.completedAt ?? at) : null;
  order.cancelledAt = status === 'CANCELLED' ? (order.cancelledAt ?? at) : null;
  order.status = status;
}
