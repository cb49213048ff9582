import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { currency, money, quantity, timestamp } from '@rapport/subgraph-kit/properties';

/** What one receipt of inventory brought for one purchase order line (from `inventory.receipt.posted.v1`). */
export const PurchaseReceiptLine = defineEntity({
  name: 'PurchaseReceiptLine',
  tableName: 'purchase_receipt_line',
  properties: {
    id: p.uuid().primary(),
    receiptId: p.uuid(),
    receiptNumber: p.text(),
    purchaseOrderId: p.uuid(),
    purchaseOrderLineId: p.uuid(),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    quantity: quantity(),
    unitCost: money(),
    currency: currency(),
    receivedAt: timestamp(),
  },
});
export type IPurchaseReceiptLine = InferEntity<typeof PurchaseReceiptLine>;
