import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ShipmentCancelledV1, ShipmentDeliveredV2, ShipmentPlannedV2, ShipmentShippedV2, type EventMetadata } from '@rapport/contracts';
import {
  AppError,
  badInput,
  conflict,
  formatQuantity,
  notFound,
  optionalText,
  parseQuantity,
  quantityUnits,
  requireIsoDate,
  requireOneOf,
  requireText,
  requireUuid,
} from '@rapport/errors';
import { keysetPage, restrictToVisibleCustomers, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { lockProducts, postMove, warehouseForMove } from '../stock/stock-ledger.js';
import { deriveStatus, requireStatus, Shipment, ShipmentLine, SHIPMENT_STATUSES, type IShipment, type IShipmentLine, type ShipmentStatus } from './shipment.entity.js';

// Shipping notices (delivery orders, as Odoo's outgoing pickings with backorders). A notice goes out
// of one warehouse to one customer and plans quantities of order lines that are reserved there.
// What it plans never exceeds what is reserved: for every order line and warehouse, the quantities
// planned on open (PLANNED) notices are at most the line's reservation there. Shipping takes the
// shipped quantities out of the reservation with DELIVERY moves.
//
// Locks, always in this order: the products' rows (`lockProducts`), then the notice's row. Stock
// operations hold the product locks already when they plan, reduce or ship; so planning, cancelling
// and shipping the same goods run one at a time and never deadlock.

/** One order line's quantity on a notice, as the events carry it. */
export interface NoticeLine {
  orderId: string;
  orderLineId: string;
  productId: string;
  /** Units of a thousandth. */
  units: bigint;
}

const toEventLines = (lines: readonly NoticeLine[]) =>
  lines.map((l) => ({ orderId: l.orderId, orderLineId: l.orderLineId, productId: l.productId, quantity: formatQuantity(l.units) }));

const header = (s: IShipment) => {
  if (!s.warehouseId) throw new Error(`shipment ${s.id} has no warehouse`);
  return { shipmentId: s.id, number: s.number, customerId: s.customerId, warehouseId: s.warehouseId };
};

async function nextNumber(em: SqlEntityManager): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('shipment_number_seq')::text as n`);
  if (!row) throw new Error('shipment_number_seq returned no value');
  return `DN-${row.n.padStart(6, '0')}`;
}

/** Adds quantities to a notice's lines (a line per order line; a second plan of the same line adds to it). */
async function addLines(em: SqlEntityManager, shipmentId: string, lines: readonly NoticeLine[]): Promise<void> {
  for (const line of lines) {
    await em.execute(
      `insert into shipment_line (id, shipment_id, order_id, order_line_id, product_id, planned) values (?, ?, ?, ?, ?, ?::numeric)
       on conflict (shipment_id, order_line_id) do update set planned = shipment_line.planned + excluded.planned, updated_at = now()`,
      [randomUUID(), shipmentId, line.orderId, line.orderLineId, line.productId, formatQuantity(line.units)],
    );
  }
}

interface NewNotice {
  customerId: string;
  warehouseId: string;
  /** Set when every line is of this one order. */
  orderId: string | null;
  plannedFor: string | null;
  backorderOf?: string | null;
}

/**
 * Raises a notice with `lines` and writes `inventory.shipment.planned.v2` in the caller's
 * transaction. Flushes the notice itself (its audit entry, under the caller's acting scope) before
 * its lines are written.
 */
async function raiseNotice(em: SqlEntityManager, notice: NewNotice, lines: readonly NoticeLine[], meta: EventMetadata): Promise<IShipment> {
  const shipment = em.create(Shipment, {
    id: randomUUID(),
    number: await nextNumber(em),
    orderId: notice.orderId,
    customerId: notice.customerId,
    warehouseId: notice.warehouseId,
    status: 'PLANNED',
    plannedAt: new Date(),
    plannedFor: notice.plannedFor,
    carrier: null,
    shippedAt: null,
    deliveredAt: null,
    trackingNumber: null,
    backorderOf: notice.backorderOf ?? null,
  });
  await em.flush();
  await addLines(em, shipment.id, lines);
  publish(
    em,
    ShipmentPlannedV2,
    shipment.id,
    { ...header(shipment), lines: toEventLines(lines), plannedFor: shipment.plannedFor ?? null, plannedAt: shipment.plannedAt.toISOString() },
    meta,
  );
  return shipment;
}

/** Stock just reserved for order lines in a warehouse. */
export interface ReservedStock {
  orderLineId: string;
  productId: string;
  warehouseId: string;
  quantity: string;
}

/**
 * Plans stock just reserved for an order: per warehouse, onto the order's open notice there (the
 * oldest), else onto a new one. Writes `inventory.shipment.planned.v2` per notice with what it
 * added (a consumer sums them). Runs in the reserving transaction, which holds the products' locks.
 */
export async function planReservedStock(em: SqlEntityManager, orderId: string, reserved: readonly ReservedStock[], meta: EventMetadata): Promise<void> {
  const lines = reserved.filter((r) => quantityUnits(r.quantity) > 0n);
  if (lines.length === 0) return;
  const [demand] = await em.execute<{ customer_id: string }[]>('select customer_id from order_demand where order_id = ? limit 1', [orderId]);
  if (!demand) return;
  const byWarehouse = new Map<string, NoticeLine[]>();
  for (const r of lines) {
    const merged = byWarehouse.get(r.warehouseId) ?? [];
    const same = merged.find((l) => l.orderLineId === r.orderLineId);
    if (same) same.units += quantityUnits(r.quantity);
    else merged.push({ orderId, orderLineId: r.orderLineId, productId: r.productId, units: quantityUnits(r.quantity) });
    byWarehouse.set(r.warehouseId, merged);
  }
  for (const [warehouseId, noticeLines] of [...byWarehouse].sort(([a], [b]) => a.localeCompare(b))) {
    // FOR UPDATE re-checks the status once a shipping transaction holding the row commits: a notice shipped meanwhile is skipped.
    const [open] = await em.execute<{ id: string }[]>(
      `select id from shipment where order_id = ? and warehouse_id = ? and customer_id = ? and status = 'PLANNED' order by planned_at, id limit 1 for update`,
      [orderId, warehouseId, demand.customer_id],
    );
    if (!open) {
      await raiseNotice(em, { customerId: demand.customer_id, warehouseId, orderId, plannedFor: null }, noticeLines, meta);
      continue;
    }
    await addLines(em, open.id, noticeLines);
    const shipment = await em.findOneOrFail(Shipment, open.id);
    publish(
      em,
      ShipmentPlannedV2,
      shipment.id,
      { ...header(shipment), lines: toEventLines(noticeLines), plannedFor: shipment.plannedFor ?? null, plannedAt: new Date().toISOString() },
      meta,
    );
  }
}

/**
 * Takes off open notices whatever they plan beyond an order line's reservation in a warehouse (its
 * reservation was just released, by an order cancellation): newest notice first. A notice left
 * planning nothing is CANCELLED. Writes `inventory.shipment.cancelled.v1` per notice with what it
 * no longer plans. Shipped quantities are never touched (they are on shipped notices). The caller
 * holds the products' locks.
 */
export async function fitNoticesToReservations(
  em: SqlEntityManager,
  keys: readonly { orderLineId: string; warehouseId: string }[],
  reason: string,
  meta: EventMetadata,
): Promise<void> {
  const taken = new Map<string, NoticeLine[]>();
  const seen = new Set<string>();
  for (const { orderLineId, warehouseId } of keys) {
    if (seen.has(`${orderLineId}:${warehouseId}`)) continue;
    seen.add(`${orderLineId}:${warehouseId}`);
    const [reservation] = await em.execute<{ quantity: string }[]>('select quantity from reservation where order_line_id = ? and warehouse_id = ?', [orderLineId, warehouseId]);
    const open = await em.execute<{ line_id: string; shipment_id: string; order_id: string; product_id: string; planned: string }[]>(
      `select l.id as line_id, l.shipment_id, l.order_id, l.product_id, l.planned from shipment_line l join shipment s on s.id = l.shipment_id
       where l.order_line_id = ? and s.warehouse_id = ? and s.status = 'PLANNED' and l.planned > 0
       order by s.planned_at desc, s.id desc for update of s, l`,
      [orderLineId, warehouseId],
    );
    let excess = open.reduce((sum, l) => sum + quantityUnits(l.planned), 0n) - quantityUnits(reservation?.quantity ?? '0');
    for (const line of open) {
      if (excess <= 0n) break;
      const take = minOf(excess, quantityUnits(line.planned));
      await em.execute('update shipment_line set planned = planned - ?::numeric, cancelled = cancelled + ?::numeric, updated_at = now() where id = ?', [
        formatQuantity(take),
        formatQuantity(take),
        line.line_id,
      ]);
      taken.set(line.shipment_id, [...(taken.get(line.shipment_id) ?? []), { orderId: line.order_id, orderLineId, productId: line.product_id, units: take }]);
      excess -= take;
    }
  }
  const at = new Date();
  for (const [shipmentId, lines] of [...taken].sort(([a], [b]) => a.localeCompare(b))) {
    const shipment = await em.findOneOrFail(Shipment, shipmentId);
    shipment.status = deriveStatus(shipment, await linesOf(em, shipmentId));
    publish(em, ShipmentCancelledV1, shipmentId, { ...header(shipment), lines: toEventLines(lines), reason, cancelledAt: at.toISOString() }, meta);
  }
  await em.flush();
}

/** A notice's lines, oldest first (one transaction's by order and line id). */
async function linesOf(em: SqlEntityManager, shipmentId: string): Promise<IShipmentLine[]> {
  return em.find(ShipmentLine, { shipmentId }, { orderBy: { createdAt: 'asc', orderId: 'asc', orderLineId: 'asc' }, refresh: true });
}

/**
 * Shipments `viewer` may see, as a query to narrow further (alias `s`): with scoped access, only
 * those going to the customers they may see.
 */
export function visibleShipments(em: SqlEntityManager, viewer: Viewer) {
  const qb = em.createQueryBuilder(Shipment, 's').select('*');
  restrictToVisibleCustomers(qb, 's', viewer);
  return qb;
}

/** The shipment `id`; NOT_FOUND naming `field` when it does not exist or `viewer` may not see it (the two are indistinguishable). */
export async function getShipment(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IShipment> {
  const shipment = await visibleShipments(em, viewer)
    .andWhere({ id: requireUuid(field, id) })
    .getSingleResult();
  if (!shipment) throw notFound('Shipment', id, field);
  return shipment;
}

export interface ShipmentFilter {
  orderId?: string | null;
  customerId?: string | null;
  warehouseId?: string | null;
  status?: string | null;
}

const SHIPMENT_ORDER: Keyset<IShipment> = { sort: 's.planned_at', kind: 'timestamp', direction: 'desc', id: 's.id', sortValue: (s) => s.plannedAt.toISOString() };

/** Shipping notices `viewer` may see, newest first, narrowed by `filter` (an order's: every notice with a line of it). */
export function listShipments(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: ShipmentFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IShipment>> {
  const qb = visibleShipments(em, viewer);
  if (filter?.orderId) {
    const orderId = requireUuid('filter.orderId', filter.orderId);
    qb.andWhere('(s.order_id = ? or s.id in (select l.shipment_id from shipment_line l where l.order_id = ?))', [orderId, orderId]);
  }
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.warehouseId) qb.andWhere({ warehouseId: requireUuid('filter.warehouseId', filter.warehouseId) });
  if (filter?.status) qb.andWhere({ status: requireOneOf<ShipmentStatus>('filter.status', filter.status, SHIPMENT_STATUSES) });
  return keysetPage(qb, SHIPMENT_ORDER, { field: 'shipments', first, after });
}

/** Units of a quantity the client gave, for `field`: positive, at most three decimals. */
const units = (field: string, value: string, allowZero = false): bigint => parseQuantity(field, value, { allowZero });
const minOf = (a: bigint, b: bigint): bigint => (a < b ? a : b);

export interface PlanShipmentInput {
  customerId: string;
  warehouseId: string;
  lines: readonly { orderLineId: string; quantity: string }[];
  plannedFor?: string | null;
}

/**
 * Plans by hand a notice out of one warehouse for lines of one or more orders of one customer,
 * taking quantities reserved there and not yet planned on an open notice. BAD_USER_INPUT naming the
 * field for a line of another customer, a line given twice, a quantity beyond what is reserved and
 * unplanned; NOT_FOUND for an unknown warehouse or order line.
 */
export async function planShipment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: PlanShipmentInput, meta: EventMetadata): Promise<IShipment> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  const plannedFor = input.plannedFor ? requireIsoDate('input.plannedFor', input.plannedFor) : null;
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must name at least one order line', 'REQUIRED');
  const asked = input.lines.map((l, i) => ({
    field: `input.lines[${i}]`,
    orderLineId: requireUuid(`input.lines[${i}].orderLineId`, l.orderLineId),
    units: units(`input.lines[${i}].quantity`, l.quantity),
  }));
  const dupe = asked.find((l, i) => asked.findIndex((o) => o.orderLineId === l.orderLineId) !== i);
  if (dupe) throw badInput(`${dupe.field}.orderLineId`, `${dupe.field}.orderLineId names an order line given before`, 'DUPLICATE_LINE');
  return em.transactional(async (tx) => {
    await warehouseForMove(tx, warehouseId, 'input.warehouseId');
    const demands = await tx.execute<{ order_line_id: string; order_id: string; customer_id: string; product_id: string }[]>(
      `select order_line_id, order_id, customer_id, product_id from order_demand where order_line_id in (${asked.map(() => '?').join(', ')})`,
      asked.map((l) => l.orderLineId),
    );
    const demandOf = new Map(demands.map((d) => [d.order_line_id, d]));
    for (const line of asked) {
      const demand = demandOf.get(line.orderLineId);
      if (!demand) throw notFound('OrderLine', line.orderLineId, `${line.field}.orderLineId`);
      if (demand.customer_id !== customerId) {
        throw badInput(`${line.field}.orderLineId`, `${line.field}.orderLineId is a line of an order of another customer`, 'OTHER_CUSTOMER');
      }
    }
    await lockProducts(
      tx,
      demands.map((d) => d.product_id),
    );
    const lines: NoticeLine[] = [];
    for (const line of asked) {
      const demand = demandOf.get(line.orderLineId)!;
      const free = await unplannedReserved(tx, line.orderLineId, warehouseId);
      if (line.units > free) {
        throw new AppError('BAD_USER_INPUT', 'MORE_THAN_RESERVED', `${line.field}.quantity: only ${formatQuantity(free)} is reserved in this warehouse and not yet planned`, {
          field: `${line.field}.quantity`,
          details: { available: formatQuantity(free) },
        });
      }
      lines.push({ orderId: demand.order_id, orderLineId: line.orderLineId, productId: demand.product_id, units: line.units });
    }
    const orders = new Set(lines.map((l) => l.orderId));
    return raiseNotice(tx, { customerId, warehouseId, orderId: orders.size === 1 ? lines[0]!.orderId : null, plannedFor }, lines, meta);
  });
}

/** What of an order line's reservation in a warehouse no open notice plans yet. */
async function unplannedReserved(em: SqlEntityManager, orderLineId: string, warehouseId: string): Promise<bigint> {
  const [row] = await em.execute<{ free: string }[]>(
    `select coalesce((select quantity from reservation where order_line_id = ? and warehouse_id = ?), 0)
          - coalesce((select sum(l.planned) from shipment_line l join shipment s on s.id = l.shipment_id
                      where l.order_line_id = ? and s.warehouse_id = ? and s.status = 'PLANNED'), 0) as free`,
    [orderLineId, warehouseId, orderLineId, warehouseId],
  );
  return quantityUnits(String(row?.free ?? '0'));
}

export interface ShipShipmentInput {
  shipmentId: string;
  /** Omitted: everything planned goes out. Else what goes out per order line; lines not named ship nothing. */
  lines?: readonly { orderLineId: string; quantity: string }[] | null;
  carrier?: string | null;
  trackingNumber: string;
  /** True (the default): the unshipped rest goes onto a new backorder notice; false: it is taken off (cancelled) and stays reserved. */
  backorder?: boolean | null;
}

/**
 * PLANNED → SHIPPED, partly or wholly: the quantities shipped leave the warehouse (DELIVERY moves
 * from the lines' reservations, at standard cost), and the rest goes onto a backorder notice or is
 * cancelled (its stock stays reserved). Under the products' and the notice's row locks: of two
 * concurrent shipments of one notice one wins, the other is CONFLICT. Writes
 * `inventory.shipment.shipped.v2` (and planned.v2 for the backorder, or cancelled.v1 for the rest).
 */
export async function shipShipment(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ShipShipmentInput, meta: EventMetadata): Promise<IShipment> {
  const trackingNumber = requireText('trackingNumber', input.trackingNumber, 100);
  const carrier = optionalText('carrier', input.carrier, 100);
  const backorder = input.backorder ?? true;
  const asked = input.lines?.map((l, i) => ({
    field: `lines[${i}]`,
    orderLineId: requireUuid(`lines[${i}].orderLineId`, l.orderLineId),
    units: units(`lines[${i}].quantity`, l.quantity, true),
  }));
  const dupe = asked?.find((l, i) => asked.findIndex((o) => o.orderLineId === l.orderLineId) !== i);
  if (dupe) throw badInput(`${dupe.field}.orderLineId`, `${dupe.field}.orderLineId names an order line given before`, 'DUPLICATE_LINE');
  return transition(
    em,
    async (tx) => {
      const shipment = await getShipment(tx, viewer, input.shipmentId, 'shipmentId');
      // The products' locks come before the notice's (see the top of this file).
      await lockProducts(
        tx,
        (await linesOf(tx, shipment.id)).map((l) => l.productId),
      );
      return shipment;
    },
    async (shipment, tx) => {
      requireStatus(shipment, 'PLANNED', 'shipped');
      const lines = (await linesOf(tx, shipment.id)).filter((l) => quantityUnits(l.planned) > 0n);
      const products = await lockProducts(
        tx,
        lines.map((l) => l.productId),
      );
      const shipping = new Map<string, bigint>();
      for (const a of asked ?? []) {
        const line = lines.find((l) => l.orderLineId === a.orderLineId);
        if (!line) throw badInput(`${a.field}.orderLineId`, `${a.field}.orderLineId is not a line this notice plans`, 'NOT_ON_SHIPMENT');
        if (a.units > quantityUnits(line.planned)) {
          throw new AppError('BAD_USER_INPUT', 'MORE_THAN_PLANNED', `${a.field}.quantity: only ${formatQuantity(quantityUnits(line.planned))} is planned on this notice`, {
            field: `${a.field}.quantity`,
            details: { planned: formatQuantity(quantityUnits(line.planned)) },
          });
        }
        shipping.set(a.orderLineId, a.units);
      }
      if (!asked) for (const l of lines) shipping.set(l.orderLineId, quantityUnits(l.planned));
      if ([...shipping.values()].every((u) => u === 0n)) throw badInput(asked ? 'lines' : 'shipmentId', 'nothing would be shipped', 'NOTHING_TO_SHIP');
      const warehouseId = shipment.warehouseId!;
      const shipped: NoticeLine[] = [];
      const rest: NoticeLine[] = [];
      for (const line of lines) {
        const out = shipping.get(line.orderLineId) ?? 0n;
        const left = quantityUnits(line.planned) - out;
        if (out > 0n) {
          const product = products.get(line.productId);
          await postMove(
            tx,
            {
              productId: line.productId,
              warehouseId,
              kind: 'DELIVERY',
              quantity: -out,
              fromReserved: out,
              unitCost: product?.standardCost ?? null,
              currency: product?.currency ?? null,
              referenceType: 'SHIPMENT',
              referenceId: shipment.id,
            },
            meta,
          );
          await tx.execute('update reservation set quantity = quantity - ?::numeric, updated_at = now() where order_line_id = ? and warehouse_id = ?', [
            formatQuantity(out),
            line.orderLineId,
            warehouseId,
          ]);
          shipped.push({ orderId: line.orderId, orderLineId: line.orderLineId, productId: line.productId, units: out });
        }
        if (left > 0n) rest.push({ orderId: line.orderId, orderLineId: line.orderLineId, productId: line.productId, units: left });
        await tx.execute('update shipment_line set planned = ?::numeric, shipped = ?::numeric, cancelled = cancelled + ?::numeric, updated_at = now() where id = ?', [
          formatQuantity(out),
          formatQuantity(out),
          formatQuantity(backorder ? 0n : left),
          line.id,
        ]);
      }
      const shippedAt = new Date();
      shipment.carrier = carrier;
      shipment.trackingNumber = trackingNumber;
      shipment.shippedAt = shippedAt;
      shipment.status = deriveStatus(shipment, []);
      publish(tx, ShipmentShippedV2, shipment.id, { ...header(shipment), carrier, trackingNumber, lines: toEventLines(shipped), shippedAt: shippedAt.toISOString() }, meta);
      if (rest.length > 0 && backorder) {
        const orders = new Set(rest.map((l) => l.orderId));
        await raiseNotice(
          tx,
          { customerId: shipment.customerId, warehouseId, orderId: orders.size === 1 ? rest[0]!.orderId : null, plannedFor: shipment.plannedFor ?? null, backorderOf: shipment.id },
          rest,
          meta,
        );
      } else if (rest.length > 0) {
        publish(
          tx,
          ShipmentCancelledV1,
          shipment.id,
          { ...header(shipment), lines: toEventLines(rest), reason: 'not kept as a backorder when shipped', cancelledAt: shippedAt.toISOString() },
          meta,
        );
      }
      return shipment;
    },
  );
}

/**
 * SHIPPED → DELIVERED at `deliveredAt` (now when omitted; not before it was shipped, not in the
 * future), writing `inventory.shipment.delivered.v2` with the quantities it carried.
 */
export async function markDelivered(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  shipmentId: string,
  deliveredAt: Date | null | undefined,
  meta: EventMetadata,
): Promise<IShipment> {
  const now = new Date();
  if (deliveredAt && deliveredAt.getTime() > now.getTime() + 60_000) throw badInput('deliveredAt', 'deliveredAt must not be in the future', 'FUTURE_DATE');
  return transition(
    em,
    (tx) => getShipment(tx, viewer, shipmentId, 'shipmentId'),
    async (shipment, tx) => {
      requireStatus(shipment, 'SHIPPED', 'marked delivered');
      const at = deliveredAt ?? now;
      if (shipment.shippedAt && at < shipment.shippedAt) throw badInput('deliveredAt', 'deliveredAt must not be before the shipment left', 'BEFORE_SHIPPED');
      shipment.deliveredAt = at;
      shipment.status = deriveStatus(shipment, []);
      const lines = (await linesOf(tx, shipment.id))
        .filter((l) => quantityUnits(l.shipped) > 0n)
        .map((l) => ({ orderId: l.orderId, orderLineId: l.orderLineId, productId: l.productId, units: quantityUnits(l.shipped) }));
      if (lines.length === 0 || !shipment.warehouseId) {
        throw conflict(
          'SHIPMENT_WITHOUT_LINES',
          `shipment ${shipment.number} carried no order lines (it predates notices per line) and cannot be announced delivered`,
          'shipmentId',
        );
      }
      publish(tx, ShipmentDeliveredV2, shipment.id, { ...header(shipment), lines: toEventLines(lines), deliveredAt: at.toISOString() }, meta);
      return shipment;
    },
  );
}

/** The lines of `shipmentIds`, oldest first (one query). */
export function linesOfShipments(em: SqlEntityManager, shipmentIds: readonly string[]): Promise<IShipmentLine[]> {
  return em.find(ShipmentLine, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { createdAt: 'asc', orderId: 'asc', orderLineId: 'asc' } });
}
