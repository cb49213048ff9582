import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, formatQuantity, quantityUnits, requireIsoDate, requireUuid } from '@rapport/errors';
import type { Viewer } from '@rapport/subgraph-kit';

export interface StockMovementRow {
  productId: string;
  warehouseId: string;
  openingQuantity: string;
  inQuantity: string;
  outQuantity: string;
  closingQuantity: string;
}

export interface StockMovementQuery {
  from: string;
  to: string;
  warehouseId?: string | null;
  productId?: string | null;
}

/**
 * Opening, in, out and closing quantity per product and warehouse over the UTC days `from`..`to`
 * (both included), summed from the ledger (so the closing quantity of today's period is the level's
 * on hand). BAD_USER_INPUT naming the field for a malformed date, `to` before `from`, or a bad id.
 */
export async function stockMovementSummary(em: SqlEntityManager, _viewer: Viewer, query: StockMovementQuery): Promise<StockMovementRow[]> {
  const from = requireIsoDate('from', query.from);
  const to = requireIsoDate('to', query.to);
  if (to < from) throw badInput('to', 'to must not be before from', 'PERIOD_REVERSED');
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000);
  const where = ['m.moved_at < ?'];
  const params: unknown[] = [start, start, end, start, end, end];
  if (query.warehouseId) {
    where.push('m.warehouse_id = ?');
    params.push(requireUuid('warehouseId', query.warehouseId));
  }
  if (query.productId) {
    where.push('m.product_id = ?');
    params.push(requireUuid('productId', query.productId));
  }
  const rows = await em.execute<{ product_id: string; warehouse_id: string; opening: string; inward: string; outward: string }[]>(
    `select s.product_id, s.warehouse_id, s.opening::text, s.inward::text, s.outward::text
     from (
       select m.product_id, m.warehouse_id,
              coalesce(sum(m.quantity) filter (where m.moved_at < ?), 0) as opening,
              coalesce(sum(m.quantity) filter (where m.moved_at >= ? and m.moved_at < ? and m.quantity > 0), 0) as inward,
              coalesce(-sum(m.quantity) filter (where m.moved_at >= ? and m.moved_at < ? and m.quantity < 0), 0) as outward
       from stock_move m
       where ${where.join(' and ')}
       group by m.product_id, m.warehouse_id
     ) s
     join product p on p.id = s.product_id
     join warehouse w on w.id = s.warehouse_id
     where s.opening <> 0 or s.inward <> 0 or s.outward <> 0
     order by p.sku, w.code
     limit 500`,
    params,
  );
  return rows.map((r) => {
    const [opening, inward, outward] = [quantityUnits(r.opening), quantityUnits(r.inward), quantityUnits(r.outward)];
    return {
      productId: r.product_id,
      warehouseId: r.warehouse_id,
      openingQuantity: formatQuantity(opening),
      inQuantity: formatQuantity(inward),
      outQuantity: formatQuantity(outward),
      closingQuantity: formatQuantity(opening + inward - outward),
    };
  });
}
