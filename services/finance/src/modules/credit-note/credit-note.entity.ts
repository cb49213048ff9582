import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity, updatedAt } from '@rapport/subgraph-kit/properties';
import { rate } from '../currency/currency.entity.js';
import { percent } from '../order-copy/order-copy.entity.js';

export const CREDIT_NOTE_REASONS = ['RETURN', 'CANCELLATION', 'PRICE_CORRECTION', 'OTHER'] as const;
export type CreditNoteReason = (typeof CREDIT_NOTE_REASONS)[number];

/**
 * A correction of an issued invoice (numbered CN-YYYY-NNNNNN without gaps): its gross is applied to
 * the invoice's balance as far as it goes (`amountApplied`, also to other invoices later); the rest
 * is the customer's credit until refunded (`amountRefunded`) or applied.
 */
export const CreditNote = defineEntity({
  name: 'CreditNote',
  tableName: 'credit_note',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('credit_note_number_key'),
    invoiceId: p.uuid(),
    customerId: p.uuid(),
    orderId: p.uuid().nullable(),
    reason: p.enum([...CREDIT_NOTE_REASONS]),
    currency: currency(),
    issueDate: p.date(),
    netTotal: money(),
    taxTotal: money(),
    grossTotal: money(),
    amountApplied: money().defaultRaw('0'),
    amountRefunded: money().defaultRaw('0'),
    /** The rate of `currency` to the base currency on the issue date; null when none was set then. */
    rateToBase: rate().nullable(),
    /** `grossTotal` in the base currency at `rateToBase`; null without a rate. */
    baseGrossTotal: money().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ICreditNote = InferEntity<typeof CreditNote>;

/** A line of a credit note: an invoice line's quantity taken back (`returnsQuantity`) or its price corrected. */
export const CreditNoteLine = defineEntity({
  name: 'CreditNoteLine',
  tableName: 'credit_note_line',
  properties: {
    id: p.uuid().primary(),
    creditNoteId: p.uuid(),
    position: p.integer(),
    invoiceLineId: p.uuid().nullable(),
    orderLineId: p.uuid().nullable(),
    productId: p.uuid().nullable(),
    description: p.text(),
    quantity: quantity(),
    returnsQuantity: p.boolean(),
    unitPrice: money(),
    discountPercent: percent(),
    taxRate: percent(),
    netAmount: money(),
  },
});
export type ICreditNoteLine = InferEntity<typeof CreditNoteLine>;

/** A credit note's total for one tax rate; its invoice is named so what was credited per rate is one indexed sum. */
export const CreditNoteTax = defineEntity({
  name: 'CreditNoteTax',
  tableName: 'credit_note_tax',
  properties: {
    id: p.uuid().primary(),
    creditNoteId: p.uuid(),
    invoiceId: p.uuid(),
    taxRate: percent(),
    netAmount: money(),
    taxAmount: money(),
  },
});
export type ICreditNoteTax = InferEntity<typeof CreditNoteTax>;
