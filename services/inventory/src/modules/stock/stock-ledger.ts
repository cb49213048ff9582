import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@rapport/contracts';
import type { Viewer } from '@rapport/subgraph-kit';
import { AppError, badInput, formatQuantity, notFound, quantityUnits } from '@rapport/errors';
import type { IStockMove, StockMoveKind } from './stock.entity.js';

// The stock ledger's one write path. Every change to stock runs inside a transaction that holds the
// product's row lock (`lockProducts`, or `transition` on the product for a request): so everything
// about one product's stock (levels in every warehouse, reservations, shortages, alarms) changes one
// transaction at a time, in product-id order when several products are involved (no deadlock).
// Within it each level row is locked again (`lockLevel`, SELECT … FOR UPDATE) before it changes, and
// the move and the level are written together. Raw SQL rather than the unit of work: the ledger is
// its own audit trail (who, when, why, which document), and a level is a counter, not a record.

/** A product as stock operations need it, read under its row lock. */
export interface LockedProduct {
  id: string;
  currency: string;
  standardCost: string;
  retired: boolean;
}

/**
 * Locks the rows of `productIds` (FOR UPDATE, in id order) and returns the products found, retired
 * ones included. Must run inside a transaction; unknown ids are simply missing from the map.
 */
export async function lockProducts(em: SqlEntityManager, productIds: readonly string[]): Promise<Map<string, LockedProduct>> {
  const ids = [...new Set(productIds)].sort();
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ id: string; currency: string; standard_cost: string; deleted_at: Date | null }[]>(
    `select id, currency, standard_cost, deleted_at from product where id in (${ids.map(() => '?').join(', ')}) order by id for update`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, currency: r.currency, standardCost: r.standard_cost, retired: r.deleted_at !== null }]));
}

/** A stock level read under its row lock, in exact units of a thousandth. */
export interface LockedLevel {
  id: string;
  productId: string;
  warehouseId: string;
  onHand: bigint;
  reserved: bigint;
}

export const availableOf = (level: Pick<LockedLevel, 'onHand' | 'reserved'>): bigint => level.onHand - level.reserved;

interface LevelRow {
  id: string;
  product_id: string;
  warehouse_id: string;
  on_hand: string;
  reserved: string;
}
const toLocked = (row: LevelRow): LockedLevel => ({
  id: row.id,
  productId: row.product_id,
  warehouseId: row.warehouse_id,
  onHand: quantityUnits(row.on_hand),
  reserved: quantityUnits(row.reserved),
});

/** The level of a product in a warehouse, created at zero when missing, locked FOR UPDATE. */
export async function lockLevel(em: SqlEntityManager, productId: string, warehouseId: string): Promise<LockedLevel> {
  await em.execute('insert into stock_level (id, product_id, warehouse_id) values (?, ?, ?) on conflict (product_id, warehouse_id) do nothing', [
    randomUUID(),
    productId,
    warehouseId,
  ]);
  const [row] = await em.execute<LevelRow[]>('select id, product_id, warehouse_id, on_hand, reserved from stock_level where product_id = ? and warehouse_id = ? for update', [
    productId,
    warehouseId,
  ]);
  if (!row) throw new Error(`stock level of ${productId} in ${warehouseId} vanished`);
  return toLocked(row);
}

/** Every existing level of a product, locked FOR UPDATE in warehouse-id order. */
export async function lockLevelsOf(em: SqlEntityManager, productId: string): Promise<LockedLevel[]> {
  const rows = await em.execute<LevelRow[]>('select id, product_id, warehouse_id, on_hand, reserved from stock_level where product_id = ? order by warehouse_id for update', [
    productId,
  ]);
  return rows.map(toLocked);
}

/** Writes a locked level's new on-hand and reserved quantities. */
export async function writeLevel(em: SqlEntityManager, level: LockedLevel): Promise<void> {
  await em.execute('update stock_level set on_hand = ?::numeric, reserved = ?::numeric, updated_at = now() where id = ?', [
    formatQuantity(level.onHand),
    formatQuantity(level.reserved),
    level.id,
  ]);
}

