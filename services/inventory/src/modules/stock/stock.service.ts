import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { auditChange, keysetPage, keysetPageSql, notDeletedSql, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import type { EventMetadata } from '@rapport/contracts';
import {
  badInput,
  formatAmount,
  formatQuantity,
  notFound,
  optionalText,
  parseAmount,
  parseMoneyInput,
  parseQuantity,
  quantityUnits,
  requireOneOf,
  requireText,
  requireUuid,
  type Money,
} from '@rapport/errors';
import { Product, type IProduct } from '../product/product.entity.js';
import { recordReceiptWithoutOrder } from '../receipt/receipt.service.js';
import { serveShortages } from '../reservation/reservation.service.js';
import { evaluateSafety } from './stock-alarm.js';
import { lockLevel, postMove, warehouseForMove } from './stock-ledger.js';
import { STOCK_MOVE_KINDS, StockAlarm, StockMove, type IStockAlarm, type IStockLevel, type IStockMove, type StockMoveKind } from './stock.entity.js';

// Stock belongs to no customer, so a viewer's access (checked when it was given) narrows nothing:
// every function a resolver or loader calls takes it all the same, as every service does.

export interface ReceiveStockInput {
  productId: string;
  warehouseId: string;
  quantity: string;
  unitCost?: Money | null;
  reason?: string | null;
}

export interface AdjustStockInput {
  productId: string;
  warehouseId: string;
  quantity: string;
  reason: string;
}

export interface SetStockRuleInput {
  productId: string;
  warehouseId: string;
  safetyStock: string;
  reorderQuantity: string;
}

/** The live product a stock request names, to be locked by `transition`; NOT_FOUND naming `input.productId` otherwise. */
async function productOfInput(em: SqlEntityManager, productId: string): Promise<IProduct> {
  const product = await em.findOne(Product, { id: requireUuid('input.productId', productId), deletedAt: null });
  if (!product) throw notFound('Product', productId, 'input.productId');
  return product;
}

const FIELDS = { warehouse: 'input.warehouseId', quantity: 'input.quantity' };

/**
 * After stock of a product rose in a warehouse: waiting shortages are served from it (oldest order
 * first), then the safety alarm is re-checked. After it fell: only the alarm.
 */
async function settle(em: SqlEntityManager, productId: string, warehouseId: string, rose: boolean, meta: EventMetadata): Promise<void> {
  if (rose) await serveShortages(em, productId, warehouseId, meta);
  await evaluateSafety(em, productId, warehouseId, meta);
}

/**
 * Receives goods into a warehouse without a purchase order (against one: `receiveGoods` of the
 * receipt module): a RECEIPT move at the given unit cost (the product's standard cost when
 * omitted), the level up in the same transaction, a receipt document (GR-…) announced by
 * `inventory.receipt.posted.v1` without a purchase order, waiting shortages served.
 */
export async function receiveStock(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: ReceiveStockInput, meta: EventMetadata): Promise<IStockMove> {
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  const quantity = parseQuantity('input.quantity', input.quantity);
  const unitCost = input.unitCost ? parseMoneyInput('input.unitCost', input.unitCost) : null;
  const reason = optionalText('input.reason', input.reason, 500);
  return transition(
    em,
    (tx) => productOfInput(tx, input.productId),
    async (product, tx) => {
      if (unitCost && unitCost.currency !== product.currency) {
        throw badInput('input.unitCost.currency', `input.unitCost must be in the product's currency, ${product.currency}`, 'CURRENCY_MISMATCH');
      }
      const { move } = await postMove(
        tx,
        { productId: product.id, warehouseId, kind: 'RECEIPT', quantity, unitCost: unitCost?.amount ?? product.standardCost, currency: product.currency, reason, fields: FIELDS },
        meta,
      );
      await recordReceiptWithoutOrder(
        tx,
        { id: move.id, productId: product.id, warehouseId: move.warehouseId, quantity, unitCost: move.unitCost ?? product.standardCost, currency: product.currency },
        meta,
      );
      await settle(tx, product.id, warehouseId, true, meta);
      return move;
    },
  );
}

/**
 * Corrects stock by a signed quantity with a reason (damage, found goods, a booking error): an
 * ADJUSTMENT move valued at the standard cost. Taking more than is available is refused
 * (BAD_USER_INPUT naming `input.quantity`) unless the warehouse allows negative stock.
 */
export async function adjustStock(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: AdjustStockInput, meta: EventMetadata): Promise<IStockMove> {
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  const quantity = parseQuantity('input.quantity', input.quantity, { allowNegative: true });
  const reason = requireText('input.reason', input.reason, 500);
  return transition(
    em,
    (tx) => productOfInput(tx, input.productId),
    async (product, tx) => {
      const { move } = await postMove(
        tx,
        { productId: product.id, warehouseId, kind: 'ADJUSTMENT', quantity, unitCost: product.standardCost, currency: product.currency, reason, fields: FIELDS },
        meta,
      );
      await settle(tx, product.id, warehouseId, quantity > 0n, meta);
      return move;
    },
  );
}

/**
 * Sets the safety stock and reorder quantity of a product in a warehouse (audited on the level),
 * then raises or clears its alarm at once if the new level says so.
 */
export async function setStockRule(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: SetStockRuleInput, meta: EventMetadata): Promise<StockLevelRow> {
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  const safety = parseQuantity('input.safetyStock', input.safetyStock, { allowZero: true });
  const reorder = parseQuantity('input.reorderQuantity', input.reorderQuantity, { allowZero: true });
  return transition(
    em,
    (tx) => productOfInput(tx, input.productId),
    async (product, tx) => {
      await warehouseForMove(tx, warehouseId, 'input.warehouseId');
      const level = await lockLevel(tx, product.id, warehouseId);
      const [before] = await tx.execute<{ safety_stock: string; reorder_quantity: string }[]>('select safety_stock, reorder_quantity from stock_level where id = ?', [level.id]);
      await tx.execute('update stock_level set safety_stock = ?::numeric, reorder_quantity = ?::numeric, updated_at = now() where id = ?', [
        formatQuantity(safety),
        formatQuantity(reorder),
        level.id,
      ]);
      const changes = [
        { field: 'safetyStock', from: before ? formatQuantity(quantityUnits(before.safety_stock)) : null, to: formatQuantity(safety) },
        { field: 'reorderQuantity', from: before ? formatQuantity(quantityUnits(before.reorder_quantity)) : null, to: formatQuantity(reorder) },
      ].filter((c) => c.from !== c.to);
      if (changes.length) auditChange(tx, 'StockLevel', level.id, changes);
      await evaluateSafety(tx, product.id, warehouseId, meta);
      const [row] = await levelRows(tx, 'l.id = ?', [level.id], 'order by l.id limit 1');
      if (!row) throw new Error(`stock level ${level.id} vanished`);
      return row;
    },
  );
}

interface LevelSqlRow {
  id: string;
  product_id: string;
  warehouse_id: string;
  on_hand: string;
  reserved: string;
  incoming: string;
  in_transit: string;
  safety_stock: string;
  reorder_quantity: string;
  updated_at: Date;
  sku: string;
}

/** A stock level as the schema answers it, with its product's SKU (the list's sort key). */
export type StockLevelRow = IStockLevel & { sku: string };

const toLevel = (r: LevelSqlRow): StockLevelRow => ({
  id: r.id,
  productId: r.product_id,
  warehouseId: r.warehouse_id,
  onHand: r.on_hand,
  reserved: r.reserved,
  incoming: r.incoming,
  inTransit: r.in_transit,
  safetyStock: r.safety_stock,
  reorderQuantity: r.reorder_quantity,
  updatedAt: r.updated_at,
  sku: r.sku,
});

async function levelRows(em: SqlEntityManager, where: string, params: unknown[], tail: string): Promise<StockLevelRow[]> {
  const rows = await em.execute<LevelSqlRow[]>(
    `select l.id, l.product_id, l.warehouse_id, l.on_hand, l.reserved, l.incoming, l.in_transit, l.safety_stock, l.reorder_quantity, l.updated_at, p.sku
     from stock_level l join product p on p.id = l.product_id
     where ${notDeletedSql('p')} and ${where} ${tail}`,
    params,
  );
  return rows.map(toLevel);
}

export interface StockLevelFilter {
  productId?: string | null;
  warehouseId?: string | null;
  belowSafety?: boolean | null;
}

const LEVEL_ORDER: Keyset<StockLevelRow> = { sort: 'p.sku', kind: 'text', direction: 'asc', id: 'l.id', sortValue: (l) => l.sku };

/** Stock levels of live products, by SKU then level, filtered, paged by keyset. */
export function listStockLevels(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: StockLevelFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<StockLevelRow>> {
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter?.productId) {
    conditions.push('l.product_id = ?');
    params.push(requireUuid('filter.productId', filter.productId));
  }
  if (filter?.warehouseId) {
    conditions.push('l.warehouse_id = ?');
    params.push(requireUuid('filter.warehouseId', filter.warehouseId));
  }
  if (filter?.belowSafety) conditions.push('l.safety_stock > 0 and l.on_hand - l.reserved < l.safety_stock');
  return keysetPageSql(LEVEL_ORDER, { field: 'stockLevels', first, after }, ({ where, orderBy, fetch }) =>
    levelRows(em, [...conditions, ...(where ? [where.sql] : [])].join(' and '), [...params, ...(where?.params ?? [])], `order by ${orderBy} limit ${fetch}`),
  );
}

/** The levels of `productIds` in every warehouse (for Product.stock), by warehouse code. */
export async function levelsOfProducts(em: SqlEntityManager, viewer: Viewer, productIds: readonly string[]): Promise<StockLevelRow[]> {
  if (productIds.length === 0) return [];
  return levelRows(em, `l.product_id in (${productIds.map(() => '?').join(', ')})`, [...productIds], 'order by (select code from warehouse w where w.id = l.warehouse_id), l.id');
}

export interface StockMoveFilter {
  productId?: string | null;
  warehouseId?: string | null;
  kind?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const MOVE_ORDER: Keyset<IStockMove> = { sort: 'm.moved_at', kind: 'timestamp', direction: 'desc', id: 'm.id', sortValue: (m) => m.movedAt.toISOString() };

/** Moves, newest first, filtered by product, warehouse, kind and period ([from, to)), paged by keyset. */
export function listStockMoves(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: StockMoveFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IStockMove>> {
  const qb = em.createQueryBuilder(StockMove, 'm').select('*');
  if (filter?.productId) qb.andWhere({ productId: requireUuid('filter.productId', filter.productId) });
  if (filter?.warehouseId) qb.andWhere({ warehouseId: requireUuid('filter.warehouseId', filter.warehouseId) });
  if (filter?.kind) qb.andWhere({ kind: requireOneOf<StockMoveKind>('filter.kind', filter.kind, STOCK_MOVE_KINDS) });
  if (filter?.from) qb.andWhere({ movedAt: { $gte: filter.from } });
  if (filter?.to) qb.andWhere({ movedAt: { $lt: filter.to } });
  if (filter?.from && filter.to && filter.from > filter.to) throw badInput('filter.to', 'filter.to must not be before filter.from', 'INVALID_PERIOD');
  return keysetPage(qb, MOVE_ORDER, { field: 'stockMoves', first, after });
}

export interface StockAlarmFilter {
  open?: boolean | null;
  productId?: string | null;
  warehouseId?: string | null;
}

const ALARM_ORDER: Keyset<IStockAlarm> = { sort: 'a.raised_at', kind: 'timestamp', direction: 'desc', id: 'a.id', sortValue: (a) => a.raisedAt.toISOString() };

/** Safety alarms, newest first; open ones only unless `open` is false (then cleared ones only). */
export function listStockAlarms(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: StockAlarmFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IStockAlarm>> {
  const qb = em.createQueryBuilder(StockAlarm, 'a').select('*');
  qb.andWhere({ recoveredAt: filter?.open === false ? { $ne: null } : null });
  if (filter?.productId) qb.andWhere({ productId: requireUuid('filter.productId', filter.productId) });
  if (filter?.warehouseId) qb.andWhere({ warehouseId: requireUuid('filter.warehouseId', filter.warehouseId) });
  return keysetPage(qb, ALARM_ORDER, { field: 'stockAlarms', first, after });
}

/** quantity × unit cost, exact, rounded half up (away from zero) to the money scale. */
export function stockValue(quantity: string, unitCost: string): string {
  const product = quantityUnits(quantity) * parseAmount('unitCost', unitCost);
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude + 500n) / 1000n;
  return formatAmount(product < 0n ? -rounded : rounded);
}
