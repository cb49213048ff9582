import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A company the business buys goods from, billing in its own currency on its own terms. */
export const Supplier = defineEntity({
  name: 'Supplier',
  tableName: 'supplier',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    currency: p.string().length(3).columnType('char(3)'),
    paymentTermsDays: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Set when the supplier is (softly) deleted; restorable. */
    deletedAt: p.datetime().nullable(),
  },
});
export type ISupplier = InferEntity<typeof Supplier>;