/**
 * A warehouse as a move (or a count, a transfer, a receipt, a stock rule) needs it: NOT_FOUND naming
 * `field` when there is none, BAD_USER_INPUT `WAREHOUSE_INACTIVE` naming `field` when it is not in
 * use. Read FOR SHARE, so neither its negative-stock rule nor whether it is in use can change until
 * the caller's transaction ends (deactivating waits for it, then sees what it left).
 */
export async function warehouseForMove(em: SqlEntityManager, warehouseId: string, field: string): Promise<{ id: string; code: string; allowNegativeStock: boolean }> {
  const [row] = await em.execute<{ id: string; code: string; allow_negative_stock: boolean; active: boolean }[]>(
    'select id, code, allow_negative_stock, active from warehouse where id = ? for share',
    [warehouseId],
  );
  if (!row) throw notFound('Warehouse', warehouseId, field);
  if (!row.active) throw badInput(field, `${field}: warehouse ${row.code} is inactive; nothing moves in or out of it`, 'WAREHOUSE_INACTIVE');
  return { id: row.id, code: row.code, allowNegativeStock: row.allow_negative_stock };
}

/** A move to post: the product's row must be locked by the caller. */
export interface MoveRequest {
  productId: string;
  warehouseId: string;
  kind: StockMoveKind;
  /** Signed, in units of a thousandth. */
  quantity: bigint;
  /** Taken out of the level's reservation at the same time (a delivery of reserved goods); not negative. */
  fromReserved?: bigint;
  unitCost?: string | null;
  currency?: string | null;
  reason?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  /** The input fields errors name. */
  fields?: { warehouse: string; quantity: string };
}

/**
 * Posts one move: the warehouse checked, the level locked, the move appended and the level changed,
 * all in the caller's transaction. A move that would take more than is available (on hand −
 * reserved, plus what it takes from the reservation) is refused with BAD_USER_INPUT naming the
 * quantity (INSUFFICIENT_STOCK), unless the warehouse allows negative stock.
 */
export async function postMove(em: SqlEntityManager, request: MoveRequest, meta: EventMetadata): Promise<{ move: IStockMove; level: LockedLevel }> {
  const fields = request.fields ?? { warehouse: 'warehouseId', quantity: 'quantity' };
  const warehouse = await warehouseForMove(em, request.warehouseId, fields.warehouse);
  const level = await lockLevel(em, request.productId, warehouse.id);
  const fromReserved = request.fromReserved ?? 0n;
  if (fromReserved > level.reserved) throw new Error(`cannot take ${formatQuantity(fromReserved)} out of a reservation of ${formatQuantity(level.reserved)}`);
  const next = { ...level, onHand: level.onHand + request.quantity, reserved: level.reserved - fromReserved };
  if (request.quantity < 0n && availableOf(next) < 0n && !warehouse.allowNegativeStock) {
    throw new AppError(
      'BAD_USER_INPUT',
      'INSUFFICIENT_STOCK',
      `${fields.quantity}: only ${formatQuantity(availableOf(level) + fromReserved)} available in ${warehouse.code}, ${formatQuantity(-request.quantity)} asked`,
      { field: fields.quantity, details: { available: formatQuantity(availableOf(level) + fromReserved) } },
    );
  }
  const move: IStockMove = {
    id: randomUUID(),
    productId: request.productId,
    warehouseId: warehouse.id,
    kind: request.kind,
    quantity: formatQuantity(request.quantity),
    unitCost: request.unitCost ?? null,
    currency: request.unitCost === null || request.unitCost === undefined ? null : (request.currency ?? null),
    reason: request.reason ?? null,
    referenceType: request.referenceType ?? null,
    referenceId: request.referenceId ?? null,
    actorId: meta.actor ?? null,
    movedAt: new Date(),
  };
  await em.execute(
    `insert into stock_move (id, product_id, warehouse_id, kind, quantity, unit_cost, currency, reason, reference_type, reference_id, actor_id, moved_at)
     values (?, ?, ?, ?, ?::numeric, ?::numeric, ?, ?, ?, ?, ?, ?)`,
    [
      move.id,
      move.productId,
      move.warehouseId,
      move.kind,
      move.quantity,
      move.unitCost,
      move.currency,
      move.reason,
      move.referenceType,
      move.referenceId,
      move.actorId,
      move.movedAt,
    ],
  );
  await writeLevel(em, next);
  return { move, level: next };
}

