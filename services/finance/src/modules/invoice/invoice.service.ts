import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { InvoiceIssuedV2, type EventMetadata } from '@rapport/contracts';
import {
  badInput,
  formatAmount,
  formatDecimal,
  formatQuantity,
  notFound,
  parseAmount,
  parseMoneyInput,
  parseQuantity,
  requireCurrency,
  requireIsoDate,
  requireText,
  requireUuid,
  type Money,
} from '@rapport/errors';
import { assertCustomerVisible, keysetPage, restrictToVisibleCustomers, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { SalesOrder, type ISalesOrder } from '../order-copy/order-copy.entity.js';
import { orderLineQuantities, type LineQuantities } from '../order-copy/order-copy.service.js';
import { baseSnapshot, snapshotOf } from '../currency/currency.service.js';
import { applyOrderAdvances } from '../payment/payment.service.js';
import { addDays, documentTotals, isWholeMinor, lineNet, parsePercent, PERCENT_PLACES } from './invoice-math.js';
import { balanceUnits, Invoice, InvoiceLine, InvoiceTax, utcToday, type IInvoice, type IInvoiceLine, type InvoiceBasis, type InvoiceKind } from './invoice.entity.js';
import { inTransaction, nextDocumentNumber } from './documents.js';
import type { InvoiceStatus } from '../../generated/types.js';

/** Payment terms when an invoice names neither terms nor a due date. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** A line about to be invoiced, exact: quantity (3 places), unit price (4), discount and tax rate (percent, 4). */
export interface LineDraft {
  orderLineId: string | null;
  /** The advance invoice a negative line deducts. */
  deductsInvoiceId?: string | null;
  /** What an order line is billed on; null on lines of no order line. */
  basis?: InvoiceBasis | null;
  productId: string | null;
  description: string;
  quantity: bigint;
  unitPrice: bigint;
  discount: bigint;
  taxRate: bigint;
}

export interface DateInput {
  issueDate?: string | null;
  dueDate?: string | null;
  paymentTermsDays?: number | null;
}

/** Issue date (today by default) and due date: given, or issue date + payment terms (30 days by default); never before the issue date. */
function documentDates(input: DateInput): { issueDate: string; dueDate: string; paymentTermsDays: number | null } {
  const issueDate = input.issueDate ? requireIsoDate('input.issueDate', input.issueDate) : utcToday();
  const terms = input.paymentTermsDays ?? null;
  if (terms !== null && (!Number.isInteger(terms) || terms < 0 || terms > 3650))
    throw badInput('input.paymentTermsDays', 'input.paymentTermsDays must be 0–3650 days', 'INVALID_TERMS');
  const dueDate = input.dueDate ? requireIsoDate('input.dueDate', input.dueDate) : addDays(issueDate, terms ?? DEFAULT_PAYMENT_TERMS_DAYS);
  if (dueDate < issueDate) throw badInput('input.dueDate', `input.dueDate must not be before the issue date ${issueDate}`, 'DUE_BEFORE_ISSUE');
  return { issueDate, dueDate, paymentTermsDays: input.dueDate ? terms : (terms ?? DEFAULT_PAYMENT_TERMS_DAYS) };
}

const percentText = (units: bigint): string => formatDecimal(units, PERCENT_PLACES, 2);
const money = (units: bigint, currency: string): Money => ({ amount: formatAmount(units), currency });

interface InvoiceHeader {
  customerId: string;
  orderId: string | null;
  kind: Exclude<InvoiceKind, 'OPENING_BALANCE'>;
  currency: string;
  /** The input field a missing exchange rate is reported on (RATE_MISSING); null to fall back on `fallbackRate` (or none). */
  currencyField: string | null;
  /** The rate to base used when none is set for the issue date (a fee invoice takes its reminded invoice's). */
  fallbackRate?: string | null;
}

/**
 * Numbers and writes an invoice, its lines and its totals per tax rate, with
 * `finance.invoice.issued.v2` (a FEE invoice is announced by the reminder that charged it,
 * `finance.reminder.fee-invoiced.v1`), inside `tx`. From here on the invoice is immutable (only what
 * settles it changes).
 */
async function writeInvoice(
  tx: SqlEntityManager,
  header: InvoiceHeader,
  dates: DateInput,
  drafts: readonly LineDraft[],
  meta: EventMetadata,
): Promise<{ invoice: IInvoice; lines: IInvoiceLine[] }> {
  const { issueDate, dueDate, paymentTermsDays } = documentDates(dates);
  const nets = drafts.map((d) => lineNet(d.quantity, d.unitPrice, d.discount, header.currency));
  const totals = documentTotals(
    drafts.map((d, i) => ({ net: nets[i]!, rate: d.taxRate })),
    header.currency,
  );
  if (totals.gross <= 0n) throw badInput('input.lines', 'the invoice total must be greater than zero', 'ZERO_AMOUNT');
  const number = await nextDocumentNumber(tx, header.kind === 'FEE' ? 'FEE' : 'INV', issueDate);
  const invoice = tx.create(Invoice, {
    id: randomUUID(),
    number,
    customerId: header.customerId,
    orderId: header.orderId,
    kind: header.kind,
    issueDate,
    dueDate,
    currency: header.currency,
    netTotal: formatAmount(totals.net),
    taxTotal: formatAmount(totals.tax),
    total: formatAmount(totals.gross),
    amountPaid: '0',
    amountCredited: '0',
    paymentTermsDays,
    status: 'ISSUED',
    ...snapshotOf(
      await baseSnapshot(tx, { amount: formatAmount(totals.gross), currency: header.currency }, issueDate, header.currencyField, header.fallbackRate ?? null),
      'baseTotal',
    ),
  });
  const lines = drafts.map((d, i) =>
    tx.create(InvoiceLine, {
      id: randomUUID(),
      invoiceId: invoice.id,
      position: i + 1,
      orderLineId: d.orderLineId,
      productId: d.productId,
      description: d.description,
      quantity: formatQuantity(d.quantity),
      unitPrice: formatAmount(d.unitPrice),
      discountPercent: percentText(d.discount),
      taxRate: percentText(d.taxRate),
      netAmount: formatAmount(nets[i]!),
      deductsInvoiceId: d.deductsInvoiceId ?? null,
      basis: d.basis ?? null,
    }),
  );
  for (const group of totals.taxes) {
    tx.create(InvoiceTax, { id: randomUUID(), invoiceId: invoice.id, taxRate: percentText(group.rate), netAmount: formatAmount(group.net), taxAmount: formatAmount(group.tax) });
  }
  if (header.kind === 'FEE') {
    await tx.flush();
    return { invoice, lines };
  }
  publish(
    tx,
    InvoiceIssuedV2,
    invoice.id,
    {
      invoiceId: invoice.id,
      number,
      kind: header.kind,
      customerId: header.customerId,
      orderId: header.orderId,
      currency: header.currency,
      lines: lines.map((l, i) => ({
        invoiceLineId: l.id,
        orderLineId: l.orderLineId ?? null,
        productId: l.productId ?? null,
        description: l.description,
        quantity: l.quantity,
        unitPrice: money(drafts[i]!.unitPrice, header.currency),
        discountPercent: l.discountPercent,
        taxRate: l.taxRate,
        netAmount: money(nets[i]!, header.currency),
      })),
      netTotal: money(totals.net, header.currency),
      taxTotal: money(totals.tax, header.currency),
      grossTotal: money(totals.gross, header.currency),
      issuedOn: issueDate,
      dueDate,
      issuedAt: new Date().toISOString(),
    },
    meta,
  );
  await tx.flush();
  return { invoice, lines };
}

/** A reminder's fee as an invoice: the customer, the reminded invoice's currency and rate to base, the fee (net) and its tax rate. */
export interface FeeInvoiceInput {
  customerId: string;
  currency: string;
  /** The reminded invoice's rate to base, used when none is set for the issue date. */
  fallbackRate: string | null;
  issueDate: string;
  /** Net, already a whole number of the currency's minor unit. */
  fee: bigint;
  taxRate: bigint;
  description: string;
}

/**
 * Issues the invoice of kind FEE that makes a reminder's fee owed, inside the reminder's transaction:
 * numbered in its own series (FEE-YYYY-NNNNNN), one line, tax-free unless the level sets a rate, due on
 * its issue date (payable with the reminder). Settled, aged and dunned like any invoice.
 */
export const issueFeeInvoice = (tx: SqlEntityManager, input: FeeInvoiceInput, meta: EventMetadata): Promise<{ invoice: IInvoice; lines: IInvoiceLine[] }> =>
  writeInvoice(
    tx,
    { customerId: input.customerId, orderId: null, kind: 'FEE', currency: input.currency, currencyField: null, fallbackRate: input.fallbackRate },
    { issueDate: input.issueDate, dueDate: input.issueDate, paymentTermsDays: 0 },
    [{ orderLineId: null, productId: null, description: input.description, quantity: 1000n, unitPrice: input.fee, discount: 0n, taxRate: input.taxRate }],
    meta,
  );

/** The confirmed order `orderId` as finance knows it, locked for this transaction; NOT_FOUND when unknown (not confirmed) or its customer is not visible. */
async function lockOrder(tx: SqlEntityManager, viewer: Viewer, orderId: string, field: string): Promise<ISalesOrder> {
  const qb = tx.createQueryBuilder(SalesOrder, 'o').select('*').where({ id: orderId });
  restrictToVisibleCustomers(qb, 'o', viewer);
  const order = await qb.setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResult();
  if (!order) throw notFound('Order', orderId, field);
  return order;
}

export interface DeliveredLinesInput extends DateInput {
  orderId: string;
  basis?: InvoiceBasis | null;
  lines?: readonly { orderLineId: string; quantity: string }[] | null;
  deductAdvances?: boolean | null;
}

/**
 * Negative lines deducting the order's advance invoices that were paid in full by payments (and
 * not credited), oldest first, each by what of its net is not yet deducted, up to the net of the
 * goods invoiced now; at the advance's tax rate.
 */
async function advanceDeductions(tx: SqlEntityManager, orderId: string, goodsNet: bigint): Promise<LineDraft[]> {
  const advances = await tx.find(Invoice, { orderId, kind: 'ADVANCE', status: 'PAID', amountCredited: '0' }, { orderBy: { issueDate: 'asc', number: 'asc' } });
  const drafts: LineDraft[] = [];
  let room = goodsNet;
  for (const advance of advances) {
    if (room <= 0n) break;
    const [line] = await tx.find(InvoiceLine, { invoiceId: advance.id }, { orderBy: { position: 'asc' }, limit: 1 });
    const [row] = await tx.execute<{ deducted: string }[]>('select coalesce(-sum(net_amount), 0)::text as deducted from invoice_line where deducts_invoice_id = ?', [advance.id]);
    const left = parseAmount('net', advance.netTotal) - parseAmount('deducted', row?.deducted ?? '0');
    const take = left < room ? left : room;
    if (take <= 0n || !line) continue;
    room -= take;
    drafts.push({
      orderLineId: null,
      deductsInvoiceId: advance.id,
      productId: null,
      description: `Less advance invoice ${advance.number}`,
      quantity: 1000n,
      unitPrice: -take,
      discount: 0n,
      taxRate: parsePercent('taxRate', line.taxRate, 10n ** 9n),
    });
  }
  return drafts;
}

/**
 * Invoices what was delivered on an order and not invoiced yet: the given lines and quantities,
 * or every line's whole invoiceable rest. With `basis: ORDERED` (Odoo's "invoice policy: ordered
 * quantities", a prepayment) it bills up to what was ordered and not cancelled (less returned),
 * before delivery; the issued event names the order lines and quantities either way, so sales
 * counts them as invoiced, and a later DELIVERED invoice never bills them again (its rest is
 * delivered less returned less everything invoiced). The order's row is locked while the invoiceable
 * quantities are read and the invoice written, so two invoices of one order never bill a delivery
 * twice. More than a line's invoiceable rest is refused naming the line.
 */
export async function invoiceDeliveredLines(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: DeliveredLinesInput, meta: EventMetadata): Promise<IInvoice> {
  const orderId = requireUuid('input.orderId', input.orderId);
  const basis = input.basis ?? 'DELIVERED';
  if (basis !== 'DELIVERED' && basis !== 'ORDERED') throw badInput('input.basis', 'input.basis must be DELIVERED or ORDERED', 'INVALID_BASIS');
  const ordered = basis === 'ORDERED';
  const rest = (q: LineQuantities): bigint => (ordered ? q.invoiceableOrdered : q.invoiceable);
  const what = ordered ? 'ordered (less cancelled and returned)' : 'delivered';
  const wanted = (input.lines ?? []).map((l, i) => ({
    orderLineId: requireUuid(`input.lines[${i}].orderLineId`, l.orderLineId),
    quantity: parseQuantity(`input.lines[${i}].quantity`, l.quantity),
    field: `input.lines[${i}]`,
  }));
  if (input.lines && wanted.length === 0) throw badInput('input.lines', 'input.lines must name at least one line (or be left out to invoice everything delivered)', 'NO_LINES');
  return inTransaction(em, async (tx) => {
    const order = await lockOrder(tx, viewer, orderId, 'input.orderId');
    const quantities = await orderLineQuantities(tx, orderId);
    const byId = new Map(quantities.map((q) => [q.line.id, q]));
    const drafts: LineDraft[] = [];
    const pick = (q: (typeof quantities)[number], quantity: bigint) =>
      drafts.push({
        orderLineId: q.line.id,
        basis,
        productId: q.line.productId,
        description: `Order ${order.number}, line ${q.line.position}`,
        quantity,
        unitPrice: parseAmount('unitPrice', q.line.unitPrice),
        discount: parsePercent('discountPercent', q.line.discountPercent),
        taxRate: parsePercent('taxRate', q.line.taxRate, 10n ** 9n),
      });
    if (wanted.length > 0) {
      const seen = new Set<string>();
      for (const w of wanted) {
        const q = byId.get(w.orderLineId);
        if (!q) throw badInput(`${w.field}.orderLineId`, `${w.field}.orderLineId is not a line of order ${order.number}`, 'UNKNOWN_ORDER_LINE');
        if (seen.has(w.orderLineId)) throw badInput(`${w.field}.orderLineId`, `${w.field}.orderLineId names line ${q.line.position} twice`, 'DUPLICATE_LINE');
        seen.add(w.orderLineId);
        if (w.quantity > rest(q)) {
          throw badInput(
            `${w.field}.quantity`,
            `${w.field}.quantity ${formatQuantity(w.quantity)} is more than line ${q.line.position} of order ${order.number} has ${what} and not invoiced (${formatQuantity(rest(q))})`,
            ordered ? 'MORE_THAN_ORDERED' : 'MORE_THAN_DELIVERED',
          );
        }
        pick(q, w.quantity);
      }
    } else {
      for (const q of quantities) if (rest(q) > 0n) pick(q, rest(q));
      if (drafts.length === 0) throw badInput('input.orderId', `order ${order.number} has nothing ${what} and not invoiced`, 'NOTHING_TO_INVOICE');
    }
    if (input.deductAdvances) {
      const goodsNet = drafts.reduce((sum, d) => sum + lineNet(d.quantity, d.unitPrice, d.discount, order.currency), 0n);
      const deductions = await advanceDeductions(tx, orderId, goodsNet);
      const deducted = deductions.reduce((sum, d) => sum - d.unitPrice, 0n);
      if (deducted >= goodsNet) {
        throw badInput(
          'input.deductAdvances',
          `the advances paid on order ${order.number} cover all of this invoice: allocate the advance payment to it instead`,
          'ADVANCE_COVERS_INVOICE',
        );
      }
      drafts.push(...deductions);
    }
    const { invoice } = await writeInvoice(
      tx,
      { customerId: order.customerId, orderId, kind: 'STANDARD', currency: order.currency, currencyField: 'input.issueDate' },
      input,
      drafts,
      meta,
    );
    await applyOrderAdvances(tx, invoice, meta);
    return invoice;
  });
}

export interface FreeLineInput {
  productId?: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent?: string | null;
  taxRate?: string | null;
}

const freeDraft = (line: FreeLineInput, field: string): LineDraft => ({
  orderLineId: null,
  productId: line.productId ? requireUuid(`${field}.productId`, line.productId) : null,
  description: requireText(`${field}.description`, line.description, 500),
  quantity: parseQuantity(`${field}.quantity`, line.quantity),
  unitPrice: parseAmount(`${field}.unitPrice`, line.unitPrice),
  discount: line.discountPercent ? parsePercent(`${field}.discountPercent`, line.discountPercent) : 0n,
  taxRate: line.taxRate ? parsePercent(`${field}.taxRate`, line.taxRate, 10n ** 9n) : 0n,
});

export interface FreeInvoiceInput extends DateInput {
  customerId: string;
  currency: string;
  lines: readonly FreeLineInput[];
}

/** Issues an invoice not tied to an order (services, fees): lines as given; the customer must be one the caller may see. */
export async function issueFreeInvoice(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: FreeInvoiceInput, meta: EventMetadata): Promise<IInvoice> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const currency = requireCurrency('input.currency', input.currency);
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must have at least one line', 'NO_LINES');
  const drafts = input.lines.map((l, i) => freeDraft(l, `input.lines[${i}]`));
  drafts.forEach((d, i) => {
    if (d.unitPrice < 0n) throw badInput(`input.lines[${i}].unitPrice`, `input.lines[${i}].unitPrice must not be negative`, 'NEGATIVE_AMOUNT');
  });
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  return inTransaction(
    em,
    async (tx) => (await writeInvoice(tx, { customerId, orderId: null, kind: 'FREE', currency, currencyField: 'input.currency' }, input, drafts, meta)).invoice,
  );
}

