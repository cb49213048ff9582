import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { CreditNoteIssuedV1, CreditNoteRefundedV1, type EventMetadata } from '@rapport/contracts';
import {
  badInput,
  formatAmount,
  formatDecimal,
  formatQuantity,
  notFound,
  parseAmount,
  parseQuantity,
  quantityUnits,
  requireIsoDate,
  requireOneOf,
  requireUuid,
} from '@rapport/errors';
import { keysetPage, lockRow, restrictToVisibleCustomers, systemViewer, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { inTransaction, listInvoiceDocuments, nextDocumentNumber, type InvoiceDocumentFilter } from '../invoice/documents.js';
import { baseSnapshot, snapshotOf } from '../currency/currency.service.js';
import { reviewCreditHoldsAfterSettling } from '../credit-hold/credit-hold.service.js';
import { creditTaxGroups, isWholeMinor, lineNet, parsePercent, PERCENT_PLACES } from '../invoice/invoice-math.js';
import { balanceUnits, Invoice, InvoiceLine, InvoiceTax, utcToday, type IInvoice, type IInvoiceLine } from '../invoice/invoice.entity.js';
import { orderLineQuantities } from '../order-copy/order-copy.service.js';
import { allocateToInvoice, lockVisibleInvoice } from '../payment/payment.service.js';
import { CREDIT_NOTE_REASONS, CreditNote, CreditNoteLine, CreditNoteTax, type CreditNoteReason, type ICreditNote } from './credit-note.entity.js';

/** A credit note line about to be written: `net` already computed (MONEY_SCALE units). */
interface CreditDraft {
  invoiceLine: IInvoiceLine;
  quantity: bigint;
  unitPrice: bigint;
  net: bigint;
  returnsQuantity: boolean;
}

/** What earlier credit notes took from each line of an invoice: quantity taken back and net. */
async function creditedByLine(tx: SqlEntityManager, invoiceId: string): Promise<Map<string, { quantity: bigint; net: bigint }>> {
  const rows = await tx.execute<{ invoice_line_id: string; quantity: string; net: string }[]>(
    `select cl.invoice_line_id, coalesce(sum(cl.quantity) filter (where cl.returns_quantity), 0)::text as quantity, sum(cl.net_amount)::text as net
       from credit_note_line cl join credit_note c on c.id = cl.credit_note_id where c.invoice_id = ? group by cl.invoice_line_id`,
    [invoiceId],
  );
  return new Map(rows.map((r) => [r.invoice_line_id, { quantity: quantityUnits(r.quantity), net: parseAmount('net', r.net) }]));
}

/**
 * Writes a credit note for `drafts` of a locked invoice: numbered CN-YYYY-NNNNNN, tax per rate (the
 * last credit of a rate takes exactly the invoice's tax left at that rate, so crediting an invoice
 * in parts never differs from it by a cent), its gross applied to the invoice's balance as far as
 * it goes and the rest held as the customer's credit. `finance.credit-note.issued.v1` and the
 * allocation's events in the same transaction.
 */
async function writeCreditNote(
  tx: SqlEntityManager,
  invoice: IInvoice,
  reason: CreditNoteReason,
  drafts: readonly CreditDraft[],
  issueDate: string,
  meta: EventMetadata,
  rateField: string | null = null,
): Promise<ICreditNote> {
  const currency = invoice.currency;
  const invoiceTaxes = await tx.find(InvoiceTax, { invoiceId: invoice.id });
  const prior = await tx.execute<{ tax_rate: string; net: string; tax: string }[]>(
    'select tax_rate::text, sum(net_amount)::text as net, sum(tax_amount)::text as tax from credit_note_tax where invoice_id = ? group by tax_rate',
    [invoice.id],
  );
  const rateOf = (text: string) => parsePercent('rate', text, 10n ** 9n);
  const priorByRate = new Map(prior.map((r) => [rateOf(r.tax_rate), { net: parseAmount('net', r.net), tax: parseAmount('tax', r.tax) }]));
  const invoicedByRate = new Map(invoiceTaxes.map((t) => [rateOf(t.taxRate), { net: parseAmount('net', t.netAmount), tax: parseAmount('tax', t.taxAmount) }]));
  const byRate = new Map<bigint, bigint>();
  for (const d of drafts) {
    const rate = rateOf(d.invoiceLine.taxRate);
    byRate.set(rate, (byRate.get(rate) ?? 0n) + d.net);
  }
  const groups = creditTaxGroups(byRate, invoicedByRate, priorByRate, currency);
  const net = groups.reduce((s, g) => s + g.net, 0n);
  const tax = groups.reduce((s, g) => s + g.tax, 0n);
  const gross = net + tax;
  if (gross <= 0n) throw badInput('input.lines', 'the credit note total must be greater than zero', 'ZERO_AMOUNT');
  const number = await nextDocumentNumber(tx, 'CN', issueDate);
  const note = tx.create(CreditNote, {
    id: randomUUID(),
    number,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    orderId: invoice.orderId ?? null,
    reason,
    currency,
    issueDate,
    netTotal: formatAmount(net),
    taxTotal: formatAmount(tax),
    grossTotal: formatAmount(gross),
    amountApplied: '0',
    amountRefunded: '0',
    ...snapshotOf(
      await baseSnapshot(tx, { amount: formatAmount(gross), currency }, issueDate, rateField, rateField === null ? (invoice.rateToBase ?? null) : null),
      'baseGrossTotal',
    ),
  });
  drafts.forEach((d, i) =>
    tx.create(CreditNoteLine, {
      id: randomUUID(),
      creditNoteId: note.id,
      position: i + 1,
      invoiceLineId: d.invoiceLine.id,
      orderLineId: d.invoiceLine.orderLineId ?? null,
      productId: d.invoiceLine.productId ?? null,
      description: d.invoiceLine.description,
      quantity: formatQuantity(d.quantity),
      returnsQuantity: d.returnsQuantity,
      unitPrice: formatAmount(d.unitPrice),
      discountPercent: d.invoiceLine.discountPercent,
      taxRate: d.invoiceLine.taxRate,
      netAmount: formatAmount(d.net),
    }),
  );
  for (const g of groups) {
    tx.create(CreditNoteTax, {
      id: randomUUID(),
      creditNoteId: note.id,
      invoiceId: invoice.id,
      taxRate: formatDecimal(g.rate, PERCENT_PLACES, 2),
      netAmount: formatAmount(g.net),
      taxAmount: formatAmount(g.tax),
    });
  }
  const money = (units: bigint) => ({ amount: formatAmount(units), currency });
  publish(
    tx,
    CreditNoteIssuedV1,
    note.id,
    {
      creditNoteId: note.id,
      number,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerId: invoice.customerId,
      orderId: invoice.orderId ?? null,
      reason,
      currency,
      lines: drafts.map((d) => ({
        orderLineId: d.invoiceLine.orderLineId ?? null,
        productId: d.invoiceLine.productId ?? null,
        quantity: formatQuantity(d.quantity),
        netAmount: money(d.net),
      })),
      netTotal: money(net),
      taxTotal: money(tax),
      grossTotal: money(gross),
      issuedAt: new Date().toISOString(),
    },
    meta,
  );
  const apply = balanceUnits(invoice) < gross ? balanceUnits(invoice) : gross;
  if (apply > 0n) {
    await allocateToInvoice(tx, invoice, { kind: 'CREDIT_NOTE', id: note.id }, invoice.customerId, money(apply), issueDate, 'input', meta);
    note.amountApplied = formatAmount(apply);
    await reviewCreditHoldsAfterSettling(tx, [invoice], meta);
  }
  await tx.flush();
  return note;
}

export interface CreditNoteLineInput {
  invoiceLineId: string;
  quantity: string;
  unitPrice?: string | null;
}

export interface IssueCreditNoteInput {
  invoiceId: string;
  reason: string;
  /** Credits everything not yet credited on the invoice. */
  full?: boolean | null;
  lines?: readonly CreditNoteLineInput[] | null;
  issueDate?: string | null;
}

/**
 * Issues a credit note against an invoice: in full, or per line — a quantity taken back at the
 * line's price (RETURN, CANCELLATION, OTHER), or a price correction (`unitPrice`: the difference
 * per unit on `quantity` units). Never more than the line's quantity and net still uncredited
 * (refused naming the line).
 */
export async function issueCreditNote(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: IssueCreditNoteInput, meta: EventMetadata): Promise<ICreditNote> {
  const invoiceId = requireUuid('input.invoiceId', input.invoiceId);
  const reason = requireOneOf('input.reason', input.reason, CREDIT_NOTE_REASONS);
  const issueDate = input.issueDate ? requireIsoDate('input.issueDate', input.issueDate) : utcToday();
  if (!input.full && !input.lines?.length) throw badInput('input.lines', 'input.lines must name at least one invoice line, or set input.full', 'NO_LINES');
  if (input.full && input.lines?.length) throw badInput('input.full', 'input.full credits every line: leave input.lines out', 'FULL_WITH_LINES');
  return inTransaction(em, async (tx) => {
    const invoice = await lockVisibleInvoice(tx, viewer, invoiceId, 'input.invoiceId');
    const lines = await tx.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } });
    const credited = await creditedByLine(tx, invoice.id);
    const drafts: CreditDraft[] = [];
    if (input.full) {
      drafts.push(...fullCreditDrafts(lines, credited));
      if (drafts.length === 0) throw badInput('input.full', `invoice ${invoice.number} is credited in full already`, 'NOTHING_TO_CREDIT');
    } else {
      (input.lines ?? []).forEach((l, i) => {
        const field = `input.lines[${i}]`;
        const lineId = requireUuid(`${field}.invoiceLineId`, l.invoiceLineId);
        const line = lines.find((x) => x.id === lineId);
        if (!line) throw badInput(`${field}.invoiceLineId`, `${field}.invoiceLineId is not a line of invoice ${invoice.number}`, 'UNKNOWN_INVOICE_LINE');
        const quantity = parseQuantity(`${field}.quantity`, l.quantity);
        const before = credited.get(line.id) ?? { quantity: 0n, net: 0n };
        const correction = l.unitPrice !== null && l.unitPrice !== undefined;
        const unitPrice = correction ? parseAmount(`${field}.unitPrice`, l.unitPrice!) : parseAmount('p', line.unitPrice);
        if (unitPrice <= 0n) throw badInput(`${field}.unitPrice`, `${field}.unitPrice must be greater than zero`, 'ZERO_AMOUNT');
        const returnsQuantity = !correction && reason !== 'PRICE_CORRECTION';
        const limit = returnsQuantity ? quantityUnits(line.quantity) - before.quantity : quantityUnits(line.quantity);
        if (quantity > limit) {
          throw badInput(
            `${field}.quantity`,
            `${field}.quantity ${formatQuantity(quantity)} is more than line ${line.position} of invoice ${invoice.number} has left to credit (${formatQuantity(limit)})`,
            'MORE_THAN_INVOICED',
          );
        }
        const net = lineNet(quantity, unitPrice, parsePercent('d', line.discountPercent), invoice.currency);
        const netLeft = parseAmount('net', line.netAmount) - before.net - drafts.filter((d) => d.invoiceLine.id === line.id).reduce((s, d) => s + d.net, 0n);
        if (net > netLeft) {
          throw badInput(
            `${field}.unitPrice`,
            `${field} credits ${formatAmount(net)}, more than line ${line.position} of invoice ${invoice.number} has left (${formatAmount(netLeft)})`,
            'MORE_THAN_INVOICED',
          );
        }
        drafts.push({ invoiceLine: line, quantity, unitPrice, net, returnsQuantity });
      });
    }
    return writeCreditNote(tx, invoice, reason, drafts, issueDate, meta, 'input.issueDate');
  });
}

