import { on } from '@rapport/bus';
import { ShipmentDeliveredV1 } from '@rapport/contracts';
import { complete, SalesOrder } from './order.entity.js';

/**
 * Inventory ships each order in one shipment; when it reports the shipment delivered the order is
 * completed (and leaves the customer's open orders). Runs inside the inbox transaction and flushes
 * itself so the audit trail records the change under the event's actor; a redelivered event, an
 * unknown order or a cancelled one changes nothing.
 */
export const orderHandlers = [
  on(ShipmentDeliveredV1, async (data, _event, em) => {
    const order = await em.findOne(SalesOrder, { id: data.orderId });
    if (!order || !complete(order, new Date(data.deliveredAt))) return;
    await em.flush();
  }),
];
