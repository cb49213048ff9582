import { z } from 'zod';
import { defineEvent } from './envelope.js';

const uuid = z.string().uuid();
const money = z.object({ amount: z.string().regex(/^-?\d+(\.\d+)?$/), currency: z.string().length(3) });
const isoDateTime = z.string().datetime({ offset: true });

/** customers: a customer record was created. `teamId` (the owning team) was added later, optional. */
export const CustomerCreatedV1 = defineEvent(
  'customers.customer.created.v1',
  z.object({ customerId: uuid, name: z.string(), kind: z.enum(['COMPANY', 'PERSON']), ownerId: uuid.nullable(), teamId: uuid.nullable().optional() }),
);

/**
 * customers: a customer, with everything open on it, moved to another rep (and team). `note`, the
 * handover note for the new owner, was added later, optional.
 */
export const CustomerTransferredV1 = defineEvent(
  'customers.customer.transferred.v1',
  z.object({
    customerId: uuid,
    fromOwnerId: uuid.nullable(),
    toOwnerId: uuid,
    teamId: uuid.nullable(),
    transferredAt: isoDateTime,
    note: z.string().nullable().optional(),
  }),
);

/**
 * customers: a customer was deleted (softly, restorable). It stays resolvable by reference, but
 * every subgraph refuses new records for it until it is restored.
 */
export const CustomerDeletedV1 = defineEvent('customers.customer.deleted.v1', z.object({ customerId: uuid, deletedAt: isoDateTime }));

/** customers: a deleted customer was restored; new records may be attached to it again. */
export const CustomerRestoredV1 = defineEvent('customers.customer.restored.v1', z.object({ customerId: uuid, restoredAt: isoDateTime }));

/** customers: a customer was shared with a user, who now sees it and its records. */
export const CustomerSharedV1 = defineEvent('customers.customer.shared.v1', z.object({ customerId: uuid, userId: uuid }));

/** customers: a customer's sharing with a user was withdrawn. */
export const CustomerUnsharedV1 = defineEvent('customers.customer.unshared.v1', z.object({ customerId: uuid, userId: uuid }));

/** support: a ticket was opened for a customer. */
export const TicketOpenedV1 = defineEvent(
  'support.ticket.opened.v1',
  z.object({
    ticketId: uuid,
    customerId: uuid,
    number: z.string(),
    subject: z.string(),
    priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
    openedAt: isoDateTime,
  }),
);

/** support: a ticket was resolved. */
export const TicketResolvedV1 = defineEvent(
  'support.ticket.resolved.v1',
  z.object({ ticketId: uuid, customerId: uuid, number: z.string(), resolvedAt: isoDateTime }),
);

/** sales: an opportunity was opened in a pipeline stage. */
export const OpportunityOpenedV1 = defineEvent(
  'sales.opportunity.opened.v1',
  z.object({ opportunityId: uuid, customerId: uuid, title: z.string(), amount: money, stage: z.string() }),
);

/** sales: a sales order was confirmed and must now be fulfilled. */
export const OrderConfirmedV1 = defineEvent(
  'sales.order.confirmed.v1',
  z.object({
    orderId: uuid,
    customerId: uuid,
    number: z.string(),
    total: money,
    lines: z.array(z.object({ productId: uuid, quantity: z.string(), unitPrice: money })),
    confirmedAt: isoDateTime,
  }),
);

/** inventory: a shipping notice was raised for an order. */
export const ShipmentPlannedV1 = defineEvent(
  'inventory.shipment.planned.v1',
  z.object({ shipmentId: uuid, orderId: uuid, customerId: uuid, plannedAt: isoDateTime }),
);

/** finance: an invoice was issued to a customer. */
export const InvoiceIssuedV1 = defineEvent(
  'finance.invoice.issued.v1',
  z.object({ invoiceId: uuid, customerId: uuid, number: z.string(), total: money, dueDate: z.string() }),
);

