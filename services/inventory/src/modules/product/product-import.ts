import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { executeBulk, insertColumns, pgArray, publishMany } from '@rapport/bus';
import { ProductChangedV1, ProductCreatedV2, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, conflict, isAppError, normaliseAmount, optionalText, parseMoneyInput, requireText } from '@rapport/errors';
import {
  creationChanges,
  CsvSyntaxError,
  parseCsv,
  parseXlsxInput,
  updateChanges,
  type CsvRecord,
  writeAuditEntries,
  type AuditRecord,
  type Viewer,
  type WriteAccess,
} from '@rapport/subgraph-kit';
import { Product, type IProduct } from './product.entity.js';
import { catalogue, CATEGORY_MAX, productSnapshot, requireCost, requireSku, SPECIFICATION_MAX } from './product.service.js';

/** At most this many products per import (one transaction). */
export const PRODUCT_IMPORT_MAX_ROWS = 10_000;
/** At most this many row errors travel in `extensions.details.errors` (`errorCount` tells them all). */
const ERRORS_SHOWN = 1_000;

/** The columns (CSV header names or JSON keys, case and spaces ignored) an import reads; `code` is the same as `sku`. */
const COLUMNS = ['sku', 'name', 'specification', 'category', 'unit', 'listPrice', 'currency', 'standardCost'] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_BY_KEY = new Map<string, Column>([...COLUMNS.map((c) => [c.toLowerCase(), c] as const), ['code', 'sku']]);

export interface ImportProductsInput {
  format?: 'CSV' | 'XLSX' | 'JSON' | null;
  body: string;
  dryRun: boolean;
  existing?: 'UPDATE' | 'REFUSE' | null;
  /** How bad rows are treated, as in the customer import; not given: all or nothing, the bad rows in the error rather than the report (the first form of this mutation). */
  mode?: ProductImportMode | null;
}

/** The customer import's modes (`ImportMode` in both subgraphs' SDL): one bad row writes nothing, or the good rows are written and the bad ones reported. */
export type ProductImportMode = 'ALL_OR_NOTHING' | 'PER_ROW';

export interface ProductImportReport {
  dryRun: boolean;
  mode: ProductImportMode;
  /** ALL_OR_NOTHING met bad rows: nothing was written (nor would be) and the counts are 0. */
  rolledBack: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused (each may have several errors). */
  failed: number;
  /** How many errors in all; `errors` holds the first `ERRORS_SHOWN`, by row. */
  errorCount: number;
  errors: ProductImportError[];
}

/** One refused row field: `field` names it as `rows[<index>].<column>` (index from 0, the header not counted). */
export interface ProductImportError {
  row: number;
  field: string;
  code: string;
  message: string;
}

type RawRow = Partial<Record<Column, string>>;

function csvRecords(body: string): CsvRecord[] {
  try {
    return parseCsv(body);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw badInput('input.body', `input.body: ${error.message}`, 'INVALID_CSV');
    throw error;
  }
}

/** A row as read, or why it could not be read (a JSON item that is no product object, a CSV row with more cells than the header). */
const rowOrError = (read: () => RawRow): RawRow | AppError => {
  try {
    return read();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
};

/** The rows of the body, each as its columns' text (an empty cell as absent), or why the row cannot be read. */
async function readRows(format: 'CSV' | 'XLSX' | 'JSON', body: string): Promise<(RawRow | AppError)[]> {
  if (format === 'JSON') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw badInput('input.body', 'input.body is not JSON: give an array of product objects', 'INVALID_JSON');
    }
    if (!Array.isArray(parsed)) throw badInput('input.body', 'input.body must be a JSON array of product objects', 'INVALID_JSON');
    return parsed.map((item, i) =>
      rowOrError(() => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) throw badInput(`rows[${i}]`, `rows[${i}] must be an object`, 'INVALID_JSON');
        const row: RawRow = {};
        for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
          const column = COLUMN_BY_KEY.get(key.trim().toLowerCase());
          if (!column) throw badInput(`rows[${i}].${key}`, `rows[${i}].${key} is not a product column (${COLUMNS.join(', ')})`, 'UNKNOWN_COLUMN');
          if (value === null || value === undefined || value === '') continue;
          if (typeof value !== 'string' && typeof value !== 'number') throw badInput(`rows[${i}].${column}`, `rows[${i}].${column} must be a string`, 'INVALID_JSON');
          // A JSON number is read as its shortest decimal (exact for prices of up to 15 digits); strings are taken as written.
          row[column] = String(value);
        }
        return row;
      }),
    );
  }
  const [header, ...data] = format === 'XLSX' ? await parseXlsxInput('input.body', body) : csvRecords(body);
  if (!header) return [];
  const columns = header.fields.map((name) => {
    const column = COLUMN_BY_KEY.get(name.replace(/[\s_]/g, '').toLowerCase());
    if (!column) throw badInput('input.body', `input.body: column "${name}" is not a product column (${COLUMNS.join(', ')})`, 'UNKNOWN_COLUMN');
    return column;
  });
  if (new Set(columns).size !== columns.length) throw badInput('input.body', 'input.body names a column twice', 'DUPLICATE_COLUMN');
  return data.map((record, i) =>
    rowOrError(() => {
      if (record.fields.length > columns.length) throw badInput(`rows[${i}]`, `rows[${i}] (line ${record.line}) has more cells than the header names`, 'TOO_MANY_CELLS');
      const row: RawRow = {};
      columns.forEach((column, i) => {
        const value = record.fields[i]?.trim();
        if (value) row[column] = value;
      });
      return row;
    }),
  );
}