/** Credit drafts for everything not yet credited on an invoice's lines (a full credit note). */
function fullCreditDrafts(lines: readonly IInvoiceLine[], credited: Map<string, { quantity: bigint; net: bigint }>): CreditDraft[] {
  const drafts: CreditDraft[] = [];
  for (const line of lines) {
    const before = credited.get(line.id) ?? { quantity: 0n, net: 0n };
    const netLeft = parseAmount('net', line.netAmount) - before.net;
    const quantityLeft = quantityUnits(line.quantity) - before.quantity;
    if (netLeft > 0n) {
      drafts.push({
        invoiceLine: line,
        quantity: quantityLeft > 0n ? quantityLeft : quantityUnits(line.quantity),
        unitPrice: parseAmount('p', line.unitPrice),
        net: netLeft,
        returnsQuantity: quantityLeft > 0n,
      });
    }
  }
  return drafts;
}

/**
 * After an order's lines were cancelled (in the cancellation event's inbox transaction), credits
 * with reason CANCELLATION:
 * - what was invoiced on the lines beyond what the customer will keep (ordered less cancelled, or
 *   delivered if more, less returned), newest invoice first, one credit note per invoice: a line
 *   invoiced in advance (basis ORDERED) and then cancelled undelivered is credited here;
 * - when nothing of the order stays open (`whole`), its advance invoices, less what final invoices
 *   already deducted of them: an unpaid one is settled by the credit note, a paid one leaves the
 *   credit with the customer, to apply to the invoice of what was delivered or to refund.
 */
