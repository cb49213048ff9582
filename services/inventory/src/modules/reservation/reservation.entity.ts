import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * What one confirmed order line asks of stock: the quantity ordered, cancelled since, and what is
 * still short (waiting for stock; served oldest confirmation first). Written by raw SQL under the
 * product's row lock (`reservation.service.ts`).
 */
export const OrderDemand = defineEntity({
  name: 'OrderDemand',
  tableName: 'order_demand',
  properties: {
    orderLineId: p.uuid().primary(),
    orderId: p.uuid(),
    customerId: p.uuid(),
    productId: p.uuid(),
    /** The warehouse the order asked for; null: any, by the allocation rule. */
    warehouseId: p.uuid().nullable(),
    ordered: quantity(),
    cancelled: quantity().default(0),
    short: quantity().default(0),
    confirmedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IOrderDemand = InferEntity<typeof OrderDemand>;

/** Stock set aside in one warehouse for one order line; the level's `reserved` is the sum of these. */
export const Reservation = defineEntity({
  name: 'Reservation',
  tableName: 'reservation',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    orderLineId: p.uuid(),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    quantity: quantity(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  uniques: [{ name: 'reservation_line_warehouse_key', properties: ['orderLineId', 'warehouseId'] }],
});
export type IReservation = InferEntity<typeof Reservation>;
