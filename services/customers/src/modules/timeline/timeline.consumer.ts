import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import {
  CreditNoteIssuedV1,
  CustomerActivityLoggedV1,
  CustomerCreatedV1,
  InvoiceIssuedV1,
  InvoiceIssuedV2,
  InvoicePaidV1,
  LeadConvertedV1,
  LoanConvertedV1,
  LoanConvertedV2,
  LoanLentV1,
  LoanOverdueV1,
  LoanReturnedV1,
  OpportunityClosedV1,
  OpportunityOpenedV1,
  OrderConfirmedV1,
  OrderConfirmedV2,
  PaymentRecordedV1,
  PaymentRecordedV2,
  ReminderSentV1,
  QuotationAcceptedV1,
  QuotationApprovalDecidedV1,
  QuotationApprovalRequestedV1,
  QuotationSentV1,
  ReturnReceivedV1,
  ShipmentCancelledV1,
  ShipmentDeliveredV1,
  ShipmentDeliveredV2,
  ShipmentPlannedV1,
  ShipmentPlannedV2,
  ShipmentShippedV2,
  TicketOpenedV1,
  TicketResolvedV1,
  type CloudEvent,
  type EventData,
} from '@rapport/contracts';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { TIMELINE_KIND_MODULE, TimelineEntry, type TimelineKind } from './timeline-entry.entity.js';

/** Hops followed at most from a merged customer to its survivor (merging keeps it at one). */
const MAX_MERGE_HOPS = 5;

/**
 * The customer an entry for `customerId` belongs on: its survivor when it was merged into another
 * (an event raised under the old id after the merge, e.g. by a client that still held it), else
 * itself (also when this service does not know the id). The row is read `for key share`, which
 * waits for a merge holding it and keeps a merge from starting until this transaction ends, so an
 * entry is never left behind on a merged customer.
 */
export async function survivorOf(em: SqlEntityManager, customerId: string): Promise<string> {
  let id = customerId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const [row] = await em.execute<{ merged_into: string | null }[]>('select merged_into from customer where id = ? for key share', [id]);
    if (!row?.merged_into) return id;
    id = row.merged_into;
  }
  return id;
}

async function record(em: SqlEntityManager, event: CloudEvent, eventCustomerId: string, kind: TimelineKind, summary: string): Promise<void> {
  const customerId = await survivorOf(em, eventCustomerId);
  em.create(TimelineEntry, {
    id: randomUUID(),
    customerId,
    eventId: event.id,
    kind,
    module: TIMELINE_KIND_MODULE[kind],
    summary,
    sourceService: event.source.replace('/rapport/', ''),
    subjectId: event.subject,
    occurredAt: new Date(event.time),
  });
}

/** What a shipment event's lines are of: "order <id>", or "orders <id>, <id>" (the events carry order ids, not numbers). */
const ordersOf = (lines: readonly { orderId: string }[]): string => {
  const orders = [...new Set(lines.map((l) => l.orderId))];
  return `${orders.length === 1 ? 'order' : 'orders'} ${orders.join(', ')}`;
};

/** What a return brought back: "2 restocked, 1 scrapped" (summed over its lines). */
const returnedOf = (lines: readonly { quantity: string; condition: 'RESTOCK' | 'SCRAP' }[]): string => {
  const sum = (condition: 'RESTOCK' | 'SCRAP') => formatQuantity(lines.filter((l) => l.condition === condition).reduce((s, l) => s + quantityUnits(l.quantity), 0n));
  const parts = [];
  if (lines.some((l) => l.condition === 'RESTOCK')) parts.push(`${sum('RESTOCK')} restocked`);
  if (lines.some((l) => l.condition === 'SCRAP')) parts.push(`${sum('SCRAP')} scrapped`);
  return parts.join(', ');
};

const ACTIVITY_WORDS: Record<EventData<typeof CustomerActivityLoggedV1>['kind'], string> = {
  CALL: 'Call',
  VISIT: 'Visit',
  MEETING: 'Meeting',
  EMAIL: 'Email',
  NOTE: 'Note',
  PLANNED_VISIT: 'Visit',
};

