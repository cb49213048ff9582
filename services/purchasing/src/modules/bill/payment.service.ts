import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { SupplierPaymentAppliedV1, SupplierPaymentMadeV1, type EventMetadata } from '@rapport/contracts';
import { badInput, formatAmount, notFound, optionalText, parseMoneyInput, requireIsoDate, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import { transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { amountUnits } from '../order/order-totals.js';
import { today } from '../price/price.service.js';
import { getSupplier } from '../supplier/supplier.service.js';
import { PAYMENT_METHODS, SupplierBill, SupplierPayment, SupplierPaymentAllocation, type ISupplierPayment } from './bill.entity.js';
import { openAmount } from './bill.service.js';

export interface AllocationInput {
  billId: string;
  amount: Money;
}

export interface MakeSupplierPaymentInput {
  supplierId: string;
  amount: Money;
  paidOn?: string | null;
  method: string;
  bankAccount?: string | null;
  reference?: string | null;
  allocations?: AllocationInput[] | null;
}

interface Allocation {
  billId: string;
  units: bigint;
}

/**
 * Allocates to the supplier's bills under their row locks (in id order, so concurrent payments do
 * not deadlock): each bill the supplier's, registered (a held bill is not payable yet:
 * BILL_ON_HOLD), in the payment's currency; what all allocations to one bill add up to at most what
 * is still owed on it (PAYING_MORE_THAN_OWED naming the allocation's amount); their sum at most
 * `available` (ALLOCATED_MORE_THAN_PAID). Adds each to the bill's paid (settled) total and hands it
 * to `record` (a payment's allocation row, a debit note's settlement row).
 */
export async function allocateToBills(
  tx: SqlEntityManager,
  supplierId: string,
  currency: string,
  inputs: readonly AllocationInput[],
  available: bigint,
  field: string,
  record: (billId: string, units: bigint) => void,
): Promise<Allocation[]> {
  const parsed = inputs.map((a, i) => {
    const billId = requireUuid(`${field}.${i}.billId`, a.billId);
    const amount = parseMoneyInput(`${field}.${i}.amount`, a.amount);
    if (amount.currency !== currency) throw badInput(`${field}.${i}.amount.currency`, `${field}.${i}.amount.currency must be ${currency}`, 'CURRENCY_MISMATCH');
    const units = amountUnits(amount.amount);
    if (units <= 0n) throw badInput(`${field}.${i}.amount`, `${field}.${i}.amount must be positive`, 'INVALID_AMOUNT');
    return { billId, units };
  });
  if (!parsed.length) return [];
  const total = parsed.reduce((sum, a) => sum + a.units, 0n);
  if (total > available) throw badInput(field, `${field} allocate ${formatAmount(total)}, more than the ${formatAmount(available)} available`, 'ALLOCATED_MORE_THAN_PAID');
  const ids = [...new Set(parsed.map((a) => a.billId))].sort();
  await tx.execute(`select id from supplier_bill where id in (${ids.map(() => '?').join(', ')}) order by id for update`, ids);
  const bills = new Map((await tx.find(SupplierBill, { id: { $in: ids } }, { refresh: true })).map((b) => [b.id, b]));
  parsed.forEach((a, i) => {
    const bill = bills.get(a.billId);
    if (!bill || bill.supplierId !== supplierId) throw badInput(`${field}.${i}.billId`, `${field}.${i}.billId is not a bill of this supplier`, 'BILL_NOT_FOUND');
    if (bill.status !== 'REGISTERED') throw badInput(`${field}.${i}.billId`, `${field}.${i}.billId: bill ${bill.number} is held for approval and not payable yet`, 'BILL_ON_HOLD');
    if (bill.currency !== currency)
      throw badInput(`${field}.${i}.amount.currency`, `${field}.${i}.amount.currency must be the bill's currency ${bill.currency}`, 'CURRENCY_MISMATCH');
    const owed = openAmount(bill);
    if (a.units > owed)
      throw badInput(
        `${field}.${i}.amount`,
        `${field}.${i}.amount: ${formatAmount(a.units)} is more than the ${formatAmount(owed)} still owed on bill ${bill.number}`,
        'PAYING_MORE_THAN_OWED',
      );
    bill.paidTotal = formatAmount(amountUnits(bill.paidTotal) + a.units);
    record(bill.id, a.units);
  });
  return parsed;
}

/** Records an allocation of payment `paymentId`. */
const allocationOf = (tx: SqlEntityManager, paymentId: string) => (billId: string, units: bigint) =>
  void tx.create(SupplierPaymentAllocation, { id: randomUUID(), paymentId, billId, amount: formatAmount(units), createdAt: new Date() });

const allocationsOut = (allocations: readonly Allocation[], currency: string) =>
  allocations.map((a) => ({ billId: a.billId, amount: { amount: formatAmount(a.units), currency } }));

/**
 * Records a payment to a supplier in its currency, settling bills (partly or in full) with
 * `allocations`; what is not allocated stays an advance to apply later. Announces
 * `purchasing.payment.made.v1` with the allocations.
 */
export async function makeSupplierPayment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: MakeSupplierPaymentInput, meta: EventMetadata): Promise<ISupplierPayment> {
  const supplier = await getSupplier(em, viewer, input.supplierId, 'input.supplierId');
  const amount = parseMoneyInput('input.amount', input.amount);
  if (amount.currency !== supplier.currency)
    throw badInput('input.amount.currency', `input.amount.currency must be the supplier's currency ${supplier.currency}`, 'CURRENCY_MISMATCH');
  const units = amountUnits(amount.amount);
  if (units <= 0n) throw badInput('input.amount.amount', 'input.amount.amount must be positive', 'INVALID_AMOUNT');
  const paidOn = input.paidOn ? requireIsoDate('input.paidOn', input.paidOn) : today();
  const method = requireOneOf('input.method', input.method, PAYMENT_METHODS);
  const bankAccount = optionalText('input.bankAccount', input.bankAccount, 64);
  const reference = optionalText('input.reference', input.reference, 200);
  return em.transactional(async (tx) => {
    await tx.execute('set local lock_timeout = 5000');
    const payment = tx.create(SupplierPayment, {
      id: randomUUID(),
      supplierId: supplier.id,
      amount: amount.amount,
      currency: amount.currency,
      unallocated: amount.amount,
      paidOn,
      method,
      bankAccount,
      reference,
      createdBy: viewer.principal.userId,
      createdAt: new Date(),
    });
    const allocations = await allocateToBills(tx, supplier.id, amount.currency, input.allocations ?? [], units, 'input.allocations', allocationOf(tx, payment.id));
    payment.unallocated = formatAmount(units - allocations.reduce((sum, a) => sum + a.units, 0n));
    publish(
      tx,
      SupplierPaymentMadeV1,
      payment.id,
      {
        paymentId: payment.id,
        supplierId: supplier.id,
        amount: { amount: formatAmount(units), currency: amount.currency },
        paidOn,
        allocations: allocationsOut(allocations, amount.currency),
        madeAt: payment.createdAt.toISOString(),
      },
      meta,
    );
    await tx.flush();
    return payment;
  });
}

export async function getSupplierPayment(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ISupplierPayment> {
  const payment = await em.findOne(SupplierPayment, { id: requireUuid(field, id) });
  if (!payment) throw notFound('SupplierPayment', id, field);
  return payment;
}

/**
 * Applies (part of) an advance — a payment's unallocated rest — to the supplier's bills, under the
 * payment's row lock; at most what is unallocated (ALLOCATED_MORE_THAN_PAID naming `allocations`).
 * Announces `purchasing.payment.applied.v1`.
 */
export async function applySupplierPayment(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  inputs: readonly AllocationInput[],
  meta: EventMetadata,
): Promise<ISupplierPayment> {
  if (!inputs.length) throw badInput('allocations', 'allocations must name at least one bill', 'INVALID_ALLOCATIONS');
  return transition(
    em,
    (tx) => getSupplierPayment(tx, viewer, id),
    async (payment, tx) => {
      const allocations = await allocateToBills(tx, payment.supplierId, payment.currency, inputs, amountUnits(payment.unallocated), 'allocations', allocationOf(tx, payment.id));
      payment.unallocated = formatAmount(amountUnits(payment.unallocated) - allocations.reduce((sum, a) => sum + a.units, 0n));
      publish(
        tx,
        SupplierPaymentAppliedV1,
        payment.id,
        { paymentId: payment.id, supplierId: payment.supplierId, allocations: allocationsOut(allocations, payment.currency), appliedAt: new Date().toISOString() },
        meta,
      );
      return payment;
    },
  );
}

/** A supplier's payments, newest first (at most 500). */
export async function listSupplierPayments(em: SqlEntityManager, viewer: Viewer, supplierId: string | null | undefined): Promise<ISupplierPayment[]> {
  const where = supplierId ? { supplierId: requireUuid('supplierId', supplierId) } : {};
  return em.find(SupplierPayment, where, { orderBy: { paidOn: 'desc', createdAt: 'desc', id: 'desc' }, limit: 500 });
}

export interface Payable {
  supplierId: string;
  currency: string;
  /** What registered bills still owe, in four-place units, by age of the amount past its due date. */
  open: bigint;
  notDue: bigint;
  days1To30: bigint;
  days31To60: bigint;
  days61To90: bigint;
  over90: bigint;
  /** Advances not applied yet. */
  advances: bigint;
  /** Debit notes not applied or refunded yet (goods returned after billing). */
  credits: bigint;
  /** Held bills, not payable yet. */
  held: bigint;
}

/** What is owed net: open bills less advances not applied and debit notes not settled (negative when the supplier owes). */
export const owedUnits = (p: Pick<Payable, 'open' | 'advances' | 'credits'>): bigint => p.open - p.advances - p.credits;

/**
 * What is owed per supplier and currency on day `on` (today by default): registered bills' open
 * amounts aged by days past their due date, advances not yet applied, debit notes not yet settled,
 * and held bills apart.
 * Exact sums in SQL numeric; suppliers owing nothing and holding nothing are left out.
 */
export async function supplierPayables(em: SqlEntityManager, viewer: Viewer, on: string | null | undefined, supplierId?: string | null): Promise<Payable[]> {
  const day = on ? requireIsoDate('on', on) : today();
  const only = supplierId ? requireUuid('supplierId', supplierId) : null;
  const rows = await em.execute<Record<string, string>[]>(
    `with bills as (
       select supplier_id, currency, gross_total - paid_total as open, status, ?::date - due_date as late from supplier_bill where (?::uuid is null or supplier_id = ?::uuid)
     ), advances as (
       select supplier_id, currency, sum(unallocated) as advances from supplier_payment where unallocated > 0 and (?::uuid is null or supplier_id = ?::uuid) group by supplier_id, currency
     ), credits as (
       select supplier_id, currency, sum(gross_total - settled_total) as credits from supplier_debit_note
        where gross_total > settled_total and (?::uuid is null or supplier_id = ?::uuid) group by supplier_id, currency
     ), extras as (
       select coalesce(a.supplier_id, c.supplier_id) as supplier_id, coalesce(a.currency, c.currency) as currency,
              coalesce(a.advances, 0) as advances, coalesce(c.credits, 0) as credits
         from advances a full join credits c on c.supplier_id = a.supplier_id and c.currency = a.currency
     ), owed as (
       select supplier_id, currency,
              coalesce(sum(open) filter (where status = 'REGISTERED'), 0) as open,
              coalesce(sum(open) filter (where status = 'REGISTERED' and late <= 0), 0) as not_due,
              coalesce(sum(open) filter (where status = 'REGISTERED' and late between 1 and 30), 0) as d30,
              coalesce(sum(open) filter (where status = 'REGISTERED' and late between 31 and 60), 0) as d60,
              coalesce(sum(open) filter (where status = 'REGISTERED' and late between 61 and 90), 0) as d90,
              coalesce(sum(open) filter (where status = 'REGISTERED' and late > 90), 0) as over90,
              coalesce(sum(open) filter (where status = 'HELD'), 0) as held
         from bills group by supplier_id, currency
     )
     select coalesce(o.supplier_id, a.supplier_id) as supplier_id, coalesce(o.currency, a.currency) as currency,
            coalesce(o.open, 0) as open, coalesce(o.not_due, 0) as not_due, coalesce(o.d30, 0) as d30, coalesce(o.d60, 0) as d60,
            coalesce(o.d90, 0) as d90, coalesce(o.over90, 0) as over90, coalesce(o.held, 0) as held, coalesce(a.advances, 0) as advances,
            coalesce(a.credits, 0) as credits
       from owed o full join extras a on a.supplier_id = o.supplier_id and a.currency = o.currency
      where coalesce(o.open, 0) > 0 or coalesce(o.held, 0) > 0 or coalesce(a.advances, 0) > 0 or coalesce(a.credits, 0) > 0
      order by 1, 2`,
    [day, only, only, only, only, only, only],
  );
  return rows.map((r) => ({
    supplierId: r.supplier_id!,
    currency: r.currency!,
    open: amountUnits(r.open!),
    notDue: amountUnits(r.not_due!),
    days1To30: amountUnits(r.d30!),
    days31To60: amountUnits(r.d60!),
    days61To90: amountUnits(r.d90!),
    over90: amountUnits(r.over90!),
    advances: amountUnits(r.advances!),
    credits: amountUnits(r.credits!),
    held: amountUnits(r.held!),
  }));
}
