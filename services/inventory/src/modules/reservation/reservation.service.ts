import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { StockReleasedV1, StockReservedV1, StockShortageReportedV1, type EventMetadata } from '@rapport/contracts';
import { formatQuantity, quantityUnits } from '@rapport/errors';
import { restrictToVisibleCustomers, type Viewer } from '@rapport/subgraph-kit';
import { fitNoticesToReservations, planReservedStock } from '../shipment/shipment.service.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { availableOf, lockLevel, lockLevelsOf, lockProducts, postMove, writeLevel, type LockedLevel } from '../stock/stock-ledger.js';

// Reservations for confirmed orders. Every function here runs in the caller's transaction (an
// event's inbox transaction, or a stock move's) and takes the row locks of the products involved
// first (`lockProducts`, id order), so reserving, releasing and serving shortages of one product run
// one at a time: 200 orders confirmed at once for 50 units reserve exactly 50.
//
// The allocation rule, when the order names no warehouse: take from the warehouse with the most
// available stock first, then (on a tie) the lower warehouse code, and go on to the next while the
// line is not covered; what no warehouse has is short. An order that names a warehouse is served
// from that one only, now and when stock arrives.

/** A line of a confirmed order as reservations need it. */
export interface DemandLine {
  lineId: string;
  productId: string;
  /** A decimal string; lines of zero or less reserve nothing. */
  quantity: string;
}

export interface ConfirmedOrder {
  orderId: string;
  customerId: string;
  warehouseId: string | null;
  confirmedAt: string;
  lines: DemandLine[];
}

interface StockLine {
  orderLineId: string;
  productId: string;
  warehouseId: string;
  quantity: string;
}

/** Adds `units` to the reservation of an order line in a level's warehouse, and to the level's reserved quantity. */
async function reserve(em: SqlEntityManager, level: LockedLevel, orderId: string, orderLineId: string, units: bigint): Promise<StockLine> {
  level.reserved += units;
  await writeLevel(em, level);
  await em.execute(
    `insert into reservation (id, order_id, order_line_id, product_id, warehouse_id, quantity) values (?, ?, ?, ?, ?, ?::numeric)
     on conflict (order_line_id, warehouse_id) do update set quantity = reservation.quantity + excluded.quantity, updated_at = now()`,
    [randomUUID(), orderId, orderLineId, level.productId, level.warehouseId, formatQuantity(units)],
  );
  return { orderLineId, productId: level.productId, warehouseId: level.warehouseId, quantity: formatQuantity(units) };
}

/**
 * The levels a line may reserve from, locked, in the order the allocation rule takes them: the
 * named warehouse only (none when it does not exist or is inactive: the line waits short), else
 * every active warehouse holding the product, most available first, then by warehouse code. The
 * warehouses are read FOR SHARE, so none is deactivated while it is being reserved from.
 */
async function candidateLevels(em: SqlEntityManager, productId: string, warehouseId: string | null): Promise<LockedLevel[]> {
  if (warehouseId) {
    const [usable] = await em.execute<{ id: string }[]>('select id from warehouse where id = ? and active for share', [warehouseId]);
    return usable ? [await lockLevel(em, productId, warehouseId)] : [];
  }
  const levels = await lockLevelsOf(em, productId);
  const codes = new Map(
    (
      await em.execute<{ id: string; code: string }[]>(
        'select w.id, w.code from warehouse w join stock_level l on l.warehouse_id = w.id where l.product_id = ? and w.active order by w.id for share of w',
        [productId],
      )
    ).map((w) => [w.id, w.code]),
  );
  return byAllocationRule(
    levels.filter((level) => codes.has(level.warehouseId)),
    (warehouseId) => codes.get(warehouseId) ?? '',
  );
}

