import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict } from '@rapport/errors';
import { createdAt, currency, money, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * States a quotation is stored in. EXPIRED is never stored: a SENT quotation past its validity date
 * shows EXPIRED (`effectiveStatus`) and can no longer be accepted. AWAITING_APPROVAL and APPROVED
 * belong to discount governance (modules/approval): a draft over its sender's limits waits for a
 * manager's approval, and a change to a line afterwards takes it back to DRAFT.
 */
export const QUOTATION_STATUSES = ['DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'SENT', 'ACCEPTED', 'REJECTED', 'CONVERTED'] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];
export type ShownQuotationStatus = QuotationStatus | 'EXPIRED';

/** An offer to a customer, numbered Q-000001 (its revisions Q-000001-2, …), with lines and exact totals. */
export const Quotation = defineEntity({
  name: 'Quotation',
  tableName: 'quotation',
  properties: {
    id: p.uuid().primary(),
    /** Q-000001 for the first version, Q-000001-2 for its second, … */
    number: p.text().unique('quotation_number_key'),
    /** The number of the first version, shared by all its revisions. */
    baseNumber: p.text(),
    revision: p.integer(),
    customerId: p.uuid(),
    opportunityId: p.uuid().nullable(),
    status: p.enum([...QUOTATION_STATUSES]),
    currency: currency(),
    /** Last day the offer holds (ISO date). */
    validUntil: p.date(),
    terms: p.text().nullable(),
    netTotal: money(),
    taxTotal: money(),
    grossTotal: money(),
    copiedFromId: p.uuid().nullable(),
    revisionOfId: p.uuid().nullable(),
    /** The newer version that replaced this one; a superseded quotation cannot be accepted or revised. */
    supersededById: p.uuid().nullable(),
    rejectionReason: p.text().nullable(),
    /** The order made from it, once converted. */
    orderId: p.uuid().nullable(),
    sentAt: timestamp().nullable(),
    acceptedAt: timestamp().nullable(),
    rejectedAt: timestamp().nullable(),
    convertedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IQuotation = InferEntity<typeof Quotation>;

/** One product on a quotation. */
export const QuotationLine = defineEntity({
  name: 'QuotationLine',
  tableName: 'quotation_line',
  properties: {
    id: p.uuid().primary(),
    quotationId: p.uuid(),
    position: p.integer(),
    productId: p.uuid(),
    description: p.text(),
    quantity: p.decimal('string').precision(19).scale(3),
    unitPrice: money(),
    unitPriceGross: money(),
    priceEntry: p.enum(['NET', 'GROSS']),
    discountPercent: p.decimal('string').precision(5).scale(2),
    taxRate: p.decimal('string').precision(5).scale(2),
    netAmount: money(),
    currency: currency(),
  },
});
export type IQuotationLine = InferEntity<typeof QuotationLine>;

/** The quotation number for counter value `n`, and of its `revision`: Q-000001, Q-000001-2. */
export const quotationNumber = (n: bigint | number | string): string => `Q-${String(n).padStart(6, '0')}`;
export const revisionNumber = (base: string, revision: number): string => (revision === 1 ? base : `${base}-${revision}`);

/** Today as an ISO date (UTC). */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/** What the quotation shows: EXPIRED for a sent one whose validity date has passed. */
export const effectiveStatus = (q: IQuotation, now = new Date()): ShownQuotationStatus => (q.status === 'SENT' && q.validUntil < today(now) ? 'EXPIRED' : q.status);

const refuse = (q: IQuotation, code: string, what: string): never => {
  throw conflict(
    code,
    `quotation ${q.number} is ${effectiveStatus(q).toLowerCase().replace('_', ' ')}${q.supersededById ? ' (superseded by a newer version)' : ''} and cannot be ${what}`,
    'id',
  );
};

/**
 * Lines and header may change while a draft, or while awaiting or holding approval (a change to a
 * line then voids the approval: `voidApproval`); not once sent.
 */
export function assertEditable(q: IQuotation): void {
  if (q.status !== 'DRAFT' && q.status !== 'AWAITING_APPROVAL' && q.status !== 'APPROVED') refuse(q, 'QUOTATION_NOT_EDITABLE', 'edited');
}

/** A draft over its requester's limits waits for approval. */
export function awaitApproval(q: IQuotation): void {
  if (q.status !== 'DRAFT') refuse(q, 'QUOTATION_NOT_DRAFT', 'submitted for approval (only a draft can)');
  q.status = 'AWAITING_APPROVAL';
}

/** A manager decided a quotation awaiting approval: APPROVED (may be sent) or back to DRAFT. */
export function decideApproval(q: IQuotation, approved: boolean): void {
  if (q.status !== 'AWAITING_APPROVAL') refuse(q, 'QUOTATION_NOT_AWAITING_APPROVAL', approved ? 'approved' : 'refused approval');
  q.status = approved ? 'APPROVED' : 'DRAFT';
}

/** Sends a draft within its sender's limits, or an approved quotation (`assertSendable` checks which); its validity must not have passed. */
export function send(q: IQuotation, lineCount: number, now = new Date()): void {
  if (q.status !== 'DRAFT' && q.status !== 'APPROVED') refuse(q, 'QUOTATION_NOT_SENDABLE', 'sent');
  if (lineCount === 0) throw conflict('QUOTATION_EMPTY', `quotation ${q.number} has no lines to send`, 'id');
  if (q.validUntil < today(now)) throw conflict('QUOTATION_EXPIRED', `quotation ${q.number} was valid until ${q.validUntil}; set a later validity date before sending`, 'id');
  q.status = 'SENT';
  q.sentAt = now;
}

/** Records the customer's acceptance of a sent quotation within its validity (CONFLICT QUOTATION_EXPIRED after it). */
export function accept(q: IQuotation, now = new Date()): void {
  if (q.status === 'SENT' && !q.supersededById && q.validUntil < today(now)) {
    throw conflict('QUOTATION_EXPIRED', `quotation ${q.number} was valid until ${q.validUntil} and cannot be accepted any more`, 'id');
  }
  if (q.status !== 'SENT' || q.supersededById) refuse(q, 'QUOTATION_NOT_ACCEPTABLE', 'accepted');
  q.status = 'ACCEPTED';
  q.acceptedAt = now;
}

/** Records the customer's rejection of a sent (possibly expired) quotation. */
export function reject(q: IQuotation, reason: string | null, now = new Date()): void {
  if (q.status !== 'SENT' || q.supersededById) refuse(q, 'QUOTATION_NOT_REJECTABLE', 'rejected');
  q.status = 'REJECTED';
  q.rejectionReason = reason;
  q.rejectedAt = now;
}

/** Only a sent (or expired) quotation that no newer version replaced can be revised. */
export function assertRevisable(q: IQuotation): void {
  if (q.status !== 'SENT' || q.supersededById) refuse(q, 'QUOTATION_NOT_REVISABLE', 'revised');
}

/** Marks an accepted quotation converted into order `orderId`; converting twice is a CONFLICT. */
export function convert(q: IQuotation, orderId: string, now = new Date()): void {
  if (q.status === 'CONVERTED') throw conflict('QUOTATION_ALREADY_CONVERTED', `quotation ${q.number} was already converted into an order`, 'id');
  if (q.status !== 'ACCEPTED') refuse(q, 'QUOTATION_NOT_ACCEPTED', 'converted (only an accepted quotation can)');
  q.status = 'CONVERTED';
  q.orderId = orderId;
  q.convertedAt = now;
}
