import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { formatAmount, parseAmount, type Money } from '@rapport/errors';
import { createdAt, currency, money, updatedAt } from '@rapport/subgraph-kit/properties';

export const INVOICE_STATUSES = ['ISSUED', 'PARTIALLY_PAID', 'PAID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** A bill sent to a customer: a total in one currency, paid off by payments until the balance is zero. */
export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('invoice_number_key'),
    customerId: p.uuid(),
    orderId: p.uuid().nullable(),
    issueDate: p.date(),
    dueDate: p.date(),
    currency: currency(),
    total: money(),
    amountPaid: money().defaultRaw('0'),
    status: p.enum([...INVOICE_STATUSES]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IInvoice = InferEntity<typeof Invoice>;

/** Today's date in UTC as YYYY-MM-DD: the day against which due dates are judged. */
export const utcToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** `INV-000042` from the sequence value 42. */
export const invoiceNumber = (sequenceValue: string | number | bigint): string => `INV-${String(sequenceValue).padStart(6, '0')}`;

/** What is still owed, in scaled units (exact). */
export const balanceUnits = (invoice: IInvoice): bigint => parseAmount('total', invoice.total) - parseAmount('amountPaid', invoice.amountPaid);

/** An amount of this invoice's currency as Money, in the canonical decimal format. */
export const invoiceMoney = (invoice: IInvoice, units: bigint): Money => ({ amount: formatAmount(units), currency: invoice.currency });

/** Overdue: something is still owed and the due date has passed (strictly before `today`, UTC). */
export const isOverdue = (invoice: IInvoice, today: string = utcToday()): boolean => balanceUnits(invoice) > 0n && invoice.dueDate < today;

/**
 * Adds a payment of `units` (already checked to be positive, in the invoice's currency and no
 * more than the balance) and moves the status to PARTIALLY_PAID or PAID.
 */
export function applyPayment(invoice: IInvoice, units: bigint): void {
  invoice.amountPaid = formatAmount(parseAmount('amountPaid', invoice.amountPaid) + units);
  invoice.status = balanceUnits(invoice) === 0n ? 'PAID' : 'PARTIALLY_PAID';
}
