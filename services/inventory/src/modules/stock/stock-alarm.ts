import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { StockBelowSafetyV1, StockRecoveredV1, type EventMetadata } from '@rapport/contracts';
import { formatQuantity, quantityUnits } from '@rapport/errors';

/** The key of a product's stock in a warehouse, as the safety events are keyed (one partition keeps its alarms in order). */
export const stockKey = (productId: string, warehouseId: string): string => `${productId}:${warehouseId}`;

/**
 * Raises or clears the safety alarm of a product in a warehouse after its level changed, in the
 * same transaction (the caller holds the product's row lock): when available stock is below a
 * safety level above zero and no alarm is open, one is raised (`inventory.stock.below-safety.v1`);
 * when an alarm is open and available stock is back at the safety level (or the level was set to
 * zero), it is cleared (`inventory.stock.recovered.v1`). So one crossing, one alarm.
 */
export async function evaluateSafety(em: SqlEntityManager, productId: string, warehouseId: string, meta: EventMetadata): Promise<void> {
  const [level] = await em.execute<{ on_hand: string; reserved: string; safety_stock: string; reorder_quantity: string }[]>(
    'select on_hand, reserved, safety_stock, reorder_quantity from stock_level where product_id = ? and warehouse_id = ?',
    [productId, warehouseId],
  );
  if (!level) return;
  const available = quantityUnits(level.on_hand) - quantityUnits(level.reserved);
  const safety = quantityUnits(level.safety_stock);
  const [open] = await em.execute<{ id: string }[]>('select id from stock_alarm where product_id = ? and warehouse_id = ? and recovered_at is null for update', [
    productId,
    warehouseId,
  ]);
  const now = new Date();
  if (!open && safety > 0n && available < safety) {
    const id = randomUUID();
    const data = {
      alarmId: id,
      productId,
      warehouseId,
      available: formatQuantity(available),
      safetyStock: formatQuantity(safety),
      reorderQuantity: formatQuantity(quantityUnits(level.reorder_quantity)),
      raisedAt: now.toISOString(),
    };
    await em.execute(
      'insert into stock_alarm (id, product_id, warehouse_id, available, safety_stock, reorder_quantity, raised_at) values (?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?)',
      [id, productId, warehouseId, data.available, data.safetyStock, data.reorderQuantity, now],
    );
    publish(em, StockBelowSafetyV1, stockKey(productId, warehouseId), data, meta);
  } else if (open && (safety === 0n || available >= safety)) {
    await em.execute('update stock_alarm set recovered_at = ?, recovered_available = ?::numeric where id = ?', [now, formatQuantity(available), open.id]);
    publish(
      em,
      StockRecoveredV1,
      stockKey(productId, warehouseId),
      { alarmId: open.id, productId, warehouseId, available: formatQuantity(available), recoveredAt: now.toISOString() },
      meta,
    );
  }
}
