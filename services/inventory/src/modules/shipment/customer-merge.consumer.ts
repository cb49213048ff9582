import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { OrderDemand } from '../reservation/reservation.entity.js';
import { Shipment } from './shipment.entity.js';

/**
 * When two customers are merged, the merged customer's shipments move to the survivor, and so do
 * its orders' reservation lines (who may see them follows the customer). The
 * handler runs inside the inbox transaction, so a redelivered event changes nothing; it flushes
 * itself so the audit trail records each move under the event's actor.
 */
export const customerMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    const shipments = await em.find(Shipment, { customerId: data.mergedId });
    for (const shipment of shipments) shipment.customerId = data.survivorId;
    await em.nativeUpdate(OrderDemand, { customerId: data.mergedId }, { customerId: data.survivorId });
    await em.flush();
  }),
];
