import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity, timestamp } from '@rapport/subgraph-kit/properties';

export const SUGGESTION_STATUSES = ['OPEN', 'ORDERED', 'CLEARED'] as const;

/**
 * What to reorder because inventory's available stock of a product in a warehouse fell below its
 * safety level (one per alarm): the reorder quantity, the supplier with the best current price and
 * that price. Cleared when the stock recovers before it was ordered; ORDERED once a buyer made a
 * purchase order of it.
 */
export const ReorderSuggestion = defineEntity({
  name: 'ReorderSuggestion',
  tableName: 'reorder_suggestion',
  properties: {
    id: p.uuid().primary(),
    alarmId: p.uuid().unique('reorder_suggestion_alarm_key'),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    quantity: quantity(),
    /** The supplier with the best current price for the quantity; null when no supplier offers the product. */
    supplierId: p.uuid().nullable(),
    unitPrice: money().nullable(),
    currency: currency().nullable(),
    status: p.enum([...SUGGESTION_STATUSES]),
    purchaseOrderId: p.uuid().nullable(),
    raisedAt: timestamp(),
    clearedAt: timestamp().nullable(),
    createdAt: createdAt(),
  },
});
export type IReorderSuggestion = InferEntity<typeof ReorderSuggestion>;
