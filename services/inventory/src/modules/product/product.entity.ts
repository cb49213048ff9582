import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Something the business sells and ships: a code (SKU), a name, a unit and a list price. */
export const Product = defineEntity({
  name: 'Product',
  tableName: 'product',
  properties: {
    id: p.uuid().primary(),
    sku: p.text().unique(),
    name: p.text(),
    unit: p.text(),
    listPrice: p.decimal(),
    currency: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    /** Set when the product is (softly) deleted from the catalogue; restorable. */
    deletedAt: p.datetime().nullable(),
  },
});
export type IProduct = InferEntity<typeof Product>;
