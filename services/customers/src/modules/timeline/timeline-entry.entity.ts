import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TIMELINE_KINDS = ['CUSTOMER_CREATED', 'TICKET_OPENED', 'TICKET_RESOLVED', 'OPPORTUNITY_OPENED', 'ORDER_CONFIRMED', 'SHIPMENT_PLANNED', 'INVOICE_ISSUED', 'ACTIVITY_LOGGED', 'LEAD_CONVERTED', 'OPPORTUNITY_WON', 'OPPORTUNITY_LOST', 'PAYMENT_RECEIVED', 'SHIPMENT_DELIVERED', 'QUOTATION_SENT', 'DOCUMENT_ATTACHED', 'CUSTOMER_TRANSFERRED'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One thing that happened with a customer, in any service, as learnt from its event. */
export const TimelineEntry = defineEntity({
  name: 'TimelineEntry',
  tableName: 'timeline_entry',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    eventId: p.text().unique(),
    kind: p.enum([...TIMELINE_KINDS]),
    summary: p.text(),
    sourceService: p.text(),
    subjectId: p.text(),
    occurredAt: p.datetime(),
  },
});
export type ITimelineEntry = InferEntity<typeof TimelineEntry>;
