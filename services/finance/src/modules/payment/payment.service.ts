import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { PaymentRecordedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, normaliseAmount, notFound, parseAmount, parseMoneyInput, requireIsoDate, requireUuid, type Money } from '@rapport/errors';
import { restrictToVisibleCustomers, transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { applyPayment, balanceUnits, Invoice, invoiceMoney, type IInvoice } from '../invoice/invoice.entity.js';
import { Payment } from './payment.entity.js';

export interface RecordPaymentInput {
  invoiceId: string;
  amount: Money;
  paidOn: string;
}

/**
 * Records a payment against an invoice and updates its amount paid and status, in one
 * transaction holding the invoice's row lock (the kit's transition), so two concurrent payments cannot
 * overpay it; a paid invoice takes no more payments (CONFLICT).
 * Writes `finance.payment.recorded.v1` in the same transaction. An invoice the caller may not see is NOT_FOUND.
 */
export async function recordPayment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: RecordPaymentInput, meta: EventMetadata): Promise<IInvoice> {
  const invoiceId = requireUuid('input.invoiceId', input.invoiceId);
  const amount = parseMoneyInput('input.amount', input.amount);
  const units = parseAmount('input.amount.amount', amount.amount);
  if (units === 0n) throw badInput('input.amount.amount', 'input.amount.amount must be greater than zero', 'ZERO_AMOUNT');
  const paidOn = requireIsoDate('input.paidOn', input.paidOn);
  const load = async (tx: SqlEntityManager): Promise<IInvoice> => {
    const qb = tx.createQueryBuilder(Invoice, 'i').select('*').where({ id: invoiceId });
    restrictToVisibleCustomers(qb, 'i', viewer);
    const invoice = await qb.getSingleResult();
    if (!invoice) throw notFound('Invoice', input.invoiceId, 'input.invoiceId');
    return invoice;
  };
  return transition(em, load, (invoice, tx) => {
    if (invoice.status === 'PAID') throw conflict('INVOICE_PAID', `invoice ${invoice.number} is paid already`, 'input.invoiceId');
    if (amount.currency !== invoice.currency) {
      throw badInput('input.amount.currency', `input.amount.currency must be ${invoice.currency}, the currency of invoice ${invoice.number}`, 'CURRENCY_MISMATCH');
    }
    const balance = balanceUnits(invoice);
    if (units > balance) {
      const owed = invoiceMoney(invoice, balance);
      throw badInput('input.amount.amount', `input.amount.amount exceeds the balance of invoice ${invoice.number} (${owed.amount} ${owed.currency})`, 'OVERPAYMENT');
    }
    const payment = tx.create(Payment, { id: randomUUID(), invoiceId: invoice.id, amount: amount.amount, currency: amount.currency, paidOn });
    applyPayment(invoice, units);
    publish(
      tx,
      PaymentRecordedV1,
      payment.id,
      {
        paymentId: payment.id,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        invoiceNumber: invoice.number,
        amount: { amount: normaliseAmount(amount.amount), currency: amount.currency },
        paidOn,
      },
      meta,
    );
    return invoice;
  });
}
