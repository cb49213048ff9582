import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { InvoicePaidV1, PaymentAllocatedV2, PaymentRecordedV2, type EventMetadata } from '@rapport/contracts';
import {
  badInput,
  conflict,
  convertUnits,
  formatAmount,
  formatRate,
  minorUnitOf,
  MONEY_SCALE,
  notFound,
  ONE_RATE,
  optionalText,
  parseAmount,
  parseMoneyInput,
  parseRate,
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
import { baseSnapshot, findRateOn, getBaseCurrency, rateOn, snapshotOf } from '../currency/currency.service.js';
import { SalesOrder } from '../order-copy/order-copy.entity.js';
import { reviewCreditHoldsAfterSettling } from '../credit-hold/credit-hold.service.js';
import { inTransaction } from '../invoice/documents.js';
import { isWholeMinor } from '../invoice/invoice-math.js';
import { applyPayment, balanceUnits, Invoice, utcToday, type IInvoice } from '../invoice/invoice.entity.js';
import { Allocation, Payment, PAYMENT_METHODS, type IAllocation, type IPayment, type PaymentMethod } from './payment.entity.js';

/** What settles an invoice: a payment (in any currency), or a credit note's gross (in the invoice's currency). */
export type AllocationSource = { kind: 'PAYMENT'; payment: IPayment } | { kind: 'CREDIT_NOTE'; id: string };

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

/** One minor unit of a currency in money units (a cent is 100 units, a yen 10,000). */
const minorStep = (currency: string): bigint => 10n ** BigInt(MONEY_SCALE - minorUnitOf(currency));

/** What settling an invoice with part of a payment comes to. */
interface Settlement {
  /** Settled of the invoice, in its currency (money units). */
  settled: bigint;
  /** Payment currency → invoice currency on the payment's day (rate units); null when one currency. */
  rate: bigint | null;
  /** Realised exchange difference in base currency units; null when either document has no rate to base. */
  exchangeDifference: bigint | null;
}

/**
 * What `units` of a payment (in its currency) settle of an invoice: the same amount in one
 * currency; otherwise converted at the rate of the payment's day (the pair's, its reverse's, or the
 * cross rate through the base currency: `rateOn`), half up at the invoice currency's minor unit
 * (RATE_MISSING naming `field.amount` without one). When the converted amount passes the invoice's
 * balance only because of that rounding (one minor unit less of the payment would not cover it),
 * it settles exactly the balance; beyond that it is refused (MORE_THAN_OWED). The realised
 * difference in base: the payment's part at the payment's rate to base less the settled part at
 * the invoice's.
 */
async function settlementOf(tx: SqlEntityManager, invoice: IInvoice, payment: IPayment, units: bigint, field: string): Promise<Settlement> {
  let settled = units;
  let rate: bigint | null = null;
  if (payment.currency !== invoice.currency) {
    const applied = await rateOn(tx, payment.currency, invoice.currency, payment.paidOn, `${field}.amount`);
    rate = applied.rate;
    settled = convertUnits(units, rate, invoice.currency);
    const balance = balanceUnits(invoice);
    if (settled > balance && balance > 0n && invoice.status !== 'CREDITED') {
      if (convertUnits(units - minorStep(payment.currency), rate, invoice.currency) >= balance) {
        throw badInput(
          `${field}.amount`,
          `${field}.amount ${formatAmount(units)} ${payment.currency} is ${formatAmount(settled)} ${invoice.currency} at ${formatRate(rate)} on ${payment.paidOn}, more than invoice ${invoice.number} owes (${formatAmount(balance)} ${invoice.currency})`,
          'MORE_THAN_OWED',
        );
      }
      settled = balance;
    }
  }
  const base = await getBaseCurrency(tx);
  const exchangeDifference =
    payment.rateToBase && invoice.rateToBase
      ? convertUnits(units, parseRate('rateToBase', payment.rateToBase), base) - convertUnits(settled, parseRate('rateToBase', invoice.rateToBase), base)
      : null;
  return { settled, rate, exchangeDifference };
}

/**
 * Settles a locked invoice with `amount` from `source` (a payment of the same customer in any
 * currency — see `settlementOf` — or a credit note in the invoice's currency): refused naming
 * `field` when the invoice is credited, already settled, or owes less. Writes the allocation (both
 * amounts, the rate, the realised difference), the invoice's new sums and status,
 * `finance.payment.allocated.v2`, and `finance.invoice.paid.v1` when a payment settles it.
 */
export async function allocateToInvoice(
  tx: SqlEntityManager,
  invoice: IInvoice,
  source: AllocationSource,
  customerId: string,
  amount: Money,
  allocatedOn: string,
  field: string,
  meta: EventMetadata,
): Promise<IAllocation> {
  const units = parseAmount(`${field}.amount`, amount.amount);
  if (units <= 0n) throw badInput(`${field}.amount`, `${field}.amount must be greater than zero`, 'ZERO_AMOUNT');
  if (invoice.customerId !== customerId) throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} bills another customer`, 'OTHER_CUSTOMER');
  if (source.kind === 'CREDIT_NOTE' && invoice.currency !== amount.currency)
    throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} is in ${invoice.currency}, not ${amount.currency}`, 'CURRENCY_MISMATCH');
  if (invoice.status === 'CREDITED') throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} was credited in full; nothing is owed on it`, 'INVOICE_CREDITED');
  const balance = balanceUnits(invoice);
  if (balance === 0n) throw badInput(`${field}.invoiceId`, `invoice ${invoice.number} is settled already`, 'INVOICE_PAID');
  const settlement: Settlement =
    source.kind === 'PAYMENT' ? await settlementOf(tx, invoice, source.payment, units, field) : { settled: units, rate: null, exchangeDifference: null };
  if (settlement.settled > balance) {
    throw badInput(
      `${field}.amount`,
      `${field}.amount ${formatAmount(units)} is more than invoice ${invoice.number} owes (${formatAmount(balance)} ${invoice.currency})`,
      'MORE_THAN_OWED',
    );
  }
  const base = settlement.exchangeDifference === null ? null : await getBaseCurrency(tx);
  const allocation = tx.create(Allocation, {
    id: randomUUID(),
    invoiceId: invoice.id,
    paymentId: source.kind === 'PAYMENT' ? source.payment.id : null,
    creditNoteId: source.kind === 'CREDIT_NOTE' ? source.id : null,
    amount: formatAmount(settlement.settled),
    currency: invoice.currency,
    sourceAmount: formatAmount(units),
    sourceCurrency: amount.currency,
    rate: settlement.rate === null ? null : formatRate(settlement.rate),
    exchangeDifference: settlement.exchangeDifference === null ? null : formatAmount(settlement.exchangeDifference),
    allocatedOn,
  });
  applyPayment(invoice, settlement.settled, source.kind);
  const at = new Date().toISOString();
  publish(
    tx,
    PaymentAllocatedV2,
    invoice.id,
    {
      allocationId: allocation.id,
      paymentId: allocation.paymentId ?? null,
      creditNoteId: allocation.creditNoteId ?? null,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerId: invoice.customerId,
      orderId: invoice.orderId ?? null,
      amount: { amount: formatAmount(settlement.settled), currency: invoice.currency },
      sourceAmount: { amount: formatAmount(units), currency: amount.currency },
      rate: allocation.rate ?? null,
      exchangeDifference: base === null ? null : { amount: formatAmount(settlement.exchangeDifference!), currency: base },
      outstanding: { amount: formatAmount(balanceUnits(invoice)), currency: invoice.currency },
      allocatedOn,
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
    await allocateToInvoice(
      tx,
      invoices.get(a.invoiceId)!,
      { kind: 'PAYMENT', payment },
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
  orderId?: string | null;
  amount: Money;
  method: string;
  account?: string | null;
  reference?: string | null;
  receivedOn: string;
  allocations?: readonly AllocationInput[] | null;
}

/** The confirmed order `orderId` as finance knows it (its read copy), of `customerId`; NOT_FOUND when unknown or not visible, OTHER_CUSTOMER otherwise, naming `field`. */
async function assertOrderOf(tx: SqlEntityManager, viewer: Viewer, orderId: string, customerId: string, field: string): Promise<void> {
  const qb = tx.createQueryBuilder(SalesOrder, 'o').select('*').where({ id: orderId });
  restrictToVisibleCustomers(qb, 'o', viewer);
  const order = await qb.getSingleResult();
  if (!order) throw notFound('Order', orderId, field);
  if (order.customerId !== customerId) throw badInput(field, `order ${order.number} is another customer's`, 'OTHER_CUSTOMER');
}

