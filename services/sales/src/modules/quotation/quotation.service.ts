import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { QuotationAcceptedV1, QuotationChangedV1, QuotationDraftedV1, QuotationRejectedV1, QuotationSentV1, type EventMetadata } from '@rapport/contracts';
import { badInput, normaliseAmount, notFound, optionalText, requireCurrency, requireIsoDate, requireUuid, addDays } from '@rapport/errors';
import { keysetPage, restrictToVisibleCustomers, transition, type Connection, type Keyset, type Viewer, type WriteAccess, visibleById } from '@rapport/subgraph-kit';
import type { QuotationStatus as QuotationStatusFilter } from '../../generated/types.js';
import { assertSendable, voidApproval } from '../approval/approval.checks.js';
import { assertCustomerKnown } from '../customer/customer-check.js';
import { getOpportunity } from '../opportunity/opportunity.service.js';
import { printSentQuotation } from '../printing/printing.service.js';
import { priceDocumentLines, requireLineCount, MAX_LINES, type DocumentLine, type DocumentLineInput } from '../pricing/price-lines.js';
import { documentTotals } from '../pricing/pricing.js';
import {
  accept,
  assertEditable,
  assertRevisable,
  quotationNumber,
  Quotation,
  QuotationLine,
  reject,
  revisionNumber,
  send,
  today,
  type IQuotation,
  type IQuotationLine,
} from './quotation.entity.js';

export interface CreateQuotationInput {
  customerId: string;
  opportunityId?: string | null;
  currency: string;
  validUntil?: string | null;
  terms?: string | null;
  lines?: DocumentLineInput[] | null;
}

export interface UpdateQuotationInput {
  validUntil?: string | null;
  terms?: string | null;
}

/** A new quotation is valid for this many days unless a date is given (Odoo's default). */
const DEFAULT_VALIDITY_DAYS = 30;

/** Runs `fn` in the caller's transaction, or a new one. */
const inTransaction = <R>(em: SqlEntityManager, fn: (tx: SqlEntityManager) => Promise<R>): Promise<R> => (em.isInTransaction() ? fn(em) : em.transactional(fn));

/**
 * The next quotation number, without gaps: the counter row is incremented under its row lock,
 * held until the numbering transaction commits (a rolled-back quotation gives its number back).
 */
async function nextQuotationNumber(tx: SqlEntityManager): Promise<string> {
  const [row] = await tx.execute<{ value: string }[]>(`update document_counter set value = value + 1 where name = 'quotation' returning value`);
  if (!row) throw new Error('document_counter has no quotation row');
  return quotationNumber(row.value);
}

/** Quotations `viewer` may see, as a query to narrow further (alias `q`). */
export function visibleQuotations(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(Quotation, 'q').select('*');
  restrictToVisibleCustomers(qb, 'q', viewer);
  return qb;
}

/** The quotation `id`; NOT_FOUND naming `field` when it does not exist or `viewer` may not see it. */
export async function getQuotation(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IQuotation> {
  return visibleById(visibleQuotations(em, viewer), 'Quotation', id, field);
}

const linesOf = (em: SqlEntityManager, quotationId: string): Promise<IQuotationLine[]> => em.find(QuotationLine, { quotationId }, { orderBy: { position: 'asc' } });

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });
const totalsOf = (q: IQuotation) => ({
  currency: q.currency,
  netTotal: money(q.netTotal, q.currency),
  taxTotal: money(q.taxTotal, q.currency),
  grossTotal: money(q.grossTotal, q.currency),
});

/** Recomputes the quotation's totals from `lines` (the rounding rule of pricing.ts). */
function retotal(q: IQuotation, lines: readonly { taxRate: string; netAmount: string }[]): void {
  const totals = documentTotals(lines, q.currency);
  q.netTotal = totals.net;
  q.taxTotal = totals.tax;
  q.grossTotal = totals.gross;
}

function addLines(em: SqlEntityManager, q: IQuotation, lines: readonly DocumentLine[], from: number): IQuotationLine[] {
  return lines.map((line, i) =>
    em.create(QuotationLine, {
      id: randomUUID(),
      quotationId: q.id,
      position: from + i,
      productId: line.productId,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      unitPriceGross: line.unitPriceGross,
      priceEntry: line.priceEntry,
      discountPercent: line.discountPercent,
      taxRate: line.taxRate,
      netAmount: line.netAmount,
      currency: q.currency,
    }),
  );
}

