import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publishMany } from '@rapport/bus';
import { StockCountPostedV1, type EventMetadata } from '@rapport/contracts';
import {
  AppError,
  badInput,
  conflict,
  formatAmount,
  formatDecimal,
  minorUnitOf,
  MONEY_SCALE,
  rescale,
  formatQuantity,
  isAppError,
  normaliseAmount,
  notFound,
  optionalText,
  parseAmount,
  parseQuantity,
  quantityUnits,
  requireOneOf,
  requireUuid,
} from '@rapport/errors';
import { auditChange, keysetPageSql, transition, type Connection, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { serveShortages } from '../reservation/reservation.service.js';
import { evaluateSafety } from '../stock/stock-alarm.js';
import { warehouseForMove } from '../stock/stock-ledger.js';
import { stockValue } from '../stock/stock.service.js';
import { StockCount, type IStockCount, type IStockCountLine } from './count.entity.js';

// Stock counts (Odoo's inventory adjustment, ERPNext's stock reconciliation). A sheet per warehouse
// freezes the expected quantity of each product (its on hand then); counted quantities are entered
// or imported while it is open; posting writes one COUNT move per line whose counted quantity
// differs from the expected one, all in one transaction, with set-based SQL (a 10,000-line count is
// a handful of statements, not 10,000 round trips).
//
// What a posting moves: counted − expected (the frozen quantity), not counted − on hand at posting.
// Moves made after the freeze (a delivery while the shelves were counted) stand: they are real, and
// the count corrects only what the sheet saw. So a count is never refused because stock moved after
// the freeze. A count that lowers on hand below what is reserved keeps the reservations (as Odoo
// does); the posting flags such lines (`reservedBeyondOnHand` in the event) and those orders cannot
// ship until stock comes in. A count that would take on hand below zero is refused unless the
// warehouse allows negative stock. Locks, in the stock module's order: the count's row, then the
// products' rows (id order), then their levels.

export const COUNT_STATES = ['OPEN', 'POSTED', 'CANCELLED'] as const;
export type StockCountState = (typeof COUNT_STATES)[number];

/** A count with the state its dates give it. */
export type StockCountRow = IStockCount & { state: StockCountState };
/** A line of a count with the count's warehouse (to show the product's stock there now). */
export type StockCountLineRow = IStockCountLine & { warehouseId: string };

/** The count number for sequence value `n`: CNT-000001. */
export const countNumber = (n: bigint | number | string): string => `CNT-${String(n).padStart(6, '0')}`;

const STATE_SQL = `(case when c.posted_at is not null then 'POSTED' when c.cancelled_at is not null then 'CANCELLED' else 'OPEN' end)`;

/** Lines of one count whose counted quantity differs from the expected one (alias `l`). */
const DIFFERS = 'l.count_id = ? and l.counted is not null and l.counted <> l.expected';

/** The events of a large count are split into parts of this many lines (Kafka's default message limit is 1 MB). */
export const COUNT_EVENT_PART = 1000;

/** What to count: a warehouse and the products (omitted: every active product with a stock level there). */
export interface CreateStockCountInput {
  warehouseId: string;
  productIds?: string[] | null;
  note?: string | null;
}

/**
 * Makes a count sheet for a warehouse with the expected quantities frozen now (on hand per product,
 * 0 without a level): for the products given, or for every active product with a stock level in
 * the warehouse. Refused naming the field: an unknown warehouse, an unknown or retired product, a
 * product named twice, and nothing to count.
 */
export async function createStockCount(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateStockCountInput, meta: EventMetadata): Promise<StockCountRow> {
  const warehouseId = requireUuid('input.warehouseId', input.warehouseId);
  const note = optionalText('input.note', input.note, 500);
  const productIds = input.productIds?.map((id, i) => requireUuid(`input.productIds[${i}]`, id));
  if (productIds) {
    if (productIds.length === 0) throw badInput('input.productIds', 'input.productIds must name at least one product (or be omitted to count everything)', 'NO_LINES');
    const seen = new Set<string>();
    productIds.forEach((id, i) => {
      if (seen.has(id)) throw badInput(`input.productIds[${i}]`, `input.productIds[${i}] names a product already on the count`, 'DUPLICATE_LINE');
      seen.add(id);
    });
  }
  return em.transactional(async (tx) => {
    await warehouseForMove(tx, warehouseId, 'input.warehouseId');
    if (productIds) {
      const found = await tx.execute<{ id: string }[]>('select id from product where deleted_at is null and id in (select value::uuid from jsonb_array_elements_text(?::jsonb))', [
        JSON.stringify(productIds),
      ]);
      const known = new Set(found.map((r) => r.id));
      productIds.forEach((id, i) => {
        if (!known.has(id)) throw notFound('Product', id, `input.productIds[${i}]`);
      });
    }
    const [next] = await tx.execute<{ n: string }[]>(`select nextval('stock_count_number_seq')::text as n`);
    const now = new Date();
    const count: IStockCount = {
      id: randomUUID(),
      number: countNumber(next!.n),
      warehouseId,
      note,
      postedAt: null,
      cancelledAt: null,
      actorId: meta.actor ?? null,
      postedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.execute('insert into stock_count (id, number, warehouse_id, note, actor_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)', [
      count.id,
      count.number,
      warehouseId,
      note,
      count.actorId,
      now,
      now,
    ]);
    const chosen = productIds
      ? { sql: 'p.id in (select value::uuid from jsonb_array_elements_text(?::jsonb))', params: [JSON.stringify(productIds)] }
      : { sql: 'p.deleted_at is null and s.id is not null', params: [] };
    const lines = await tx.execute<{ n: string }[]>(
      `with inserted as (
         insert into stock_count_line (id, count_id, product_id, expected, frozen_at)
         select gen_random_uuid(), ?, p.id, coalesce(s.on_hand, 0), ?
         from product p left join stock_level s on s.product_id = p.id and s.warehouse_id = ?
         where ${chosen.sql}
         returning 1)
       select count(*)::text as n from inserted`,
      [count.id, now, warehouseId, ...chosen.params],
    );
    const lineCount = Number(lines[0]?.n ?? 0);
    if (lineCount === 0)
      throw badInput('input.productIds', 'the warehouse holds no stock of any active product: name the products to count in input.productIds', 'NOTHING_TO_COUNT');
    // Written by SQL beside the ledger, so audited by hand. Counting is the warehouse's own work:
    // only the posting (which changes stock) is announced.
    auditChange(tx, 'StockCount', count.id, [
      { field: 'number', from: null, to: count.number },
      { field: 'warehouseId', from: null, to: warehouseId },
      { field: 'lines', from: null, to: lineCount },
    ]);
    return { ...count, state: 'OPEN' as const };
  });
}

const loadOpenCount = async (tx: SqlEntityManager, countId: string) => {
  const count = await tx.findOne(StockCount, { id: countId });
  if (!count) throw notFound('StockCount', countId, 'countId');
  return count;
};

const refuseClosed = (count: IStockCount): void => {
  if (count.postedAt) throw conflict('COUNT_POSTED', `count ${count.number} has been posted`, 'countId');
  if (count.cancelledAt) throw conflict('COUNT_CANCELLED', `count ${count.number} has been cancelled`, 'countId');
};

interface CountedEntry {
  productId: string;
  counted: bigint;
}

/**
 * Writes counted quantities onto an open count (the caller holds its row lock). A product not on
 * the sheet yet is added, its expected quantity frozen now; an unknown product, or a retired one not
 * on the sheet, is refused naming `fieldOf(i)`. Returns how many lines were written.
 */
async function writeCounted(tx: SqlEntityManager, count: IStockCount, entries: readonly CountedEntry[], fieldOf: (i: number) => string): Promise<void> {
  const payload = JSON.stringify(entries.map((e) => ({ product_id: e.productId, counted: formatQuantity(e.counted) })));
  const known = await tx.execute<{ id: string; on_sheet: boolean; retired: boolean }[]>(
    `select p.id, exists (select 1 from stock_count_line l where l.count_id = ? and l.product_id = p.id) as on_sheet, p.deleted_at is not null as retired
     from product p where p.id in (select x.product_id from jsonb_to_recordset(?::jsonb) as x(product_id uuid))`,
    [count.id, payload],
  );
  const byId = new Map(known.map((r) => [r.id, r]));
  entries.forEach((e, i) => {
    const product = byId.get(e.productId);
    if (!product || (product.retired && !product.on_sheet)) throw notFound('Product', e.productId, fieldOf(i));
  });
  const before = await tx.execute<{ product_id: string; counted: string | null }[]>(
    `select l.product_id, l.counted::text from stock_count_line l where l.count_id = ? and l.product_id in (select x.product_id from jsonb_to_recordset(?::jsonb) as x(product_id uuid))`,
    [count.id, payload],
  );
  await tx.execute(
    `insert into stock_count_line (id, count_id, product_id, expected, counted, frozen_at)
     select gen_random_uuid(), ?, x.product_id, coalesce(s.on_hand, 0), x.counted, now()
     from jsonb_to_recordset(?::jsonb) as x(product_id uuid, counted numeric)
     left join stock_level s on s.product_id = x.product_id and s.warehouse_id = ?
     on conflict (count_id, product_id) do update set counted = excluded.counted`,
    [count.id, payload, count.warehouseId],
  );
  await tx.execute('update stock_count set updated_at = now() where id = ?', [count.id]);
  const was = new Map(before.map((r) => [r.product_id, r.counted === null ? null : formatQuantity(quantityUnits(r.counted))]));
  auditChange(tx, 'StockCount', count.id, [
    {
      field: 'counted',
      from: entries.map((e) => ({ productId: e.productId, counted: was.get(e.productId) ?? null })),
      to: entries.map((e) => ({ productId: e.productId, counted: formatQuantity(e.counted) })),
    },
  ]);
}

/**
 * Enters counted quantities on an open count, many lines at once (entering a line again replaces
 * it). Refused naming the field: quantities negative or too precise, a product named twice, an
 * unknown product; CONFLICT when the count was posted or cancelled.
 */
export async function enterCountedQuantities(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { countId: string; lines: { productId: string; counted: string }[] },
): Promise<StockCountRow> {
  const countId = requireUuid('input.countId', input.countId);
  if (input.lines.length === 0) throw badInput('input.lines', 'input.lines must name at least one product', 'NO_LINES');
  const seen = new Set<string>();
  const entries = input.lines.map((line, i) => {
    const field = `input.lines[${i}]`;
    const productId = requireUuid(`${field}.productId`, line.productId);
    if (seen.has(productId)) throw badInput(`${field}.productId`, `${field}.productId names a product already entered above`, 'DUPLICATE_LINE');
    seen.add(productId);
    return { productId, counted: parseQuantity(`${field}.counted`, line.counted, { allowZero: true }) };
  });
  return transition(
    em,
    (tx) => loadOpenCount(tx, countId),
    async (count, tx) => {
      refuseClosed(count);
      await writeCounted(tx, count, entries, (i) => `input.lines[${i}].productId`);
      return (await stockCountById(tx, viewer, countId))!;
    },
  );
}

/** One refused row of a count import: its row number in the text (1 = the first line) and the column at fault. */
export interface CountImportError {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface CountImportResult {
  dryRun: boolean;
  rows: number;
  valid: number;
  applied: boolean;
  errors: CountImportError[];
  count: StockCountRow;
}

/** Splits import text into rows of `code;counted` (a `,` or a tab also separates), skipping blank lines and a header row naming `code`. */
export function parseCountCsv(text: string): { row: number; code: string; counted: string; cells: number }[] {
  const rows: { row: number; code: string; counted: string; cells: number }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(/[;,\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (i === 0 && /^(code|sku)$/i.test(cells[0] ?? '')) return;
    rows.push({ row: i + 1, code: cells[0] ?? '', counted: cells[1] ?? '', cells: cells.length });
  });
  return rows;
}

/**
 * Imports counted quantities as text, one `code;counted` per line (the product code, i.e. its SKU;
 * an optional header row). A dry run writes nothing and reports every row's errors; a real import
 * writes all rows or, when any row is wrong, none (the errors say which rows and columns). Up to
 * 20,000 rows.
 */
export async function importCountedQuantities(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { countId: string; csv: string; dryRun?: boolean | null },
): Promise<CountImportResult> {
  const countId = requireUuid('input.countId', input.countId);
  const dryRun = input.dryRun ?? false;
  const rows = parseCountCsv(input.csv);
  if (rows.length === 0) throw badInput('input.csv', 'input.csv holds no rows of code;counted', 'EMPTY_IMPORT');
  if (rows.length > 20000) throw badInput('input.csv', 'input.csv may hold at most 20,000 rows', 'IMPORT_TOO_LARGE');
  return transition(
    em,
    (tx) => loadOpenCount(tx, countId),
    async (count, tx) => {
      refuseClosed(count);
      const codes = [...new Set(rows.map((r) => r.code.toUpperCase()).filter((c) => c !== ''))];
      const products = await tx.execute<{ id: string; sku: string; retired: boolean; on_sheet: boolean }[]>(
        `select p.id, p.sku, p.deleted_at is not null as retired, exists (select 1 from stock_count_line l where l.count_id = ? and l.product_id = p.id) as on_sheet
         from product p where p.sku in (select value from jsonb_array_elements_text(?::jsonb))`,
        [count.id, JSON.stringify(codes)],
      );
      const bySku = new Map(products.map((p) => [p.sku, p]));
      const errors: CountImportError[] = [];
      const entries: CountedEntry[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        const product = bySku.get(r.code.toUpperCase());
        if (r.code === '') errors.push({ row: r.row, field: 'code', code: 'REQUIRED', message: `row ${r.row}: code is empty` });
        else if (!product || (product.retired && !product.on_sheet))
          errors.push({ row: r.row, field: 'code', code: 'PRODUCT_NOT_FOUND', message: `row ${r.row}: no product has code ${r.code}` });
        else if (seen.has(product.id))
          errors.push({ row: r.row, field: 'code', code: 'DUPLICATE_ROW', message: `row ${r.row}: code ${r.code} was already counted on row ${seen.get(product.id)}` });
        let counted: bigint | null = null;
        try {
          counted = parseQuantity('counted', r.counted, { allowZero: true });
        } catch (error) {
          if (!isAppError(error)) throw error;
          errors.push({ row: r.row, field: 'counted', code: error.code, message: `row ${r.row}: ${error.message}` });
        }
        if (product && counted !== null && !seen.has(product.id) && errors.every((e) => e.row !== r.row)) entries.push({ productId: product.id, counted });
        if (product && !seen.has(product.id)) seen.set(product.id, r.row);
      }
      const applied = !dryRun && errors.length === 0;
      if (applied) {
        await writeCounted(tx, count, entries, (i) => `input.csv row ${i + 1}`);
      }
      return {
        dryRun,
        rows: rows.length,
        valid: rows.length - new Set(errors.map((e) => e.row)).size,
        applied,
        errors,
        count: (await stockCountById(tx, viewer, countId))!,
      };
    },
  );
}

/** Cancels an open count: nothing is posted; CONFLICT when it was posted or cancelled already. */
export async function cancelStockCount(em: SqlEntityManager, viewer: Viewer<WriteAccess>, countId: string): Promise<StockCountRow> {
  const id = requireUuid('countId', countId);
  return transition(
    em,
    (tx) => loadOpenCount(tx, id),
    async (count, tx) => {
      refuseClosed(count);
      const now = new Date();
      await tx.execute('update stock_count set cancelled_at = ?, updated_at = ? where id = ?', [now, now, id]);
      auditChange(tx, 'StockCount', id, [{ field: 'cancelledAt', from: null, to: now.toISOString() }]);
      return (await stockCountById(tx, viewer, id))!;
    },
  );
}

interface PostedLine {
  product_id: string;
  expected: string;
  counted: string;
  on_hand: string;
  reserved: string;
  standard_cost: string;
  currency: string;
}

/**
 * Posts an open count in one transaction: a COUNT move of counted − expected for every counted line
 * that differs (valued at the product's standard cost), the levels changed by the same amounts,
 * waiting shortages served where stock rose, safety alarms re-checked where a rule or an alarm
 * exists, and `inventory.count.posted.v1` announcing the differences. Lines left uncounted post
 * nothing. Refused: CONFLICT when the count was posted or cancelled (two posts of one count: one
 * wins), INSUFFICIENT_STOCK naming `countId` when a line would take on hand below zero in a
 * warehouse that does not allow it.
 */
export async function postStockCount(em: SqlEntityManager, viewer: Viewer<WriteAccess>, countId: string, meta: EventMetadata): Promise<StockCountRow> {
  const id = requireUuid('countId', countId);
  return transition(
    em,
    (tx) => loadOpenCount(tx, id),
    async (count, tx) => {
      refuseClosed(count);
      // Products' rows, then their levels, as every stock change takes them.
      await tx.execute(`select p.id from product p where p.id in (select l.product_id from stock_count_line l where ${DIFFERS}) order by p.id for update of p`, [id]);
      await tx.execute(
        `insert into stock_level (id, product_id, warehouse_id)
         select gen_random_uuid(), l.product_id, ? from stock_count_line l where ${DIFFERS}
         on conflict (product_id, warehouse_id) do nothing`,
        [count.warehouseId, id],
      );
      const lines = await tx.execute<PostedLine[]>(
        `select l.product_id, l.expected::text, l.counted::text, s.on_hand::text, s.reserved::text, p.standard_cost::text, p.currency
         from stock_count_line l
         join stock_level s on s.product_id = l.product_id and s.warehouse_id = ?
         join product p on p.id = l.product_id
         where ${DIFFERS}
         order by l.product_id
         for update of s`,
        [count.warehouseId, id],
      );
      const [warehouse] = await tx.execute<{ allow_negative_stock: boolean }[]>('select allow_negative_stock from warehouse where id = ? for share', [count.warehouseId]);
      const posted = lines.map((l) => {
        const difference = quantityUnits(l.counted) - quantityUnits(l.expected);
        const onHand = quantityUnits(l.on_hand) + difference;
        const reserved = quantityUnits(l.reserved);
        return { line: l, difference, onHand, beyond: reserved > onHand ? reserved - (onHand < 0n ? 0n : onHand) : 0n };
      });
      if (!warehouse?.allow_negative_stock) {
        const below = posted.find((p) => p.onHand < 0n);
        if (below) {
          throw new AppError(
            'BAD_USER_INPUT',
            'INSUFFICIENT_STOCK',
            `countId: posting would take product ${below.line.product_id} to ${formatQuantity(below.onHand)} on hand (${formatQuantity(quantityUnits(below.line.on_hand))} now, ${formatQuantity(below.difference)} counted difference); stock moved out after the count was frozen`,
            {
              field: 'countId',
              details: { productId: below.line.product_id, onHand: formatQuantity(quantityUnits(below.line.on_hand)), difference: formatQuantity(below.difference) },
            },
          );
        }
      }
      const now = new Date();
      await tx.execute(
        `insert into stock_move (id, product_id, warehouse_id, kind, quantity, unit_cost, currency, reason, reference_type, reference_id, actor_id, moved_at)
         select gen_random_uuid(), l.product_id, ?, 'COUNT', l.counted - l.expected, p.standard_cost, p.currency, ?, 'STOCK_COUNT', ?, ?, ?
         from stock_count_line l join product p on p.id = l.product_id
         where ${DIFFERS}`,
        [count.warehouseId, count.number, id, meta.actor ?? null, now, id],
      );
      await tx.execute(
        `update stock_level s set on_hand = s.on_hand + (l.counted - l.expected), updated_at = now()
         from stock_count_line l
         where s.product_id = l.product_id and s.warehouse_id = ? and ${DIFFERS}`,
        [count.warehouseId, id],
      );
      await tx.execute('update stock_count set posted_at = ?, posted_by = ?, updated_at = ? where id = ?', [now, meta.actor ?? null, now, id]);
      // Follow-ups only where they can do something: shortages waiting for a product whose stock
      // rose, alarms where a safety level is set or an alarm is open.
      const risen = await tx.execute<{ product_id: string }[]>(
        `select distinct l.product_id from stock_count_line l
         join order_demand d on d.product_id = l.product_id and d.short > 0 and (d.warehouse_id is null or d.warehouse_id = ?)
         where ${DIFFERS} and l.counted > l.expected order by l.product_id`,
        [count.warehouseId, id],
      );
      for (const r of risen) await serveShortages(tx, r.product_id, count.warehouseId, meta);
      // Only the levels whose alarm changes (evaluateSafety's own conditions, read in bulk): below a
      // safety level without an open alarm, or an open alarm no longer below it.
      const watched = await tx.execute<{ product_id: string }[]>(
        `select l.product_id from stock_count_line l
         join stock_level s on s.product_id = l.product_id and s.warehouse_id = ?
         left join stock_alarm a on a.product_id = s.product_id and a.warehouse_id = s.warehouse_id and a.recovered_at is null
         where ${DIFFERS}
           and ((a.id is null and s.safety_stock > 0 and s.on_hand - s.reserved < s.safety_stock)
             or (a.id is not null and (s.safety_stock = 0 or s.on_hand - s.reserved >= s.safety_stock)))
         order by l.product_id`,
        [count.warehouseId, id],
      );
      for (const r of watched) await evaluateSafety(tx, r.product_id, count.warehouseId, meta);
      const eventLines = posted.map(({ line, difference, beyond }) => ({
        productId: line.product_id,
        expected: formatQuantity(quantityUnits(line.expected)),
        counted: formatQuantity(quantityUnits(line.counted)),
        difference: formatQuantity(difference),
        unitCost: { amount: normaliseAmount(line.standard_cost), currency: line.currency },
        reservedBeyondOnHand: formatQuantity(beyond),
      }));
      const parts = Math.max(1, Math.ceil(eventLines.length / COUNT_EVENT_PART));
      await publishMany(
        tx,
        StockCountPostedV1,
        Array.from({ length: parts }, (_, i) => ({
          subject: id,
          data: {
            countId: id,
            number: count.number,
            warehouseId: count.warehouseId,
            part: i + 1,
            parts,
            differenceLines: eventLines.length,
            lines: eventLines.slice(i * COUNT_EVENT_PART, (i + 1) * COUNT_EVENT_PART),
            postedAt: now.toISOString(),
          },
        })),
        meta,
      );
      auditChange(tx, 'StockCount', id, [
        { field: 'postedAt', from: null, to: now.toISOString() },
        { field: 'differenceLines', from: null, to: eventLines.length },
      ]);
      return (await stockCountById(tx, viewer, id))!;
    },
  );
}

interface CountSqlRow {
  id: string;
  number: string;
  warehouse_id: string;
  note: string | null;
  posted_at: Date | string | null;
  cancelled_at: Date | string | null;
  actor_id: string | null;
  posted_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  state: StockCountState;
}

const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
const toCount = (r: CountSqlRow): StockCountRow => ({
  id: r.id,
  number: r.number,
  warehouseId: r.warehouse_id,
  note: r.note,
  postedAt: dateOrNull(r.posted_at),
  cancelledAt: dateOrNull(r.cancelled_at),
  actorId: r.actor_id,
  postedBy: r.posted_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  state: r.state,
});

/** A count by id; null when there is none. */
export async function stockCountById(em: SqlEntityManager, viewer: Viewer, id: string): Promise<StockCountRow | null> {
  const [row] = await em.execute<CountSqlRow[]>(`select c.*, ${STATE_SQL} as state from stock_count c where c.id = ?`, [requireUuid('id', id)]);
  return row ? toCount(row) : null;
}

const COUNT_ORDER: Keyset<StockCountRow> = { sort: 'c.created_at', kind: 'timestamp', direction: 'desc', id: 'c.id', sortValue: (c) => c.createdAt.toISOString() };

/** Counts, newest first, by warehouse and state, paged by keyset. */
export function listStockCounts(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: { warehouseId?: string | null; state?: string | null } | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<StockCountRow>> {
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter?.warehouseId) {
    conditions.push('c.warehouse_id = ?');
    params.push(requireUuid('filter.warehouseId', filter.warehouseId));
  }
  if (filter?.state) {
    conditions.push(`${STATE_SQL} = ?`);
    params.push(requireOneOf<StockCountState>('filter.state', filter.state, COUNT_STATES));
  }
  return keysetPageSql(COUNT_ORDER, { field: 'stockCounts', first, after }, async ({ where, orderBy, fetch }) =>
    (
      await em.execute<CountSqlRow[]>(
        `select c.*, ${STATE_SQL} as state from stock_count c where ${[...conditions, ...(where ? [where.sql] : [])].join(' and ')} order by ${orderBy} limit ${fetch}`,
        [...params, ...(where?.params ?? [])],
      )
    ).map(toCount),
  );
}

/** The lines of `countIds`, by product id. */
export async function linesOfCounts(em: SqlEntityManager, viewer: Viewer, countIds: readonly string[]): Promise<StockCountLineRow[]> {
  if (countIds.length === 0) return [];
  const rows = await em.execute<{ id: string; count_id: string; product_id: string; expected: string; counted: string | null; frozen_at: Date | string; warehouse_id: string }[]>(
    `select l.id, l.count_id, l.product_id, l.expected::text, l.counted::text, l.frozen_at, c.warehouse_id
     from stock_count_line l join stock_count c on c.id = l.count_id
     where l.count_id in (select value::uuid from jsonb_array_elements_text(?::jsonb)) order by l.count_id, l.product_id`,
    [JSON.stringify(countIds)],
  );
  return rows.map((r) => ({
    id: r.id,
    countId: r.count_id,
    productId: r.product_id,
    expected: r.expected,
    counted: r.counted,
    frozenAt: new Date(r.frozen_at),
    warehouseId: r.warehouse_id,
  }));
}

/** The difference of a line (counted − expected), null until counted. */
export const lineDifference = (line: Pick<IStockCountLine, 'expected' | 'counted'>): bigint | null =>
  line.counted === null || line.counted === undefined ? null : quantityUnits(line.counted) - quantityUnits(line.expected);

/** The value of a count's differences at standard cost, per currency (rounded half up at the minor unit per line). */
export async function differenceValues(em: SqlEntityManager, countId: string): Promise<{ amount: string; currency: string }[]> {
  const rows = await em.execute<{ difference: string; standard_cost: string; currency: string }[]>(
    `select (l.counted - l.expected)::text as difference, p.standard_cost::text, p.currency
     from stock_count_line l join product p on p.id = l.product_id where ${DIFFERS}`,
    [countId],
  );
  const totals = new Map<string, bigint>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0n) + parseAmount('amount', differenceValue(r.difference, r.standard_cost, r.currency)));
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, units]) => ({ amount: formatAmount(units), currency }));
}

/** A difference valued at a unit cost, rounded half up at the currency's minor unit (what the review list shows and sums). */
export function differenceValue(difference: string, unitCost: string, currency: string): string {
  const exact = parseAmount('amount', stockValue(difference, unitCost));
  const minor = minorUnitOf(currency);
  return normaliseAmount(formatDecimal(rescale(exact, MONEY_SCALE, minor), minor));
}