/** customers: an activity with a customer (call, visit, meeting, email, note, planned visit) was logged. */
export const CustomerActivityLoggedV1 = defineEvent(
  'customers.activity.logged.v1',
  z.object({
    activityId: uuid,
    customerId: uuid,
    kind: z.enum(['CALL', 'VISIT', 'MEETING', 'EMAIL', 'NOTE', 'PLANNED_VISIT']),
    subject: z.string(),
    occurredAt: isoDateTime.nullable(),
    plannedFor: isoDateTime.nullable(),
    contactId: uuid.nullable(),
    opportunityId: uuid.nullable(),
    createdBy: uuid.nullable(),
  }),
);

/**
 * customers: two customers were merged; `mergedId` lives on as `survivorId`. Every subgraph
 * re-points its records from the merged customer to the survivor.
 */
export const CustomerMergedV1 = defineEvent(
  'customers.customer.merged.v1',
  z.object({ survivorId: uuid, mergedId: uuid, mergedAt: isoDateTime }),
);

/** customers: a lead was converted into a customer (and contact); sales may open an opportunity. */
export const LeadConvertedV1 = defineEvent(
  'customers.lead.converted.v1',
  z.object({
    leadId: uuid,
    customerId: uuid,
    contactId: uuid.nullable(),
    ownerId: uuid.nullable(),
    opportunity: z.object({ title: z.string(), amount: money }).nullable(),
    convertedAt: isoDateTime,
  }),
);

/** sales: an opportunity was won or lost. */
export const OpportunityClosedV1 = defineEvent(
  'sales.opportunity.closed.v1',
  z.object({ opportunityId: uuid, customerId: uuid, title: z.string(), outcome: z.enum(['WON', 'LOST']), amount: money, closedAt: isoDateTime }),
);

/** finance: a payment was recorded against an invoice. */
export const PaymentRecordedV1 = defineEvent(
  'finance.payment.recorded.v1',
  z.object({ paymentId: uuid, invoiceId: uuid, customerId: uuid, invoiceNumber: z.string(), amount: money, paidOn: z.string() }),
);

/** inventory: a shipment was delivered to the customer. */
export const ShipmentDeliveredV1 = defineEvent(
  'inventory.shipment.delivered.v1',
  z.object({ shipmentId: uuid, orderId: uuid, customerId: uuid, deliveredAt: isoDateTime }),
);

/** identity: a user was deactivated: no more sign-ins; their access tokens are revoked (see AccessRevokedV1). */
export const UserDeactivatedV1 = defineEvent('identity.user.deactivated.v1', z.object({ userId: uuid, deactivatedAt: isoDateTime }));

/**
 * identity: access tokens were revoked before they expire. Every subgraph and the gateway refuse,
 * until `expiresAt` (when the last of them would have expired anyway), the tokens named in
 * `tokenIds` (their `jti`), and — when `issuedBefore` is set — every token of `userId` issued at or
 * before that instant.
 */
export const AccessRevokedV1 = defineEvent(
  'identity.access.revoked.v1',
  z.object({
    userId: z.string().min(1),
    tokenIds: z.array(z.string().min(1)),
    issuedBefore: isoDateTime.nullable(),
    reason: z.enum(['SIGNED_OUT', 'DEACTIVATED']),
    revokedAt: isoDateTime,
    expiresAt: isoDateTime,
  }),
);

/** Every event type Rapport publishes; the topics to create follow from it. */
export const ALL_EVENTS = [
  CustomerCreatedV1,
  CustomerMergedV1,
  LeadConvertedV1,
  OpportunityClosedV1,
  PaymentRecordedV1,
  ShipmentDeliveredV1,
  CustomerTransferredV1,
  CustomerSharedV1,
  CustomerUnsharedV1,
  CustomerDeletedV1,
  CustomerRestoredV1,
  UserDeactivatedV1,
  AccessRevokedV1,
  TicketOpenedV1,
  TicketResolvedV1,
  OpportunityOpenedV1,
  OrderConfirmedV1,
  ShipmentPlannedV1,
  InvoiceIssuedV1,
  CustomerActivityLoggedV1,
] as const;

/** The topics every environment needs (without namespace prefix), sorted and unique. */
export const ALL_TOPICS: readonly string[] = [...new Set(ALL_EVENTS.map((e) => e.topic))].sort();
