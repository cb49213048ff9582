import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { OrderConfirmedV1, OrderConfirmedV2, type CloudEvent } from '@rapport/contracts';
import { Shipment } from './shipment.entity.js';
import { planShipment } from './shipment.service.js';

/**
 * Raises the order's shipping notice unless it has one already: sales may announce one confirmation
 * as v1 and v2 (or a v1 still in the topic meets its v2), and the order gets one notice either way.
 * Flushes itself (still inside the inbox transaction) so the audit trail sees the event's actor and
 * request: the transaction's own closing flush runs after the kit's acting scope for the event ended.
 */
async function planOnce(em: SqlEntityManager, data: { orderId: string; customerId: string }, event: CloudEvent): Promise<void> {
  if ((await em.count(Shipment, { orderId: data.orderId })) > 0) return;
  planShipment(em, { orderId: data.orderId, customerId: data.customerId }, { causationId: event.id, correlationId: event.correlationid, requestId: event.requestid });
  await em.flush();
}

/**
 * A confirmed order gets one shipping notice, from `sales.order.confirmed.v2` (lines with ids,
 * which reservations need) and from v1, so events written before v2 still work. The handlers run
 * inside the inbox transaction, so a redelivered event finds its id recorded and changes nothing.
 */
export const shipmentHandlers = [on(OrderConfirmedV2, (data, event, em) => planOnce(em, data, event)), on(OrderConfirmedV1, (data, event, em) => planOnce(em, data, event))];
