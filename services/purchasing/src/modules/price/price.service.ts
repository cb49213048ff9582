import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, formatQuantity, notFound, parseMoneyInput, parseQuantity, requireIsoDate, requireUuid, type Money } from '@rapport/errors';
import { copiedBaseCurrency, requireActiveProducts, softDelete, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { getSupplier } from '../supplier/supplier.service.js';
import { SupplierPrice, type ISupplierPrice } from './price.entity.js';

const MAX_LEAD_TIME_DAYS = 3650;

export interface SetSupplierPriceInput {
  supplierId: string;
  productId: string;
  price: Money;
  minimumQuantity?: string | null;
  leadTimeDays?: number | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/** Today as an ISO date (UTC). */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Records a supplier's price for a product: the supplier must exist and the price be in its currency
 * (CURRENCY_MISMATCH naming `input.price.currency`), the product be in the catalogue and in use.
 */
export async function setSupplierPrice(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: SetSupplierPriceInput): Promise<ISupplierPrice> {
  const supplier = await getSupplier(em, viewer, input.supplierId, 'input.supplierId');
  const productId = requireUuid('input.productId', input.productId);
  await requireActiveProducts(em, [productId], () => 'input.productId');
  const price = parseMoneyInput('input.price', input.price);
  if (price.currency !== supplier.currency) {
    throw badInput('input.price.currency', `input.price.currency must be the supplier's currency ${supplier.currency}`, 'CURRENCY_MISMATCH');
  }
  const minimumQuantity = input.minimumQuantity ? formatQuantity(parseQuantity('input.minimumQuantity', input.minimumQuantity, { allowZero: true })) : '0';
  const leadTimeDays = input.leadTimeDays ?? 0;
  if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0 || leadTimeDays > MAX_LEAD_TIME_DAYS) {
    throw badInput('input.leadTimeDays', `input.leadTimeDays must be a whole number of days between 0 and ${MAX_LEAD_TIME_DAYS}`, 'INVALID_LEAD_TIME');
  }
  const validFrom = input.validFrom ? requireIsoDate('input.validFrom', input.validFrom) : null;
  const validTo = input.validTo ? requireIsoDate('input.validTo', input.validTo) : null;
  if (validFrom && validTo && validTo < validFrom) throw badInput('input.validTo', 'input.validTo must not be before input.validFrom', 'INVALID_VALIDITY');
  const row = em.create(SupplierPrice, {
    id: randomUUID(),
    supplierId: supplier.id,
    productId,
    price: price.amount,
    currency: price.currency,
    minimumQuantity,
    leadTimeDays,
    validFrom,
    validTo,
    createdAt: new Date(),
    deletedAt: null,
  });
  await em.flush();
  return row;
}

/** Retires a price (softly); CONFLICT when already retired. */
export async function deleteSupplierPrice(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string): Promise<ISupplierPrice> {
  const priceId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'SupplierPrice',
    load: async (tx) => {
      const row = await tx.findOne(SupplierPrice, { id: priceId });
      if (!row) throw notFound('SupplierPrice', id, 'id');
      return row;
    },
    announce: () => undefined,
  });
}

/** Live prices, of a supplier and/or a product, cheapest first. */
export async function listSupplierPrices(em: SqlEntityManager, viewer: Viewer, filter: { supplierId?: string | null; productId?: string | null }): Promise<ISupplierPrice[]> {
  const where: Record<string, unknown> = { deletedAt: null };
  if (filter.supplierId) where.supplierId = requireUuid('supplierId', filter.supplierId);
  if (filter.productId) where.productId = requireUuid('productId', filter.productId);
  return em.find(SupplierPrice, where, { orderBy: { productId: 'asc', price: 'asc', id: 'asc' }, limit: 500 });
}

/**
 * The best price of each product in `productIds` for `quantity` on day `on`: among live prices of
 * live suppliers valid that day whose minimum quantity the quantity reaches, the lowest, preferring
 * prices in finance's base currency (from the rate copy), then the shorter
 * lead time. One query for all products.
 */
export async function bestPrices(em: SqlEntityManager, wanted: readonly { productId: string; quantity: string }[], on: string): Promise<Map<string, ISupplierPrice>> {
  if (!wanted.length) return new Map();
  const rows = await em.execute<{ id: string }[]>(
    `select distinct on (w.product_id, w.quantity) w.product_id, w.quantity, sp.id
       from jsonb_to_recordset(?::jsonb) as w(product_id uuid, quantity numeric)
       join supplier_price sp on sp.product_id = w.product_id and sp.deleted_at is null
       join supplier s on s.id = sp.supplier_id and s.deleted_at is null
      where sp.minimum_quantity <= w.quantity
        and (sp.valid_from is null or sp.valid_from <= ?::date)
        and (sp.valid_to is null or sp.valid_to >= ?::date)
      order by w.product_id, w.quantity, (sp.currency <> ?), sp.price, sp.lead_time_days, sp.id`,
    [JSON.stringify(wanted.map((w) => ({ product_id: w.productId, quantity: w.quantity }))), on, on, await copiedBaseCurrency(em)],
  );
  const prices = await em.find(SupplierPrice, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(prices.map((p) => [p.id, p]));
  const result = new Map<string, ISupplierPrice>();
  for (const row of rows as unknown as { product_id: string; quantity: string; id: string }[]) {
    result.set(`${row.product_id}:${formatQuantity(parseQuantity('quantity', row.quantity, { allowZero: true }))}`, byId.get(row.id)!);
  }
  return result;
}

/** Key of `bestPrices`' map. */
export const bestPriceKey = (productId: string, quantity: string): string => `${productId}:${quantity}`;

/** The best price of one product for `quantity` on `on` (today when omitted); null when no supplier offers it. */
export async function bestPrice(em: SqlEntityManager, viewer: Viewer, productId: string, quantity: string, on: string | null | undefined): Promise<ISupplierPrice | null> {
  const id = requireUuid('productId', productId);
  const qty = formatQuantity(parseQuantity('quantity', quantity));
  const day = on ? requireIsoDate('on', on) : today();
  return (await bestPrices(em, [{ productId: id, quantity: qty }], day)).get(bestPriceKey(id, qty)) ?? null;
}

/** Best prices restricted to one supplier (lines of an order to that supplier). */
export async function supplierPriceFor(em: SqlEntityManager, supplierId: string, productId: string, quantity: string, on: string): Promise<ISupplierPrice | null> {
  const [row] = await em.execute<{ id: string }[]>(
    `select sp.id from supplier_price sp
      where sp.supplier_id = ? and sp.product_id = ? and sp.deleted_at is null and sp.minimum_quantity <= ?::numeric
        and (sp.valid_from is null or sp.valid_from <= ?::date) and (sp.valid_to is null or sp.valid_to >= ?::date)
      order by sp.price, sp.lead_time_days, sp.id limit 1`,
    [supplierId, productId, quantity, on, on],
  );
  return row ? em.findOne(SupplierPrice, { id: row.id }) : null;
}
