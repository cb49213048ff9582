import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, formatQuantity, normaliseAmount, normaliseQuantity, quantityUnits, requireIsoDate, requireUuid } from '@rapport/errors';
import { keysetPageSql, visibleCustomersSql, type Connection, type Keyset, type Viewer } from '@rapport/subgraph-kit';

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

/** The kinds of move that take goods out to customers; a product without one of these lately is slow. */
const OUTBOUND_KINDS = ['DELIVERY', 'SAMPLE', 'LOAN_OUT'] as const;

export interface SlowMoverRow {
  productId: string;
  warehouseId: string;
  onHandQuantity: string;
  lastOutboundAt: Date | null;
  /** On hand × standard cost, exact to the money scale. */
  valueAmount: string;
  currency: string;
}

/**
 * Stock levels with something on hand whose product left that warehouse outbound (delivery, sample,
 * loan out) not once in the last `days` days, biggest value at standard cost first. BAD_USER_INPUT
 * naming `days` outside 1–3650 and `warehouseId` for a bad id.
 */
export async function slowMovers(em: SqlEntityManager, _viewer: Viewer, query: { days: number; warehouseId?: string | null }): Promise<SlowMoverRow[]> {
  if (!Number.isInteger(query.days) || query.days < 1 || query.days > 3650) throw badInput('days', 'days must be a whole number from 1 to 3650', 'OUT_OF_RANGE');
  const since = new Date(Date.now() - query.days * 86_400_000);
  const params: unknown[] = [...OUTBOUND_KINDS];
  let warehouseFilter = '';
  if (query.warehouseId) {
    warehouseFilter = 'and l.warehouse_id = ?';
    params.push(requireUuid('warehouseId', query.warehouseId));
  }
  params.push(since);
  const rows = await em.execute<{ product_id: string; warehouse_id: string; on_hand: string; last_out: Date | null; value: string; currency: string }[]>(
    `select l.product_id, l.warehouse_id, l.on_hand::text, o.last_out, round(l.on_hand * p.standard_cost, 4)::text as value, p.currency
     from stock_level l
     join product p on p.id = l.product_id
     join warehouse w on w.id = l.warehouse_id
     left join lateral (
       select max(m.moved_at) as last_out from stock_move m
       where m.product_id = l.product_id and m.warehouse_id = l.warehouse_id and m.kind in (${OUTBOUND_KINDS.map(() => '?').join(', ')})
     ) o on true
     where l.on_hand > 0 ${warehouseFilter} and (o.last_out is null or o.last_out < ?)
     order by l.on_hand * p.standard_cost desc, p.sku, w.code
     limit 500`,
    params,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    onHandQuantity: normaliseQuantity(r.on_hand),
    lastOutboundAt: r.last_out ? new Date(r.last_out) : null,
    valueAmount: normaliseAmount(r.value),
    currency: r.currency,
  }));
}

export interface UndeliveredLineRow {
  /** The order line's id (the keyset's tie-breaker). */
  id: string;
  orderId: string;
  orderNumber: string | null;
  customerId: string;
  productId: string;
  warehouseId: string | null;
  confirmedAt: Date;
  orderedQuantity: string;
  deliveredQuantity: string;
  cancelledQuantity: string;
  undeliveredQuantity: string;
  reservedQuantity: string;
  shortQuantity: string;
}

export interface UndeliveredLineFilter {
  warehouseId?: string | null;
  productId?: string | null;
  customerId?: string | null;
}

const UNDELIVERED_ORDER: Keyset<UndeliveredLineRow> = {
  sort: 'd.confirmed_at',
  kind: 'timestamp',
  direction: 'asc',
  id: 'd.order_line_id',
  sortValue: (r) => r.confirmedAt.toISOString(),
};

/**
 * Order lines inventory holds a copy of (its order demand) with something still to go out: ordered −
 * delivered (shipped on notices) − cancelled > 0, with what is reserved and short, oldest confirmation
 * first, paged by keyset; only lines of customers `viewer` may see. BAD_USER_INPUT naming the filter's field for a bad id.
 */
export async function undeliveredOrderLines(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: UndeliveredLineFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<UndeliveredLineRow>> {
  const conditions = ['d.ordered - d.cancelled - coalesce(s.delivered, 0) > 0'];
  const params: unknown[] = [];
  if (filter?.warehouseId) {
    const warehouseId = requireUuid('filter.warehouseId', filter.warehouseId);
    conditions.push('(d.warehouse_id = ? or exists (select 1 from reservation r where r.order_line_id = d.order_line_id and r.warehouse_id = ?))');
    params.push(warehouseId, warehouseId);
  }
  if (filter?.productId) {
    conditions.push('d.product_id = ?');
    params.push(requireUuid('filter.productId', filter.productId));
  }
  if (filter?.customerId) {
    conditions.push('d.customer_id = ?');
    params.push(requireUuid('filter.customerId', filter.customerId));
  }
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    conditions.push(`d.customer_id in (${visible.sql})`);
    params.push(...visible.params);
  }
  return keysetPageSql(UNDELIVERED_ORDER, { field: 'undeliveredOrderLines', first, after }, async ({ where, orderBy, fetch }) => {
    const rows = await em.execute<
      {
        order_line_id: string;
        order_id: string;
        number: string | null;
        customer_id: string;
        product_id: string;
        warehouse_id: string | null;
        confirmed_at: Date;
        ordered: string;
        cancelled: string;
        delivered: string;
        reserved: string;
        short: string;
      }[]
    >(
      `select d.order_line_id, d.order_id, o.number, d.customer_id, d.product_id, d.warehouse_id, d.confirmed_at,
              d.ordered::text, d.cancelled::text, coalesce(s.delivered, 0)::text as delivered, coalesce(r.reserved, 0)::text as reserved, d.short::text
       from order_demand d
       left join lateral (select sum(l.shipped) as delivered from shipment_line l where l.order_line_id = d.order_line_id) s on true
       left join lateral (select sum(r.quantity) as reserved from reservation r where r.order_line_id = d.order_line_id) r on true
       left join print_order o on o.order_id = d.order_id
       where ${[...conditions, ...(where ? [where.sql] : [])].join(' and ')}
       order by ${orderBy} limit ${fetch}`,
      [...params, ...(where?.params ?? [])],
    );
    return rows.map((r) => {
      const [ordered, cancelled, delivered] = [quantityUnits(r.ordered), quantityUnits(r.cancelled), quantityUnits(r.delivered)];
      return {
        id: r.order_line_id,
        orderId: r.order_id,
        orderNumber: r.number,
        customerId: r.customer_id,
        productId: r.product_id,
        warehouseId: r.warehouse_id,
        confirmedAt: new Date(r.confirmed_at),
        orderedQuantity: formatQuantity(ordered),
        deliveredQuantity: formatQuantity(delivered),
        cancelledQuantity: formatQuantity(cancelled),
        undeliveredQuantity: formatQuantity(ordered - cancelled - delivered),
        reservedQuantity: normaliseQuantity(r.reserved),
        shortQuantity: normaliseQuantity(r.short),
      };
    });
  });
}
