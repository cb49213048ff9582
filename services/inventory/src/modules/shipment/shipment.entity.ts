import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict, quantityUnits } from '@rapport/errors';
import { createdAt, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * A shipping notice's status, derived from its lines and dates (never set by hand): PLANNED while
 * it plans something not yet shipped, CANCELLED when nothing is planned on it any more (and nothing
 * went out), SHIPPED once it left, DELIVERED once it arrived.
 */
export const SHIPMENT_STATUSES = ['PLANNED', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export type DeliveryStatus = 'NOT_PLANNED' | Exclude<ShipmentStatus, 'CANCELLED'>;

/**
 * A shipping notice (a delivery order): goods of one customer's order lines, possibly of several
 * orders, to go out of one warehouse, numbered DN-000001…; the quantities are on its lines.
 */
export const Shipment = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('shipment_number_key'),
    /** The order the notice serves when it serves one order only; null when it takes lines of several (planned by hand), see its lines. */
    orderId: p.uuid().nullable(),
    customerId: p.uuid(),
    /** The warehouse the goods leave from; null only for notices carried over from before lines existed that had nothing reserved. */
    warehouseId: p.uuid().nullable(),
    status: p.enum([...SHIPMENT_STATUSES]),
    plannedAt: timestamp(),
    plannedFor: p.date().nullable(),
    carrier: p.text().nullable(),
    shippedAt: timestamp().nullable(),
    deliveredAt: timestamp().nullable(),
    trackingNumber: p.text().nullable(),
    /** The notice this one took the unshipped rest of (a backorder). */
    backorderOf: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IShipment = InferEntity<typeof Shipment>;

/** One order line on a shipping notice: what it plans, what went out, what was taken off it. Written by raw SQL under the notice's row lock. */
export const ShipmentLine = defineEntity({
  name: 'ShipmentLine',
  tableName: 'shipment_line',
  properties: {
    id: p.uuid().primary(),
    shipmentId: p.uuid(),
    orderId: p.uuid(),
    orderLineId: p.uuid(),
    productId: p.uuid(),
    /** What the notice plans to send; once shipped, what it sent (the rest went to a backorder or was cancelled). */
    planned: quantity(),
    shipped: quantity().default(0),
    /** What was taken off the notice (the order cancelled, or the rest of a shipment not kept as a backorder). */
    cancelled: quantity().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  uniques: [{ name: 'shipment_line_shipment_order_line_key', properties: ['shipmentId', 'orderLineId'] }],
});
export type IShipmentLine = InferEntity<typeof ShipmentLine>;

/** The status a notice's quantities and dates give it. */
export function deriveStatus(shipment: Pick<IShipment, 'shippedAt' | 'deliveredAt'>, lines: readonly Pick<IShipmentLine, 'planned'>[]): ShipmentStatus {
  if (shipment.deliveredAt) return 'DELIVERED';
  if (shipment.shippedAt) return 'SHIPPED';
  return lines.some((l) => quantityUnits(l.planned) > 0n) ? 'PLANNED' : 'CANCELLED';
}

/** CONFLICT (naming `shipmentId`) unless the notice is `expected`. */
export function requireStatus(shipment: Pick<IShipment, 'id' | 'status'>, expected: ShipmentStatus, action: string): void {
  if (shipment.status !== expected) {
    throw conflict(
      'INVALID_SHIPMENT_TRANSITION',
      `shipment ${shipment.id} is ${shipment.status.toLowerCase()}; only a ${expected.toLowerCase()} shipment can be ${action}`,
      'shipmentId',
    );
  }
}

/** An order's delivery state: NOT_PLANNED without live notices, else the furthest status any live notice reached (cancelled notices do not count). */
export function deliveryStatus(shipments: readonly Pick<IShipment, 'status'>[]): DeliveryStatus {
  const order: DeliveryStatus[] = ['NOT_PLANNED', 'PLANNED', 'SHIPPED', 'DELIVERED'];
  return shipments.reduce<DeliveryStatus>((furthest, s) => (s.status !== 'CANCELLED' && order.indexOf(s.status) > order.indexOf(furthest) ? s.status : furthest), 'NOT_PLANNED');
}
