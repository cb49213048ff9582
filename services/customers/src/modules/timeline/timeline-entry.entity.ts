import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PolicyModule } from '@rapport/subgraph-kit';
import { timestamp } from '@rapport/subgraph-kit/properties';

export const TIMELINE_KINDS = [
  'CUSTOMER_CREATED',
  'TICKET_OPENED',
  'TICKET_RESOLVED',
  'OPPORTUNITY_OPENED',
  'ORDER_CONFIRMED',
  'SHIPMENT_PLANNED',
  'INVOICE_ISSUED',
  'ACTIVITY_LOGGED',
  'LEAD_CONVERTED',
  'OPPORTUNITY_WON',
  'OPPORTUNITY_LOST',
  'PAYMENT_RECEIVED',
  'SHIPMENT_DELIVERED',
  'QUOTATION_SENT',
  'DOCUMENT_ATTACHED',
  'CUSTOMER_TRANSFERRED',
  // Every step of the document chain its own kind (Migration20261205200700).
  'QUOTATION_ACCEPTED',
  'QUOTATION_APPROVAL_REQUESTED',
  'QUOTATION_APPROVAL_DECIDED',
  'SHIPMENT_SHIPPED',
  'SHIPMENT_CANCELLED',
  'RETURN_RECEIVED',
  'CREDIT_NOTE_ISSUED',
  'LOAN_OUT',
  'LOAN_RETURNED',
  'LOAN_CONVERTED',
  'LOAN_OVERDUE',
  // Finance's dunning (Migration20261207080000).
  'REMINDER_SENT',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The modules timeline entries come from: each entry is shown only to roles that may read its module (the kit's POLICIES). */
export const TIMELINE_MODULES = [
  'customers',
  'activities',
  'documents',
  'leads',
  'opportunities',
  'orders',
  'tickets',
  'shipments',
  'invoices',
  'payments',
  'quotations',
  'stock',
] as const satisfies readonly PolicyModule[];
export type TimelineModule = (typeof TIMELINE_MODULES)[number];

/**
 * The module of the record each kind of entry is about, whose policy decides who sees the entry.
 * Migration20261205008501 backfilled existing entries with the same mapping.
 */
export const TIMELINE_KIND_MODULE: Record<TimelineKind, TimelineModule> = {
  CUSTOMER_CREATED: 'customers',
  ACTIVITY_LOGGED: 'activities',
  QUOTATION_SENT: 'documents',
  DOCUMENT_ATTACHED: 'documents',
  LEAD_CONVERTED: 'leads',
  OPPORTUNITY_OPENED: 'opportunities',
  OPPORTUNITY_WON: 'opportunities',
  OPPORTUNITY_LOST: 'opportunities',
  ORDER_CONFIRMED: 'orders',
  TICKET_OPENED: 'tickets',
  TICKET_RESOLVED: 'tickets',
  SHIPMENT_PLANNED: 'shipments',
  SHIPMENT_DELIVERED: 'shipments',
  INVOICE_ISSUED: 'invoices',
  PAYMENT_RECEIVED: 'payments',
  CUSTOMER_TRANSFERRED: 'customers',
  // Accepted like sent: the quotation as a customer document; approvals carry discounts and limits, so only who may read quotations sees them.
  QUOTATION_ACCEPTED: 'documents',
  QUOTATION_APPROVAL_REQUESTED: 'quotations',
  QUOTATION_APPROVAL_DECIDED: 'quotations',
  SHIPMENT_SHIPPED: 'shipments',
  SHIPMENT_CANCELLED: 'shipments',
  // Inventory receives returns under its shipment policy.
  RETURN_RECEIVED: 'shipments',
  CREDIT_NOTE_ISSUED: 'invoices',
  // Inventory's loans and samples follow its stock policy.
  LOAN_OUT: 'stock',
  LOAN_RETURNED: 'stock',
  LOAN_CONVERTED: 'stock',
  LOAN_OVERDUE: 'stock',
  // A payment reminder is about an invoice: who may read invoices sees it.
  REMINDER_SENT: 'invoices',
};

/** One thing that happened with a customer, in any service, as learnt from its event. */
export const TimelineEntry = defineEntity({
  name: 'TimelineEntry',
  tableName: 'timeline_entry',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    eventId: p.text().unique('timeline_entry_event_id_key'),
    kind: p.enum([...TIMELINE_KINDS]),
    /** The module of the record it is about (TIMELINE_KIND_MODULE); only who may read that module sees the entry. */
    module: p.enum([...TIMELINE_MODULES]),
    summary: p.text(),
    sourceService: p.text(),
    subjectId: p.text(),
    occurredAt: timestamp(),
  },
});
export type ITimelineEntry = InferEntity<typeof TimelineEntry>;
