import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/** The states a purchase order is stored in; receipt states are derived from the lines' quantities (`shownStatus`). */
export const PURCHASE_ORDER_STATUSES = ['DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'CANCELLED'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
export type ShownPurchaseOrderStatus = PurchaseOrderStatus | 'PARTLY_RECEIVED' | 'RECEIVED';

/** Why an order waits for an approver rather than being approved when sent. */
export const APPROVAL_REASONS = ['ABOVE_LIMIT', 'SAME_DAY_SPLIT', 'NO_EXCHANGE_RATE'] as const;
export type ApprovalReason = (typeof APPROVAL_REASONS)[number] | 'WITHIN_LIMIT';

/** An order to a supplier, numbered PO-000001, with lines, exact totals and its approval. */
export const PurchaseOrder = defineEntity({
  name: 'PurchaseOrder',
  tableName: 'purchase_order',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('purchase_order_number_key'),
    supplierId: p.uuid(),
    currency: currency(),
    /** Where the goods are expected; null lets the warehouse choose at receipt. */
    warehouseId: p.uuid().nullable(),
    status: p.enum([...PURCHASE_ORDER_STATUSES]),
    netTotal: money(),
    taxTotal: money(),
    grossTotal: money(),
    createdBy: p.uuid(),
    /** Why it was approved when sent (WITHIN_LIMIT) or waits for an approver; null while a draft. */
    approvalReason: p.text().nullable(),
    /** The amount in the base currency an approver's limit must cover; null when it cannot be converted (only an unlimited approver then). */
    approvalAmount: money().nullable(),
    /** The currency `approvalAmount` is in: finance's base currency when the order was sent; null while a draft. */
    approvalCurrency: currency().nullable(),
    submittedBy: p.uuid().nullable(),
    submittedAt: timestamp().nullable(),
    /** Who approved it; null when approved within the sender's own limit. */
    approvedBy: p.uuid().nullable(),
    approvedAt: timestamp().nullable(),
    cancelledAt: timestamp().nullable(),
    /** When inventory was last told to expect the order's lines (an approval announced); a change voiding the approval keeps it. */
    announcedAt: timestamp().nullable(),
    copiedFromId: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IPurchaseOrder = InferEntity<typeof PurchaseOrder>;

/** One product ordered, with what was received, billed and cancelled of it so far. */
export const PurchaseOrderLine = defineEntity({
  name: 'PurchaseOrderLine',
  tableName: 'purchase_order_line',
  properties: {
    id: p.uuid().primary(),
    purchaseOrderId: p.uuid(),
    position: p.integer(),
    productId: p.uuid(),
    description: p.text(),
    quantity: quantity(),
    unitPrice: money(),
    taxRate: p.decimal('string').precision(5).scale(2),
    netAmount: money(),
    currency: currency(),
    expectedDate: p.date().nullable(),
    receivedQuantity: quantity(),
    billedQuantity: quantity(),
    cancelledQuantity: quantity(),
  },
});
export type IPurchaseOrderLine = InferEntity<typeof PurchaseOrderLine>;

/** The purchase order number for counter value `n`: PO-000001. */
export const purchaseOrderNumber = (n: bigint | number | string): string => `PO-${String(n).padStart(6, '0')}`;

/** Units still expected on a line: ordered less cancelled less received (never below zero). */
export function openUnits(line: Pick<IPurchaseOrderLine, 'quantity' | 'receivedQuantity' | 'cancelledQuantity'>): bigint {
  const open = quantityUnits(line.quantity) - quantityUnits(line.cancelledQuantity) - quantityUnits(line.receivedQuantity);
  return open > 0n ? open : 0n;
}

/**
 * What the order shows: its stored state, except that an approved order with goods received is
 * PARTLY_RECEIVED, and RECEIVED once every line received what was ordered (less what was cancelled).
 */
export function shownStatus(po: IPurchaseOrder, lines: readonly IPurchaseOrderLine[]): ShownPurchaseOrderStatus {
  if (po.status !== 'APPROVED') return po.status;
  const received = lines.some((l) => quantityUnits(l.receivedQuantity) > 0n);
  if (!received) return 'APPROVED';
  return lines.every((l) => openUnits(l) === 0n) ? 'RECEIVED' : 'PARTLY_RECEIVED';
}

/** How much of the order was billed: nothing, some, or every line as far as ordered (less cancelled). */
export function billingStatus(lines: readonly IPurchaseOrderLine[]): 'NOT_BILLED' | 'PARTLY_BILLED' | 'BILLED' {
  const billed = lines.filter((l) => quantityUnits(l.billedQuantity) > 0n);
  if (!billed.length) return 'NOT_BILLED';
  const full = lines.every((l) => quantityUnits(l.billedQuantity) >= quantityUnits(l.quantity) - quantityUnits(l.cancelledQuantity));
  return full ? 'BILLED' : 'PARTLY_BILLED';
}

export const showQuantity = (value: string): string => formatQuantity(quantityUnits(value));
