import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { InvoicePaidV1, PaymentAllocatedV1, PaymentRecordedV2, type EventMetadata } from '@rapport/contracts';
import {
  badInput,
  conflict,
  formatAmount,
  notFound,
  optionalText,
  parseAmount,
  parseMoneyInput,
  requireIsoDate,
  requireOneOf,
  requireText,
  requireUuid,
  type Money,
} from '@rapport/errors';
import {
  assertCustomerVisible,
  keysetPage,
  lockRow,
  restrictToVisibleCustomers,
  type Connection,
  type Keyset,
  type Viewer,
  type WriteAccess,
  visibleById,
} from '@rapport/subgraph-kit';
import { baseSnapshot, snapshotOf } from '../currency/currency.service.js';
import { reviewCreditHoldsAfterSettling } from '../credit-hold/credit-hold.service.js';
import { inTransaction } from '../invoice/documents.js';
import { isWholeMinor } from '../invoice/invoice-math.js';
import { applyPayment, balanceUnits, Invoice, utcToday, type IInvoice } from '../invoice/invoice.entity.js';
import { Allocation, Payment, PAYMENT_METHODS, type IAllocation, type IPayment, type PaymentMethod } from './payment.entity.js';

/** What settles an invoice: a payment, or a credit note's gross. */
export type AllocationSource = { kind: 'PAYMENT'; id: string } | { kind: 'CREDIT_NOTE'; id: string };

/** What a payment has not yet settled: its credit with the customer, in scaled units. */
export const unallocatedUnits = (payment: IPayment): bigint => parseAmount('amount', payment.amount) - parseAmount('amountAllocated', payment.amountAllocated);

/** Locks an invoice the caller may see; NOT_FOUND naming `field` otherwise. */
export async function lockVisibleInvoice(tx: SqlEntityManager, viewer: Viewer, invoiceId: string, field: string): Promise<IInvoice> {
  const qb = tx.createQueryBuilder(Invoice, 'i').select('*').where({ id: invoiceId });
  restrictToVisibleCustomers(qb, 'i', viewer);
  const invoice = await qb.getSingleResult();
  if (!invoice) throw notFound('Invoice', invoiceId, field);
  return lockRow(tx, invoice);
}

/**
 * Settles `units` of a locked invoice from `source` (a payment or a credit note of the same
 * customer and currency): refused naming `field` when the invoice is credited, already settled,
 * or owes less. Writes the allocation, the invoice's new sums and status,
 * `finance.payment.allocated.v1`, and `finance.invoice.paid.v1` when a payment settles it.
 */
export function allocateToInvoice(
  tx: SqlEntityManager,
  invoice: IInvoice,
  source: AllocationSource,
  customerId: string,
  amount: Money,
  allocatedOn: string,
  field: string,
  meta: EventMetadata,
): IAllocation {
  const units = parseAmount(`${field}.amount`, amount.amount);
  if (units <= 0n) throw badInput(`${field}.amount`, `${field}.amount must be greater than zero`, 'ZERO_AMOUNT');
  if (invoice.customerId !== customerId) throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} bills another customer`, 'OTHER_CUSTOMER');
  if (invoice.currency !== amount.currency)
    throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} is in ${invoice.currency}, not ${amount.currency}`, 'CURRENCY_MISMATCH');
  if (invoice.status === 'CREDITED') throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} was credited in full; nothing is owed on it`, 'INVOICE_CREDITED');
  const balance = balanceUnits(invoice);
  if (balance === 0n) throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} is settled already`, 'INVOICE_PAID');
  if (units > balance) {
    throw badInput(
      `${field}.amount`,
      `${field}.amount ${formatAmount(units)} is more than invoice ${invoice.number} owes (${formatAmount(balance)} ${invoice.currency})`,
      'MORE_THAN_OWED',
    );
  }
  const allocation = tx.create(Allocation, {
    id: randomUUID(),
    invoiceId: invoice.id,
    paymentId: source.kind === 'PAYMENT' ? source.id : null,
    creditNoteId: source.kind === 'CREDIT_NOTE' ? source.id : null,
    amount: formatAmount(units),
    currency: invoice.currency,
    allocatedOn,
  });
  applyPayment(invoice, units, source.kind);
  const at = new Date().toISOString();
  publish(
    tx,
    PaymentAllocatedV1,
    invoice.id,
    {
      allocationId: allocation.id,
      paymentId: allocation.paymentId ?? null,
      creditNoteId: allocation.creditNoteId ?? null,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerId: invoice.customerId,
      orderId: invoice.orderId ?? null,
      amount: { amount: formatAmount(units), currency: invoice.currency },
      outstanding: { amount: formatAmount(balanceUnits(invoice)), currency: invoice.currency },
      allocatedAt: at,
    },
    meta,
  );
  if (invoice.status === 'PAID') {
    publish(tx, InvoicePaidV1, invoice.id, { invoiceId: invoice.id, number: invoice.number, customerId: invoice.customerId, orderId: invoice.orderId ?? null, paidAt: at }, meta);
  }
  return allocation;
}

