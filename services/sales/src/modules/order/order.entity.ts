import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { badInput, conflict, formatDecimal, parseDecimal } from '@rapport/errors';
import { createdAt, currency, money, quantity, QUANTITY_SCALE, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const ORDER_STATUSES = ['CONFIRMED', 'CANCELLED', 'COMPLETED'] as const;
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
    confirmedAt: timestamp(),
    cancelledAt: timestamp().nullable(),
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
  },
});
export type ISalesOrderLine = InferEntity<typeof SalesOrderLine>;

const QUANTITY = /^\d{1,12}(\.\d{1,3})?$/;

/** A positive decimal quantity with at most three decimals, as a canonical string ("2", "1.5"). */
export function parseQuantity(field: string, value: string): string {
  const text = value.trim();
  if (!QUANTITY.test(text)) throw badInput(field, `${field} must be a decimal string with at most 3 decimals, e.g. "2.5"`, 'INVALID_QUANTITY');
  if (parseDecimal(field, text, QUANTITY_SCALE) <= 0n) throw badInput(field, `${field} must be greater than zero`, 'INVALID_QUANTITY');
  return formatQuantity(text);
}

/** Formats a quantity (as PostgreSQL returns `numeric(15,3)`) without trailing zeros: "2.500" → "2.5". */
export function formatQuantity(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${BigInt(whole).toString()}${trimmed ? `.${trimmed}` : ''}`;
}

/** The order number for sequence value `n`: SO-000001. */
export const orderNumber = (n: bigint | number | string): string => `SO-${String(n).padStart(6, '0')}`;

/** Quantities in units of 0.001. */
export const toUnits = (quantity: string): bigint => parseDecimal('quantity', quantity, QUANTITY_SCALE);
export const fromUnits = (units: bigint): string => formatDecimal(units, QUANTITY_SCALE);

/** What is still open of a line: ordered less cancelled (delivery per line is the next slice). */
export const openUnits = (line: ISalesOrderLine): bigint => toUnits(line.quantity) - toUnits(line.cancelledQuantity);

/** What a line lacks in stock: what inventory last reported short, less what was reserved since, never more than is open. */
export function shortUnits(line: ISalesOrderLine): bigint {
  const open = openUnits(line) - toUnits(line.reservedQuantity);
  const reported = toUnits(line.shortQuantity);
  const short = reported < open ? reported : open;
  return short > 0n ? short : 0n;
}

/**
 * Cancels the open rest of `lines` (all the order's lines when cancelling the whole order) and
 * returns what was cancelled per line; the order is CANCELLED once nothing of it remains open.
 * CONFLICT when the order is no longer confirmed, or a line has nothing open to cancel.
 */
export function cancelRest(
  order: ISalesOrder,
  allLines: readonly ISalesOrderLine[],
  lines: readonly ISalesOrderLine[],
  now = new Date(),
): { line: ISalesOrderLine; quantity: string }[] {
  if (order.status !== 'CONFIRMED') {
    throw conflict('ORDER_NOT_CANCELLABLE', `order ${order.number} is ${order.status.toLowerCase()} and cannot be cancelled`, 'id');
  }
  const cancelled = lines.map((line) => {
    const open = openUnits(line);
    if (open <= 0n) throw conflict('ORDER_LINE_NOT_CANCELLABLE', `line ${line.position + 1} of order ${order.number} has nothing left to cancel`, 'lineId');
    line.cancelledQuantity = fromUnits(toUnits(line.cancelledQuantity) + open);
    return { line, quantity: fromUnits(open) };
  });
  if (allLines.every((line) => openUnits(line) <= 0n)) {
    order.status = 'CANCELLED';
    order.cancelledAt = now;
  }
  return cancelled;
}

/**
 * Completes a confirmed order once inventory reports its goods delivered. Returns false and changes
 * nothing when the order is already completed (a redelivered event) or was cancelled (the goods
 * left before the cancellation reached the warehouse: the order stays cancelled for people to sort out).
 */
export function complete(order: ISalesOrder, at: Date): boolean {
  if (order.status !== 'CONFIRMED') return false;
  order.status = 'COMPLETED';
  order.completedAt = at;
  return true;
}
