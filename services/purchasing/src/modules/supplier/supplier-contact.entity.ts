import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, deletedAt } from '@rapport/subgraph-kit/properties';

/** A person at a supplier purchasing deals with. */
export const SupplierContact = defineEntity({
  name: 'SupplierContact',
  tableName: 'supplier_contact',
  properties: {
    id: p.uuid().primary(),
    supplierId: p.uuid(),
    name: p.text(),
    position: p.text().nullable(),
    email: p.text().nullable(),
    phone: p.text().nullable(),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
});
export type ISupplierContact = InferEntity<typeof SupplierContact>;

export const ADDRESS_KINDS = ['OFFICE', 'BILLING', 'SHIPPING'] as const;

/** One of a supplier's addresses: its office, where bills come from, or where goods ship from. */
export const SupplierAddress = defineEntity({
  name: 'SupplierAddress',
  tableName: 'supplier_address',
  properties: {
    id: p.uuid().primary(),
    supplierId: p.uuid(),
    kind: p.enum([...ADDRESS_KINDS]),
    street: p.text(),
    postalCode: p.text(),
    city: p.text(),
    /** ISO 3166-1 alpha-2, upper-case. */
    country: p.string().columnType('char(2)'),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
});
export type ISupplierAddress = InferEntity<typeof SupplierAddress>;