export interface AllocationInput {
  invoiceId: string;
  amount: string;
}

/**
 * Allocates parts of a locked payment to invoices (each locked in id order, so two allocations
 * over the same invoices cannot deadlock): more than the payment still holds is refused naming
 * the allocation that goes over it.
 */
async function allocatePaymentTo(
  tx: SqlEntityManager,
  viewer: Viewer,
  payment: IPayment,
  inputs: readonly AllocationInput[],
  allocatedOn: string,
  meta: EventMetadata,
): Promise<void> {
  const parsed = inputs.map((a, i) => ({
    invoiceId: requireUuid(`input.allocations[${i}].invoiceId`, a.invoiceId),
    units: parseAmount(`input.allocations[${i}].amount`, a.amount),
    field: `input.allocations[${i}]`,
  }));
  let left = unallocatedUnits(payment);
  for (const a of parsed) {
    if (a.units <= 0n) throw badInput(`${a.field}.amount`, `${a.field}.amount must be greater than zero`, 'ZERO_AMOUNT');
    if (!isWholeMinor(a.units, payment.currency)) throw badInput(`${a.field}.amount`, `${a.field}.amount has more places than ${payment.currency} has`, 'INVALID_AMOUNT');
    if (a.units > left) {
      throw badInput(`${a.field}.amount`, `${a.field}.amount goes beyond what the payment still holds (${formatAmount(left)} ${payment.currency})`, 'MORE_THAN_PAYMENT');
    }
    left -= a.units;
  }
  const invoices = new Map<string, IInvoice>();
  for (const id of [...new Set(parsed.map((a) => a.invoiceId))].sort()) {
    const field = parsed.find((a) => a.invoiceId === id)!.field;
    invoices.set(id, await lockVisibleInvoice(tx, viewer, id, `${field}.invoiceId`));
  }
  for (const a of parsed) {
    allocateToInvoice(
      tx,
      invoices.get(a.invoiceId)!,
      { kind: 'PAYMENT', id: payment.id },
      payment.customerId,
      { amount: formatAmount(a.units), currency: payment.currency },
      allocatedOn,
      a.field,
      meta,
    );
  }
  payment.amountAllocated = formatAmount(parseAmount('amountAllocated', payment.amountAllocated) + parsed.reduce((s, a) => s + a.units, 0n));
  await reviewCreditHoldsAfterSettling(tx, invoices.values(), meta);
}

export interface ReceivePaymentInput {
  customerId: string;
  amount: Money;
  method: string;
  account?: string | null;
  reference?: string | null;
  receivedOn: string;
  allocations?: readonly AllocationInput[] | null;
}

/**
 * Records money received from a customer (`finance.payment.recorded.v2`) and allocates it over
 * the given invoices in the same transaction; what is not allocated stays as the customer's
 * credit (an advance) for `allocatePayment` later.
 */
export async function receivePayment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ReceivePaymentInput, meta: EventMetadata): Promise<IPayment> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const amount = parseMoneyInput('input.amount', input.amount);
  const units = parseAmount('input.amount.amount', amount.amount);
  if (units === 0n) throw badInput('input.amount.amount', 'input.amount.amount must be greater than zero', 'ZERO_AMOUNT');
  if (!isWholeMinor(units, amount.currency)) throw badInput('input.amount.amount', `input.amount.amount has more places than ${amount.currency} has`, 'INVALID_AMOUNT');
  const method: PaymentMethod = requireOneOf('input.method', input.method, PAYMENT_METHODS);
  const account = input.account ? requireText('input.account', input.account, 100) : method === 'CASH' ? 'CASH' : 'BANK';
  const reference = optionalText('input.reference', input.reference, 200);
  const receivedOn = requireIsoDate('input.receivedOn', input.receivedOn);
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  return inTransaction(em, async (tx) => {
    const payment = tx.create(Payment, {
      id: randomUUID(),
      customerId,
      invoiceId: null,
      amount: amount.amount,
      currency: amount.currency,
      paidOn: receivedOn,
      method,
      account,
      reference,
      amountAllocated: '0',
      ...snapshotOf(await baseSnapshot(tx, amount, receivedOn, 'input.amount.currency'), 'baseAmount'),
    });
    publish(tx, PaymentRecordedV2, payment.id, { paymentId: payment.id, customerId, amount, method, reference, receivedOn, recordedAt: new Date().toISOString() }, meta);
    if (input.allocations?.length) await allocatePaymentTo(tx, viewer, payment, input.allocations, receivedOn, meta);
    await tx.flush();
    return payment;
  });
}

export interface AllocatePaymentInput {
  paymentId: string;
  allocations: readonly AllocationInput[];
  allocatedOn?: string | null;
}