/**
 * Records money received from a customer (`finance.payment.recorded.v2`), optionally as an advance
 * on one of their confirmed orders (`orderId`: applied first to the order's invoices when they are
 * issued, see `applyOrderAdvances`) and allocates it over
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
  const orderId = input.orderId ? requireUuid('input.orderId', input.orderId) : null;
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  return inTransaction(em, async (tx) => {
    if (orderId) await assertOrderOf(tx, viewer, orderId, customerId, 'input.orderId');
    const payment = tx.create(Payment, {
      id: randomUUID(),
      customerId,
      invoiceId: null,
      orderId,
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
      orderId: null,
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
    await allocateToInvoice(tx, invoice, { kind: 'PAYMENT', payment }, invoice.customerId, amount, paidOn, 'input', meta);
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
  orderId?: string | null;
  unallocated?: boolean | null;
}

const PAYMENT_ORDER: Keyset<IPayment> = { sort: 'p.paid_on', kind: 'date', direction: 'desc', id: 'p.id', sortValue: (p) => p.paidOn };

/** The payments the caller may see, newest first, paged by keyset; of an order: those held on it as advances and those allocated to its invoices. */
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
  if (filter?.orderId) {
    const orderId = requireUuid('filter.orderId', filter.orderId);
    qb.andWhere('(p.order_id = ? or exists (select 1 from allocation a join invoice i on i.id = a.invoice_id where a.payment_id = p.id and i.order_id = ?))', [orderId, orderId]);
  }
  if (filter?.unallocated === true) qb.andWhere('p.amount_allocated < p.amount');
  if (filter?.unallocated === false) qb.andWhere('p.amount_allocated = p.amount');
  return keysetPage(qb, PAYMENT_ORDER, { field: 'payments', first, after });
}

