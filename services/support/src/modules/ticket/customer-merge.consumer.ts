import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { Ticket } from './ticket.entity.js';

/**
 * When two customers are merged, the merged customer's tickets (deleted ones too) move to the
 * survivor; their comments, status changes and ratings follow them, as those belong to a ticket.
 * The handler runs inside the inbox transaction, so a redelivered event changes nothing; it
 * flushes itself so the audit trail records each move under the event's actor.
 */
export const customerMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    const tickets = await em.find(Ticket, { customerId: data.mergedId });
    for (const ticket of tickets) ticket.customerId = data.survivorId;
    await em.flush();
  }),
];