/** A product a row describes, validated. Optional values left undefined are not given (unchanged on update, the default on creation). */
interface ParsedRow {
  index: number;
  sku: string;
  name: string;
  specification?: string;
  category?: string;
  unit?: string;
  listPrice: { amount: string; currency: string };
  standardCost?: string;
}

/** Validates one row, pushing each bad field to `errors`; null when it has any. */
function parseRow(row: RawRow, index: number, errors: ProductImportError[]): ParsedRow | null {
  const before = errors.length;
  const at = (column: string) => `rows[${index}].${column}`;
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!isAppError(error)) throw error;
      errors.push({ row: index, field: error.field ?? at('?'), code: error.code, message: error.message });
      return undefined;
    }
  };
  const sku = attempt(() => requireSku(at('sku'), row.sku ?? ''));
  const name = attempt(() => requireText(at('name'), row.name ?? ''));
  const specification = attempt(() => optionalText(at('specification'), row.specification, SPECIFICATION_MAX) ?? undefined);
  const category = attempt(() => optionalText(at('category'), row.category, CATEGORY_MAX) ?? undefined);
  const unit = row.unit === undefined ? undefined : attempt(() => requireText(at('unit'), row.unit!, 20));
  // The currency column is the list price's (and the standard cost's): the field at fault is named as the list price's.
  const listPrice = attempt(() => parseMoneyInput(at('listPrice'), { amount: row.listPrice ?? '', currency: row.currency ?? '' }));
  const standardCost =
    row.standardCost === undefined || !listPrice
      ? undefined
      : attempt(() => requireCost(at('standardCost'), { amount: row.standardCost!, currency: listPrice.currency }, listPrice.currency));
  if (errors.length > before || !sku || !name || !listPrice) return null;
  return { index, sku, name, specification, category, unit, listPrice, standardCost };
}

/** The stored fields a row may change, as the entity holds them. */
type ProductFields = Pick<IProduct, 'sku' | 'name' | 'specification' | 'category' | 'unit' | 'listPrice' | 'standardCost' | 'currency'>;
const FIELDS: readonly (keyof ProductFields)[] = ['sku', 'name', 'specification', 'category', 'unit', 'listPrice', 'standardCost', 'currency'];
const MONEY: ReadonlySet<keyof ProductFields> = new Set(['listPrice', 'standardCost']);

const same = (key: keyof ProductFields, a: unknown, b: unknown): boolean =>
  MONEY.has(key) && typeof a === 'string' && typeof b === 'string' ? normaliseAmount(a) === normaliseAmount(b) : (a ?? null) === (b ?? null);

/**
 * Imports many products at once from CSV (a header line naming the columns), an XLSX workbook (its
 * first worksheet read as the CSV would be, through the kit's reader customers use too) or a JSON array of
 * objects, all or nothing: every bad row and field is reported together (BAD_USER_INPUT with
 * `extensions.details.errors`, each naming `rows[<i>].<column>`) and nothing is written. A row
 * whose SKU is a live product updates it (`existing: UPDATE`, Odoo's rule for a known external
 * id: the row's given cells replace the stored values, empty cells leave them) or is refused
 * (`REFUSE`); a retired product's SKU is always refused (restore it first). New products announce
 * `inventory.product.created.v2`, changed ones `inventory.product.changed.v1`, as createProduct and
 * updateProduct do, written to the outbox in bulk in the import's transaction with their audit
 * entries. A dry run validates and counts, and writes nothing. `mayWriteCosts` is asked when a row
 * gives a standard cost (it throws FORBIDDEN for those who may not set costs).
 *
 * `mode` follows the customer import's rules: ALL_OR_NOTHING writes nothing when any row is bad and
 * returns the bad rows in the report (`rolledBack`, counts 0); PER_ROW writes the good rows (one
 * transaction) and reports the bad ones; a dry run reports exactly what the real import would. Without
 * a mode the import is all or nothing and bad rows are thrown as IMPORT_INVALID, as it always was.
 */
