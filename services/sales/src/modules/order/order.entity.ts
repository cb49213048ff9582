import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { badInput, conflict, formatAmount, MONEY_SCALE, parseAmount } from '@rapport/errors';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

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
    total: money(),
    confirmedAt: timestamp(),
    cancelledAt: timestamp().nullable(),
    completedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ISalesOrder = InferEntity<typeof SalesOrder>;

/** One product on an order: quantity × unit price, in the order's currency. */
export const SalesOrderLine = defineEntity({
  name: 'SalesOrderLine',
  tableName: 'sales_order_line',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    position: p.integer(),
    productId: p.uuid(),
    quantity: quantity(),
    unitPrice: money(),
    currency: currency(),
    lineTotal: money(),
  },
});
export type ISalesOrderLine = InferEntity<typeof SalesOrderLine>;

const FACTOR = 10n ** BigInt(MONEY_SCALE);
/** The largest amount a `numeric(19,4)` column holds, in scaled units, plus one. */
const AMOUNT_LIMIT = 10n ** 15n * FACTOR;
const QUANTITY = /^\d{1,12}(\.\d{1,3})?$/;

/** A positive decimal quantity with at most three decimals, as a canonical string ("2", "1.5"). */
export function parseQuantity(field: string, value: string): string {
  const text = value.trim();
  if (!QUANTITY.test(text)) throw badInput(field, `${field} must be a decimal string with at most 3 decimals, e.g. "2.5"`, 'INVALID_QUANTITY');
  if (parseAmount(field, text) <= 0n) throw badInput(field, `${field} must be greater than zero`, 'INVALID_QUANTITY');
  return formatQuantity(text);
}

/** Formats a quantity (as PostgreSQL returns `numeric(15,3)`) without trailing zeros: "2.500" → "2.5". */
export function formatQuantity(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${BigInt(whole).toString()}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * quantity × unit price, exact on bigint, rounded half up to the money scale (four decimals).
 * Throws BAD_USER_INPUT naming `field` when the result does not fit a money column.
 */
export function lineTotal(field: string, quantity: string, unitPrice: string): string {
  const product = parseAmount('quantity', quantity) * parseAmount('unitPrice', unitPrice);
  const units = (product + FACTOR / 2n) / FACTOR;
  if (units >= AMOUNT_LIMIT) throw badInput(field, `${field}: the line total is larger than the largest amount an order can hold`, 'AMOUNT_TOO_LARGE');
  return formatAmount(units);
}

/** The sum of the line totals; throws BAD_USER_INPUT naming `field` when it does not fit. */
export function orderTotal(field: string, lineTotals: readonly string[]): string {
  const units = lineTotals.reduce((sum, amount) => sum + parseAmount('lineTotal', amount), 0n);
  if (units >= AMOUNT_LIMIT) throw badInput(field, `${field}: the order total is larger than the largest amount an order can hold`, 'AMOUNT_TOO_LARGE');
  return formatAmount(units);
}

/** The order number for sequence value `n`: SO-000001. */
export const orderNumber = (n: bigint | number | string): string => `SO-${String(n).padStart(6, '0')}`;

/** Cancels a confirmed order; a cancelled or completed one cannot be cancelled (CONFLICT). */
export function cancel(order: ISalesOrder, now = new Date()): void {
  if (order.status !== 'CONFIRMED') {
    throw conflict('ORDER_NOT_CANCELLABLE', `order ${order.number} is ${order.status.toLowerCase()} and cannot be cancelled`, 'id');
  }
  order.status = 'CANCELLED';
  order.cancelledAt = now;
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
