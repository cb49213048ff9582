import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { InvoiceIssuedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, formatAmount, notFound, parseAmount, parseMoneyInput, requireIsoDate, requireUuid, type Money } from '@rapport/errors';
import { assertCustomerVisible, keysetPage, restrictToVisibleCustomers, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { balanceUnits, Invoice, invoiceNumber, utcToday, type IInvoice } from './invoice.entity.js';
import type { InvoiceStatus } from '../../generated/types.js';

export interface IssueInvoiceInput {
  customerId: string;
  orderId?: string | null;
  total: Money;
  issueDate?: string | null;
  dueDate: string;
}

/**
 * Validates, numbers and issues an invoice with its `finance.invoice.issued.v1` event in one flush;
 * a caller limited to their customers may bill only a customer they may see.
 */
export async function issueInvoice(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: IssueInvoiceInput, meta: EventMetadata): Promise<IInvoice> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const orderId = input.orderId ? requireUuid('input.orderId', input.orderId) : null;
  const total = parseMoneyInput('input.total', input.total);
  if (parseAmount('input.total.amount', total.amount) === 0n) throw badInput('input.total.amount', 'input.total.amount must be greater than zero', 'ZERO_AMOUNT');
  const issueDate = input.issueDate ? requireIsoDate('input.issueDate', input.issueDate) : utcToday();
  const dueDate = requireIsoDate('input.dueDate', input.dueDate);
  if (dueDate < issueDate) throw badInput('input.dueDate', `input.dueDate must not be before the issue date ${issueDate}`, 'DUE_BEFORE_ISSUE');
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  const [row] = await em.getConnection().execute<{ n: string }[]>(`select nextval('invoice_number_seq')::text as n`);
  if (!row) throw new Error('invoice_number_seq returned no value');
  const invoice = em.create(Invoice, {
    id: randomUUID(),
    number: invoiceNumber(row.n),
    customerId,
    orderId,
    issueDate,
    dueDate,
    currency: total.currency,
    total: total.amount,
    amountPaid: '0',
    status: 'ISSUED',
  });
  publish(em, InvoiceIssuedV1, invoice.id, { invoiceId: invoice.id, customerId, number: invoice.number, total, dueDate }, meta);
  await em.flush();
  return invoice;
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
  status?: InvoiceStatus | null;
  overdue?: boolean | null;
}

/** Invoices newest issue date first, then id. */
const INVOICE_ORDER: Keyset<IInvoice> = { sort: 'i.issue_date', kind: 'date', direction: 'desc', id: 'i.id', sortValue: (i) => i.issueDate };

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
  if (filter?.status) qb.andWhere({ status: filter.status });
  if (filter?.overdue === true) qb.andWhere('(i.amount_paid < i.total and i.due_date < ?)', [utcToday()]);
  if (filter?.overdue === false) qb.andWhere('not (i.amount_paid < i.total and i.due_date < ?)', [utcToday()]);
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