export async function creditCancelledUndelivered(tx: SqlEntityManager, orderId: string, whole: boolean, meta: EventMetadata): Promise<ICreditNote[]> {
  const quantities = await orderLineQuantities(tx, orderId);
  const excess = new Map<string, bigint>();
  for (const q of quantities) if (q.overInvoiced > 0n) excess.set(q.line.id, q.overInvoiced);
  const viewer = systemViewer(meta.actor);
  const invoices = await tx.find(Invoice, { orderId }, { orderBy: { issueDate: 'desc', number: 'desc' } });
  const notes: ICreditNote[] = [];
  for (const candidate of invoices) {
    const isAdvance = candidate.kind === 'ADVANCE';
    if (isAdvance ? !whole : excess.size === 0) continue;
    const invoice = await lockVisibleInvoice(tx, viewer, candidate.id, 'orderId');
    const lines = await tx.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } });
    const credited = await creditedByLine(tx, invoice.id);
    let drafts: CreditDraft[] = [];
    if (isAdvance) {
      // What a final invoice already deducted of the advance is settled there: credit only the rest.
      const [row] = await tx.execute<{ deducted: string }[]>('select coalesce(-sum(net_amount), 0)::text as deducted from invoice_line where deducts_invoice_id = ?', [invoice.id]);
      let undeducted = parseAmount('net', invoice.netTotal) - parseAmount('deducted', row?.deducted ?? '0');
      for (const draft of fullCreditDrafts(lines, credited)) {
        const net = draft.net < undeducted ? draft.net : undeducted;
        if (net <= 0n) break;
        undeducted -= net;
        drafts.push({ ...draft, net, returnsQuantity: false });
      }
    } else {
      drafts = takeBackDrafts(invoice, lines, credited, excess);
    }
    drafts = drafts.filter((d) => d.net > 0n);
    if (drafts.length > 0) notes.push(await writeCreditNote(tx, invoice, 'CANCELLATION', drafts, utcToday(), meta));
  }
  return notes;
}