interface DraftOrigin {
  copiedFromId?: string | null;
  revisionOf?: IQuotation | null;
}

/** Creates the draft row (numbered in `tx`), its lines and `sales.quotation.drafted.v1`. */
async function draft(
  tx: SqlEntityManager,
  header: { customerId: string; opportunityId: string | null; currency: string; validUntil: string; terms: string | null },
  lines: readonly DocumentLine[],
  origin: DraftOrigin,
  meta: EventMetadata,
): Promise<IQuotation> {
  const revision = origin.revisionOf ? (await tx.count(Quotation, { baseNumber: origin.revisionOf.baseNumber })) + 1 : 1;
  const baseNumber = origin.revisionOf ? origin.revisionOf.baseNumber : await nextQuotationNumber(tx);
  const q = tx.create(Quotation, {
    id: randomUUID(),
    number: revisionNumber(baseNumber, revision),
    baseNumber,
    revision,
    ...header,
    status: 'DRAFT',
    netTotal: '0',
    taxTotal: '0',
    grossTotal: '0',
    copiedFromId: origin.copiedFromId ?? null,
    revisionOfId: origin.revisionOf?.id ?? null,
    supersededById: null,
    rejectionReason: null,
    orderId: null,
    sentAt: null,
    acceptedAt: null,
    rejectedAt: null,
    convertedAt: null,
  });
  retotal(q, addLines(tx, q, lines, 0));
  if (origin.revisionOf) origin.revisionOf.supersededById = q.id;
  publish(
    tx,
    QuotationDraftedV1,
    q.id,
    {
      quotationId: q.id,
      customerId: q.customerId,
      opportunityId: q.opportunityId ?? null,
      number: q.number,
      copiedFromId: q.copiedFromId ?? null,
      revisionOfId: q.revisionOfId ?? null,
      ...totalsOf(q),
      draftedAt: new Date().toISOString(),
    },
    meta,
  );
  await tx.flush();
  return q;
}

async function requireOpportunityOf(em: SqlEntityManager, viewer: Viewer, customerId: string, opportunityId: string | null | undefined): Promise<string | null> {
  if (!opportunityId) return null;
  // Quotations share the opportunities' row of the kit's POLICIES (quotation.policy.ts), so the viewer reads opportunities as it reads quotations.
  const opportunity = await getOpportunity(em, viewer, opportunityId, 'input.opportunityId');
  if (opportunity.customerId !== customerId) {
    throw badInput('input.opportunityId', 'input.opportunityId: the opportunity is with another customer', 'OPPORTUNITY_OF_ANOTHER_CUSTOMER');
  }
  return opportunity.id;
}

const requireValidUntil = (value: string | null | undefined, field: string): string => {
  if (!value) return addDays(today(), DEFAULT_VALIDITY_DAYS);
  const date = requireIsoDate(field, value);
  if (date < today()) throw badInput(field, `${field} must not be in the past`, 'VALIDITY_IN_PAST');
  return date;
};

/**
 * Makes a draft quotation for a customer `viewer` may see (NOT_FOUND otherwise), optionally for one
 * of its opportunities, with priced lines; numbered Q-000001, … without gaps; announces
 * `sales.quotation.drafted.v1` in the same flush.
 */
export async function createQuotation(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateQuotationInput, meta: EventMetadata): Promise<IQuotation> {
  const customerId = requireUuid('input.customerId', input.customerId);
  await assertCustomerKnown(em, viewer, customerId, 'input.customerId');
  const currency = requireCurrency('input.currency', input.currency);
  const validUntil = requireValidUntil(input.validUntil, 'input.validUntil');
  const terms = optionalText('input.terms', input.terms, 10_000);
  const opportunityId = await requireOpportunityOf(em, viewer, customerId, input.opportunityId);
  const lineInputs = input.lines ?? [];
  requireLineCount('input.lines', lineInputs.length, 0);
  const lines = await priceDocumentLines(em, customerId, currency, lineInputs, (i) => `input.lines.${i}`);
  return inTransaction(em, (tx) => draft(tx, { customerId, opportunityId, currency, validUntil, terms }, lines, {}, meta));
}

