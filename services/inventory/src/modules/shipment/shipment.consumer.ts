import { on } from '@rapport/bus';
import { OrderConfirmedV1 } from '@rapport/contracts';
import { planShipment } from './shipment.service.js';

/**
 * A confirmed order gets one shipping notice. The handler runs inside the inbox transaction, so
 * a redelivered event finds its id recorded and changes nothing.
 */
export const shipmentHandlers = [
  on(OrderConfirmedV1, async (data, event, em) => {
    planShipment(em, { orderId: data.orderId, customerId: data.customerId }, { causationId: event.id, correlationId: event.correlationid, requestId: event.requestid });
  }),
];