export interface AdvanceInvoiceInput extends DateInput {
  orderId: string;
  amount: Money;
  taxRate?: string | null;
  description?: string | null;
}

/** Issues an advance (down-payment) invoice on a confirmed order: one line of `amount` net, in the order's currency. */
export async function issueAdvanceInvoice(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: AdvanceInvoiceInput, meta: EventMetadata): Promise<IInvoice> {
  const orderId = requireUuid('input.orderId', input.orderId);
  const amount = parseMoneyInput('input.amount', input.amount);
  const units = parseAmount('input.amount.amount', amount.amount);
  if (units === 0n) throw badInput('input.amount.amount', 'input.amount.amount must be greater than zero', 'ZERO_AMOUNT');
  if (!isWholeMinor(units, amount.currency)) throw badInput('input.amount.amount', `input.amount.amount has more places than ${amount.currency} has`, 'INVALID_AMOUNT');
  const taxRate = input.taxRate ? parsePercent('input.taxRate', input.taxRate, 10n ** 9n) : 0n;
  return inTransaction(em, async (tx) => {
    const order = await lockOrder(tx, viewer, orderId, 'input.orderId');
    if (amount.currency !== order.currency)
      throw badInput('input.amount.currency', `input.amount.currency must be ${order.currency}, the currency of order ${order.number}`, 'CURRENCY_MISMATCH');
    const description = input.description ? requireText('input.description', input.description, 500) : `Advance payment for order ${order.number}`;
    const draft: LineDraft = { orderLineId: null, productId: null, description, quantity: 1000n, unitPrice: units, discount: 0n, taxRate };
    const { invoice } = await writeInvoice(
      tx,
      { customerId: order.customerId, orderId, kind: 'ADVANCE', currency: order.currency, currencyField: 'input.amount.currency' },
      input,
      [draft],
      meta,
    );
    await applyOrderAdvances(tx, invoice, meta);
    return invoice;
  });
}

