import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, deletedAt, money, quantity } from '@rapport/subgraph-kit/properties';

/**
 * What a supplier charges for a product (Odoo's vendor pricelist, ERPNext's item price): in the
 * supplier's currency, from a minimum quantity, with a lead time, within an optional validity window.
 */
export const SupplierPrice = defineEntity({
  name: 'SupplierPrice',
  tableName: 'supplier_price',
  properties: {
    id: p.uuid().primary(),
    supplierId: p.uuid(),
    productId: p.uuid(),
    price: money(),
    currency: currency(),
    minimumQuantity: quantity(),
    leadTimeDays: p.integer(),
    /** First day the price holds (ISO date); null: since always. */
    validFrom: p.date().nullable(),
    /** Last day the price holds (ISO date); null: until further notice. */
    validTo: p.date().nullable(),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
});
export type ISupplierPrice = InferEntity<typeof SupplierPrice>;
