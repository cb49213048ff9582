import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * Goods sent from one warehouse to another (TR-000001…): TRANSFER_OUT moves at the source when
 * sent, TRANSFER_IN moves at the destination as they arrive. Its state derives from its lines'
 * quantities. Written by raw SQL under the products' row locks (`transfer.service.ts`).
 */
export const Transfer = defineEntity({
  name: 'Transfer',
  tableName: 'transfer',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('transfer_number_key'),
    fromWarehouseId: p.uuid(),
    toWarehouseId: p.uuid(),
    reason: p.text().nullable(),
    shippedAt: timestamp(),
    actorId: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ITransfer = InferEntity<typeof Transfer>;

/** One product on a transfer: how much was sent and how much has arrived; the rest is in transit. */
export const TransferLine = defineEntity({
  name: 'TransferLine',
  tableName: 'transfer_line',
  properties: {
    id: p.uuid().primary(),
    transferId: p.uuid(),
    productId: p.uuid(),
    quantity: quantity(),
    received: quantity().default(0),
  },
  uniques: [{ name: 'transfer_line_product_key', properties: ['transferId', 'productId'] }],
});
export type ITransferLine = InferEntity<typeof TransferLine>;
