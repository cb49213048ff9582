import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, timestamp } from '@rapport/subgraph-kit/properties';
import { costedLineProperties } from '../receipt/receipt.entity.js';

/**
 * Goods sent back to the supplier against one posted receipt, numbered SR-000001…, out of the
 * warehouse that received them; the quantities are on its lines. Written by raw SQL under the
 * products' row locks (`supplier-return.service.ts`), like the ledger it feeds.
 */
export const SupplierReturn = defineEntity({
  name: 'SupplierReturn',
  tableName: 'supplier_return',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('supplier_return_number_key'),
    receiptId: p.uuid(),
    warehouseId: p.uuid(),
    purchaseOrderId: p.uuid().nullable(),
    supplierId: p.uuid().nullable(),
    reason: p.text(),
    returnedAt: timestamp(),
    actorId: p.uuid().nullable(),
    createdAt: createdAt(),
  },
});
export type ISupplierReturn = InferEntity<typeof SupplierReturn>;

/** One receipt line's quantity sent back, at the unit cost it was received at, with the SUPPLIER_RETURN move that took it off the ledger. */
export const SupplierReturnLine = defineEntity({
  name: 'SupplierReturnLine',
  tableName: 'supplier_return_line',
  properties: {
    id: p.uuid().primary(),
    returnId: p.uuid(),
    receiptLineId: p.uuid(),
    ...costedLineProperties(),
  },
});
export type ISupplierReturnLine = InferEntity<typeof SupplierReturnLine>;
