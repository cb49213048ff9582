import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { money, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/** Every kind of stock move; the sign of its quantity follows from the kind (ADJUSTMENT and COUNT go either way). */
export const STOCK_MOVE_KINDS = [
  'RECEIPT',
  'DELIVERY',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'ADJUSTMENT',
  'COUNT',
  'LOAN_OUT',
  'LOAN_RETURN',
  'SAMPLE',
  'CUSTOMER_RETURN',
  'SUPPLIER_RETURN',
] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];

/**
 * One line of the stock ledger: a signed quantity of a product into (+) or out of (−) a warehouse.
 * Append-only (a database trigger refuses changes); written by raw SQL in `stock-ledger.ts` in the
 * same transaction as its stock level, so neither exists without the other.
 */
export const StockMove = defineEntity({
  name: 'StockMove',
  tableName: 'stock_move',
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    kind: p.enum([...STOCK_MOVE_KINDS]),
    quantity: quantity(),
    /** What one unit was worth when it moved (in `currency`), e.g. the receipt's price; null when unknown. */
    unitCost: money().nullable(),
    currency: p.string().columnType('char(3)').nullable(),
    reason: p.text().nullable(),
    /** The document the move belongs to (e.g. SALES_ORDER, SHIPMENT, PURCHASE_ORDER) and its id. */
    referenceType: p.text().nullable(),
    referenceId: p.uuid().nullable(),
    /** Who moved it: the user, or the actor of the event that caused it. */
    actorId: p.uuid().nullable(),
    movedAt: timestamp(),
  },
});
export type IStockMove = InferEntity<typeof StockMove>;

/**
 * The stock of one product in one warehouse: on hand (the sum of its moves), reserved for orders,
 * incoming (purchase orders) and in transit (transfers). Available = on hand − reserved. Changed
 * only under its row lock in the transaction of the move or reservation that changes it.
 */
export const StockLevel = defineEntity({
  name: 'StockLevel',
  tableName: 'stock_level',
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    onHand: quantity().default(0),
    reserved: quantity().default(0),
    incoming: quantity().default(0),
    inTransit: quantity().default(0),
    /** Below this much available stock a safety alarm is raised; 0: no alarm. */
    safetyStock: quantity().default(0),
    /** How much purchasing should reorder when the alarm is raised. */
    reorderQuantity: quantity().default(0),
    updatedAt: updatedAt(),
  },
  uniques: [{ name: 'stock_level_product_warehouse_key', properties: ['productId', 'warehouseId'] }],
});
export type IStockLevel = InferEntity<typeof StockLevel>;

/**
 * A safety alarm: available stock of a product in a warehouse fell below its safety level. One per
 * crossing: raised once, cleared (`recoveredAt`) when available stock is back at the safety level.
 */
export const StockAlarm = defineEntity({
  name: 'StockAlarm',
  tableName: 'stock_alarm',
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid(),
    warehouseId: p.uuid(),
    /** Available stock when the alarm was raised. */
    available: quantity(),
    safetyStock: quantity(),
    reorderQuantity: quantity(),
    raisedAt: timestamp(),
    recoveredAt: timestamp().nullable(),
    /** Available stock when it recovered. */
    recoveredAvailable: quantity().nullable(),
  },
});
export type IStockAlarm = InferEntity<typeof StockAlarm>;