/** Announces a change of a draft (header or lines) with its new totals. */
function announceChange(em: SqlEntityManager, q: IQuotation, meta: EventMetadata, removedLineIds: string[] = []): void {
  publish(
    em,
    QuotationChangedV1,
    q.id,
    { quotationId: q.id, customerId: q.customerId, number: q.number, ...totalsOf(q), removedLineIds, changedAt: new Date().toISOString() },
    meta,
  );
}

/** Changes a draft's validity date or terms under its row lock (an approval stands: it covers prices, not terms); CONFLICT once sent. */
export async function updateQuotation(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, input: UpdateQuotationInput, meta: EventMetadata): Promise<IQuotation> {
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    (q, tx) => {
      assertEditable(q);
      if (input.validUntil !== undefined && input.validUntil !== null) q.validUntil = requireValidUntil(input.validUntil, 'input.validUntil');
      if (input.terms !== undefined) q.terms = optionalText('input.terms', input.terms, 10_000);
      announceChange(tx, q, meta);
      return q;
    },
  );
}

/** Adds a priced line to a draft (last or list price when none is given) and recomputes its totals; voids an approval asked for or given. */
export async function addQuotationLine(em: SqlEntityManager, viewer: Viewer<WriteAccess>, quotationId: string, line: DocumentLineInput, meta: EventMetadata): Promise<IQuotation> {
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, quotationId, 'quotationId'),
    async (q, tx) => {
      assertEditable(q);
      await voidApproval(tx, viewer, q, meta);
      const existing = await linesOf(tx, q.id);
      if (existing.length >= MAX_LINES) throw badInput('line', `a quotation has at most ${MAX_LINES} lines`, 'TOO_MANY_LINES');
      const priced = await priceDocumentLines(tx, q.customerId, q.currency, [line], () => 'line');
      const position = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
      retotal(q, [...existing, ...addLines(tx, q, priced, position)]);
      announceChange(tx, q, meta);
      return q;
    },
  );
}

/** Removes a line from a draft and recomputes its totals (voiding an approval asked for or given); NOT_FOUND naming `lineId` when the draft has no such line. */
export async function removeQuotationLine(em: SqlEntityManager, viewer: Viewer<WriteAccess>, quotationId: string, lineId: string, meta: EventMetadata): Promise<IQuotation> {
  const id = requireUuid('lineId', lineId);
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, quotationId, 'quotationId'),
    async (q, tx) => {
      assertEditable(q);
      const lines = await linesOf(tx, q.id);
      const line = lines.find((l) => l.id === id);
      if (!line) throw notFound('QuotationLine', lineId, 'lineId');
      await voidApproval(tx, viewer, q, meta);
      tx.remove(line);
      retotal(
        q,
        lines.filter((l) => l !== line),
      );
      announceChange(tx, q, meta, [line.id]);
      return q;
    },
  );
}

/**
 * Sends a quotation to the customer (`sales.quotation.sent.v1`): a draft within the sender's
 * discount limits, or an approved one whose approval still covers its lines (CONFLICT
 * APPROVAL_REQUIRED otherwise); CONFLICT when empty, past its validity, or in another state.
 */
export async function sendQuotation(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IQuotation> {
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    async (q, tx) => {
      const lines = await linesOf(tx, q.id);
      await assertSendable(tx, viewer, q, lines);
      send(q, lines.length);
      publish(
        tx,
        QuotationSentV1,
        q.id,
        {
          quotationId: q.id,
          customerId: q.customerId,
          opportunityId: q.opportunityId ?? null,
          number: q.number,
          ...totalsOf(q),
          validUntil: q.validUntil,
          sentAt: q.sentAt!.toISOString(),
        },
        meta,
      );
      // The PDF as sent, stored for good and filed with the customer's documents (printing module).
      await printSentQuotation(tx, q, meta);
      return q;
    },
  );
}

/** Records the customer's acceptance (`sales.quotation.accepted.v1`); CONFLICT QUOTATION_EXPIRED past its validity. */
export async function acceptQuotation(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IQuotation> {
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    (q, tx) => {
      accept(q);
      publish(
        tx,
        QuotationAcceptedV1,
        q.id,
        { quotationId: q.id, customerId: q.customerId, opportunityId: q.opportunityId ?? null, number: q.number, ...totalsOf(q), acceptedAt: q.acceptedAt!.toISOString() },
        meta,
      );
      return q;
    },
  );
}

