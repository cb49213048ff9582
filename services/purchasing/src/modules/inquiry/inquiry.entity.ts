import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/** SENT: waiting for answers (answers may still come); CLOSED: answers chosen (orders drafted) or given up. */
export const INQUIRY_STATUSES = ['SENT', 'CLOSED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/**
 * A request for quotation (Odoo's RFQ, ERPNext's Request for Quotation), numbered RFQ-000001: products
 * and quantities asked of several suppliers at once, their answers compared line by line, the chosen
 * answers turned into draft purchase orders.
 */
export const PurchaseInquiry = defineEntity({
  name: 'PurchaseInquiry',
  tableName: 'purchase_inquiry',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('purchase_inquiry_number_key'),
    status: p.enum([...INQUIRY_STATUSES]),
    /** The day answers are wanted by; null when not said. */
    respondBy: p.date().nullable(),
    note: p.text().nullable(),
    createdBy: p.uuid(),
    sentAt: timestamp(),
    closedAt: timestamp().nullable(),
    closedBy: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IPurchaseInquiry = InferEntity<typeof PurchaseInquiry>;

/** One product and quantity asked for. */
export const PurchaseInquiryLine = defineEntity({
  name: 'PurchaseInquiryLine',
  tableName: 'purchase_inquiry_line',
  properties: {
    id: p.uuid().primary(),
    inquiryId: p.uuid(),
    position: p.integer(),
    productId: p.uuid(),
    description: p.text(),
    quantity: quantity(),
  },
});
export type IPurchaseInquiryLine = InferEntity<typeof PurchaseInquiryLine>;

/** A supplier the inquiry was sent to, and the draft order its chosen answers went to. */
export const PurchaseInquirySupplier = defineEntity({
  name: 'PurchaseInquirySupplier',
  tableName: 'purchase_inquiry_supplier',
  properties: {
    id: p.uuid().primary(),
    inquiryId: p.uuid(),
    supplierId: p.uuid(),
    position: p.integer(),
    /** When the supplier last answered; null while it has not. */
    answeredAt: timestamp().nullable(),
    /** The draft purchase order made from its chosen answers; null when none was chosen. */
    purchaseOrderId: p.uuid().nullable(),
  },
  uniques: [{ name: 'purchase_inquiry_supplier_key', properties: ['inquiryId', 'supplierId'] }],
});
export type IPurchaseInquirySupplier = InferEntity<typeof PurchaseInquirySupplier>;

/** One supplier's answer for one line: price per unit in its currency, lead time, how long it holds. */
export const PurchaseInquiryAnswer = defineEntity({
  name: 'PurchaseInquiryAnswer',
  tableName: 'purchase_inquiry_answer',
  properties: {
    id: p.uuid().primary(),
    inquiryId: p.uuid(),
    lineId: p.uuid(),
    supplierId: p.uuid(),
    unitPrice: money(),
    currency: currency(),
    /** The tax rate quoted, in percent; the purchase order line made from the answer takes it. */
    taxRate: p.decimal('string').precision(5).scale(2).default('0'),
    leadTimeDays: p.integer(),
    /** Last day the price holds; null: not said. */
    validUntil: p.date().nullable(),
    answeredAt: timestamp(),
    /** Whether the buyer chose this answer for its line (it went to a purchase order). */
    chosen: p.boolean(),
  },
  uniques: [{ name: 'purchase_inquiry_answer_line_supplier_key', properties: ['lineId', 'supplierId'] }],
});
export type IPurchaseInquiryAnswer = InferEntity<typeof PurchaseInquiryAnswer>;

/** The inquiry number for counter value `n`: RFQ-000001. */
export const inquiryNumber = (n: bigint | number | string): string => `RFQ-${String(n).padStart(6, '0')}`;
