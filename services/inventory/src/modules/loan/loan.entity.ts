import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

export const LOAN_KINDS = ['LOAN', 'SAMPLE'] as const;
export type LoanKind = (typeof LOAN_KINDS)[number];

/**
 * Goods out to a customer on loan or as a sample (LN-000001…): a LOAN_OUT or SAMPLE move when lent,
 * LOAN_RETURN moves as they come back; what the customer keeps is converted into a sale (no move:
 * the goods already left). Open = quantity − returned − converted. Written by raw SQL beside the
 * ledger (`loan.service.ts`), under the loan's row lock.
 */
export const Loan = defineEntity({
  name: 'Loan',
  tableName: 'loan',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('loan_number_key'),
    kind: p.enum([...LOAN_KINDS]),
    customerId: p.uuid(),
    ownerId: p.uuid().nullable(),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    quantity: quantity(),
    returned: quantity().default(0),
    converted: quantity().default(0),
    expectedReturnDate: p.date().nullable(),
    note: p.text().nullable(),
    lentAt: timestamp(),
    overdueFlaggedAt: timestamp().nullable(),
    actorId: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ILoan = InferEntity<typeof Loan>;

/**
 * Goods of a loan the customer kept, become a sale: the sales order `orderId` sales makes of them and
 * the shipment `shipmentId` inventory reports for that order (no move: the goods left when lent),
 * `shippedAt` once reported. The unit price agreed at conversion, or null for the list price.
 * Written by raw SQL (`loan.service.ts`, `loan-conversion.ts`).
 */
export const LoanConversion = defineEntity({
  name: 'LoanConversion',
  tableName: 'loan_conversion',
  properties: {
    orderId: p.uuid().primary(),
    shipmentId: p.uuid().unique('loan_conversion_shipment_key'),
    loanId: p.uuid(),
    quantity: quantity(),
    unitPrice: money().nullable(),
    currency: currency().nullable(),
    convertedAt: timestamp(),
    shippedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ILoanConversion = InferEntity<typeof LoanConversion>;
