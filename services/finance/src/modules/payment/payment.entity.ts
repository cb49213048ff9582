import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money } from '@rapport/subgraph-kit/properties';

/** Money received from a customer against one invoice, in that invoice's currency. */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    amount: money(),
    currency: currency(),
    paidOn: p.date(),
    createdAt: createdAt(),
  },
});
export type IPayment = InferEntity<typeof Payment>;
