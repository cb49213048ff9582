import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { formatAmount, parseAmount, type Money } from '@rapport/errors';
import { createdAt, currency, money, quantity, updatedAt } from '@rapport/subgraph-kit/properties';
import { rate } from '../currency/currency.entity.js';
import { percent } from '../order-copy/order-copy.entity.js';

export const INVOICE_STATUSES = ['ISSUED', 'PARTIALLY_PAID', 'PAID', 'CREDITED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_KINDS = ['STANDARD', 'ADVANCE', 'FREE', 'OPENING_BALANCE', 'FEE'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/**
 * A bill sent to a customer: lines in one currency with totals per tax rate (`total` is the gross),
 * settled by payment allocations (`amountPaid`) and credit notes (`amountCredited`) until the
 * balance is zero. Immutable once issued except for those two sums and the status they derive.
 */
export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('invoice_number_key'),
    customerId: p.uuid(),
    orderId: p.uuid().nullable(),
    kind: p.enum([...INVOICE_KINDS]).defaultRaw(`'STANDARD'`),
    issueDate: p.date(),
    dueDate: p.date(),
    currency: currency(),
    netTotal: money(),
    taxTotal: money().defaultRaw('0'),
    total: money(),
    amountPaid: money().defaultRaw('0'),
    amountCredited: money().defaultRaw('0'),
    /** The rate of `currency` to the base currency on the issue date; null when none was set then. */
    rateToBase: rate().nullable(),
    /** `total` in the base currency at `rateToBase` (half up at its minor unit); null without a rate. */
    baseTotal: money().nullable(),
    paymentTermsDays: p.integer().nullable(),
    status: p.enum([...INVOICE_STATUSES]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IInvoice = InferEntity<typeof Invoice>;

/** Today's date in UTC as YYYY-MM-DD: the day against which due dates are judged. */
export const utcToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** What is still owed, in scaled units (exact): total less payments and credit notes allocated to it. */
export const balanceUnits = (invoice: IInvoice): bigint =>
  parseAmount('total', invoice.total) - parseAmount('amountPaid', invoice.amountPaid) - parseAmount('amountCredited', invoice.amountCredited);

/** An amount of this invoice's currency as Money, in the canonical decimal format. */
export const invoiceMoney = (invoice: IInvoice, units: bigint): Money => ({ amount: formatAmount(units), currency: invoice.currency });

/** Overdue: something is still owed and the due date has passed (strictly before `today`, UTC). */
export const isOverdue = (invoice: IInvoice, today: string = utcToday()): boolean => balanceUnits(invoice) > 0n && invoice.dueDate < today;

/** The status the settled sums give: nothing settled ISSUED; settled in full PAID, or CREDITED when credit notes settled it alone; else PARTIALLY_PAID. */
export function derivedStatus(invoice: IInvoice): InvoiceStatus {
  const paid = parseAmount('amountPaid', invoice.amountPaid);
  if (balanceUnits(invoice) === 0n) return paid === 0n ? 'CREDITED' : 'PAID';
  return paid === 0n ? 'ISSUED' : 'PARTIALLY_PAID';
}

/**
 * Settles `units` of the invoice (already checked to be positive, in its currency and no more than
 * its balance) by a payment or a credit note, and derives the status from the sums.
 */
export function applyPayment(invoice: IInvoice, units: bigint, by: 'PAYMENT' | 'CREDIT_NOTE' = 'PAYMENT'): void {
  if (by === 'PAYMENT') invoice.amountPaid = formatAmount(parseAmount('amountPaid', invoice.amountPaid) + units);
  else invoice.amountCredited = formatAmount(parseAmount('amountCredited', invoice.amountCredited) + units);
  invoice.status = derivedStatus(invoice);
}

/** What an order invoice bills: DELIVERED (the default) what was shipped; ORDERED what was ordered and not cancelled, before delivery (prepayment). */
export const INVOICE_BASES = ['DELIVERED', 'ORDERED'] as const;
export type InvoiceBasis = (typeof INVOICE_BASES)[number];

/** A line of an issued invoice: what was billed, at which price, discount and tax rate, and its net (half up at the minor unit). */
export const InvoiceLine = defineEntity({
  name: 'InvoiceLine',
  tableName: 'invoice_line',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    position: p.integer(),
    orderLineId: p.uuid().nullable(),
    productId: p.uuid().nullable(),
    description: p.text(),
    quantity: quantity(),
    unitPrice: money(),
    discountPercent: percent(),
    taxRate: percent(),
    netAmount: money(),
    /** The advance invoice this (negative) line deducts, on a final invoice; null otherwise. */
    deductsInvoiceId: p.uuid().nullable(),
    /** What an order line was billed on: DELIVERED (shipped) or ORDERED (a prepayment); null on lines of no order line. */
    basis: p.enum([...INVOICE_BASES]).nullable(),
    createdAt: createdAt(),
  },
});
export type IInvoiceLine = InferEntity<typeof InvoiceLine>;

/** An invoice's total for one tax rate: the net of its lines at that rate and the tax on it. */
export const InvoiceTax = defineEntity({
  name: 'InvoiceTax',
  tableName: 'invoice_tax',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    taxRate: percent(),
    netAmount: money(),
    taxAmount: money(),
  },
});
export type IInvoiceTax = InferEntity<typeof InvoiceTax>;
