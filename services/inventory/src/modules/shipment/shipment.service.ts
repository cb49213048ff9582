import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ShipmentPlannedV1, type EventMetadata } from '@rapport/contracts';
import { notFound, requireText, requireUuid } from '@rapport/errors';
import { deliver, ship, Shipment, type IShipment } from './shipment.entity.js';

export interface ShipmentRequest {
  orderId: string;
  customerId: string;
}

/**
 * Raises a shipping notice for a confirmed order and writes `inventory.shipment.planned.v1` on
 * the same EntityManager, so both commit together (the consumer's inbox transaction flushes).
 */
export function planShipment(em: SqlEntityManager, request: ShipmentRequest, meta: EventMetadata): IShipment {
  const shipment = em.create(Shipment, {
    id: randomUUID(),
    orderId: request.orderId,
    customerId: request.customerId,
    status: 'PLANNED',
    plannedAt: new Date(),
    shippedAt: null,
    deliveredAt: null,
    trackingNumber: null,
  });
  publish(
    em,
    ShipmentPlannedV1,
    shipment.id,
    { shipmentId: shipment.id, orderId: shipment.orderId, customerId: shipment.customerId, plannedAt: shipment.plannedAt.toISOString() },
    meta,
  );
  return shipment;
}

export async function getShipment(em: SqlEntityManager, id: string, field = 'id'): Promise<IShipment> {
  const shipment = await em.findOne(Shipment, { id: requireUuid(field, id) });
  if (!shipment) throw notFound('Shipment', id, field);
  return shipment;
}

/** PLANNED → SHIPPED with the courier's tracking number. */
export async function markShipped(em: SqlEntityManager, shipmentId: string, trackingNumber: string): Promise<IShipment> {
  const tracking = requireText('trackingNumber', trackingNumber, 100);
  const shipment = await getShipment(em, shipmentId, 'shipmentId');
  ship(shipment, tracking);
  await em.flush();
  return shipment;
}

/** SHIPPED → DELIVERED. */
export async function markDelivered(em: SqlEntityManager, shipmentId: string): Promise<IShipment> {
  const shipment = await getShipment(em, shipmentId, 'shipmentId');
  deliver(shipment);
  await em.flush();
  return shipment;
}
