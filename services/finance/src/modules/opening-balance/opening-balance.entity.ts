import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from '@rapport/subgraph-kit/properties';

/**
 * Where an opening balance came from: the previous system's reference and date of the open item
 * it continues. The open amount itself is held as an invoice of kind OPENING_BALANCE (numbered
 * OB-YYYY-NNNNNN), so payments, allocation, ageing and dunning treat it as any receivable.
 */
export const OpeningBalance = defineEntity({
  name: 'OpeningBalance',
  tableName: 'opening_balance',
  properties: {
    invoiceId: p.uuid().primary(),
    customerId: p.uuid(),
    reference: p.text(),
    documentDate: p.date(),
    importId: p.uuid(),
    createdAt: createdAt(),
  },
  uniques: [{ name: 'opening_balance_customer_reference_key', properties: ['customerId', 'reference'] }],
});
export type IOpeningBalance = InferEntity<typeof OpeningBalance>;
