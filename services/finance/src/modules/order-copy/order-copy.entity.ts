import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/** A percentage with up to four places ("19", "7.5"), `numeric(7,4)`; a decimal string in code. */
export const percent = () => p.decimal('string').precision(7).scale(4);

/** Finance's read copy of a confirmed sales order (from `sales.order.confirmed.v2`): whom it bills and in which currency. */
export const SalesOrder = defineEntity({
  name: 'SalesOrder',
  tableName: 'sales_order',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    number: p.text(),
    currency: currency(),
    confirmedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ISalesOrder = InferEntity<typeof SalesOrder>;

/** A confirmed order line as finance invoices it: ordered and cancelled quantities, price, discount and tax. */
export const OrderLine = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    position: p.integer(),
    productId: p.uuid(),
    quantity: quantity(),
    cancelledQuantity: quantity().defaultRaw('0'),
    unitPrice: p.decimal('string').precision(19).scale(4),
    discountPercent: percent(),
    taxRate: percent(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IOrderLine = InferEntity<typeof OrderLine>;

/**
 * What one shipment carried for one order line (from `inventory.shipment.shipped.v2`). Kept per
 * shipment, so a line's delivered quantity is their sum, and a shipment that arrives before the
 * order's confirmation counts as soon as the line appears.
 */
export const ShippedLine = defineEntity({
  name: 'ShippedLine',
  tableName: 'shipped_line',
  properties: {
    id: p.uuid().primary(),
    shipmentId: p.uuid(),
    orderLineId: p.uuid(),
    orderId: p.uuid(),
    productId: p.uuid(),
    quantity: quantity(),
    shippedAt: timestamp(),
    createdAt: createdAt(),
  },
});
export type IShippedLine = InferEntity<typeof ShippedLine>;

/**
 * What one customer return brought back of one order line (from `inventory.return.received.v1`),
 * restocked or scrapped. Kept per return, so a line's returned quantity is their sum whenever it is
 * read, whatever order the events came in; returned goods are no longer invoiceable, and what was
 * invoiced of them is credited.
 */
export const ReturnedLine = defineEntity({
  name: 'ReturnedLine',
  tableName: 'returned_line',
  properties: {
    id: p.uuid().primary(),
    returnId: p.uuid(),
    orderLineId: p.uuid(),
    orderId: p.uuid(),
    productId: p.uuid(),
    quantity: quantity(),
    condition: p.enum(['RESTOCK', 'SCRAP']),
    receivedAt: timestamp(),
    createdAt: createdAt(),
  },
});
export type IReturnedLine = InferEntity<typeof ReturnedLine>;
