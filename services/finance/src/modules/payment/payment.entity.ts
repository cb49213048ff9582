import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Money received from a customer against one invoice, in that invoice's currency. */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.uuid().primary(),
    invoiceId: p.uuid(),
    amount: p.decimal().precision(19).scale(4),
    currency: p.string().columnType('char(3)'),
    paidOn: p.date(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IPayment = InferEntity<typeof Payment>;
