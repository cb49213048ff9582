import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/** What becomes of returned goods: back into stock, or scrapped (no stock move). */
export const RETURN_CONDITIONS = ['RESTOCK', 'SCRAP'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** Goods a customer sent back against a shipment (a delivery), numbered RT-000001…; the quantities are on its lines. */
export const CustomerReturn = defineEntity({
  name: 'CustomerReturn',
  tableName: 'customer_return',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('customer_return_number_key'),
    shipmentId: p.uuid(),
    customerId: p.uuid(),
    /** Where restocked goods went back to. */
    warehouseId: p.uuid(),
    reason: p.text(),
    receivedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ICustomerReturn = InferEntity<typeof CustomerReturn>;

/** One order line's returned quantity and its condition. Written by raw SQL with its return. */
export const CustomerReturnLine = defineEntity({
  name: 'CustomerReturnLine',
  tableName: 'customer_return_line',
  properties: {
    id: p.uuid().primary(),
    returnId: p.uuid(),
    orderId: p.uuid(),
    orderLineId: p.uuid(),
    productId: p.uuid(),
    quantity: quantity(),
    condition: p.enum([...RETURN_CONDITIONS]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ICustomerReturnLine = InferEntity<typeof CustomerReturnLine>;