/** A product and warehouse whose level disagrees with the ledger or the reservations. */
export interface StockMismatch {
  productId: string;
  warehouseId: string;
  onHand: string;
  sumOfMoves: string;
  reserved: string;
  sumOfReservations: string;
}

/**
 * Every product and warehouse where the level's on hand is not the sum of its moves, or its
 * reserved quantity not the sum of its open reservations: empty when the ledger holds. Tests run it
 * after every file; operators may run it any time (it reads a consistent snapshot).
 */
export async function stockLedgerMismatches(em: SqlEntityManager): Promise<StockMismatch[]> {
  const rows = await em.execute<{ product_id: string; warehouse_id: string; on_hand: string; moves: string; reserved: string; reservations: string }[]>(`
    with moves as (select product_id, warehouse_id, sum(quantity) as q from stock_move group by product_id, warehouse_id),
         reservations as (select product_id, warehouse_id, sum(quantity) as q from reservation group by product_id, warehouse_id),
         keys as (select product_id, warehouse_id from stock_level union select product_id, warehouse_id from moves union select product_id, warehouse_id from reservations)
    select k.product_id, k.warehouse_id, coalesce(l.on_hand, 0) as on_hand, coalesce(m.q, 0) as moves, coalesce(l.reserved, 0) as reserved, coalesce(r.q, 0) as reservations
    from keys k
    left join stock_level l on l.product_id = k.product_id and l.warehouse_id = k.warehouse_id
    left join moves m on m.product_id = k.product_id and m.warehouse_id = k.warehouse_id
    left join reservations r on r.product_id = k.product_id and r.warehouse_id = k.warehouse_id
    where coalesce(l.on_hand, 0) <> coalesce(m.q, 0) or coalesce(l.reserved, 0) <> coalesce(r.q, 0)
    order by k.product_id, k.warehouse_id`);
  return rows.map((r) => ({
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    onHand: formatQuantity(quantityUnits(String(r.on_hand))),
    sumOfMoves: formatQuantity(quantityUnits(String(r.moves))),
    reserved: formatQuantity(quantityUnits(String(r.reserved))),
    sumOfReservations: formatQuantity(quantityUnits(String(r.reservations))),
  }));
}

/**
 * The ledger check for an operator (`stockLedgerCheck`, `npm run ledger:check`): the mismatches of
 * `stockLedgerMismatches`, for a viewer of `stockLedgerPolicy` (administrators; the check reads every
 * warehouse and product, so there is nothing to narrow).
 */
export const checkStockLedger = (em: SqlEntityManager, _viewer: Viewer): Promise<StockMismatch[]> => stockLedgerMismatches(em);

/**
 * Recomputes every level from the ledger and the reservations (on hand = sum of moves, reserved =
 * sum of reservations), creating missing levels; returns how many levels it corrected. Takes every
 * product's row lock first, so no stock operation runs meanwhile.
 */
export async function rebuildStockLevels(em: SqlEntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    await tx.execute('select id from product order by id for update');
    const before = await stockLedgerMismatches(tx);
    await tx.execute(`
      insert into stock_level (id, product_id, warehouse_id)
      select gen_random_uuid(), product_id, warehouse_id from (
        select product_id, warehouse_id from stock_move union select product_id, warehouse_id from reservation
      ) k
      on conflict (product_id, warehouse_id) do nothing`);
    await tx.execute(`
      update stock_level l set
        on_hand = coalesce((select sum(m.quantity) from stock_move m where m.product_id = l.product_id and m.warehouse_id = l.warehouse_id), 0),
        reserved = coalesce((select sum(r.quantity) from reservation r where r.product_id = l.product_id and r.warehouse_id = l.warehouse_id), 0),
        updated_at = now()`);
    return before.length;
  });
}
