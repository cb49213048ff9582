import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { Opportunity } from '../opportunity/opportunity.entity.js';
import { SalesOrder } from '../order/order.entity.js';

/**
 * When two customers are merged, the merged customer's opportunities and orders (deleted ones
 * too) move to the survivor. The handler runs inside the inbox transaction, so a redelivered event
 * changes nothing; it flushes itself so the audit trail records each move under the event's actor.
 */
export const customerMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    const opportunities = await em.find(Opportunity, { customerId: data.mergedId });
    for (const opportunity of opportunities) opportunity.customerId = data.survivorId;
    const orders = await em.find(SalesOrder, { customerId: data.mergedId });
    for (const order of orders) order.customerId = data.survivorId;
    await em.flush();
  }),
];
