import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { lockLevel } from '../stock/stock-ledger.js';

// The two inbound counters of a stock level, kept equal to the documents they sum: `incoming` to what
// the purchase order lines counted in that warehouse still expect, `in_transit` to what transfers to
// that warehouse have not delivered yet. Recomputed (not incremented) for the levels a change touches,
// under the level's row lock, by callers holding the products' row locks.

/** What a purchase order line still expects: nothing once it left the latest approval or its order was cancelled. */
export const STILL_EXPECTED_SQL = `case when e.open and o.cancelled_at is null then greatest(e.ordered - e.received - e.cancelled, 0) else 0 end`;

/** A product in a warehouse. */
export interface StockKey {
  productId: string;
  warehouseId: string;
}

const distinctKeys = (keys: readonly StockKey[]): StockKey[] =>
  [...new Map(keys.map((k) => [`${k.productId}:${k.warehouseId}`, k])).values()].sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId),
  );

/**
 * Sets `incoming` of each level to the sum of what the purchase order lines counted there still
 * expect (levels created at zero when missing). Products unknown here are skipped: they have no level.
 */
export async function refreshIncoming(em: SqlEntityManager, keys: readonly StockKey[]): Promise<void> {
  for (const key of distinctKeys(keys)) {
    const [known] = await em.execute<{ id: string }[]>('select id from product where id = ?', [key.productId]);
    if (!known) continue;
    const level = await lockLevel(em, key.productId, key.warehouseId);
    const [sum] = await em.execute<{ q: string }[]>(
      `select coalesce(sum(${STILL_EXPECTED_SQL}), 0)::text as q
       from expected_receipt e join expected_order o on o.purchase_order_id = e.purchase_order_id
       where e.product_id = ? and e.warehouse_id = ?`,
      [key.productId, key.warehouseId],
    );
    await em.execute('update stock_level set incoming = ?::numeric, updated_at = now() where id = ?', [formatQuantity(quantityUnits(sum?.q ?? '0')), level.id]);
  }
}

/** Sets `in_transit` of each level to what transfers to its warehouse have sent of the product and not delivered. */
export async function refreshInTransit(em: SqlEntityManager, keys: readonly StockKey[]): Promise<void> {
  for (const key of distinctKeys(keys)) {
    const level = await lockLevel(em, key.productId, key.warehouseId);
    const [sum] = await em.execute<{ q: string }[]>(
      `select coalesce(sum(l.quantity - l.received), 0)::text as q
       from transfer_line l join transfer t on t.id = l.transfer_id
       where l.product_id = ? and t.to_warehouse_id = ?`,
      [key.productId, key.warehouseId],
    );
    await em.execute('update stock_level set in_transit = ?::numeric, updated_at = now() where id = ?', [formatQuantity(quantityUnits(sum?.q ?? '0')), level.id]);
  }
}

/** A level whose inbound counters disagree with the documents they sum. */
export interface InboundMismatch {
  productId: string;
  warehouseId: string;
  incoming: string;
  stillExpected: string;
  inTransit: string;
  notDelivered: string;
}

/**
 * Every product and warehouse whose `incoming` is not what its purchase order lines still expect, or
 * whose `in_transit` is not what its transfers have not delivered: empty when they hold. The inbound
 * half of the ledger check (`stockLedgerMismatches` checks on hand and reserved).
 */
export async function inboundMismatches(em: SqlEntityManager): Promise<InboundMismatch[]> {
  const rows = await em.execute<{ product_id: string; warehouse_id: string; incoming: string; expected: string; in_transit: string; transit: string }[]>(`
    with expected as (
           select e.product_id, e.warehouse_id, sum(${STILL_EXPECTED_SQL}) as q
           from expected_receipt e join expected_order o on o.purchase_order_id = e.purchase_order_id
           where e.warehouse_id is not null and exists (select 1 from product p where p.id = e.product_id)
           group by e.product_id, e.warehouse_id),
         transit as (
           select l.product_id, t.to_warehouse_id as warehouse_id, sum(l.quantity - l.received) as q
           from transfer_line l join transfer t on t.id = l.transfer_id group by l.product_id, t.to_warehouse_id),
         keys as (
           select product_id, warehouse_id from stock_level
           union select product_id, warehouse_id from expected where q <> 0
           union select product_id, warehouse_id from transit where q <> 0)
    select k.product_id, k.warehouse_id, coalesce(l.incoming, 0)::text as incoming, coalesce(e.q, 0)::text as expected,
           coalesce(l.in_transit, 0)::text as in_transit, coalesce(t.q, 0)::text as transit
    from keys k
    left join stock_level l on l.product_id = k.product_id and l.warehouse_id = k.warehouse_id
    left join expected e on e.product_id = k.product_id and e.warehouse_id = k.warehouse_id
    left join transit t on t.product_id = k.product_id and t.warehouse_id = k.warehouse_id
    where coalesce(l.incoming, 0) <> coalesce(e.q, 0) or coalesce(l.in_transit, 0) <> coalesce(t.q, 0)
    order by k.product_id, k.warehouse_id`);
  const q = (v: string) => formatQuantity(quantityUnits(v));
  return rows.map((r) => ({
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    incoming: q(r.incoming),
    stillExpected: q(r.expected),
    inTransit: q(r.in_transit),
    notDelivered: q(r.transit),
  }));
}

/**
 * Recomputes every level's `incoming` and `in_transit` from the purchase order lines and transfers
 * they sum (creating missing levels of known products); returns how many levels it corrected. Takes
 * every product's row lock first, so no stock operation runs meanwhile (as `rebuildStockLevels`).
 */
export async function rebuildInboundLevels(em: SqlEntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    await tx.execute('select id from product order by id for update');
    const before = await inboundMismatches(tx);
    for (const { productId, warehouseId } of before) await lockLevel(tx, productId, warehouseId);
    await tx.execute(
      `
      update stock_level l set
        incoming = coalesce((select sum(${STILL_EXPECTED_SQL}) from expected_receipt e join expected_order o on o.purchase_order_id = e.purchase_order_id
                             where e.product_id = l.product_id and e.warehouse_id = l.warehouse_id), 0),
        in_transit = coalesce((select sum(tl.quantity - tl.received) from transfer_line tl join transfer t on t.id = tl.transfer_id
                               where tl.product_id = l.product_id and t.to_warehouse_id = l.warehouse_id), 0),
        updated_at = now()
      where ${before.length ? `l.id in (select id from stock_level where (product_id, warehouse_id) in (${before.map(() => '(?::uuid, ?::uuid)').join(', ')}))` : 'false'}`,
      before.flatMap((m) => [m.productId, m.warehouseId]),
    );
    return before.length;
  });
}