/**
 * Credit drafts taking back, at each invoice line's price and discount, what `excess` (per order
 * line, units; consumed as it is drafted) says was invoiced too much, never more than the line's
 * quantity left uncredited; the last units of a line take exactly its net left.
 */
function takeBackDrafts(invoice: IInvoice, lines: readonly IInvoiceLine[], credited: Map<string, { quantity: bigint; net: bigint }>, excess: Map<string, bigint>): CreditDraft[] {
  const drafts: CreditDraft[] = [];
  for (const line of lines) {
    const want = line.orderLineId ? excess.get(line.orderLineId) : undefined;
    if (!want || !line.orderLineId) continue;
    const before = credited.get(line.id) ?? { quantity: 0n, net: 0n };
    const left = quantityUnits(line.quantity) - before.quantity;
    const take = want < left ? want : left;
    if (take <= 0n) continue;
    const unitPrice = parseAmount('p', line.unitPrice);
    const computed = lineNet(take, unitPrice, parsePercent('d', line.discountPercent), invoice.currency);
    const netLeft = parseAmount('net', line.netAmount) - before.net;
    drafts.push({ invoiceLine: line, quantity: take, unitPrice, net: take === left || computed > netLeft ? netLeft : computed, returnsQuantity: true });
    if (want - take === 0n) excess.delete(line.orderLineId);
    else excess.set(line.orderLineId, want - take);
  }
  return drafts;
}

