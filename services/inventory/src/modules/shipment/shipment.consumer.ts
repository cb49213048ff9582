import { on } from '@rapport/bus';
import { OrderConfirmedV1 } from '@rapport/contracts';
import { planShipment } from './shipment.service.js';

/**
 * A confirmed order gets one shipping notice. The handler runs inside the inbox transaction, so
 * a redelivered event finds its id recorded and changes nothing. It flushes itself (still inside
 * that transaction) so the audit trail sees the event's actor and request: the transaction's own
 * closing flush runs after the kit's acting scope for the event has ended.
 */
export const shipmentHandlers = [
  on(OrderConfirmedV1, async (data, event, em) => {
    planShipment(em, { orderId: data.orderId, customerId: data.customerId }, { causationId: event.id, correlationId: event.correlationid, requestId: event.requestid });
    await em.flush();
  }),
];