/** The allocation rule's order: most available first, then the lower warehouse code (compared as plain text, as SQL's "C" collation would). */
export function byAllocationRule<L extends Pick<LockedLevel, 'warehouseId' | 'onHand' | 'reserved'>>(levels: readonly L[], codeOf: (warehouseId: string) => string): L[] {
  return [...levels].sort((a, b) => {
    const byAvailable = availableOf(b) - availableOf(a);
    if (byAvailable !== 0n) return byAvailable > 0n ? 1 : -1;
    const [x, y] = [codeOf(a.warehouseId), codeOf(b.warehouseId)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * Reserves a confirmed order line by line (lines of one product together, products in id order):
 * each line takes what the allocation rule finds, and what it cannot is remembered as short.
 * Writes `inventory.stock.reserved.v1` for what was reserved and `inventory.stock.shortage-reported.v1`
 * for what is short, keyed by the order id, and plans what was reserved on the order's shipping
 * notices (one per warehouse; `inventory.shipment.planned.v2`). A line seen before (a redelivery under another event id,
 * or v1 and v2 of one confirmation) is left alone; the safety alarms of the levels it touched are re-checked.
 */
export async function reserveOrder(em: SqlEntityManager, order: ConfirmedOrder, meta: EventMetadata): Promise<void> {
  const lines = order.lines.filter((l) => quantityUnits(l.quantity) > 0n).sort((a, b) => a.productId.localeCompare(b.productId) || a.lineId.localeCompare(b.lineId));
  if (lines.length === 0) return;
  const products = await lockProducts(
    em,
    lines.map((l) => l.productId),
  );
  const known = new Set(
    (
      await em.execute<{ order_line_id: string }[]>(
        `select order_line_id from order_demand where order_line_id in (${lines.map(() => '?').join(', ')})`,
        lines.map((l) => l.lineId),
      )
    ).map((r) => r.order_line_id),
  );
  const reserved: StockLine[] = [];
  const short: { orderLineId: string; productId: string; quantity: string }[] = [];
  const touched: LockedLevel[] = [];
  for (const line of lines) {
    if (known.has(line.lineId)) continue;
    const ordered = quantityUnits(line.quantity);
    await em.execute('insert into order_demand (order_line_id, order_id, customer_id, product_id, warehouse_id, ordered, confirmed_at) values (?, ?, ?, ?, ?, ?::numeric, ?)', [
      line.lineId,
      order.orderId,
      order.customerId,
      line.productId,
      order.warehouseId,
      line.quantity,
      order.confirmedAt,
    ]);
    let remaining = ordered;
    const product = products.get(line.productId);
    if (product && !product.retired) {
      for (const level of await candidateLevels(em, line.productId, order.warehouseId)) {
        const take = minOf(remaining, availableOf(level));
        if (take <= 0n) continue;
        reserved.push(await reserve(em, level, order.orderId, line.lineId, take));
        touched.push(level);
        remaining -= take;
        if (remaining === 0n) break;
      }
    }
    if (remaining > 0n) {
      await em.execute('update order_demand set short = ?::numeric, updated_at = now() where order_line_id = ?', [formatQuantity(remaining), line.lineId]);
      short.push({ orderLineId: line.lineId, productId: line.productId, quantity: formatQuantity(remaining) });
    }
  }
  const at = new Date().toISOString();
  if (reserved.length) publish(em, StockReservedV1, order.orderId, { orderId: order.orderId, lines: reserved, reservedAt: at }, meta);
  if (short.length) publish(em, StockShortageReportedV1, order.orderId, { orderId: order.orderId, lines: short, reportedAt: at }, meta);
  await planReservedStock(em, order.orderId, reserved, meta);
  for (const level of touched) await evaluateSafety(em, level.productId, level.warehouseId, meta);
}

/**
 * Serves waiting shortages of a product from what is available in a warehouse, oldest confirmation
 * first (lines that named another warehouse wait for theirs), writing one
 * `inventory.stock.reserved.v1` per order served, and planning what was reserved on the order's open
 * notice in that warehouse (or a new one). The caller holds the product's row lock (a
 * receipt, a positive adjustment, a release).
 */
export async function serveShortages(em: SqlEntityManager, productId: string, warehouseId: string, meta: EventMetadata): Promise<void> {
  const level = await lockLevel(em, productId, warehouseId);
  if (availableOf(level) <= 0n) return;
  const waiting = await em.execute<{ order_line_id: string; order_id: string; short: string }[]>(
    `select order_line_id, order_id, short from order_demand
     where product_id = ? and short > 0 and (warehouse_id is null or warehouse_id = ?)
     order by confirmed_at, order_line_id for update`,
    [productId, warehouseId],
  );
  const byOrder = new Map<string, StockLine[]>();
  for (const demand of waiting) {
    const take = minOf(quantityUnits(demand.short), availableOf(level));
    if (take <= 0n) break;
    const line = await reserve(em, level, demand.order_id, demand.order_line_id, take);
    await em.execute('update order_demand set short = short - ?::numeric, updated_at = now() where order_line_id = ?', [formatQuantity(take), demand.order_line_id]);
    byOrder.set(demand.order_id, [...(byOrder.get(demand.order_id) ?? []), line]);
  }
  const at = new Date().toISOString();
  for (const [orderId, lines] of byOrder) {
    publish(em, StockReservedV1, orderId, { orderId, lines, reservedAt: at }, meta);
    await planReservedStock(em, orderId, lines, meta);
  }
}

/** A cancelled quantity of an order line. */
export interface CancelledLine {
  lineId: string;
  productId: string;
  quantity: string;
}

/**
 * Takes cancelled quantities off an order's lines: first off what is still short (nothing was set
 * aside for it), then off the reservations, largest first, releasing that stock. Writes
 * `inventory.stock.released.v1` (keyed by the order id) for what was released, takes off the open
 * shipping notices what they planned beyond the lines' reservations now (`inventory.shipment.cancelled.v1`;
 * shipped quantities are never touched), then serves other
 * orders' shortages from the freed stock and re-checks the safety alarms. Lines never reserved here
 * (unknown, or confirmed through v1 without line ids) change nothing.
 */
export async function releaseOrderLines(
  em: SqlEntityManager,
  orderId: string,
  cancelled: readonly CancelledLine[],
  meta: EventMetadata,
  reason: string | null = null,
): Promise<void> {
  const lines = cancelled.filter((l) => quantityUnits(l.quantity) > 0n);
  if (lines.length === 0) return;
  await lockProducts(
    em,
    lines.map((l) => l.productId),
  );
  const released: StockLine[] = [];
  for (const line of [...lines].sort((a, b) => a.productId.localeCompare(b.productId) || a.lineId.localeCompare(b.lineId))) {
    const [demand] = await em.execute<{ product_id: string; ordered: string; cancelled: string; short: string }[]>(
      'select product_id, ordered, cancelled, short from order_demand where order_line_id = ? and order_id = ? for update',
      [line.lineId, orderId],
    );
    if (!demand) continue;
    const open = quantityUnits(demand.ordered) - quantityUnits(demand.cancelled);
    let rest = minOf(quantityUnits(line.quantity), open);
    const offShort = minOf(rest, quantityUnits(demand.short));
    rest -= offShort;
    const reservations = await em.execute<{ id: string; warehouse_id: string; quantity: string }[]>(
      'select id, warehouse_id, quantity from reservation where order_line_id = ? and quantity > 0 order by quantity desc, warehouse_id for update',
      [line.lineId],
    );
    for (const reservation of reservations) {
      if (rest === 0n) break;
      const take = minOf(rest, quantityUnits(reservation.quantity));
      const level = await lockLevel(em, demand.product_id, reservation.warehouse_id);
      level.reserved -= take;
      await writeLevel(em, level);
      await em.execute('update reservation set quantity = quantity - ?::numeric, updated_at = now() where id = ?', [formatQuantity(take), reservation.id]);
      released.push({ orderLineId: line.lineId, productId: demand.product_id, warehouseId: reservation.warehouse_id, quantity: formatQuantity(take) });
      rest -= take;
    }
    const taken = minOf(quantityUnits(line.quantity), open);
    await em.execute('update order_demand set cancelled = cancelled + ?::numeric, short = short - ?::numeric, updated_at = now() where order_line_id = ?', [
      formatQuantity(taken),
      formatQuantity(offShort),
      line.lineId,
    ]);
  }
  if (released.length === 0) return;
  publish(em, StockReleasedV1, orderId, { orderId, lines: released, releasedAt: new Date().toISOString() }, meta);
  await fitNoticesToReservations(em, released, reason ?? 'order cancelled', meta);
  const levels = new Map(released.map((r) => [`${r.productId}:${r.warehouseId}`, r]));
  for (const { productId, warehouseId } of levels.values()) {
    await serveShortages(em, productId, warehouseId, meta);
    await evaluateSafety(em, productId, warehouseId, meta);
  }
}

const minOf = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** One order line as inventory stands with it (see `OrderLineStock` in the schema). */
export interface OrderLineStockRow {
  orderLineId: string;
  orderId: string;
  productId: string;
  ordered: string;
  cancelled: string;
  short: string;
  /** On open (PLANNED) notices. */
  planned: string;
  /** On shipped and delivered notices. */
  shipped: string;
  reservations: { warehouseId: string; quantity: string }[];
}

/** The lines of `orderIds` that `viewer` may see (with scoped access, only orders of customers they see), with their reservations; one query. */
export async function orderLineStock(em: SqlEntityManager, viewer: Viewer, orderIds: readonly string[]): Promise<OrderLineStockRow[]> {
  if (orderIds.length === 0) return [];
  const conditions = [`d.order_id in (${orderIds.map(() => '?').join(', ')})`];
  const params: unknown[] = [...orderIds];
  restrictToVisibleCustomers(
    {
      andWhere: (sql: string, more: unknown[] = []) => {
        conditions.push(sql);
        params.push(...more);
      },
    },
    'd',
    viewer,
  );
  const rows = await em.execute<
    {
      order_line_id: string;
      order_id: string;
      product_id: string;
      ordered: string;
      cancelled: string;
      short: string;
      planned: string;
      shipped: string;
      reservations: { warehouseId: string; quantity: string }[];
    }[]
  >(
    `select d.order_line_id, d.order_id, d.product_id, d.ordered, d.cancelled, d.short,
            (select coalesce(sum(l.planned), 0)::text from shipment_line l join shipment s on s.id = l.shipment_id
              where l.order_line_id = d.order_line_id and s.status = 'PLANNED') as planned,
            (select coalesce(sum(l.shipped), 0)::text from shipment_line l where l.order_line_id = d.order_line_id) as shipped,
            coalesce(json_agg(json_build_object('warehouseId', r.warehouse_id, 'quantity', r.quantity::text) order by r.warehouse_id) filter (where r.quantity > 0), '[]') as reservations
     from order_demand d left join reservation r on r.order_line_id = d.order_line_id
     where ${conditions.join(' and ')}
     group by d.order_line_id
     order by d.order_id, d.confirmed_at, d.order_line_id`,
    params,
  );
  return rows.map((r) => ({
    orderLineId: r.order_line_id,
    orderId: r.order_id,
    productId: r.product_id,
    ordered: r.ordered,
    cancelled: r.cancelled,
    short: r.short,
    planned: r.planned,
    shipped: r.shipped,
    reservations: r.reservations,
  }));
}
