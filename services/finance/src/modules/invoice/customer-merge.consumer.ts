import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { Invoice } from './invoice.entity.js';

/**
 * When two customers are merged, the merged customer's invoices (deleted ones too) move to the
 * survivor; their payments follow them, as payments belong to an invoice. The handler runs inside
 * the inbox transaction, so a redelivered event changes nothing; it flushes itself so the audit
 * trail records each move under the event's actor.
 */
export const customerMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    const invoices = await em.find(Invoice, { customerId: data.mergedId });
    for (const invoice of invoices) invoice.customerId = data.survivorId;
    await em.flush();
  }),
];
