import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ShipmentDeliveredV1, ShipmentPlannedV1, ShipmentShippedV1, type EventMetadata } from '@rapport/contracts';
import { notFound, requireText, requireUuid } from '@rapport/errors';
import { restrictToVisibleCustomers, transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { deliverReservations } from '../reservation/reservation.service.js';
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

/**
 * Shipments `viewer` may see, as a query to narrow further (alias `s`): with scoped access, only
 * those going to the customers they may see.
 */
export function visibleShipments(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(Shipment, 's').select('*');
  restrictToVisibleCustomers(qb, 's', viewer);
  return qb;
}

/** The shipment `id`; NOT_FOUND naming `field` when it does not exist or `viewer` may not see it (the two are indistinguishable). */
export async function getShipment(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IShipment> {
  const shipment = await visibleShipments(em, viewer)
    .andWhere({ id: requireUuid(field, id) })
    .getSingleResult();
  if (!shipment) throw notFound('Shipment', id, field);
  return shipment;
}

/**
 * PLANNED → SHIPPED with the courier's tracking number, under the shipment's row lock (like every
 * transition here), writing `inventory.shipment.shipped.v1` in the same flush; NOT_FOUND when
 * `viewer` may not see the shipment. The goods reserved for the order leave the warehouse with it
 * (DELIVERY moves on the ledger, in the same transaction); partial deliveries and shipping notices
 * per line come later (issue 11, item 5).
 */
export async function markShipped(em: SqlEntityManager, viewer: Viewer<WriteAccess>, shipmentId: string, trackingNumber: string, meta: EventMetadata): Promise<IShipment> {
  const tracking = requireText('trackingNumber', trackingNumber, 100);
  return transition(
    em,
    (tx) => getShipment(tx, viewer, shipmentId, 'shipmentId'),
    async (shipment, tx) => {
      const shippedAt = new Date();
      ship(shipment, tracking, shippedAt);
      await deliverReservations(tx, shipment.orderId, shipment.id, meta);
      const { id, orderId, customerId } = shipment;
      publish(tx, ShipmentShippedV1, id, { shipmentId: id, orderId, customerId, trackingNumber: tracking, shippedAt: shippedAt.toISOString() }, meta);
      return shipment;
    },
  );
}

/** SHIPPED → DELIVERED, writing `inventory.shipment.delivered.v1` in the same flush; NOT_FOUND when `viewer` may not see the shipment. */
export async function markDelivered(em: SqlEntityManager, viewer: Viewer<WriteAccess>, shipmentId: string, meta: EventMetadata): Promise<IShipment> {
  return transition(
    em,
    (tx) => getShipment(tx, viewer, shipmentId, 'shipmentId'),
    (shipment, tx) => {
      const deliveredAt = new Date();
      deliver(shipment, deliveredAt);
      publish(
        tx,
        ShipmentDeliveredV1,
        shipment.id,
        { shipmentId: shipment.id, orderId: shipment.orderId, customerId: shipment.customerId, deliveredAt: deliveredAt.toISOString() },
        meta,
      );
      return shipment;
    },
  );
}