export async function importProducts(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: ImportProductsInput,
  meta: EventMetadata,
  mayWriteCosts: () => void,
): Promise<ProductImportReport> {
  const existingRule = input.existing ?? 'UPDATE';
  const raw = await readRows(input.format ?? 'CSV', input.body);
  if (raw.length === 0) throw badInput('input.body', 'input.body holds no products', 'EMPTY_IMPORT');
  if (raw.length > PRODUCT_IMPORT_MAX_ROWS)
    throw badInput('input.body', `input.body may hold at most ${PRODUCT_IMPORT_MAX_ROWS.toLocaleString('en')} products`, 'IMPORT_TOO_LARGE');
  const errors: ProductImportError[] = [];
  // A row that cannot be read refuses the import without a mode (as it always did); with one it is a refused row like any other.
  const unreadable = raw.find((row) => row instanceof AppError);
  if (unreadable && !input.mode) throw unreadable;
  const rows = raw.map((row, i) => {
    if (!(row instanceof AppError)) return parseRow(row, i, errors);
    errors.push({ row: i, field: row.field ?? `rows[${i}]`, code: row.code, message: row.message });
    return null;
  });
  if (rows.some((row) => row?.standardCost !== undefined)) mayWriteCosts();
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    if (!row) continue;
    const first = firstRowOf.get(row.sku);
    if (first === undefined) firstRowOf.set(row.sku, row.index);
    else
      errors.push({ row: row.index, field: `rows[${row.index}].sku`, code: 'DUPLICATE_ROW', message: `rows[${row.index}].sku ${row.sku} is imported already by rows[${first}]` });
  }
  return em.transactional(async (tx) => {
    // Locks the products the file names, so a concurrent change waits for the import (or the other way round).
    const stored = await catalogue(tx, 'include')
      .andWhere({ sku: { $in: [...firstRowOf.keys()] } })
      .setLockMode(LockMode.PESSIMISTIC_WRITE)
      .getResultList();
    const bySku = new Map(stored.map((p) => [p.sku, p]));
    const creates: ParsedRow[] = [];
    const updates: { row: ParsedRow; product: IProduct; next: ProductFields; changed: (keyof ProductFields)[] }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      if (!row || firstRowOf.get(row.sku) !== row.index) continue;
      const product = bySku.get(row.sku);
      const field = `rows[${row.index}].sku`;
      if (!product) {
        creates.push(row);
        continue;
      }
      if (product.deletedAt) errors.push({ row: row.index, field, code: 'SKU_TAKEN', message: `${field}: a deleted product with SKU ${row.sku} exists; restore it first` });
      else if (existingRule === 'REFUSE') errors.push({ row: row.index, field, code: 'SKU_TAKEN', message: `${field}: a product with SKU ${row.sku} exists already` });
      else if (row.listPrice.currency !== product.currency && row.standardCost === undefined) {
        const at = `rows[${row.index}].standardCost`;
        errors.push({
          row: row.index,
          field: at,
          code: 'CURRENCY_MISMATCH',
          message: `${at}: the list price moves to ${row.listPrice.currency}: give the standard cost in it too`,
        });
      } else {
        const next: ProductFields = {
          sku: product.sku,
          name: row.name,
          specification: row.specification ?? product.specification,
          category: row.category ?? product.category,
          unit: row.unit ?? product.unit,
          listPrice: row.listPrice.amount,
          standardCost: row.standardCost ?? product.standardCost,
          currency: row.listPrice.currency,
        };
        const changed = FIELDS.filter((key) => !same(key, product[key], next[key]));
        if (changed.length === 0) unchanged++;
        else updates.push({ row, product, next, changed });
      }
    }
    errors.sort((a, b) => a.row - b.row);
    if (errors.length > 0 && !input.mode)
      throw new AppError(
        'BAD_USER_INPUT',
        'IMPORT_INVALID',
        `${new Set(errors.map((e) => e.row)).size} of ${raw.length} rows are bad (first: ${errors[0]!.message}); nothing was imported`,
        {
          field: errors[0]!.field,
          details: { errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN) },
        },
      );
    const mode = input.mode ?? 'ALL_OR_NOTHING';
    const rolledBack = mode === 'ALL_OR_NOTHING' && errors.length > 0;
    const report: ProductImportReport = {
      dryRun: input.dryRun,
      mode,
      rolledBack,
      rows: raw.length,
      created: rolledBack ? 0 : creates.length,
      updated: rolledBack ? 0 : updates.length,
      unchanged: rolledBack ? 0 : unchanged,
      failed: new Set(errors.map((e) => e.row)).size,
      errorCount: errors.length,
      errors: errors.slice(0, ERRORS_SHOWN),
    };
    // PER_ROW: the bad rows are in neither list (a duplicate's first row is imported), so the good ones are written.
    if (input.dryRun || rolledBack) return report;
    const now = new Date();
    try {
      await writeCreates(tx, creates, now, meta);
      await writeUpdates(tx, updates, now, meta);
    } catch (error) {
      // Another request took one of the SKUs between the lock and the insert.
      if (error instanceof UniqueConstraintViolationException)
        throw conflict('SKU_TAKEN', 'a product with one of the imported SKUs was created meanwhile; nothing was imported', 'input.body');
      throw error;
    }
    return report;
  });
}

