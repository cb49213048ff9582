import { on } from '@rapport/bus';
import { CustomerMergedV1 } from '@rapport/contracts';
import { CreditNote } from '../credit-note/credit-note.entity.js';
import { SalesOrder } from '../order-copy/order-copy.entity.js';
import { Payment } from '../payment/payment.entity.js';
import { Invoice } from './invoice.entity.js';

/**
 * When two customers are merged, the merged customer's invoices, payments (with the credit they
 * hold), credit notes and order copies move to the survivor. The handler runs inside
 * the inbox transaction, so a redelivered event changes nothing; it flushes itself so the audit
 * trail records each move under the event's actor.
 */
export const customerMergeHandlers = [
  on(CustomerMergedV1, async (data, _event, em) => {
    const invoices = await em.find(Invoice, { customerId: data.mergedId });
    for (const invoice of invoices) invoice.customerId = data.survivorId;
    for (const payment of await em.find(Payment, { customerId: data.mergedId })) payment.customerId = data.survivorId;
    for (const note of await em.find(CreditNote, { customerId: data.mergedId })) note.customerId = data.survivorId;
    for (const order of await em.find(SalesOrder, { customerId: data.mergedId })) order.customerId = data.survivorId;
    await em.flush();
  }),
];
