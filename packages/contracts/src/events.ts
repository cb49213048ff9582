import { z } from 'zod';
import { defineEvent } from './envelope.js';

// Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type stores it (zod 4's z.uuid() would also demand RFC 9562 version and variant bits).
const uuid = z.guid();
const money = z.object({ amount: z.string().regex(/^-?\d+(\.\d+)?$/), currency: z.string().length(3) });
const isoDateTime = z.iso.datetime({ offset: true });

/** customers: a customer record was created. `teamId` (the owning team) was added later, optional. */
export const CustomerCreatedV1 = defineEvent('customers.customer.created.v1', () =>
  z.object({ customerId: uuid, name: z.string(), kind: z.enum(['COMPANY', 'PERSON']), ownerId: uuid.nullable(), teamId: uuid.nullable().optional() }),
);

/**
 * customers: a customer, with everything open on it, moved to another rep (and team). `note`, the
 * handover note for the new owner, was added later, optional.
 */
export const CustomerTransferredV1 = defineEvent('customers.customer.transferred.v1', () =>
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
export const CustomerDeletedV1 = defineEvent('customers.customer.deleted.v1', () => z.object({ customerId: uuid, deletedAt: isoDateTime }));

/** customers: a deleted customer was restored; new records may be attached to it again. */
export const CustomerRestoredV1 = defineEvent('customers.customer.restored.v1', () => z.object({ customerId: uuid, restoredAt: isoDateTime }));

/** customers: a customer was shared with a user, who now sees it and its records. */
export const CustomerSharedV1 = defineEvent('customers.customer.shared.v1', () => z.object({ customerId: uuid, userId: uuid }));

/** customers: a customer's sharing with a user was withdrawn. */
export const CustomerUnsharedV1 = defineEvent('customers.customer.unshared.v1', () => z.object({ customerId: uuid, userId: uuid }));

/** support: a ticket was opened for a customer. */
export const TicketOpenedV1 = defineEvent('support.ticket.opened.v1', () =>
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
export const TicketResolvedV1 = defineEvent('support.ticket.resolved.v1', () => z.object({ ticketId: uuid, customerId: uuid, number: z.string(), resolvedAt: isoDateTime }));

/** sales: an opportunity was opened in a pipeline stage. */
export const OpportunityOpenedV1 = defineEvent('sales.opportunity.opened.v1', () =>
  z.object({ opportunityId: uuid, customerId: uuid, title: z.string(), amount: money, stage: z.string() }),
);

/** sales: a sales order was confirmed and must now be fulfilled. */
export const OrderConfirmedV1 = defineEvent('sales.order.confirmed.v1', () =>
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
export const ShipmentPlannedV1 = defineEvent('inventory.shipment.planned.v1', () => z.object({ shipmentId: uuid, orderId: uuid, customerId: uuid, plannedAt: isoDateTime }));

/** finance: an invoice was issued to a customer. */
export const InvoiceIssuedV1 = defineEvent('finance.invoice.issued.v1', () =>
  z.object({ invoiceId: uuid, customerId: uuid, number: z.string(), total: money, dueDate: z.string() }),
);

/** customers: an activity with a customer (call, visit, meeting, email, note, planned visit) was logged. */
export const CustomerActivityLoggedV1 = defineEvent('customers.activity.logged.v1', () =>
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
export const CustomerMergedV1 = defineEvent('customers.customer.merged.v1', () => z.object({ survivorId: uuid, mergedId: uuid, mergedAt: isoDateTime }));

/** customers: a lead was converted into a customer (and contact); sales may open an opportunity. */
export const LeadConvertedV1 = defineEvent('customers.lead.converted.v1', () =>
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
export const OpportunityClosedV1 = defineEvent('sales.opportunity.closed.v1', () =>
  z.object({ opportunityId: uuid, customerId: uuid, title: z.string(), outcome: z.enum(['WON', 'LOST']), amount: money, closedAt: isoDateTime }),
);

/** finance: a payment was recorded against an invoice. */
export const PaymentRecordedV1 = defineEvent('finance.payment.recorded.v1', () =>
  z.object({ paymentId: uuid, invoiceId: uuid, customerId: uuid, invoiceNumber: z.string(), amount: money, paidOn: z.string() }),
);

/** inventory: a shipment was delivered to the customer. */
export const ShipmentDeliveredV1 = defineEvent('inventory.shipment.delivered.v1', () => z.object({ shipmentId: uuid, orderId: uuid, customerId: uuid, deliveredAt: isoDateTime }));

/** identity: a user was deactivated: no more sign-ins; their access tokens are revoked (see AccessRevokedV1). */
export const UserDeactivatedV1 = defineEvent('identity.user.deactivated.v1', () => z.object({ userId: uuid, deactivatedAt: isoDateTime }));

/**
 * identity: access tokens were revoked before they expire. Every subgraph and the gateway refuse,
 * until `expiresAt` (when the last of them would have expired anyway), the tokens named in
 * `tokenIds` (their `jti`), and — when `issuedBefore` is set — every token of `userId` issued at or
 * before that instant.
 */
export const AccessRevokedV1 = defineEvent('identity.access.revoked.v1', () =>
  z.object({
    userId: z.string().min(1),
    tokenIds: z.array(z.string().min(1)),
    issuedBefore: isoDateTime.nullable(),
    reason: z.enum(['SIGNED_OUT', 'DEACTIVATED']),
    revokedAt: isoDateTime,
    expiresAt: isoDateTime,
  }),
);

// ---------------------------------------------------------------------------------------------
// Every other state change of an aggregate another service or an integrator could act on
// (issue 8, item 14). Each is written to the outbox in the same transaction as its change.
// ---------------------------------------------------------------------------------------------

const changeKind = z.enum(['ADDED', 'UPDATED', 'REMOVED', 'RESTORED']);

/** customers: the given fields of a customer record changed; `customer` is the record after the change. */
export const CustomerUpdatedV1 = defineEvent('customers.customer.updated.v1', () =>
  z.object({
    customerId: uuid,
    changedFields: z.array(z.string()),
    customer: z.object({
      name: z.string(),
      kind: z.enum(['COMPANY', 'PERSON']),
      lifecycleState: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      industry: z.string().nullable(),
      source: z.string().nullable(),
      tier: z.string().nullable(),
      tags: z.array(z.string()),
      taxId: z.string().nullable(),
    }),
    updatedAt: isoDateTime,
  }),
);

/**
 * customers: a contact of a customer was added, changed, removed (softly) or restored; part of the
 * customer aggregate, so keyed (and ordered) by the customer. `contact` is the contact after the change.
 */
export const CustomerContactChangedV1 = defineEvent('customers.customer.contact-changed.v1', () =>
  z.object({
    customerId: uuid,
    contactId: uuid,
    change: changeKind,
    contact: z.object({
      name: z.string(),
      title: z.string().nullable(),
      emails: z.array(z.string()),
      phones: z.array(z.string()),
      preferredChannel: z.string().nullable(),
      primary: z.boolean(),
      deletedAt: isoDateTime.nullable(),
    }),
    changedAt: isoDateTime,
  }),
);

/** customers: an address of a customer was added, removed (softly) or restored; keyed by the customer. */
export const CustomerAddressChangedV1 = defineEvent('customers.customer.address-changed.v1', () =>
  z.object({
    customerId: uuid,
    addressId: uuid,
    change: changeKind,
    address: z.object({
      kind: z.string(),
      street: z.string(),
      postalCode: z.string().nullable(),
      city: z.string(),
      region: z.string().nullable(),
      country: z.string().length(2),
      deletedAt: isoDateTime.nullable(),
    }),
    changedAt: isoDateTime,
  }),
);

/** customers: a manager approved or rejected an activity. */
export const ActivityReviewedV1 = defineEvent('customers.activity.reviewed.v1', () =>
  z.object({
    activityId: uuid,
    customerId: uuid,
    status: z.enum(['APPROVED', 'REJECTED']),
    reviewerId: uuid.nullable(),
    comment: z.string().nullable(),
    reviewedAt: isoDateTime,
  }),
);

/** customers: the follow-up (next step) of an activity was marked done. */
export const ActivityFollowUpCompletedV1 = defineEvent('customers.activity.follow-up-completed.v1', () =>
  z.object({ activityId: uuid, customerId: uuid, nextStep: z.string().nullable(), doneBy: uuid.nullable(), doneAt: isoDateTime }),
);

/** customers: a customer document's metadata (kind, file name, description) changed. */
export const DocumentUpdatedV1 = defineEvent('customers.document.updated.v1', () =>
  z.object({ documentId: uuid, customerId: uuid, kind: z.string(), fileName: z.string(), description: z.string().nullable(), changedFields: z.array(z.string()) }),
);

/** customers: a customer document was deleted (softly). */
export const DocumentDeletedV1 = defineEvent('customers.document.deleted.v1', () => z.object({ documentId: uuid, customerId: uuid, deletedAt: isoDateTime }));

/** customers: a lead was captured, by a user or from the public web form. */
export const LeadCapturedV1 = defineEvent('customers.lead.captured.v1', () =>
  z.object({
    leadId: uuid,
    name: z.string(),
    company: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    source: z.string().nullable(),
    ownerId: uuid.nullable(),
    fromWebForm: z.boolean(),
    capturedAt: isoDateTime,
  }),
);

/** customers: a lead was qualified. */
export const LeadQualifiedV1 = defineEvent('customers.lead.qualified.v1', () => z.object({ leadId: uuid, qualifiedAt: isoDateTime }));

/** customers: a lead was disqualified, with the reason. */
export const LeadDisqualifiedV1 = defineEvent('customers.lead.disqualified.v1', () => z.object({ leadId: uuid, reason: z.string(), disqualifiedAt: isoDateTime }));

/** identity: a user account was created. */
export const UserCreatedV1 = defineEvent('identity.user.created.v1', () =>
  z.object({ userId: uuid, email: z.string(), displayName: z.string(), role: z.string(), teamId: uuid.nullable(), createdAt: isoDateTime }),
);

/** identity: a user's role changed (what they may see and do changes with it). */
export const UserRoleChangedV1 = defineEvent('identity.user.role-changed.v1', () => z.object({ userId: uuid, fromRole: z.string(), toRole: z.string(), changedAt: isoDateTime }));

/** identity: a team was created, below `parentId` in the hierarchy when given. */
export const TeamCreatedV1 = defineEvent('identity.team.created.v1', () => z.object({ teamId: uuid, name: z.string(), parentId: uuid.nullable(), createdAt: isoDateTime }));

/** inventory: a product was created. */
export const ProductCreatedV1 = defineEvent('inventory.product.created.v1', () =>
  z.object({ productId: uuid, sku: z.string(), name: z.string(), unit: z.string(), listPrice: money, createdAt: isoDateTime }),
);

/** inventory: a product was retired (deleted softly): no new orders for it. */
export const ProductDeletedV1 = defineEvent('inventory.product.deleted.v1', () => z.object({ productId: uuid, sku: z.string(), deletedAt: isoDateTime }));

/** inventory: a retired product was restored. */
export const ProductRestoredV1 = defineEvent('inventory.product.restored.v1', () => z.object({ productId: uuid, sku: z.string(), restoredAt: isoDateTime }));

/** inventory: a shipment left the warehouse, with the carrier's tracking number. */
export const ShipmentShippedV1 = defineEvent('inventory.shipment.shipped.v1', () =>
  z.object({ shipmentId: uuid, orderId: uuid, customerId: uuid, trackingNumber: z.string().nullable(), shippedAt: isoDateTime }),
);

/** purchasing: a supplier was created. */
export const SupplierCreatedV1 = defineEvent('purchasing.supplier.created.v1', () =>
  z.object({
    supplierId: uuid,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    currency: z.string().length(3),
    paymentTermsDays: z.number().int(),
    createdAt: isoDateTime,
  }),
);

/** purchasing: a supplier was deleted (softly). */
export const SupplierDeletedV1 = defineEvent('purchasing.supplier.deleted.v1', () => z.object({ supplierId: uuid, deletedAt: isoDateTime }));

/** purchasing: a deleted supplier was restored. */
export const SupplierRestoredV1 = defineEvent('purchasing.supplier.restored.v1', () => z.object({ supplierId: uuid, restoredAt: isoDateTime }));

/** sales: an opportunity moved to another (open) stage; closing stages announce `sales.opportunity.closed.v1` too. */
export const OpportunityStageChangedV1 = defineEvent('sales.opportunity.stage-changed.v1', () =>
  z.object({ opportunityId: uuid, customerId: uuid, fromStage: z.string(), toStage: z.string(), probability: z.number().int(), changedAt: isoDateTime }),
);

/** sales: an opportunity was deleted (softly). */
export const OpportunityDeletedV1 = defineEvent('sales.opportunity.deleted.v1', () => z.object({ opportunityId: uuid, customerId: uuid, deletedAt: isoDateTime }));

/** sales: a deleted opportunity was restored. */
export const OpportunityRestoredV1 = defineEvent('sales.opportunity.restored.v1', () => z.object({ opportunityId: uuid, customerId: uuid, restoredAt: isoDateTime }));

/**
 * sales: an order was cancelled; inventory releases its reservations and cancels open notices,
 * finance credits what was invoiced and not delivered. `lines` are the order's lines.
 */
export const OrderCancelledV1 = defineEvent('sales.order.cancelled.v1', () =>
  z.object({
    orderId: uuid,
    customerId: uuid,
    number: z.string(),
    total: money,
    lines: z.array(z.object({ productId: uuid, quantity: z.string() })),
    cancelledAt: isoDateTime,
  }),
);

/** support: a ticket moved from one status to another (resolution announces `support.ticket.resolved.v1` too). */
export const TicketStatusChangedV1 = defineEvent('support.ticket.status-changed.v1', () =>
  z.object({ ticketId: uuid, customerId: uuid, number: z.string(), fromStatus: z.string(), toStatus: z.string(), note: z.string().nullable(), changedAt: isoDateTime }),
);

/** support: a ticket's agent and/or team changed (null: unassigned). */
export const TicketAssignedV1 = defineEvent('support.ticket.assigned.v1', () =>
  z.object({ ticketId: uuid, customerId: uuid, number: z.string(), assigneeId: uuid.nullable(), teamId: uuid.nullable(), assignedAt: isoDateTime }),
);

/** support: the given fields of a ticket changed; the ticket's headline fields after the change. */
export const TicketUpdatedV1 = defineEvent('support.ticket.updated.v1', () =>
  z.object({
    ticketId: uuid,
    customerId: uuid,
    number: z.string(),
    changedFields: z.array(z.string()),
    subject: z.string(),
    priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
    category: z.string().nullable(),
    channel: z.string().nullable(),
    updatedAt: isoDateTime,
  }),
);

/** support: a ticket was deleted (softly). */
export const TicketDeletedV1 = defineEvent('support.ticket.deleted.v1', () => z.object({ ticketId: uuid, customerId: uuid, number: z.string(), deletedAt: isoDateTime }));

/** support: a deleted ticket was restored. */
export const TicketRestoredV1 = defineEvent('support.ticket.restored.v1', () => z.object({ ticketId: uuid, customerId: uuid, number: z.string(), restoredAt: isoDateTime }));

/** support: a comment was added to a ticket (its text stays in support: internal comments are not for everyone). */
export const TicketCommentedV1 = defineEvent('support.ticket.commented.v1', () =>
  z.object({ ticketId: uuid, customerId: uuid, commentId: uuid, authorId: uuid, internal: z.boolean(), firstResponse: z.boolean(), commentedAt: isoDateTime }),
);

/** support: the customer's satisfaction with a ticket was recorded (1 to 5). */
export const TicketRatedV1 = defineEvent('support.ticket.rated.v1', () =>
  z.object({ ticketId: uuid, customerId: uuid, ratingId: uuid, rating: z.number().int(), ratedBy: uuid.nullable(), ratedAt: isoDateTime }),
);

/** support: a knowledge base article was linked to a ticket it helped solve. */
export const TicketArticleLinkedV1 = defineEvent('support.ticket.article-linked.v1', () => z.object({ ticketId: uuid, customerId: uuid, articleId: uuid, linkedAt: isoDateTime }));

/** support: a knowledge base article was created as an unpublished draft (its text is not announced until published). */
export const ArticleCreatedV1 = defineEvent('support.article.created.v1', () => z.object({ articleId: uuid, category: z.string(), createdAt: isoDateTime }));

/** support: an article's draft (or its category) changed; the draft's text is not announced. */
export const ArticleDraftUpdatedV1 = defineEvent('support.article.draft-updated.v1', () =>
  z.object({ articleId: uuid, category: z.string(), changedFields: z.array(z.string()), updatedAt: isoDateTime }),
);

/** support: an article's draft was published as its next version, now shown to readers. */
export const ArticlePublishedV1 = defineEvent('support.article.published.v1', () =>
  z.object({ articleId: uuid, version: z.number().int(), title: z.string(), category: z.string(), publishedBy: uuid.nullable(), publishedAt: isoDateTime }),
);

/** support: an article was archived (softly deleted). */
export const ArticleArchivedV1 = defineEvent('support.article.archived.v1', () => z.object({ articleId: uuid, archivedAt: isoDateTime }));

/** support: an archived article was restored. */
export const ArticleRestoredV1 = defineEvent('support.article.restored.v1', () => z.object({ articleId: uuid, restoredAt: isoDateTime }));

/** support: the SLA targets of a priority were set; tickets of that priority are measured against them from now on. */
export const SlaTargetSetV1 = defineEvent('support.sla-target.set.v1', () =>
  z.object({ priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']), firstResponseMinutes: z.number().int(), resolutionMinutes: z.number().int(), setAt: isoDateTime }),
);

// ---- The commerce chain (DESIGN.md, "The document chain"). Quantities are decimal strings with
// up to three places; money is { amount, currency } with a decimal string. Later fields go in a
// new version beside these, never into them.
const quantity = z.string().regex(/^-?\d+(\.\d{1,3})?$/);
const rate = z.string().regex(/^\d+(\.\d{1,4})?$/);

/** What sales and purchasing keep of a product in their read copies: the whole current state, so any one event rebuilds the copy. */
const productSnapshot = {
  productId: uuid,
  /** The product code. */
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  listPrice: money,
  standardCost: money,
  active: z.boolean(),
  /** When inventory last changed the product; a read copy ignores a snapshot older than the one it holds. */
  changedAt: isoDateTime,
};

/** inventory: a product was created (the full snapshot; supersedes v1 for read copies). */
export const ProductCreatedV2 = defineEvent('inventory.product.created.v2', () => z.object(productSnapshot));

/** inventory: a product changed (code, name, unit, prices, active flag): the full snapshot after the change. */
export const ProductChangedV1 = defineEvent('inventory.product.changed.v1', () => z.object(productSnapshot));

/** The lines of a confirmed order as inventory reserves them and finance invoices them. */
const confirmedOrderLine = z.object({
  lineId: uuid,
  productId: uuid,
  quantity,
  unitPrice: money,
  /** Percent, 0..100 with up to two places. */
  discountPercent: rate,
  /** Percent, e.g. "19.00". */
  taxRate: rate,
});

/** sales: an order was confirmed with its lines (ids, product, quantity, price, discount, tax); inventory reserves, finance keeps invoiceable lines. */
export const OrderConfirmedV2 = defineEvent('sales.order.confirmed.v2', () =>
  z.object({
    orderId: uuid,
    customerId: uuid,
    number: z.string(),
    currency: z.string().length(3),
    /** Net total after discounts, before tax. */
    total: money,
    /** The warehouse the customer asked to ship from, if any; else inventory's rule chooses. */
    warehouseId: uuid.nullable(),
    lines: z.array(confirmedOrderLine).min(1),
    confirmedAt: isoDateTime,
  }),
);

/**
 * sales: an order, some of its lines, or their undelivered rest was cancelled. `lines` give the
 * quantity cancelled now per line (never a delivered quantity); `whole` is true when nothing of
 * the order remains open. Inventory releases reservations and cancels open notices; finance
 * credits what was invoiced and not delivered.
 */
export const OrderCancelledV2 = defineEvent('sales.order.cancelled.v2', () =>
  z.object({
    orderId: uuid,
    customerId: uuid,
    number: z.string(),
    whole: z.boolean(),
    lines: z.array(z.object({ lineId: uuid, productId: uuid, quantity })).min(1),
    reason: z.string().nullable(),
    cancelledAt: isoDateTime,
  }),
);

/** A quantity of an order line in one warehouse. */
const stockLine = z.object({ orderLineId: uuid, productId: uuid, warehouseId: uuid, quantity });

/**
 * inventory: stock was reserved for an order's lines (at confirmation, or later when stock
 * arrived for a shortage). `quantity` is what this event adds to the line's reservation. Keyed by
 * the order id.
 */
export const StockReservedV1 = defineEvent('inventory.stock.reserved.v1', () => z.object({ orderId: uuid, lines: z.array(stockLine).min(1), reservedAt: isoDateTime }));

/** inventory: part of an order could not be reserved; `quantity` is what each line still lacks in total. Keyed by the order id. */
export const StockShortageReportedV1 = defineEvent('inventory.stock.shortage-reported.v1', () =>
  z.object({ orderId: uuid, lines: z.array(z.object({ orderLineId: uuid, productId: uuid, quantity })).min(1), reportedAt: isoDateTime }),
);

/** inventory: reservations were released (order cancelled); `quantity` is what each line's reservation lost. Keyed by the order id. */
export const StockReleasedV1 = defineEvent('inventory.stock.released.v1', () => z.object({ orderId: uuid, lines: z.array(stockLine).min(1), releasedAt: isoDateTime }));

/** inventory: available stock of a product in a warehouse fell below its safety level (one event per crossing). Keyed by `productId:warehouseId`. */
export const StockBelowSafetyV1 = defineEvent('inventory.stock.below-safety.v1', () =>
  z.object({ alarmId: uuid, productId: uuid, warehouseId: uuid, available: quantity, safetyStock: quantity, reorderQuantity: quantity, raisedAt: isoDateTime }),
);

/** inventory: available stock recovered to its safety level; the alarm is cleared. Keyed by `productId:warehouseId`. */
export const StockRecoveredV1 = defineEvent('inventory.stock.recovered.v1', () =>
  z.object({ alarmId: uuid, productId: uuid, warehouseId: uuid, available: quantity, recoveredAt: isoDateTime }),
);

// ---- Quotations (sales). Keyed by the quotation id. Totals are net after discounts, tax and gross,
// rounded half up at the currency's minor unit.
const isoDate = z.iso.date();
const quotationTotals = { currency: z.string().length(3), netTotal: money, taxTotal: money, grossTotal: money };

/** sales: a draft quotation was made: new, a copy of another (`copiedFromId`) or a new version of a sent one (`revisionOfId`, which it supersedes). */
export const QuotationDraftedV1 = defineEvent('sales.quotation.drafted.v1', () =>
  z.object({
    quotationId: uuid,
    customerId: uuid,
    opportunityId: uuid.nullable(),
    number: z.string(),
    copiedFromId: uuid.nullable(),
    revisionOfId: uuid.nullable(),
    ...quotationTotals,
    draftedAt: isoDateTime,
  }),
);

/** sales: a draft quotation's header or lines changed; the totals after the change, and the ids of lines it removed. */
export const QuotationChangedV1 = defineEvent('sales.quotation.changed.v1', () =>
  z.object({ quotationId: uuid, customerId: uuid, number: z.string(), ...quotationTotals, removedLineIds: z.array(uuid), changedAt: isoDateTime }),
);

/** sales: a quotation was sent to the customer (customers put "Quotation Q-… sent" on the timeline). */
export const QuotationSentV1 = defineEvent('sales.quotation.sent.v1', () =>
  z.object({ quotationId: uuid, customerId: uuid, opportunityId: uuid.nullable(), number: z.string(), ...quotationTotals, validUntil: isoDate, sentAt: isoDateTime }),
);

/** sales: the customer accepted a sent quotation within its validity. */
export const QuotationAcceptedV1 = defineEvent('sales.quotation.accepted.v1', () =>
  z.object({ quotationId: uuid, customerId: uuid, opportunityId: uuid.nullable(), number: z.string(), ...quotationTotals, acceptedAt: isoDateTime }),
);

/** sales: the customer rejected a sent quotation. */
export const QuotationRejectedV1 = defineEvent('sales.quotation.rejected.v1', () =>
  z.object({ quotationId: uuid, customerId: uuid, opportunityId: uuid.nullable(), number: z.string(), reason: z.string().nullable(), rejectedAt: isoDateTime }),
);

/** sales: an accepted quotation became a sales order (whole or chosen lines); it cannot be converted again. */
export const QuotationConvertedV1 = defineEvent('sales.quotation.converted.v1', () =>
  z.object({ quotationId: uuid, customerId: uuid, number: z.string(), orderId: uuid, orderNumber: z.string(), convertedAt: isoDateTime }),
);

// ---- Outbound (inventory). A shipping notice (shipment) takes quantities of lines of one or more
// orders of one customer, from one warehouse. Keyed by the shipment id; a consumer that tracks an
// order line sums what the shipment events of every shipment report for it.
const shipmentLine = z.object({ orderId: uuid, orderLineId: uuid, productId: uuid, quantity });
const shipmentHeader = { shipmentId: uuid, number: z.string(), customerId: uuid, warehouseId: uuid };

/** inventory: a shipping notice was raised (what is to go out, from which warehouse, when). */
export const ShipmentPlannedV2 = defineEvent('inventory.shipment.planned.v2', () =>
  z.object({ ...shipmentHeader, lines: z.array(shipmentLine).min(1), plannedFor: isoDate.nullable(), plannedAt: isoDateTime }),
);

/** inventory: an open shipping notice was cancelled (order cancelled, or by the warehouse); `lines` are the quantities it no longer plans. */
export const ShipmentCancelledV1 = defineEvent('inventory.shipment.cancelled.v1', () =>
  z.object({ ...shipmentHeader, lines: z.array(shipmentLine).min(1), reason: z.string().nullable(), cancelledAt: isoDateTime }),
);

/**
 * inventory: a shipment left the warehouse. `lines` are the quantities that went out per order line
 * (may be less than planned: the rest of the notice is cancelled by ShipmentCancelledV1 or stays
 * for a later shipment). Sales adds them to the delivered quantity; finance to the invoiceable one.
 */
export const ShipmentShippedV2 = defineEvent('inventory.shipment.shipped.v2', () =>
  z.object({
    ...shipmentHeader,
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    lines: z.array(shipmentLine).min(1),
    shippedAt: isoDateTime,
  }),
);

/** inventory: a shipped shipment arrived at the customer (the quantities it carried). */
export const ShipmentDeliveredV2 = defineEvent('inventory.shipment.delivered.v2', () =>
  z.object({ ...shipmentHeader, lines: z.array(shipmentLine).min(1), deliveredAt: isoDateTime }),
);

// ---- Procure to pay. Purchase orders keyed by the purchase order id.
const purchaseOrderLine = z.object({ lineId: uuid, productId: uuid, quantity, unitPrice: money, expectedDate: isoDate.nullable() });

/**
 * purchasing: a purchase order was approved (and sent): the full state of its open lines. Sent again
 * in full after a change is re-approved; inventory replaces what it expects with the latest one.
 */
export const PurchaseOrderApprovedV1 = defineEvent('purchasing.order.approved.v1', () =>
  z.object({
    purchaseOrderId: uuid,
    number: z.string(),
    supplierId: uuid,
    currency: z.string().length(3),
    /** Where the goods are expected; null lets the warehouse choose at receipt. */
    warehouseId: uuid.nullable(),
    lines: z.array(purchaseOrderLine).min(1),
    approvedAt: isoDateTime,
  }),
);

/** purchasing: an approved purchase order (or some lines' open quantities) was cancelled; `quantity` is what each line no longer expects. */
export const PurchaseOrderCancelledV1 = defineEvent('purchasing.order.cancelled.v1', () =>
  z.object({
    purchaseOrderId: uuid,
    number: z.string(),
    supplierId: uuid,
    whole: z.boolean(),
    lines: z.array(z.object({ lineId: uuid, productId: uuid, quantity })).min(1),
    cancelledAt: isoDateTime,
  }),
);

/**
 * inventory: goods were received into a warehouse, against a purchase order's lines or without one.
 * Keyed by the purchase order id when there is one (so one PO's receipts stay in order), else by the
 * receipt id.
 */
export const ReceiptPostedV1 = defineEvent('inventory.receipt.posted.v1', () =>
  z.object({
    receiptId: uuid,
    number: z.string(),
    warehouseId: uuid,
    purchaseOrderId: uuid.nullable(),
    supplierId: uuid.nullable(),
    lines: z.array(z.object({ purchaseOrderLineId: uuid.nullable(), productId: uuid, quantity, unitCost: money })).min(1),
    receivedAt: isoDateTime,
  }),
);

/** purchasing: a supplier bill was registered (after matching against its purchase order and receipts). Keyed by the bill id. */
export const SupplierBillRegisteredV1 = defineEvent('purchasing.bill.registered.v1', () =>
  z.object({
    billId: uuid,
    number: z.string(),
    supplierId: uuid,
    purchaseOrderId: uuid.nullable(),
    currency: z.string().length(3),
    netTotal: money,
    taxTotal: money,
    grossTotal: money,
    billDate: isoDate,
    dueDate: isoDate,
    registeredAt: isoDateTime,
  }),
);

/** purchasing: a supplier was paid; `allocations` say which bills it settles (an advance has none yet). Keyed by the payment id. */
export const SupplierPaymentMadeV1 = defineEvent('purchasing.payment.made.v1', () =>
  z.object({
    paymentId: uuid,
    supplierId: uuid,
    amount: money,
    paidOn: isoDate,
    allocations: z.array(z.object({ billId: uuid, amount: money })),
    madeAt: isoDateTime,
  }),
);

// ---- Receivables (finance). Invoices and credit notes keyed by their own id; payments by the payment id.
const invoiceLine = z.object({
  invoiceLineId: uuid,
  /** The sales order line it bills; null on advance invoices and invoices not tied to an order. */
  orderLineId: uuid.nullable(),
  productId: uuid.nullable(),
  description: z.string(),
  quantity,
  unitPrice: money,
  discountPercent: rate,
  taxRate: rate,
  /** Quantity × unit price less discount, before tax, rounded at the currency's minor unit. */
  netAmount: money,
});

/** finance: an invoice was issued (immutable from now on): its lines, totals and due date. */
export const InvoiceIssuedV2 = defineEvent('finance.invoice.issued.v2', () =>
  z.object({
    invoiceId: uuid,
    number: z.string(),
    kind: z.enum(['STANDARD', 'ADVANCE', 'FREE']),
    customerId: uuid,
    orderId: uuid.nullable(),
    currency: z.string().length(3),
    lines: z.array(invoiceLine).min(1),
    netTotal: money,
    taxTotal: money,
    grossTotal: money,
    issuedOn: isoDate,
    dueDate: isoDate,
    issuedAt: isoDateTime,
  }),
);

/** finance: a credit note was issued against an invoice (return, cancelled undelivered goods, price correction). */
export const CreditNoteIssuedV1 = defineEvent('finance.credit-note.issued.v1', () =>
  z.object({
    creditNoteId: uuid,
    number: z.string(),
    invoiceId: uuid,
    invoiceNumber: z.string(),
    customerId: uuid,
    orderId: uuid.nullable(),
    reason: z.enum(['RETURN', 'CANCELLATION', 'PRICE_CORRECTION', 'OTHER']),
    currency: z.string().length(3),
    lines: z.array(z.object({ orderLineId: uuid.nullable(), productId: uuid.nullable(), quantity, netAmount: money })).min(1),
    netTotal: money,
    taxTotal: money,
    grossTotal: money,
    issuedAt: isoDateTime,
  }),
);

/** finance: money was received from a customer (not yet or partly allocated to invoices). */
export const PaymentRecordedV2 = defineEvent('finance.payment.recorded.v2', () =>
  z.object({
    paymentId: uuid,
    customerId: uuid,
    amount: money,
    method: z.enum(['BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT', 'OTHER']),
    reference: z.string().nullable(),
    receivedOn: isoDate,
    recordedAt: isoDateTime,
  }),
);

/** finance: part of a payment (or a credit) was allocated to an invoice. Keyed by the invoice id. */
export const PaymentAllocatedV1 = defineEvent('finance.payment.allocated.v1', () =>
  z.object({
    allocationId: uuid,
    paymentId: uuid.nullable(),
    creditNoteId: uuid.nullable(),
    invoiceId: uuid,
    invoiceNumber: z.string(),
    customerId: uuid,
    orderId: uuid.nullable(),
    amount: money,
    /** What the invoice still owes after this allocation. */
    outstanding: money,
    allocatedAt: isoDateTime,
  }),
);

/**
 * finance: part of a payment (or a credit note) was allocated to an invoice, with both amounts: what
 * it settled in the invoice's currency (`amount`) and what it took from the payment or credit note in
 * that document's currency (`sourceAmount`), at `rate` (source → invoice on the payment's day; null
 * when one currency), and the realised exchange difference in base currency (null for a credit note
 * or when a document has no rate). Keyed by the invoice id. Replaces v1.
 */
export const PaymentAllocatedV2 = defineEvent('finance.payment.allocated.v2', () =>
  z.object({
    allocationId: uuid,
    paymentId: uuid.nullable(),
    creditNoteId: uuid.nullable(),
    invoiceId: uuid,
    invoiceNumber: z.string(),
    customerId: uuid,
    orderId: uuid.nullable(),
    amount: money,
    sourceAmount: money,
    rate: z.string().nullable(),
    exchangeDifference: money.nullable(),
    /** What the invoice still owes after this allocation. */
    outstanding: money,
    allocatedOn: isoDate,
    allocatedAt: isoDateTime,
  }),
);

/** finance: an invoice is paid in full. Keyed by the invoice id. */
export const InvoicePaidV1 = defineEvent('finance.invoice.paid.v1', () =>
  z.object({ invoiceId: uuid, number: z.string(), customerId: uuid, orderId: uuid.nullable(), paidAt: isoDateTime }),
);

// ---- helper A (outbound): customer returns against a delivery.

/**
 * inventory: goods came back from a customer against a shipment (a delivery), per order line, with
 * the reason and each line's condition: RESTOCK went back into `warehouseId`'s stock (a
 * CUSTOMER_RETURN move), SCRAP did not. Keyed by the return's id. Sales subtracts the quantities from
 * the delivered ones; finance credits them.
 */
export const ReturnReceivedV1 = defineEvent('inventory.return.received.v1', () =>
  z.object({
    returnId: uuid,
    number: z.string(),
    shipmentId: uuid,
    shipmentNumber: z.string(),
    customerId: uuid,
    warehouseId: uuid,
    reason: z.string(),
    lines: z.array(z.object({ orderId: uuid, orderLineId: uuid, productId: uuid, quantity, condition: z.enum(['RESTOCK', 'SCRAP']) })).min(1),
    receivedAt: isoDateTime,
  }),
);

// ---- helper B (sales): discount governance. Keyed by the quotation id. (Placed before ALL_EVENTS,
// which must come after every contract it lists.)
const approvalFinding = z.object({
  /** What is over the limit: a line's discount, the document's total discount, or a line priced under the margin floor. */
  kind: z.enum(['LINE_DISCOUNT', 'TOTAL_DISCOUNT', 'MARGIN']),
  /** The 0-based line position for line findings; null for the total. */
  line: z.number().int().nullable(),
  /** The discount in percent that is over the limit (null for MARGIN: margins are not shown to sales). */
  percent: z.string().nullable(),
  /** The limit it exceeds, in percent (null for MARGIN). */
  limit: z.string().nullable(),
});

/** sales: a quotation's discounts or prices are over its rep's limits and wait for a manager's approval. */
export const QuotationApprovalRequestedV1 = defineEvent('sales.quotation.approval-requested.v1', () =>
  z.object({
    quotationId: uuid,
    customerId: uuid,
    number: z.string(),
    approvalId: uuid,
    requestedBy: uuid,
    comment: z.string().nullable(),
    findings: z.array(approvalFinding).min(1),
    ...quotationTotals,
    requestedAt: isoDateTime,
  }),
);

/**
 * sales: a pending or given approval was decided: APPROVED or REJECTED by `decidedBy` (with a
 * comment), or VOIDED because a line's price, discount or quantity changed after it was requested or given.
 */
export const QuotationApprovalDecidedV1 = defineEvent('sales.quotation.approval-decided.v1', () =>
  z.object({
    quotationId: uuid,
    customerId: uuid,
    number: z.string(),
    approvalId: uuid,
    decision: z.enum(['APPROVED', 'REJECTED', 'VOIDED']),
    decidedBy: uuid,
    comment: z.string().nullable(),
    decidedAt: isoDateTime,
  }),
);

// ---- helper F (printing): the company profile every printed document carries, and the PDF of a sent quotation.

/** The company's logo as printed: PNG or JPEG, at most 256 KB, so it travels inside the event (base64, ≤ ~342 KB). */
const companyLogo = z.object({
  contentType: z.enum(['image/png', 'image/jpeg']),
  sizeBytes: z.number().int().positive().max(262_144),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  base64: z.string(),
});

/**
 * identity: the company profile (the one letterhead of every printed document) changed; a full
 * snapshot, so a service that prints keeps a copy of the latest `version` and ignores older ones
 * arriving late. Keyed by the profile id (there is one profile).
 */
export const CompanyProfileChangedV1 = defineEvent('identity.company.profile-changed.v1', () =>
  z.object({
    profileId: uuid,
    /** Increases by one with every change. */
    version: z.number().int().positive(),
    name: z.string(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().length(2).nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    vatId: z.string().nullable(),
    taxNumber: z.string().nullable(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    bankName: z.string().nullable(),
    headerText: z.string().nullable(),
    footerText: z.string().nullable(),
    defaultTerms: z.string().nullable(),
    logo: companyLogo.nullable(),
    changedFields: z.array(z.string()),
    changedAt: isoDateTime,
  }),
);

/**
 * sales: the PDF of a quotation was rendered as it was sent and stored for good (what was sent never
 * changes); customers files it with the customer's documents, its download being sales' stored copy
 * at `downloadPath` (a gateway route). Keyed by the quotation id; follows `sales.quotation.sent.v1`.
 */
export const QuotationPrintedV1 = defineEvent('sales.quotation.printed.v1', () =>
  z.object({
    quotationId: uuid,
    customerId: uuid,
    number: z.string(),
    fileName: z.string(),
    contentType: z.literal('application/pdf'),
    sizeBytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The gateway path that serves the stored PDF: `/files/sales/quotations/{quotationId}.pdf`. */
    downloadPath: z.string(),
    /** Who sent it. */
    printedBy: uuid.nullable(),
    printedAt: isoDateTime,
  }),
);

// ---- G1: stock counts and loans (inventory). Defined here, before ALL_EVENTS, because ALL_EVENTS
// reads them when the module loads.

/**
 * inventory: a stock count was posted: one COUNT move per line whose counted quantity differs from
 * the expected one frozen when the count was made. Keyed by the count id. A large count is announced
 * in parts (`part` of `parts`, at most 1,000 lines each) so no message grows past Kafka's limits;
 * every part carries the count's totals. `reservedBeyondOnHand` > 0 flags a line whose on-hand
 * quantity fell below what is reserved (reservations are kept, not cut).
 */
export const StockCountPostedV1 = defineEvent('inventory.count.posted.v1', () =>
  z.object({
    countId: uuid,
    number: z.string(),
    warehouseId: uuid,
    part: z.number().int().min(1),
    parts: z.number().int().min(1),
    /** How many lines changed stock in the whole count. */
    differenceLines: z.number().int().min(0),
    lines: z.array(
      z.object({
        productId: uuid,
        expected: quantity,
        counted: quantity,
        difference: quantity,
        unitCost: money.nullable(),
        reservedBeyondOnHand: quantity,
      }),
    ),
    postedAt: isoDateTime,
  }),
);

const loanKind = z.enum(['LOAN', 'SAMPLE']);

/** inventory: goods went out to a customer on loan or as a sample (LOAN_OUT / SAMPLE move). Keyed by the loan id. */
export const LoanLentV1 = defineEvent('inventory.loan.lent.v1', () =>
  z.object({
    loanId: uuid,
    number: z.string(),
    kind: loanKind,
    customerId: uuid,
    ownerId: uuid.nullable(),
    productId: uuid,
    warehouseId: uuid,
    quantity,
    expectedReturnDate: isoDate.nullable(),
    lentAt: isoDateTime,
  }),
);

/** inventory: goods of a loan came back (LOAN_RETURN move), fully or partly; `open` is what is still out. Keyed by the loan id. */
export const LoanReturnedV1 = defineEvent('inventory.loan.returned.v1', () =>
  z.object({ loanId: uuid, number: z.string(), customerId: uuid, productId: uuid, warehouseId: uuid, quantity, open: quantity, returnedAt: isoDateTime }),
);

/**
 * inventory: the customer keeps (part of) a loan or sample: a sale for sales to invoice or order.
 * Superseded by v2 (which sales turns into an order); kept for events already on the topics. Valued at the product's standard cost when converted. Keyed by the loan id.
 */
export const LoanConvertedV1 = defineEvent('inventory.loan.converted.v1', () =>
  z.object({
    loanId: uuid,
    number: z.string(),
    customerId: uuid,
    ownerId: uuid.nullable(),
    productId: uuid,
    warehouseId: uuid,
    quantity,
    unitCost: money.nullable(),
    open: quantity,
    convertedAt: isoDateTime,
  }),
);

/**
 * inventory: the customer keeps (part of) a loan or sample, and it becomes a sale: sales makes the
 * order `orderId` (one line of `quantity` at `unitPrice`, or the catalogue list price when null) for
 * the customer, carrying the loan number. Inventory reserves nothing for that order when sales
 * confirms it (the goods left when they were lent) and reports them shipped at once
 * (`inventory.shipment.shipped.v2`, shipment `shipmentId`), so sales counts them delivered and
 * finance invoiceable. Supersedes v1 (same fields plus `orderId`, `shipmentId`, `unitPrice`). Keyed
 * by the loan id.
 */
export const LoanConvertedV2 = defineEvent('inventory.loan.converted.v2', () =>
  z.object({
    loanId: uuid,
    number: z.string(),
    /** The id sales gives the order the kept goods become. */
    orderId: uuid,
    /** The id of the shipment inventory reports for that order (the goods already out). */
    shipmentId: uuid,
    customerId: uuid,
    ownerId: uuid.nullable(),
    productId: uuid,
    warehouseId: uuid,
    quantity,
    /** The net unit price agreed at conversion; null: the catalogue list price. */
    unitPrice: money.nullable(),
    unitCost: money.nullable(),
    open: quantity,
    convertedAt: isoDateTime,
  }),
);

/** inventory: a loan passed its expected return date with goods still out; raised once per loan, for a reminder to its owner rep. Keyed by the loan id. */
export const LoanOverdueV1 = defineEvent('inventory.loan.overdue.v1', () =>
  z.object({
    loanId: uuid,
    number: z.string(),
    customerId: uuid,
    ownerId: uuid.nullable(),
    productId: uuid,
    open: quantity,
    expectedReturnDate: isoDate,
    flaggedAt: isoDateTime,
  }),
);

// ---- helper D (finance)
/** finance: part of what a credit note still held for the customer was paid back to them. Keyed by the credit note id. */
export const CreditNoteRefundedV1 = defineEvent('finance.credit-note.refunded.v1', () =>
  z.object({ creditNoteId: uuid, number: z.string(), customerId: uuid, amount: money, refundedOn: z.iso.date() }),
);

// ---- Helper C (purchasing)

/**
 * purchasing: an advance (the unallocated rest of a supplier payment) was applied to bills later;
 * `allocations` say how much of it settles which bill. Keyed by the payment id.
 */
export const SupplierPaymentAppliedV1 = defineEvent('purchasing.payment.applied.v1', () =>
  z.object({ paymentId: uuid, supplierId: uuid, allocations: z.array(z.object({ billId: uuid, amount: money })).min(1), appliedAt: isoDateTime }),
);

// ==== stop 11, helper fin (finance: dunning, opening balances, expenses): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)

/** finance: a payment reminder went out for an overdue invoice at a dunning level never sent for it before (a dunning run, by hand or daily). */
export const ReminderSentV1 = defineEvent('finance.reminder.sent.v1', () =>
  z.object({
    reminderId: uuid,
    number: z.string(),
    invoiceId: uuid,
    invoiceNumber: z.string(),
    customerId: uuid,
    level: z.number().int().min(1),
    daysOverdue: z.number().int().min(1),
    /** What was still owed on the invoice when the reminder went out. */
    openAmount: money,
    /** The level's fee, in the invoice's currency (0 when none). */
    fee: money,
    total: money,
    dueDate: isoDate,
    sentOn: isoDate,
    /** Where the gateway serves the reminder letter as a PDF. */
    downloadPath: z.string(),
  }),
);

/**
 * finance: a reminder's fee became owed: an invoice of kind FEE (numbered FEE-YYYY-NNNNNN, one line, in the
 * reminded invoice's currency, due at once) issued with the reminder. Keyed by the reminder id, after its
 * `finance.reminder.sent.v1`.
 */
export const ReminderFeeInvoicedV1 = defineEvent('finance.reminder.fee-invoiced.v1', () =>
  z.object({
    reminderId: uuid,
    reminderNumber: z.string(),
    invoiceId: uuid,
    invoiceLineId: uuid,
    number: z.string(),
    customerId: uuid,
    /** The invoice the reminder was about. */
    remindedInvoiceId: uuid,
    netTotal: money,
    taxTotal: money,
    grossTotal: money,
    issuedOn: isoDate,
    dueDate: isoDate,
  }),
);

/** finance: a customer was blocked from dunning (a dispute, an arrangement) or released; blocked customers get no reminders. */
export const DunningBlockChangedV1 = defineEvent('finance.dunning-block.changed.v1', () =>
  z.object({
    customerId: uuid,
    blocked: z.boolean(),
    reason: z.string().nullable(),
    changedAt: isoDateTime,
  }),
);
/**
 * finance: an open item from the previous system was imported as an opening balance of a customer
 * (held as a receivable numbered OB-YYYY-NNNNNN; paid, aged and dunned like an invoice, but not one of ours).
 */
export const OpeningBalanceImportedV1 = defineEvent('finance.opening-balance.imported.v1', () =>
  z.object({
    invoiceId: uuid,
    number: z.string(),
    customerId: uuid,
    reference: z.string(),
    documentDate: isoDate,
    dueDate: isoDate,
    amount: money,
    /** One id per import, shared by its rows. */
    importId: uuid,
  }),
);
// ==== end of helper fin's contracts.

// ==== stop 11, helper fx (finance: currencies and exchange rates): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)

/** An exchange rate as a decimal string with up to 10 places: what one unit of `fromCurrency` is worth in `toCurrency`. */
const exchangeRate = z.string().regex(/^\d{1,9}(\.\d{1,10})?$/);

/**
 * finance: an accountant set (or corrected) the exchange rate of a currency pair valid from a day
 * (the rate on a day is the latest on or before it). One event per rate, also for bulk imports.
 * Keyed by the pair (`USD-EUR`), so one pair's rates stay in order. `baseCurrency` is the company's
 * base currency when the rate was set.
 */
export const RateSetV1 = defineEvent('finance.rate.set.v1', () =>
  z.object({
    rateId: uuid,
    fromCurrency: z.string().length(3),
    toCurrency: z.string().length(3),
    rate: exchangeRate,
    validOn: isoDate,
    baseCurrency: z.string().length(3),
    setAt: isoDateTime,
  }),
);

/** finance: the company's base currency (reports convert to it) was set. Keyed by `company`. */
export const BaseCurrencySetV1 = defineEvent('finance.base-currency.set.v1', () => z.object({ baseCurrency: z.string().length(3), setAt: isoDateTime }));
// ==== end of helper fx's contracts.

// ==== stop 11, helper purch (purchasing: inquiries, supplier opening balances, voided approvals): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)

/**
 * purchasing: an inquiry (request for quotation, RFQ-000001) was sent to suppliers for products and
 * quantities. Keyed by the inquiry id.
 */
export const PurchaseInquirySentV1 = defineEvent('purchasing.inquiry.sent.v1', () =>
  z.object({
    inquiryId: uuid,
    number: z.string(),
    supplierIds: z.array(uuid).min(1),
    lines: z.array(z.object({ lineId: uuid, productId: uuid, quantity })).min(1),
    /** The day answers are wanted by; null when not said. */
    respondBy: isoDate.nullable(),
    sentAt: isoDateTime,
  }),
);

/** purchasing: a supplier's answer to an inquiry was recorded (some or all lines; a line answered again replaces its answer). Keyed by the inquiry id. */
export const PurchaseInquiryAnsweredV1 = defineEvent('purchasing.inquiry.answered.v1', () =>
  z.object({
    inquiryId: uuid,
    number: z.string(),
    supplierId: uuid,
    lines: z.array(z.object({ lineId: uuid, productId: uuid, unitPrice: money, leadTimeDays: z.number().int().nonnegative(), validUntil: isoDate.nullable() })).min(1),
    answeredAt: isoDateTime,
  }),
);

/**
 * purchasing: a supplier's answer to an inquiry was recorded, as v1 with each line's tax rate (percent,
 * as the supplier quoted it; 0 when none was given). Keyed by the inquiry id.
 */
export const PurchaseInquiryAnsweredV2 = defineEvent('purchasing.inquiry.answered.v2', () =>
  z.object({
    inquiryId: uuid,
    number: z.string(),
    supplierId: uuid,
    lines: z
      .array(z.object({ lineId: uuid, productId: uuid, unitPrice: money, taxRate: rate, leadTimeDays: z.number().int().nonnegative(), validUntil: isoDate.nullable() }))
      .min(1),
    answeredAt: isoDateTime,
  }),
);

/**
 * purchasing: an inquiry was closed, either with answers chosen (`chosen`: which supplier's answer per
 * line, and the draft purchase order it went to) or without (`chosen` empty). Keyed by the inquiry id.
 */
export const PurchaseInquiryClosedV1 = defineEvent('purchasing.inquiry.closed.v1', () =>
  z.object({
    inquiryId: uuid,
    number: z.string(),
    chosen: z.array(z.object({ lineId: uuid, supplierId: uuid, purchaseOrderId: uuid })),
    closedAt: isoDateTime,
  }),
);

/** What inventory announces of a warehouse: enough for other services to check ids they are given (purchasing's orders). */
const warehouseSnapshot = { warehouseId: uuid, code: z.string(), name: z.string(), active: z.boolean() };

/** inventory: a warehouse was created. Keyed by the warehouse id. */
export const WarehouseCreatedV1 = defineEvent('inventory.warehouse.created.v1', () => z.object({ ...warehouseSnapshot, createdAt: isoDateTime }));

/** inventory: a warehouse's name or whether it is in use changed; the whole snapshot. Keyed by the warehouse id. */
export const WarehouseChangedV1 = defineEvent('inventory.warehouse.changed.v1', () => z.object({ ...warehouseSnapshot, changedAt: isoDateTime }));

/**
 * purchasing: an approved purchase order was changed, which voids its approval (it is a draft again
 * and must be sent and approved anew): inventory no longer expects its lines until an approval
 * (`purchasing.order.approved.v1`, the full lines) announces them again. Keyed by the purchase order id.
 */
export const PurchaseOrderApprovalVoidedV1 = defineEvent('purchasing.order.approval-voided.v1', () =>
  z.object({ purchaseOrderId: uuid, number: z.string(), supplierId: uuid, voidedAt: isoDateTime }),
);

// ==== end of helper purch's contracts.

// ==== stop 11, helper inv (inventory: supplier returns, product pictures and import): its contracts go below this line.

/**
 * inventory: goods received against a purchase order were sent back to the supplier, out of the
 * warehouse that received them (a SUPPLIER_RETURN move per line). Purchasing lowers the received
 * quantity of each purchase order line, so no bill matches above what was kept. Keyed by the purchase order (else the receipt).
 */
export const SupplierReturnPostedV1 = defineEvent('inventory.supplier-return.posted.v1', () =>
  z.object({
    supplierReturnId: uuid,
    number: z.string(),
    receiptId: uuid,
    receiptNumber: z.string(),
    warehouseId: uuid,
    purchaseOrderId: uuid.nullable(),
    supplierId: uuid.nullable(),
    reason: z.string(),
    lines: z.array(z.object({ receiptLineId: uuid, purchaseOrderLineId: uuid.nullable(), productId: uuid, quantity, unitCost: money })).min(1),
    returnedAt: isoDateTime,
  }),
);
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper inv's contracts.

// ==== stop 11, helper bus (bus): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper bus's contracts.

// ==== stop 11, helper nine (kit and tooling): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper nine's contracts.

// ==== stop 11, helper speed (read speed): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper speed's contracts.

// ==== stop 11, helper exp (finance: expenses): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)

/** The category of an expense claim. */
const expenseCategory = z.enum(['TRAVEL', 'SAMPLES', 'ENTERTAINMENT', 'OTHER']);

/** finance: a user drafted an expense claim (not yet submitted for approval), tied to a customer and possibly an order. Keyed by the expense id. */
export const ExpenseDraftedV1 = defineEvent('finance.expense.drafted.v1', () =>
  z.object({ expenseId: uuid, claimantId: uuid, customerId: uuid, orderId: uuid.nullable(), category: expenseCategory, expenseDate: z.iso.date(), amount: money }),
);

/** finance: a user submitted an expense claim for approval, tied to a customer (and possibly an order). Keyed by the expense id. */
export const ExpenseSubmittedV1 = defineEvent('finance.expense.submitted.v1', () =>
  z.object({
    expenseId: uuid,
    claimantId: uuid,
    teamId: uuid.nullable(),
    customerId: uuid,
    orderId: uuid.nullable(),
    category: expenseCategory,
    expenseDate: z.iso.date(),
    amount: money,
    submittedAt: isoDateTime,
  }),
);

/** finance: a submitted expense claim was approved or rejected (by a team head of the claimant, or finance), with the comment given. Keyed by the expense id. */
export const ExpenseDecidedV1 = defineEvent('finance.expense.decided.v1', () =>
  z.object({
    expenseId: uuid,
    claimantId: uuid,
    customerId: uuid,
    orderId: uuid.nullable(),
    category: expenseCategory,
    amount: money,
    decision: z.enum(['APPROVED', 'REJECTED']),
    decidedBy: uuid,
    comment: z.string().nullable(),
    decidedAt: isoDateTime,
  }),
);

/** finance: an approved expense was paid back to its claimant (by finance). Keyed by the expense id. */
export const ExpenseReimbursedV1 = defineEvent('finance.expense.reimbursed.v1', () =>
  z.object({ expenseId: uuid, claimantId: uuid, customerId: uuid, amount: money, reimbursedOn: z.iso.date(), reference: z.string().nullable(), reimbursedBy: uuid }),
);
// ==== end of helper exp's contracts.

// ==== stop 12, helper sales (sales: numbers at speed, credit-hold warning): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper sales's contracts.

// ==== stop 12, helper fin (finance: rates at issue, credit hold, partial-return credits, expenses): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)

/**
 * finance: a customer went on credit hold (an invoice reached the last dunning level and is still
 * open) or came off it (nothing at the last level is open any more, or an accountant released it).
 * Sales warns when an order is placed for a customer on hold. Keyed by the customer id.
 */
export const CreditHoldChangedV1 = defineEvent('finance.credit-hold.changed.v1', () =>
  z.object({
    customerId: uuid,
    onHold: z.boolean(),
    /** Why, in words for the sales rep ("INV-2026-000012 reached reminder level 3"), or null when released. */
    reason: z.string().nullable(),
    changedAt: isoDateTime,
  }),
);

/** finance: a claimant corrected their draft expense claim (the state is DRAFT; what it says now). Keyed by the expense id. */
export const ExpenseChangedV1 = defineEvent('finance.expense.changed.v1', () =>
  z.object({
    expenseId: uuid,
    claimantId: uuid,
    customerId: uuid,
    orderId: uuid.nullable(),
    category: expenseCategory,
    expenseDate: z.iso.date(),
    amount: money,
    changedAt: isoDateTime,
  }),
);

/** finance: a claimant deleted their draft expense claim (soft: kept, no longer listed). Keyed by the expense id. */
export const ExpenseDeletedV1 = defineEvent('finance.expense.deleted.v1', () => z.object({ expenseId: uuid, claimantId: uuid, customerId: uuid, deletedAt: isoDateTime }));

// ==== end of helper fin's contracts.

// ==== stop 12, helper purch (purchasing: inquiries in base currency, debit notes): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)

/**
 * purchasing: goods returned to a supplier after they were billed (inventory.supplier-return.posted.v1)
 * made a debit note (DN-000001): the supplier owes back the returned quantity at the billed price and
 * tax, which lowers what is owed to it. Keyed by the debit note id.
 */
export const SupplierDebitNoteCreatedV1 = defineEvent('purchasing.debit-note.created.v1', () =>
  z.object({
    debitNoteId: uuid,
    number: z.string(),
    supplierId: uuid,
    purchaseOrderId: uuid,
    supplierReturnId: uuid,
    lines: z.array(z.object({ purchaseOrderLineId: uuid, billId: uuid, productId: uuid, quantity, unitPrice: money, taxRate: z.string() })).min(1),
    netTotal: money,
    taxTotal: money,
    grossTotal: money,
    createdAt: isoDateTime,
  }),
);

/**
 * purchasing: (part of) a debit note was settled — applied to the supplier's open bills (`billId`) or
 * refunded by the supplier (`billId` null). Keyed by the debit note id.
 */
export const SupplierDebitNoteSettledV1 = defineEvent('purchasing.debit-note.settled.v1', () =>
  z.object({
    debitNoteId: uuid,
    supplierId: uuid,
    settlements: z.array(z.object({ billId: uuid.nullable(), amount: money })).min(1),
    settledOn: z.iso.date(),
    settledAt: isoDateTime,
  }),
);
// ==== end of helper purch's contracts.

// ==== stop 12, helper inv (inventory: analyses, thumbnails, warehouses, search): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper inv's contracts.

// ==== stop 12, helper faults (inventory faults and reservation bench): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper faults's contracts.

// ==== stop 12, helper obs (OpenTelemetry and metrics): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper obs's contracts.

// ==== stop 12, helper bench (npm run bench, scale, Hive): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper bench's contracts.

// ==== stop 12, helper nine (GraphiQL, test helpers, duplicates): its contracts go below this line.
// (Each helper writes between its own two markers, so the merges meet no conflicts.)
// ==== end of helper nine's contracts.

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
  CustomerUpdatedV1,
  CustomerContactChangedV1,
  CustomerAddressChangedV1,
  ActivityReviewedV1,
  ActivityFollowUpCompletedV1,
  DocumentUpdatedV1,
  DocumentDeletedV1,
  LeadCapturedV1,
  LeadQualifiedV1,
  LeadDisqualifiedV1,
  UserCreatedV1,
  UserRoleChangedV1,
  TeamCreatedV1,
  ProductCreatedV1,
  ProductDeletedV1,
  ProductRestoredV1,
  ShipmentShippedV1,
  SupplierCreatedV1,
  SupplierDeletedV1,
  SupplierRestoredV1,
  OpportunityStageChangedV1,
  OpportunityDeletedV1,
  OpportunityRestoredV1,
  OrderCancelledV1,
  TicketStatusChangedV1,
  TicketAssignedV1,
  TicketUpdatedV1,
  TicketDeletedV1,
  TicketRestoredV1,
  TicketCommentedV1,
  TicketRatedV1,
  TicketArticleLinkedV1,
  ArticleCreatedV1,
  ArticleDraftUpdatedV1,
  ArticlePublishedV1,
  ArticleArchivedV1,
  ArticleRestoredV1,
  SlaTargetSetV1,
  ProductCreatedV2,
  ProductChangedV1,
  OrderConfirmedV2,
  OrderCancelledV2,
  StockReservedV1,
  StockShortageReportedV1,
  StockReleasedV1,
  StockBelowSafetyV1,
  StockRecoveredV1,
  QuotationDraftedV1,
  QuotationChangedV1,
  QuotationSentV1,
  QuotationAcceptedV1,
  QuotationRejectedV1,
  QuotationConvertedV1,
  ShipmentPlannedV2,
  ShipmentCancelledV1,
  ShipmentShippedV2,
  ShipmentDeliveredV2,
  PurchaseOrderApprovedV1,
  PurchaseOrderCancelledV1,
  ReceiptPostedV1,
  SupplierBillRegisteredV1,
  SupplierPaymentMadeV1,
  InvoiceIssuedV2,
  CreditNoteIssuedV1,
  PaymentRecordedV2,
  PaymentAllocatedV1,
  PaymentAllocatedV2,
  InvoicePaidV1,
  ReturnReceivedV1,
  QuotationApprovalRequestedV1,
  QuotationApprovalDecidedV1,
  CompanyProfileChangedV1,
  QuotationPrintedV1,
  StockCountPostedV1,
  LoanLentV1,
  LoanReturnedV1,
  LoanConvertedV1,
  LoanConvertedV2,
  LoanOverdueV1,
  CreditNoteRefundedV1,
  SupplierPaymentAppliedV1,
  // stop 11, helper fin's events follow this line.
  ReminderSentV1,
  ReminderFeeInvoicedV1,
  DunningBlockChangedV1,
  OpeningBalanceImportedV1,

  // stop 11, helper fx's events follow this line.
  RateSetV1,
  BaseCurrencySetV1,

  // stop 11, helper purch's events follow this line.
  PurchaseInquirySentV1,
  PurchaseInquiryAnsweredV1,
  PurchaseInquiryAnsweredV2,
  PurchaseInquiryClosedV1,
  WarehouseCreatedV1,
  WarehouseChangedV1,
  PurchaseOrderApprovalVoidedV1,

  // stop 11, helper inv's events follow this line.
  SupplierReturnPostedV1,

  // stop 11, helper bus's events follow this line.

  // stop 11, helper nine's events follow this line.

  // stop 11, helper speed's events follow this line.

  // stop 11, helper exp's events follow this line.
  ExpenseDraftedV1,
  ExpenseSubmittedV1,
  ExpenseDecidedV1,
  ExpenseReimbursedV1,

  // stop 12, helper sales's events follow this line.

  // stop 12, helper fin's events follow this line.
  CreditHoldChangedV1,
  ExpenseChangedV1,
  ExpenseDeletedV1,

  // stop 12, helper purch's events follow this line.
  SupplierDebitNoteCreatedV1,
  SupplierDebitNoteSettledV1,

  // stop 12, helper inv's events follow this line.

  // stop 12, helper faults's events follow this line.

  // stop 12, helper obs's events follow this line.

  // stop 12, helper bench's events follow this line.

  // stop 12, helper nine's events follow this line.
] as const;

/** The topics every environment needs (without namespace prefix), sorted and unique. */
export const ALL_TOPICS: readonly string[] = [...new Set(ALL_EVENTS.map((e) => e.topic))].sort();