/**
 * After a customer return of an order's goods was recorded (in the return event's inbox
 * transaction, the order's read copy locked so an invoice of the same order waits), credits with
 * reason RETURN, newest invoice first, one credit note per invoice, at the invoiced price:
 * - first what was invoiced on the DELIVERED basis beyond what the customer kept (delivered less
 *   returned), from lines of that basis: 10 ordered, 5 delivered and invoiced, 2 returned credits 2
 *   at once, as Odoo does, though 5 are still to ship;
 * - then what is invoiced beyond what the customer will keep in the end (ordered less cancelled, or
 *   delivered if more, less returned), from any line: a prepaid (ORDERED basis) unit still to be
 *   delivered is not credited.
 * A returned unit that was never invoiced is simply no longer invoiceable. Derived from the
 * quantities, so a repeated call credits nothing twice; never more than an invoice line has left.
 */
export async function creditReturned(tx: SqlEntityManager, orderId: string, meta: EventMetadata): Promise<ICreditNote[]> {
  await tx.execute('select id from sales_order where id = ? for update', [orderId]);
  const deliveredExcess = new Map<string, bigint>();
  const otherExcess = new Map<string, bigint>();
  for (const q of await orderLineQuantities(tx, orderId)) {
    if (q.returned === 0n) continue;
    if (q.overInvoicedDelivered > 0n) deliveredExcess.set(q.line.id, q.overInvoicedDelivered);
    if (q.overInvoiced > q.overInvoicedDelivered) otherExcess.set(q.line.id, q.overInvoiced - q.overInvoicedDelivered);
  }
  if (deliveredExcess.size === 0 && otherExcess.size === 0) return [];
  const viewer = systemViewer(meta.actor);
  const invoices = await tx.find(Invoice, { orderId, kind: { $ne: 'ADVANCE' } }, { orderBy: { issueDate: 'desc', number: 'desc' } });
  const notes: ICreditNote[] = [];
  for (const candidate of invoices) {
    if (deliveredExcess.size === 0 && otherExcess.size === 0) break;
    const invoice = await lockVisibleInvoice(tx, viewer, candidate.id, 'orderId');
    const lines = await tx.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } });
    const credited = await creditedByLine(tx, invoice.id);
    const drafts = takeBackDrafts(
      invoice,
      lines.filter((l) => l.basis === 'DELIVERED'),
      credited,
      deliveredExcess,
    );
    // What the first drafts take counts as credited for the second.
    for (const d of drafts) {
      const before = credited.get(d.invoiceLine.id) ?? { quantity: 0n, net: 0n };
      credited.set(d.invoiceLine.id, { quantity: before.quantity + d.quantity, net: before.net + d.net });
    }
    drafts.push(...takeBackDrafts(invoice, lines, credited, otherExcess));
    const positive = drafts.filter((d) => d.net > 0n);
    if (positive.length > 0) notes.push(await writeCreditNote(tx, invoice, 'RETURN', positive, utcToday(), meta));
  }
  return notes;
}

/** Locks a credit note the caller may see; NOT_FOUND naming `field` otherwise. */
async function lockVisibleCreditNote(tx: SqlEntityManager, viewer: Viewer, id: string, field: string): Promise<ICreditNote> {
  const qb = tx.createQueryBuilder(CreditNote, 'c').select('*').where({ id });
  restrictToVisibleCustomers(qb, 'c', viewer);
  const note = await qb.getSingleResult();
  if (!note) throw notFound('CreditNote', id, field);
  return lockRow(tx, note);
}

/** What a credit note still holds for the customer: gross less applied and refunded. */
export const unappliedUnits = (note: ICreditNote): bigint => parseAmount('g', note.grossTotal) - parseAmount('a', note.amountApplied) - parseAmount('r', note.amountRefunded);

