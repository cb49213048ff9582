import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const CUSTOMER_KINDS = ['COMPANY', 'PERSON'] as const;
export const LIFECYCLE_STATES = ['LEAD', 'PROSPECT', 'ACTIVE', 'DORMANT', 'LOST'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** A company or person the business sells to; the record every other service points at. */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    kind: p.enum([...CUSTOMER_KINDS]),
    lifecycleState: p.enum([...LIFECYCLE_STATES]),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    ownerId: p.uuid().nullable(),
    teamId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    /** Set when the customer is (softly) deleted; restorable. */
    deletedAt: p.datetime().nullable(),
  },
});
export type ICustomer = InferEntity<typeof Customer>;
