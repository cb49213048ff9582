import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, deletedAt } from '@rapport/subgraph-kit/properties';

/** A company the business buys goods from, billing in its own currency on its own terms. */
export const Supplier = defineEntity({
  name: 'Supplier',
  tableName: 'supplier',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    currency: currency(),
    paymentTermsDays: p.integer(),
    createdAt: createdAt(),
    /** Set when the supplier is (softly) deleted; restorable. */
    deletedAt: deletedAt(),
  },
});
export type ISupplier = InferEntity<typeof Supplier>;