/** Applies a payment's unallocated rest (the customer's credit) to invoices; the payment's row is locked meanwhile. */
export async function allocatePayment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: AllocatePaymentInput, meta: EventMetadata): Promise<IPayment> {
  const paymentId = requireUuid('input.paymentId', input.paymentId);
  if (input.allocations.length === 0) throw badInput('input.allocations', 'input.allocations must name at least one invoice', 'NO_ALLOCATIONS');
  const allocatedOn = input.allocatedOn ? requireIsoDate('input.allocatedOn', input.allocatedOn) : utcToday();
  return inTransaction(em, async (tx) => {
    const payment = await lockRow(tx, await getPayment(tx, viewer, paymentId, 'input.paymentId'));
    if (unallocatedUnits(payment) === 0n) throw conflict('PAYMENT_ALLOCATED', 'the payment is allocated in full already', 'input.paymentId');
    await allocatePaymentTo(tx, viewer, payment, input.allocations, allocatedOn, meta);
    await tx.flush();
    return payment;
  });
}

export interface RecordPaymentInput {
  invoiceId: string;
  amount: Money;
  paidOn: string;
}

/**
 * The first API: a payment for one invoice. Records a bank transfer from the invoice's customer
 * and allocates all of it to that invoice (v2 events), and answers the invoice.
 */
export async function recordPayment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: RecordPaymentInput, meta: EventMetadata): Promise<IInvoice> {
  const invoiceId = requireUuid('input.invoiceId', input.invoiceId);
  const amount = parseMoneyInput('input.amount', input.amount);
  const units = parseAmount('input.amount.amount', amount.amount);
  if (units === 0n) throw badInput('input.amount.amount', 'input.amount.amount must be greater than zero', 'ZERO_AMOUNT');
  const paidOn = requireIsoDate('input.paidOn', input.paidOn);
  return inTransaction(em, async (tx) => {
    const invoice = await lockVisibleInvoice(tx, viewer, invoiceId, 'input.invoiceId');
    if (invoice.status === 'PAID') throw conflict('INVOICE_PAID', `invoice ${invoice.number} is paid already`, 'input.invoiceId');
    if (amount.currency !== invoice.currency) {
      throw badInput('input.amount.currency', `input.amount.currency must be ${invoice.currency}, the currency of invoice ${invoice.number}`, 'CURRENCY_MISMATCH');
    }
    const balance = balanceUnits(invoice);
    if (balance > 0n && units > balance) {
      throw badInput('input.amount.amount', `input.amount.amount exceeds the balance of invoice ${invoice.number} (${formatAmount(balance)} ${invoice.currency})`, 'OVERPAYMENT');
    }
    const payment = tx.create(Payment, {
      id: randomUUID(),
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      amount: amount.amount,
      currency: amount.currency,
      paidOn,
      method: 'BANK_TRANSFER',
      account: 'BANK',
      reference: invoice.number,
      amountAllocated: amount.amount,
      ...snapshotOf(await baseSnapshot(tx, amount, paidOn, 'input.amount.currency'), 'baseAmount'),
    });
    publish(
      tx,
      PaymentRecordedV2,
      payment.id,
      {
        paymentId: payment.id,
        customerId: invoice.customerId,
        amount,
        method: 'BANK_TRANSFER',
        reference: invoice.number,
        receivedOn: paidOn,
        recordedAt: new Date().toISOString(),
      },
      meta,
    );
    allocateToInvoice(tx, invoice, { kind: 'PAYMENT', id: payment.id }, invoice.customerId, amount, paidOn, 'input', meta);
    await reviewCreditHoldsAfterSettling(tx, [invoice], meta);
    await tx.flush();
    return invoice;
  });
}

/** One payment by id; NOT_FOUND when it does not exist or comes from a customer the caller may not see. */
export async function getPayment(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IPayment> {
  const qb = em.createQueryBuilder(Payment, 'p').select('*');
  restrictToVisibleCustomers(qb, 'p', viewer);
  return visibleById(qb, 'Payment', id, field);
}

export interface PaymentFilter {
  customerId?: string | null;
  unallocated?: boolean | null;
}

const PAYMENT_ORDER: Keyset<IPayment> = { sort: 'p.paid_on', kind: 'date', direction: 'desc', id: 'p.id', sortValue: (p) => p.paidOn };

/** The payments the caller may see, newest first, paged by keyset. */
export async function listPayments(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: PaymentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IPayment>> {
  const qb = em.createQueryBuilder(Payment, 'p').select('*');
  restrictToVisibleCustomers(qb, 'p', viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.unallocated === true) qb.andWhere('p.amount_allocated < p.amount');
  if (filter?.unallocated === false) qb.andWhere('p.amount_allocated = p.amount');
  return keysetPage(qb, PAYMENT_ORDER, { field: 'payments', first, after });
}