/**
 * The least of a payment (in its currency, whole minor units) whose conversion at `rate` covers
 * `owed` of the invoice's currency: what an advance in another currency gives to settle an invoice.
 */
function unitsCovering(owed: bigint, rate: bigint, from: string, to: string): bigint {
  const step = minorStep(from);
  let units = ((owed * ONE_RATE + rate - 1n) / rate / step) * step;
  while (units > 0n && convertUnits(units - step, rate, to) >= owed) units -= step;
  while (convertUnits(units, rate, to) < owed) units += step;
  return units;
}

/**
 * Applies the advances held on the invoice's order first (what payments naming the order still
 * hold, oldest first, each locked) to a just-issued invoice of that order, up to what it owes: in
 * the same transaction as the issue, dated its issue day, each a normal allocation (events, the
 * realised difference, a payment in another currency converted at its day's rate). What is left of
 * an advance stays on the order for its next invoice.
 */
export async function applyOrderAdvances(tx: SqlEntityManager, invoice: IInvoice, meta: EventMetadata): Promise<void> {
  if (!invoice.orderId) return;
  const advances = await tx
    .createQueryBuilder(Payment, 'p')
    .select('*')
    .where({ orderId: invoice.orderId, customerId: invoice.customerId })
    .andWhere('p.amount_allocated < p.amount')
    .orderBy({ paidOn: 'asc', createdAt: 'asc', id: 'asc' })
    .setLockMode(LockMode.PESSIMISTIC_WRITE)
    .getResultList();
  let applied = false;
  for (const payment of advances) {
    const owed = balanceUnits(invoice);
    if (owed === 0n) break;
    const rest = unallocatedUnits(payment);
    let take = rest;
    if (payment.currency === invoice.currency) take = rest < owed ? rest : owed;
    else {
      const found = await findRateOn(tx, payment.currency, invoice.currency, payment.paidOn);
      if (!found) continue; // no rate for the advance's day: it stays on the order for an accountant to allocate
      const needed = unitsCovering(owed, found.rate, payment.currency, invoice.currency);
      take = rest < needed ? rest : needed;
    }
    if (take <= 0n) continue;
    await allocateToInvoice(
      tx,
      invoice,
      { kind: 'PAYMENT', payment },
      invoice.customerId,
      { amount: formatAmount(take), currency: payment.currency },
      invoice.issueDate,
      'orderAdvance',
      meta,
    );
    payment.amountAllocated = formatAmount(parseAmount('amountAllocated', payment.amountAllocated) + take);
    applied = true;
  }
  if (applied) await reviewCreditHoldsAfterSettling(tx, [invoice], meta);
}
