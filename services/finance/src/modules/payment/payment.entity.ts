import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, updatedAt } from '@rapport/subgraph-kit/properties';
import { rate } from '../currency/currency.entity.js';

export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Money received from a customer: when, how, into which account, with which reference. Allocated
 * over invoices (`amountAllocated`); what is not allocated is the customer's credit (an advance),
 * applied to invoices later. `invoiceId` is the invoice a payment recorded before allocations
 * existed was for (null for the rest).
 */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    invoiceId: p.uuid().nullable(),
    /** The confirmed order the payment is an advance on (finance's read copy); null for the rest. */
    orderId: p.uuid().nullable(),
    amount: money(),
    currency: currency(),
    paidOn: p.date(),
    method: p.enum([...PAYMENT_METHODS]).defaultRaw(`'BANK_TRANSFER'`),
    account: p.text().defaultRaw(`'BANK'`),
    reference: p.text().nullable(),
    amountAllocated: money().defaultRaw('0'),
    /** The rate of `currency` to the base currency on the day received; null when none was set then. */
    rateToBase: rate().nullable(),
    /** `amount` in the base currency at `rateToBase`; null without a rate. */
    baseAmount: money().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IPayment = InferEntity<typeof Payment>;

/**
 * Part of a payment or of a credit note settling an invoice; exactly one of `paymentId` and
 * `creditNoteId` is set. `amount` is what it settled, in the invoice's currency; `sourceAmount` what
 * it took from the payment or credit note, in that document's currency, at `rate` (source → invoice,
 * on the payment's day; null when both are one currency). `exchangeDifference` is the realised
 * difference in base currency (null for a credit note, or when either document has no rate).
 */
export const Allocation = defineEntity({
  name: 'Allocation',
  tableName: 'allocation',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    paymentId: p.uuid().nullable(),
    creditNoteId: p.uuid().nullable(),
    amount: money(),
    currency: currency(),
    sourceAmount: money(),
    sourceCurrency: currency(),
    rate: rate().nullable(),
    exchangeDifference: money().nullable(),
    allocatedOn: p.date(),
    createdAt: createdAt(),
  },
});
export type IAllocation = InferEntity<typeof Allocation>;