/** Records the customer's rejection with an optional reason (`sales.quotation.rejected.v1`). */
export async function rejectQuotation(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, reason: string | null | undefined, meta: EventMetadata): Promise<IQuotation> {
  const why = optionalText('reason', reason, 2000);
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    (q, tx) => {
      reject(q, why);
      publish(
        tx,
        QuotationRejectedV1,
        q.id,
        { quotationId: q.id, customerId: q.customerId, opportunityId: q.opportunityId ?? null, number: q.number, reason: why, rejectedAt: q.rejectedAt!.toISOString() },
        meta,
      );
      return q;
    },
  );
}

const asInput = (l: IQuotationLine): DocumentLineInput => ({
  productId: l.productId,
  description: l.description,
  quantity: l.quantity,
  ...(l.priceEntry === 'GROSS' ? { unitPriceGross: { amount: l.unitPriceGross, currency: l.currency } } : { unitPrice: { amount: l.unitPrice, currency: l.currency } }),
  discountPercent: l.discountPercent,
  taxRate: l.taxRate,
});

/**
 * Copies any quotation `viewer` may see as a new draft (new number, validity from today, same
 * currency, lines, prices and terms) for the same customer or `customerId`; the products must still
 * be sellable. A copy for another customer drops the opportunity (it belongs to the first customer).
 */
export async function copyQuotation(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  customerId: string | null | undefined,
  meta: EventMetadata,
): Promise<IQuotation> {
  const source = await getQuotation(em, viewer, id);
  const target = customerId ? requireUuid('customerId', customerId) : source.customerId;
  if (target !== source.customerId) await assertCustomerKnown(em, viewer, target, 'customerId');
  const lines = await priceDocumentLines(em, target, source.currency, (await linesOf(em, source.id)).map(asInput), (i) => `lines.${i}`);
  const header = {
    customerId: target,
    opportunityId: target === source.customerId ? (source.opportunityId ?? null) : null,
    currency: source.currency,
    validUntil: addDays(today(), DEFAULT_VALIDITY_DAYS),
    terms: source.terms ?? null,
  };
  return inTransaction(em, (tx) => draft(tx, header, lines, { copiedFromId: source.id }, meta));
}

/**
 * Revises a sent quotation as its next version (Q-000001-2, …): a new draft with the same lines,
 * which supersedes the old one; the old one is kept, unchanged but for the link, and can no longer
 * be accepted. CONFLICT unless it is sent (or expired) and not yet superseded.
 */
export async function reviseQuotation(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IQuotation> {
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    async (old, tx) => {
      assertRevisable(old);
      const lines = await priceDocumentLines(tx, old.customerId, old.currency, (await linesOf(tx, old.id)).map(asInput), (i) => `lines.${i}`);
      const validUntil = old.validUntil < today() ? addDays(today(), DEFAULT_VALIDITY_DAYS) : old.validUntil;
      return draft(
        tx,
        { customerId: old.customerId, opportunityId: old.opportunityId ?? null, currency: old.currency, validUntil, terms: old.terms ?? null },
        lines,
        { revisionOf: old },
        meta,
      );
    },
  );
}

export interface QuotationFilter {
  customerId?: string | null;
  opportunityId?: string | null;
  status?: QuotationStatusFilter | null;
}

/** Quotations newest first: by creation, then id. */
const QUOTATION_ORDER: Keyset<IQuotation> = { sort: 'q.created_at', kind: 'timestamp', direction: 'desc', id: 'q.id', sortValue: (q) => q.createdAt.toISOString() };

/** Narrows `qb` (alias `q`) to quotations showing `status` (EXPIRED: sent and past validity). */
export function whereStatus(qb: ReturnType<typeof visibleQuotations>, status: QuotationStatusFilter): void {
  if (status === 'EXPIRED') qb.andWhere({ status: 'SENT', validUntil: { $lt: today() } });
  else if (status === 'SENT') qb.andWhere({ status: 'SENT', validUntil: { $gte: today() } });
  else qb.andWhere({ status });
}

/** The quotations `viewer` may see, newest first, by keyset on (createdAt, id). */
export async function listQuotations(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: QuotationFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IQuotation>> {
  const qb = visibleQuotations(em, viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.opportunityId) qb.andWhere({ opportunityId: requireUuid('filter.opportunityId', filter.opportunityId) });
  if (filter?.status) whereStatus(qb, filter.status);
  return keysetPage(qb, QUOTATION_ORDER, { field: 'quotations', first, after });
}

export { linesOf as quotationLines };