const activitySummary = (data: EventData<typeof CustomerActivityLoggedV1>): string =>
  data.kind === 'PLANNED_VISIT' && data.plannedFor ? `Visit planned for ${data.plannedFor.slice(0, 10)}: ${data.subject}` : `${ACTIVITY_WORDS[data.kind]} logged: ${data.subject}`;

/** Every event about a customer becomes an entry on that customer's timeline — its survivor's, once merged — once (inbox). */
export const timelineHandlers = [
  on(CustomerCreatedV1, async (data, event, em) => record(em, event, data.customerId, 'CUSTOMER_CREATED', `Customer ${data.name} created`)),
  on(TicketOpenedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'TICKET_OPENED', `Ticket ${data.number} opened (${data.priority.toLowerCase()}): ${data.subject}`),
  ),
  on(TicketResolvedV1, async (data, event, em) => record(em, event, data.customerId, 'TICKET_RESOLVED', `Ticket ${data.number} resolved`)),
  on(OpportunityOpenedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'OPPORTUNITY_OPENED', `Opportunity "${data.title}" opened at ${data.amount.amount} ${data.amount.currency}`),
  ),
  on(OrderConfirmedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'ORDER_CONFIRMED', `Order ${data.number} confirmed for ${data.total.amount} ${data.total.currency}`),
  ),
  on(OrderConfirmedV2, async (data, event, em) =>
    record(em, event, data.customerId, 'ORDER_CONFIRMED', `Order ${data.number} confirmed for ${data.total.amount} ${data.total.currency}`),
  ),
  on(QuotationSentV1, async (data, event, em) =>
    record(em, event, data.customerId, 'QUOTATION_SENT', `Quotation ${data.number} sent for ${data.grossTotal.amount} ${data.grossTotal.currency}, valid until ${data.validUntil}`),
  ),
  on(QuotationAcceptedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'QUOTATION_ACCEPTED', `Quotation ${data.number} accepted for ${data.grossTotal.amount} ${data.grossTotal.currency}`),
  ),
  on(ShipmentPlannedV1, async (data, event, em) => record(em, event, data.customerId, 'SHIPMENT_PLANNED', `Shipping notice raised for order ${data.orderId}`)),
  on(InvoiceIssuedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'INVOICE_ISSUED', `Invoice ${data.number} issued for ${data.total.amount} ${data.total.currency}, due ${data.dueDate}`),
  ),
  on(CustomerActivityLoggedV1, async (data, event, em) => record(em, event, data.customerId, 'ACTIVITY_LOGGED', activitySummary(data))),
  on(LeadConvertedV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'LEAD_CONVERTED',
      data.opportunity
        ? `Converted from a lead, with opportunity "${data.opportunity.title}" at ${data.opportunity.amount.amount} ${data.opportunity.amount.currency}`
        : 'Converted from a lead',
    ),
  ),
  on(OpportunityClosedV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      data.outcome === 'WON' ? 'OPPORTUNITY_WON' : 'OPPORTUNITY_LOST',
      `Opportunity "${data.title}" ${data.outcome === 'WON' ? 'won' : 'lost'} at ${data.amount.amount} ${data.amount.currency}`,
    ),
  ),
  on(PaymentRecordedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'PAYMENT_RECEIVED', `Payment of ${data.amount.amount} ${data.amount.currency} received for invoice ${data.invoiceNumber} on ${data.paidOn}`),
  ),
  on(ShipmentDeliveredV1, async (data, event, em) => record(em, event, data.customerId, 'SHIPMENT_DELIVERED', `Shipment for order ${data.orderId} delivered`)),
  // Shipping notices per order line (inventory publishes these since notices have lines; the v1 handlers above stay for older events).
  on(ShipmentPlannedV2, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'SHIPMENT_PLANNED',
      `Shipping notice ${data.number} planned for ${ordersOf(data.lines)}${data.plannedFor ? `, to leave on ${data.plannedFor}` : ''}`,
    ),
  ),
  on(ShipmentShippedV2, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'SHIPMENT_SHIPPED',
      `Shipment ${data.number} shipped for ${ordersOf(data.lines)}${data.carrier ? ` with ${data.carrier}` : ''}${data.trackingNumber ? `, tracking number ${data.trackingNumber}` : ''}`,
    ),
  ),
  on(ShipmentCancelledV1, async (data, event, em) =>
    record(em, event, data.customerId, 'SHIPMENT_CANCELLED', `Shipping notice ${data.number} cancelled for ${ordersOf(data.lines)}${data.reason ? `: ${data.reason}` : ''}`),
  ),
  on(ShipmentDeliveredV2, async (data, event, em) => record(em, event, data.customerId, 'SHIPMENT_DELIVERED', `Shipment ${data.number} delivered for ${ordersOf(data.lines)}`)),
  // Finance's v2 events (the v1 handlers above stay for events already on the topics).
  on(InvoiceIssuedV2, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'INVOICE_ISSUED',
      `${data.kind === 'ADVANCE' ? 'Advance invoice' : 'Invoice'} ${data.number} issued for ${data.grossTotal.amount} ${data.grossTotal.currency}, due ${data.dueDate}`,
    ),
  ),
  on(CreditNoteIssuedV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'CREDIT_NOTE_ISSUED',
      `Credit note ${data.number} issued for ${data.grossTotal.amount} ${data.grossTotal.currency} against invoice ${data.invoiceNumber}`,
    ),
  ),
  on(ReminderSentV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'REMINDER_SENT',
      `Reminder ${data.number} (level ${data.level}) sent for invoice ${data.invoiceNumber}: ${data.total.amount} ${data.total.currency} owed, ${data.daysOverdue} days overdue`,
    ),
  ),
  on(PaymentRecordedV2, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'PAYMENT_RECEIVED',
      `Payment of ${data.amount.amount} ${data.amount.currency} received by ${data.method.toLowerCase().replace('_', ' ')} on ${data.receivedOn}${data.reference ? ` (${data.reference})` : ''}`,
    ),
  ),
  on(InvoicePaidV1, async (data, event, em) => record(em, event, data.customerId, 'PAYMENT_RECEIVED', `Invoice ${data.number} paid in full`)),
  // Customer returns, discount approvals and loans: each its own kind, seen by who may read its module (TIMELINE_KIND_MODULE).
  on(ReturnReceivedV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'RETURN_RECEIVED',
      `Return ${data.number} received against shipment ${data.shipmentNumber}: ${returnedOf(data.lines)}${data.reason ? ` (${data.reason})` : ''}`,
    ),
  ),
  on(QuotationApprovalRequestedV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'QUOTATION_APPROVAL_REQUESTED',
      `Quotation ${data.number} (${data.grossTotal.amount} ${data.grossTotal.currency}) waits for a manager's approval: ${data.findings.length} ${data.findings.length === 1 ? 'finding' : 'findings'} over the limits`,
    ),
  ),
  on(QuotationApprovalDecidedV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'QUOTATION_APPROVAL_DECIDED',
      `Approval of quotation ${data.number} ${data.decision.toLowerCase()}${data.comment ? `: ${data.comment}` : ''}`,
    ),
  ),
  on(LoanLentV1, async (data, event, em) =>
    record(
      em,
      event,
      data.customerId,
      'LOAN_OUT',
      `${data.kind === 'SAMPLE' ? 'Sample' : 'Loan'} ${data.number}: ${data.quantity} of product ${data.productId} out to the customer${data.expectedReturnDate ? `, due back ${data.expectedReturnDate}` : ''}`,
    ),
  ),
  on(LoanReturnedV1, async (data, event, em) => record(em, event, data.customerId, 'LOAN_RETURNED', `Loan ${data.number}: ${data.quantity} returned, ${data.open} still out`)),
  on(LoanConvertedV1, async (data, event, em) =>
    record(em, event, data.customerId, 'LOAN_CONVERTED', `Loan ${data.number}: ${data.quantity} kept by the customer (a sale), ${data.open} still out`),
  ),
  on(LoanConvertedV2, async (data, event, em) =>
    record(em, event, data.customerId, 'LOAN_CONVERTED', `Loan ${data.number}: ${data.quantity} kept by the customer (a sale), ${data.open} still out`),
  ),
  on(LoanOverdueV1, async (data, event, em) =>
    record(em, event, data.customerId, 'LOAN_OVERDUE', `Loan ${data.number} overdue: ${data.open} still out, due back ${data.expectedReturnDate}`),
  ),
];
