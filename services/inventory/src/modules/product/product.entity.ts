import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, deletedAt, money, updatedAt } from '@rapport/subgraph-kit/properties';

/** Something the business sells and ships: a code (SKU), a name, a unit and a list price. */
export const Product = defineEntity({
  name: 'Product',
  tableName: 'product',
  properties: {
    id: p.uuid().primary(),
    sku: p.text().unique('product_sku_key'),
    name: p.text(),
    unit: p.text(),
    listPrice: money(),
    currency: currency(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the product is (softly) deleted from the catalogue; restorable. */
    deletedAt: deletedAt(),
  },
});
export type IProduct = InferEntity<typeof Product>;
