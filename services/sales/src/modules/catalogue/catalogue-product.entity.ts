import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { currency, deletedAt, money, timestamp } from '@rapport/subgraph-kit/properties';

/**
 * Sales' read copy of a product of inventory's catalogue (DESIGN.md, the document chain): the full
 * snapshot of the last `inventory.product.created.v2` / `.changed.v1` (a snapshot older than the
 * one held, by `changedAt`, is ignored), and whether inventory retired it (`deletedAt`). Only
 * inventory's events write it; order and quotation lines name active, undeleted products only.
 */
export const CatalogueProduct = defineEntity({
  name: 'CatalogueProduct',
  tableName: 'catalogue_product',
  properties: {
    id: p.uuid().primary(),
    sku: p.text(),
    name: p.text(),
    unit: p.text(),
    listPrice: money(),
    listPriceCurrency: currency(),
    /** Null while only a v1 creation event (without cost) is known. */
    standardCost: money().nullable(),
    standardCostCurrency: currency().nullable(),
    active: p.boolean(),
    /** When inventory last changed the product: the snapshot held. */
    changedAt: timestamp(),
    deletedAt: deletedAt(),
  },
});
export type ICatalogueProduct = InferEntity<typeof CatalogueProduct>;
