import { on } from '@rapport/bus';
import { ShipmentDeliveredV1 } from '@rapport/contracts';
import { transition } from '@rapport/subgraph-kit';
import { complete, SalesOrder } from './order.entity.js';

/**
 * Inventory ships each order in one shipment; when it reports the shipment delivered the order is
 * completed (and leaves the customer's open orders), under the order's row lock. Runs inside the inbox transaction and flushes
 * itself so the audit trail records the change under the event's actor; a redelivered event, an
 * unknown order or a cancelled one changes nothing.
 */
export const orderHandlers = [
  on(ShipmentDeliveredV1, async (data, _event, em) => {
    if (!(await em.count(SalesOrder, { id: data.orderId }))) return;
    // Under the order's row lock, like cancelOrder: a cancel racing the delivery either wins (the order stays cancelled) or sees it completed.
    await transition(
      em,
      (tx) => tx.findOneOrFail(SalesOrder, { id: data.orderId }),
      (order) => complete(order, new Date(data.deliveredAt)),
      { lockTimeoutMs: null },
    );
  }),
];