/** Pays back part of what a credit note still holds (`finance.credit-note.refunded.v1`); more than it holds is refused naming the amount. */
export async function refundCreditNote(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { creditNoteId: string; amount: string; refundedOn?: string | null },
  meta: EventMetadata,
): Promise<ICreditNote> {
  const id = requireUuid('input.creditNoteId', input.creditNoteId);
  const units = parseAmount('input.amount', input.amount);
  if (units <= 0n) throw badInput('input.amount', 'input.amount must be greater than zero', 'ZERO_AMOUNT');
  const refundedOn = input.refundedOn ? requireIsoDate('input.refundedOn', input.refundedOn) : utcToday();
  return inTransaction(em, async (tx) => {
    const note = await lockVisibleCreditNote(tx, viewer, id, 'input.creditNoteId');
    if (!isWholeMinor(units, note.currency)) throw badInput('input.amount', `input.amount has more places than ${note.currency} has`, 'INVALID_AMOUNT');
    const left = unappliedUnits(note);
    if (units > left)
      throw badInput('input.amount', `input.amount is more than credit note ${note.number} still holds (${formatAmount(left)} ${note.currency})`, 'MORE_THAN_CREDIT');
    note.amountRefunded = formatAmount(parseAmount('r', note.amountRefunded) + units);
    publish(
      tx,
      CreditNoteRefundedV1,
      note.id,
      { creditNoteId: note.id, number: note.number, customerId: note.customerId, amount: { amount: formatAmount(units), currency: note.currency }, refundedOn },
      meta,
    );
    await tx.flush();
    return note;
  });
}

/** Applies part of what a credit note still holds to another open invoice of the same customer and currency. */
export async function applyCreditNote(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { creditNoteId: string; invoiceId: string; amount: string },
  meta: EventMetadata,
): Promise<ICreditNote> {
  const id = requireUuid('input.creditNoteId', input.creditNoteId);
  const invoiceId = requireUuid('input.invoiceId', input.invoiceId);
  const units = parseAmount('input.amount', input.amount);
  if (units <= 0n) throw badInput('input.amount', 'input.amount must be greater than zero', 'ZERO_AMOUNT');
  return inTransaction(em, async (tx) => {
    const note = await lockVisibleCreditNote(tx, viewer, id, 'input.creditNoteId');
    const left = unappliedUnits(note);
    if (units > left)
      throw badInput('input.amount', `input.amount is more than credit note ${note.number} still holds (${formatAmount(left)} ${note.currency})`, 'MORE_THAN_CREDIT');
    const invoice = await lockVisibleInvoice(tx, viewer, invoiceId, 'input.invoiceId');
    await allocateToInvoice(
      tx,
      invoice,
      { kind: 'CREDIT_NOTE', id: note.id },
      note.customerId,
      { amount: formatAmount(units), currency: note.currency },
      utcToday(),
      'input',
      meta,
    );
    note.amountApplied = formatAmount(parseAmount('a', note.amountApplied) + units);
    await reviewCreditHoldsAfterSettling(tx, [invoice], meta);
    await tx.flush();
    return note;
  });
}

/** One credit note by id; NOT_FOUND when it does not exist or the caller may not see its customer. */
export async function getCreditNote(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ICreditNote> {
  const qb = em
    .createQueryBuilder(CreditNote, 'c')
    .select('*')
    .where({ id: requireUuid(field, id) });
  restrictToVisibleCustomers(qb, 'c', viewer);
  const note = await qb.getSingleResult();
  if (!note) throw notFound('CreditNote', id, field);
  return note;
}

const CREDIT_NOTE_ORDER: Keyset<ICreditNote> = { sort: 'd.issue_date', kind: 'date', direction: 'desc', id: 'd.id', sortValue: (c) => c.issueDate };

/** The credit notes the caller may see, newest first, paged by keyset. */
export const listCreditNotes = (
  em: SqlEntityManager,
  viewer: Viewer,
  filter: InvoiceDocumentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ICreditNote>> => listInvoiceDocuments(em, CreditNote, CREDIT_NOTE_ORDER, 'creditNotes', viewer, filter, { first, after });