const MONEY_TYPE = 'numeric';

async function writeCreates(tx: SqlEntityManager, rows: readonly ParsedRow[], now: Date, meta: EventMetadata): Promise<void> {
  if (rows.length === 0) return;
  const products = rows.map((row) => ({
    id: randomUUID(),
    sku: row.sku,
    name: row.name,
    specification: row.specification ?? null,
    category: row.category ?? null,
    unit: row.unit ?? 'pcs',
    listPrice: row.listPrice.amount,
    standardCost: row.standardCost ?? '0',
    currency: row.listPrice.currency,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  }));
  const at = now.toISOString();
  await insertColumns(tx, 'product', [
    { name: 'id', type: 'uuid', values: products.map((p) => p.id) },
    { name: 'sku', type: 'text', values: products.map((p) => p.sku) },
    { name: 'name', type: 'text', values: products.map((p) => p.name) },
    { name: 'specification', type: 'text', values: products.map((p) => p.specification) },
    { name: 'category', type: 'text', values: products.map((p) => p.category) },
    { name: 'unit', type: 'text', values: products.map((p) => p.unit) },
    { name: 'list_price', type: MONEY_TYPE, values: products.map((p) => p.listPrice) },
    { name: 'standard_cost', type: MONEY_TYPE, values: products.map((p) => p.standardCost) },
    { name: 'currency', type: 'text', values: products.map((p) => p.currency) },
    { name: 'created_at', type: 'timestamptz', values: products.map(() => at) },
    { name: 'updated_at', type: 'timestamptz', values: products.map(() => at) },
  ]);
  await writeAuditEntries(
    tx,
    products.map((p): AuditRecord => {
      const { updatedAt: _updated, deletedAt: _deleted, ...data } = p;
      void _updated;
      void _deleted;
      return { entity: 'Product', entityId: p.id, action: 'CREATE', changes: creationChanges(tx, Product, data) };
    }),
  );
  await publishMany(
    tx,
    ProductCreatedV2,
    products.map((p) => ({ subject: p.id, data: productSnapshot(p, now) })),
    meta,
  );
}

async function writeUpdates(
  tx: SqlEntityManager,
  updates: readonly { product: IProduct; next: ProductFields; changed: (keyof ProductFields)[] }[],
  now: Date,
  meta: EventMetadata,
): Promise<void> {
  if (updates.length === 0) return;
  const column = (key: keyof ProductFields) => pgArray(updates.map((u) => u.next[key] ?? null));
  await executeBulk(
    tx,
    'importProducts',
    `update product p set name = x.name, specification = x.specification, category = x.category, unit = x.unit,
            list_price = x.list_price, standard_cost = x.standard_cost, currency = x.currency, updated_at = ?::timestamptz
       from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::${MONEY_TYPE}[], ?::${MONEY_TYPE}[], ?::text[])
         as x(id, name, specification, category, unit, list_price, standard_cost, currency)
      where p.id = x.id`,
    [
      now.toISOString(),
      pgArray(updates.map((u) => u.product.id)),
      column('name'),
      column('specification'),
      column('category'),
      column('unit'),
      column('listPrice'),
      column('standardCost'),
      column('currency'),
    ],
  );
  await writeAuditEntries(
    tx,
    updates.map(({ product, next, changed }): AuditRecord => {
      const pick = (source: Partial<IProduct>) => Object.fromEntries(changed.map((key) => [key, source[key]])) as Partial<IProduct>;
      return { entity: 'Product', entityId: product.id, action: 'UPDATE', changes: updateChanges(tx, Product, pick(product), pick(next)) };
    }),
  );
  await publishMany(
    tx,
    ProductChangedV1,
    updates.map(({ product, next }) => ({ subject: product.id, data: productSnapshot({ ...next, id: product.id, deletedAt: null }, now) })),
    meta,
  );
}
