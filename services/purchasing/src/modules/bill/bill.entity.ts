import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const BILL_STATUSES = ['HELD', 'REGISTERED'] as const;
export type ShownBillStatus = 'HELD' | 'OPEN' | 'PARTLY_PAID' | 'PAID';

/**
 * A supplier's bill against a purchase order, matched three ways (ordered, received, billed):
 * REGISTERED (payable, announced) when it matches, HELD for approval when a line differs beyond the
 * tolerance. Whether it is paid follows from its allocations (`paidTotal`).
 */
export const SupplierBill = defineEntity({
  name: 'SupplierBill',
  tableName: 'supplier_bill',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('supplier_bill_number_key'),
    /** The supplier's own invoice number; one per supplier. */
    supplierReference: p.text(),
    supplierId: p.uuid(),
    /** The purchase order billed; null for an opening balance (a payable taken over from a previous system). */
    purchaseOrderId: p.uuid().nullable(),
    /** Whether it is an opening balance entered by accounting rather than a bill matched against an order. */
    openingBalance: p.boolean().default(false),
    currency: currency(),
    billDate: p.date(),
    dueDate: p.date(),
    netTotal: money(),
    taxTotal: money(),
    grossTotal: money(),
    paidTotal: money(),
    status: p.enum([...BILL_STATUSES]),
    /** Why it is (or was) held, comma-separated issue codes; null when it matched. */
    holdReasons: p.text().nullable(),
    createdBy: p.uuid(),
    releasedBy: p.uuid().nullable(),
    registeredAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ISupplierBill = InferEntity<typeof SupplierBill>;

/** One billed purchase order line, with the price ordered and the issues the match found. */
export const SupplierBillLine = defineEntity({
  name: 'SupplierBillLine',
  tableName: 'supplier_bill_line',
  properties: {
    id: p.uuid().primary(),
    billId: p.uuid(),
    position: p.integer(),
    purchaseOrderLineId: p.uuid(),
    productId: p.uuid(),
    description: p.text(),
    quantity: quantity(),
    unitPrice: money(),
    orderedPrice: money(),
    taxRate: p.decimal('string').precision(5).scale(2),
    netAmount: money(),
    currency: currency(),
    /** What the match found, comma-separated: PRICE_DIFFERENCE, QUANTITY_ABOVE_ORDERED or both; null when the line matched. */
    issues: p.text().nullable(),
  },
});
export type ISupplierBillLine = InferEntity<typeof SupplierBillLine>;

export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT'] as const;

/** Money paid to a supplier; what is not allocated to bills is an advance, applied later. */
export const SupplierPayment = defineEntity({
  name: 'SupplierPayment',
  tableName: 'supplier_payment',
  properties: {
    id: p.uuid().primary(),
    supplierId: p.uuid(),
    amount: money(),
    currency: currency(),
    unallocated: money(),
    paidOn: p.date(),
    method: p.enum([...PAYMENT_METHODS]),
    bankAccount: p.text().nullable(),
    reference: p.text().nullable(),
    createdBy: p.uuid(),
    createdAt: createdAt(),
  },
});
export type ISupplierPayment = InferEntity<typeof SupplierPayment>;

/** How much of a payment settles a bill. */
export const SupplierPaymentAllocation = defineEntity({
  name: 'SupplierPaymentAllocation',
  tableName: 'supplier_payment_allocation',
  properties: {
    id: p.uuid().primary(),
    paymentId: p.uuid(),
    billId: p.uuid(),
    amount: money(),
    createdAt: createdAt(),
  },
});
export type ISupplierPaymentAllocation = InferEntity<typeof SupplierPaymentAllocation>;

export const billNumber = (n: bigint | number | string): string => `BILL-${String(n).padStart(6, '0')}`;
