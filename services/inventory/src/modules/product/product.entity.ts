import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, deletedAt, money, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * Something the business sells and ships: a code (SKU), a name, a specification, a category, a
 * unit, a list price and a standard cost (both in the product's currency). Active unless retired
 * (deleted softly).
 */
export const Product = defineEntity({
  name: 'Product',
  tableName: 'product',
  properties: {
    id: p.uuid().primary(),
    sku: p.text().unique('product_sku_key'),
    name: p.text(),
    /** What the product is, in the words of a datasheet (dimensions, material, ratings). */
    specification: p.text().nullable(),
    /** A free grouping such as "Pumps" or "Spare parts". */
    category: p.text().nullable(),
    unit: p.text(),
    listPrice: money(),
    /** What one unit costs the business: the value of stock; hidden from sales (no margins). */
    standardCost: money().default(0),
    currency: currency(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the product is retired (softly deleted) from the catalogue; restorable. */
    deletedAt: deletedAt(),
  },
});
export type IProduct = InferEntity<typeof Product>;
