import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from '@rapport/subgraph-kit/properties';

/** A place stock is kept in: a unique code, a name and an address; in use or not. */
export const Warehouse = defineEntity({
  name: 'Warehouse',
  tableName: 'warehouse',
  properties: {
    id: p.uuid().primary(),
    code: p.text().unique('warehouse_code_key'),
    name: p.text(),
    address: p.text().nullable(),
    /** Whether moves may take its stock below zero (a shop floor that books consumption late); false everywhere else. */
    allowNegativeStock: p.boolean().default(false),
    /** Whether the warehouse is in use: purchasing refuses orders to one that is not (announced with the warehouse's events). */
    active: p.boolean().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IWarehouse = InferEntity<typeof Warehouse>;
