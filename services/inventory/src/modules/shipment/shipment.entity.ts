import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict } from '@rapport/errors';
import { createdAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/** A shipment moves forward only: PLANNED → SHIPPED → DELIVERED. */
export const SHIPMENT_STATUSES = ['PLANNED', 'SHIPPED', 'DELIVERED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export type DeliveryStatus = 'NOT_PLANNED' | ShipmentStatus;

/** A shipping notice: goods of one sales order to be sent to the customer. */
export const Shipment = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    customerId: p.uuid(),
    status: p.enum([...SHIPMENT_STATUSES]),
    plannedAt: timestamp(),
    shippedAt: timestamp().nullable(),
    deliveredAt: timestamp().nullable(),
    trackingNumber: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IShipment = InferEntity<typeof Shipment>;

function requireStatus(shipment: IShipment, expected: ShipmentStatus, action: string): void {
  if (shipment.status !== expected) {
    throw conflict(
      'INVALID_SHIPMENT_TRANSITION',
      `shipment ${shipment.id} is ${shipment.status.toLowerCase()}; only a ${expected.toLowerCase()} shipment can be ${action}`,
      'shipmentId',
    );
  }
}

/** A planned shipment leaves the warehouse with the courier's tracking number. */
export function ship(shipment: IShipment, trackingNumber: string, now = new Date()): void {
  requireStatus(shipment, 'PLANNED', 'marked shipped');
  shipment.status = 'SHIPPED';
  shipment.trackingNumber = trackingNumber;
  shipment.shippedAt = now;
}

/** A shipped shipment reached the customer. */
export function deliver(shipment: IShipment, now = new Date()): void {
  requireStatus(shipment, 'SHIPPED', 'marked delivered');
  shipment.status = 'DELIVERED';
  shipment.deliveredAt = now;
}

/** An order's delivery state: NOT_PLANNED without shipments, else the furthest status any shipment reached. */
export function deliveryStatus(shipments: readonly Pick<IShipment, 'status'>[]): DeliveryStatus {
  return shipments.reduce<DeliveryStatus>(
    (furthest, s) => (SHIPMENT_STATUSES.indexOf(s.status) > SHIPMENT_STATUSES.indexOf(furthest as ShipmentStatus) ? s.status : furthest),
    'NOT_PLANNED',
  );
}
