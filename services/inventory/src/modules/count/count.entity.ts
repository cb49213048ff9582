import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, quantity, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * A stock count sheet of one warehouse (CNT-000001…): open while quantities are counted, then posted
 * (COUNT moves for the differences, in one transaction) or cancelled. Written by raw SQL beside the
 * ledger (`count.service.ts`), under the count's row lock.
 */
export const StockCount = defineEntity({
  name: 'StockCount',
  tableName: 'stock_count',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('stock_count_number_key'),
    warehouseId: p.uuid(),
    note: p.text().nullable(),
    postedAt: timestamp().nullable(),
    cancelledAt: timestamp().nullable(),
    actorId: p.uuid().nullable(),
    postedBy: p.uuid().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IStockCount = InferEntity<typeof StockCount>;

/** One product on a count: the quantity expected (on hand when it was put on the sheet) and the quantity counted. */
export const StockCountLine = defineEntity({
  name: 'StockCountLine',
  tableName: 'stock_count_line',
  properties: {
    id: p.uuid().primary(),
    countId: p.uuid(),
    productId: p.uuid(),
    expected: quantity(),
    counted: quantity().nullable(),
    frozenAt: timestamp(),
  },
  uniques: [{ name: 'stock_count_line_product_key', properties: ['countId', 'productId'] }],
});
export type IStockCountLine = InferEntity<typeof StockCountLine>;