export interface IssueInvoiceInput {
  customerId: string;
  orderId?: string | null;
  total: Money;
  issueDate?: string | null;
  dueDate: string;
}

/**
 * The first API: an invoice of one total, kept for existing clients as a FREE invoice with one
 * untaxed line. It no longer bills an order (whose lines and deliveries it never checked): an
 * order is invoiced with `invoiceDeliveredLines` or `issueAdvanceInvoice`.
 */
export async function issueInvoice(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: IssueInvoiceInput, meta: EventMetadata): Promise<IInvoice> {
  if (input.orderId)
    throw badInput('input.orderId', 'an order is invoiced from what was delivered: use invoiceDeliveredLines (or issueAdvanceInvoice)', 'ORDER_NOT_INVOICEABLE_HERE');
  const total = parseMoneyInput('input.total', input.total);
  if (parseAmount('input.total.amount', total.amount) === 0n) throw badInput('input.total.amount', 'input.total.amount must be greater than zero', 'ZERO_AMOUNT');
  return issueFreeInvoice(
    em,
    viewer,
    {
      customerId: input.customerId,
      currency: total.currency,
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      lines: [{ description: 'Invoice', quantity: '1', unitPrice: total.amount }],
    },
    meta,
  );
}

/** One invoice by id; NOT_FOUND when it does not exist or bills a customer the caller may not see. */
export async function getInvoice(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IInvoice> {
  const qb = em
    .createQueryBuilder(Invoice, 'i')
    .select('*')
    .where({ id: requireUuid(field, id) });
  restrictToVisibleCustomers(qb, 'i', viewer);
  const invoice = await qb.getSingleResult();
  if (!invoice) throw notFound('Invoice', id, field);
  return invoice;
}

export interface InvoiceFilter {
  customerId?: string | null;
  orderId?: string | null;
  status?: InvoiceStatus | null;
  overdue?: boolean | null;
}

/** Invoices newest issue date first, then id. */
const INVOICE_ORDER: Keyset<IInvoice> = { sort: 'i.issue_date', kind: 'date', direction: 'desc', id: 'i.id', sortValue: (i) => i.issueDate };
const OPEN = '(i.amount_paid + i.amount_credited < i.total)';

/** The invoices the caller may see, newest first by (issueDate, id), paged by keyset (never OFFSET). */
export async function listInvoices(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: InvoiceFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IInvoice>> {
  const qb = em.createQueryBuilder(Invoice, 'i').select('*');
  restrictToVisibleCustomers(qb, 'i', viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.orderId) qb.andWhere({ orderId: requireUuid('filter.orderId', filter.orderId) });
  if (filter?.status) qb.andWhere({ status: filter.status });
  if (filter?.overdue === true) qb.andWhere(`(${OPEN} and i.due_date < ?)`, [utcToday()]);
  if (filter?.overdue === false) qb.andWhere(`not (${OPEN} and i.due_date < ?)`, [utcToday()]);
  return keysetPage(qb, INVOICE_ORDER, { field: 'invoices', first, after });
}

/** A customer's overdue receivables: what is owed per currency (exact), and the invoices behind it. */
export interface Receivables {
  totals: Money[];
  invoices: IInvoice[];
}

/** Sums the balances of `overdue` per currency on bigint (never floats), currencies in code order. */
export function receivablesOf(overdue: IInvoice[]): Receivables {
  const sums = new Map<string, bigint>();
  for (const invoice of overdue) sums.set(invoice.currency, (sums.get(invoice.currency) ?? 0n) + balanceUnits(invoice));
  const totals = [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, units]) => ({ amount: formatAmount(units), currency }));
  return { totals, invoices: overdue };
}
