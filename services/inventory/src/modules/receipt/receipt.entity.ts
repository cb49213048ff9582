import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

// Inbound stock: what purchase orders will bring (expected receipts) and what arrived (receipts).
// Written by raw SQL under the purchase order's and the products' row locks (`receipt.service.ts`),
// like the ledger they feed; the entities state the tables for the schema-drift check and for reads.

/**
 * The over-receipt tolerance (one row, id 'default'): a purchase order line may receive up to its
 * open ordered quantity plus this percentage; more is refused.
 */
export const ReceiptSetting = defineEntity({
  name: 'ReceiptSetting',
  tableName: 'receipt_setting',
  properties: {
    id: p.text().primary(),
    /** A percentage with two decimals, 0–100 (5 by default). */
    overReceiptTolerance: p.decimal('string').precision(5).scale(2).default(5),
    updatedAt: updatedAt(),
  },
});
export type IReceiptSetting = InferEntity<typeof ReceiptSetting>;

/** A purchase order as inventory expects it, from purchasing's latest approval (or cancellation). */
export const ExpectedOrder = defineEntity({
  name: 'ExpectedOrder',
  tableName: 'expected_order',
  properties: {
    purchaseOrderId: p.uuid().primary(),
    number: p.text(),
    supplierId: p.uuid(),
    currency: currency(),
    /** Where purchasing said the goods go; null: the warehouse chooses at receipt. */
    warehouseId: p.uuid().nullable(),
    approvedAt: timestamp(),
    /** When the whole order was cancelled; nothing more is expected or received against it. */
    cancelledAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IExpectedOrder = InferEntity<typeof ExpectedOrder>;

/**
 * One purchase order line as inventory expects it: ordered (as of the latest approval), received
 * here, cancelled since; still expected = ordered − received − cancelled (not below 0) while the
 * line is open. `warehouseId` is where it counts as incoming: the order's warehouse, else the
 * default receiving warehouse (lowest code) when it was approved.
 */
export const ExpectedReceipt = defineEntity({
  name: 'ExpectedReceipt',
  tableName: 'expected_receipt',
  properties: {
    purchaseOrderLineId: p.uuid().primary(),
    purchaseOrderId: p.uuid(),
    productId: p.uuid(),
    warehouseId: p.uuid().nullable(),
    ordered: quantity(),
    received: quantity().default(0),
    cancelled: quantity().default(0),
    /** False when the latest approval no longer lists the line (or the order was cancelled). */
    open: p.boolean().default(true),
    unitPrice: money(),
    currency: currency(),
    expectedDate: p.date().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IExpectedReceipt = InferEntity<typeof ExpectedReceipt>;

/** Goods received into a warehouse, against a purchase order or without one (GR-000001…). */
export const Receipt = defineEntity({
  name: 'Receipt',
  tableName: 'receipt',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('receipt_number_key'),
    warehouseId: p.uuid(),
    purchaseOrderId: p.uuid().nullable(),
    supplierId: p.uuid().nullable(),
    receivedAt: timestamp(),
    actorId: p.uuid().nullable(),
    createdAt: createdAt(),
  },
});
export type IReceipt = InferEntity<typeof Receipt>;

/**
 * The columns a line that moves goods in from or back to a supplier carries: the purchase order
 * line, the product, the quantity at its unit cost, and the ledger move it wrote (receipt lines and
 * supplier-return lines). A function, so each entity gets its own property builders.
 */
export const costedLineProperties = () => ({
  purchaseOrderLineId: p.uuid().nullable(),
  productId: p.uuid(),
  quantity: quantity(),
  unitCost: money(),
  currency: currency(),
  stockMoveId: p.uuid(),
});

/** One product received on a receipt, with the RECEIPT move that put it on the ledger. */
export const ReceiptLine = defineEntity({
  name: 'ReceiptLine',
  tableName: 'receipt_line',
  properties: {
    id: p.uuid().primary(),
    receiptId: p.uuid(),
    ...costedLineProperties(),
  },
});
export type IReceiptLine = InferEntity<typeof ReceiptLine>;
