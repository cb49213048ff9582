import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, formatQuantity, normaliseAmount, normaliseQuantity, quantityUnits, requireIsoDate, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import { keysetPageSql, visibleCustomersSql, type Connection, type Keyset, type Viewer } from '@rapport/subgraph-kit';

/** The UTC days `from`..`to` (both included) as [start, end); BAD_USER_INPUT naming the field for a malformed date or `to` before `from`. */
function periodOf(fromValue: string, toValue: string): { start: Date; end: Date } {
  const from = requireIsoDate('from', fromValue);
  const to = requireIsoDate('to', toValue);
  if (to < from) throw badInput('to', 'to must not be before from', 'PERIOD_REVERSED');
  return { start: new Date(`${from}T00:00:00Z`), end: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) };
}

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
  const { start, end } = periodOf(query.from, query.to);
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

export const OUTBOUND_GROUPINGS = ['PRODUCT', 'REGION', 'INDUSTRY', 'MONTH'] as const;
export type OutboundGrouping = (typeof OUTBOUND_GROUPINGS)[number];

export interface OutboundGroupRow {
  productId: string | null;
  region: string | null;
  industry: string | null;
  month: string | null;
  quantity: string;
  /** Quantity at standard cost per currency (amounts exact to the money scale). */
  values: Money[];
}

/** The SQL of each grouping's key over a delivery move `m`, its shipment `s` and the customer's profile `c`. */
const GROUP_KEYS: Record<OutboundGrouping, string> = {
  PRODUCT: 'm.product_id::text',
  REGION: 'c.region',
  INDUSTRY: 'c.industry',
  MONTH: "to_char(m.moved_at at time zone 'UTC', 'YYYY-MM')",
};

/**
 * Quantities shipped (DELIVERY moves) over the UTC days `from`..`to`, grouped by the `by` keys
 * (none: one total), with their value at standard cost per currency; customers without a profile
 * copy yet fall in the null region/industry. Only shipments of customers `viewer` may see.
 */
export async function outboundSummary(
  em: SqlEntityManager,
  viewer: Viewer,
  query: { from: string; to: string; by: readonly string[]; warehouseId?: string | null },
): Promise<OutboundGroupRow[]> {
  const { start, end } = periodOf(query.from, query.to);
  const by = new Set(query.by.map((value, i) => requireOneOf<OutboundGrouping>(`by[${i}]`, value, OUTBOUND_GROUPINGS)));
  const keys = OUTBOUND_GROUPINGS.map((g) => (by.has(g) ? GROUP_KEYS[g] : 'null::text'));
  const where = ["m.kind = 'DELIVERY'", "m.reference_type = 'SHIPMENT'", 'm.moved_at >= ?', 'm.moved_at < ?'];
  const params: unknown[] = [start, end];
  if (query.warehouseId) {
    where.push('m.warehouse_id = ?');
    params.push(requireUuid('warehouseId', query.warehouseId));
  }
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    where.push(`s.customer_id in (${visible.sql})`);
    params.push(...visible.params);
  }
  const rows = await em.execute<
    { product_id: string | null; region: string | null; industry: string | null; month: string | null; currency: string; quantity: string; value: string }[]
  >(
    `select ${keys[0]} as product_id, ${keys[1]} as region, ${keys[2]} as industry, ${keys[3]} as month,
            coalesce(m.currency, p.currency) as currency, (-sum(m.quantity))::text as quantity, round(-sum(m.quantity * coalesce(m.unit_cost, p.standard_cost)), 4)::text as value
     from stock_move m
     join shipment s on s.id = m.reference_id
     join product p on p.id = m.product_id
     left join customer_profile c on c.customer_id = s.customer_id
     where ${where.join(' and ')}
     group by 1, 2, 3, 4, 5
     order by 4, 2 nulls last, 3 nulls last, min(p.sku), 5
     limit 1001`,
    params,
  );
  if (rows.length > 1000) throw badInput('by', 'more than 1000 groups: narrow the period or group by less', 'TOO_MANY_GROUPS');
  const groups = new Map<string, { row: OutboundGroupRow; units: bigint }>();
  for (const r of rows) {
    const key = JSON.stringify([r.product_id, r.region, r.industry, r.month]);
    let group = groups.get(key);
    if (!group) {
      group = { row: { productId: r.product_id, region: r.region, industry: r.industry, month: r.month, quantity: '0', values: [] }, units: 0n };
      groups.set(key, group);
    }
    group.units += quantityUnits(r.quantity);
    group.row.values.push({ amount: normaliseAmount(r.value), currency: r.currency });
  }
  return [...groups.values()].map(({ row, units }) => ({ ...row, quantity: formatQuantity(units) }));
}
