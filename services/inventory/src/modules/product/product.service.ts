import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ProductChangedV1, ProductCreatedV2, ProductDeletedV1, ProductRestoredV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, normaliseAmount, notFound, optionalText, parseMoneyInput, requireText, requireUuid, type AppError, type Money } from '@rapport/errors';
import { keysetPage, restoreDeleted, softDelete, transition, whereDeleted, type Connection, type Deleted, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { Product, type IProduct } from './product.entity.js';

export interface CreateProductInput {
  sku: string;
  name: string;
  specification?: string | null;
  category?: string | null;
  unit?: string | null;
  listPrice: Money;
  standardCost?: Money | null;
}

/** A change to a product: only the fields given change. */
export interface UpdateProductInput {
  sku?: string | null;
  name?: string | null;
  specification?: string | null;
  category?: string | null;
  unit?: string | null;
  listPrice?: Money | null;
  standardCost?: Money | null;
}

/**
 * The product as sales' and purchasing's read copies keep it (`inventory.product.created.v2`,
 * `inventory.product.changed.v1`): the whole current state, `changedAt` its last change.
 */
export function productSnapshot(product: Pick<IProduct, 'id' | 'sku' | 'name' | 'unit' | 'listPrice' | 'standardCost' | 'currency' | 'deletedAt'>, changedAt: Date) {
  const money = (amount: string) => ({ amount: normaliseAmount(amount), currency: product.currency });
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unit: product.unit,
    listPrice: money(product.listPrice),
    standardCost: money(product.standardCost),
    active: !product.deletedAt,
    changedAt: changedAt.toISOString(),
  };
}

/** A standard cost given with a product: not negative, in the product's currency (BAD_USER_INPUT naming the field otherwise). */
export function requireCost(field: string, cost: Money, currency: string): string {
  const parsed = parseMoneyInput(field, cost);
  if (parsed.currency !== currency) throw badInput(`${field}.currency`, `${field} must be in the product's currency, ${currency}`, 'CURRENCY_MISMATCH');
  return parsed.amount;
}

export const CATEGORY_MAX = 100;
export const SPECIFICATION_MAX = 4000;

const SKU = /^[A-Z0-9][A-Z0-9._\-/]*$/;

export function requireSku(field: string, value: string): string {
  const sku = requireText(field, value, 64).toUpperCase();
  if (!SKU.test(sku)) throw badInput(field, `${field} may hold only letters, digits and . _ - /, starting with a letter or digit`, 'INVALID_SKU');
  return sku;
}

const skuTaken = (sku: string, deleted = false): AppError =>
  conflict('SKU_TAKEN', deleted ? `a deleted product with SKU ${sku} exists; restore it instead` : `a product with SKU ${sku} exists already`, 'input.sku');

// Products belong to no customer, so a viewer's access (checked when it was given) narrows nothing:
// every function takes it all the same, as every service does.

/**
 * The one base query for products (alias `p`): the live catalogue, unless `deleted` says otherwise
 * (only deleting and restoring look at deleted products, to tell CONFLICT from NOT_FOUND).
 */
export function catalogue(em: SqlEntityManager, deleted: Deleted = 'exclude') {
  return whereDeleted(em.createQueryBuilder(Product, 'p').select('*'), 'p', deleted);
}

/**
 * Validates and creates a product and its `inventory.product.created.v2` (the snapshot read copies
 * keep; v1 is no longer written: nothing consumes it); a taken SKU is a CONFLICT naming `input.sku`.
 */
export async function createProduct(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateProductInput, meta: EventMetadata): Promise<IProduct> {
  const sku = requireSku('input.sku', input.sku);
  const name = requireText('input.name', input.name);
  const specification = optionalText('input.specification', input.specification, SPECIFICATION_MAX);
  const category = optionalText('input.category', input.category, CATEGORY_MAX);
  const unit = input.unit === null || input.unit === undefined ? 'pcs' : requireText('input.unit', input.unit, 20);
  const listPrice = parseMoneyInput('input.listPrice', input.listPrice);
  const standardCost = input.standardCost ? requireCost('input.standardCost', input.standardCost, listPrice.currency) : '0';
  // Deleted products keep their SKU (it stays unique), so the check looks at them too.
  const existing = await catalogue(em, 'include').andWhere({ sku }).getSingleResult();
  if (existing) throw skuTaken(sku, Boolean(existing.deletedAt));
  const now = new Date();
  const product = em.create(Product, {
    id: randomUUID(),
    sku,
    name,
    specification,
    category,
    unit,
    listPrice: listPrice.amount,
    standardCost,
    currency: listPrice.currency,
    createdAt: now,
    updatedAt: now,
  });
  publish(em, ProductCreatedV2, product.id, productSnapshot(product, now), meta);
  try {
    await em.flush();
  } catch (error) {
    // Another request took the SKU between the check and the insert.
    if (error instanceof UniqueConstraintViolationException) throw skuTaken(sku);
    throw error;
  }
  return product;
}

/** The product `id`; NOT_FOUND naming `field` when it does not exist or is deleted (the two are indistinguishable). */
export async function getProduct(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<IProduct> {
  const product = await catalogue(em)
    .andWhere({ id: requireUuid(field, id) })
    .getSingleResult();
  if (!product) throw notFound('Product', id, field);
  return product;
}

/** Live products among `ids`, in one query (for references). */
export function productsByIds(em: SqlEntityManager, viewer: Viewer, ids: readonly string[]): Promise<IProduct[]> {
  return catalogue(em)
    .andWhere({ id: { $in: [...ids] } })
    .getResultList();
}

/** The product `id` whether deleted or not; NOT_FOUND when it does not exist. */
async function getProductWithDeleted(em: SqlEntityManager, id: string): Promise<IProduct> {
  const product = await catalogue(em, 'include')
    .andWhere({ id: requireUuid('id', id) })
    .getSingleResult();
  if (!product) throw notFound('Product', id, 'id');
  return product;
}

/**
 * Deletes a product softly: it disappears from the catalogue, lookups and references (order lines
 * keep its id), and can be restored. CONFLICT when it is deleted already.
 */
export async function deleteProduct(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IProduct> {
  return softDelete(em, {
    entity: 'Product',
    load: (tx) => getProductWithDeleted(tx, id),
    announce: (product, tx, at) => {
      publish(tx, ProductDeletedV1, product.id, { productId: product.id, sku: product.sku, deletedAt: at.toISOString() }, meta);
      publish(tx, ProductChangedV1, product.id, productSnapshot(product, at), meta);
    },
  });
}

/** Restores a deleted product to the catalogue; CONFLICT when it is not deleted. */
export async function restoreProduct(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IProduct> {
  return restoreDeleted(em, {
    entity: 'Product',
    load: (tx) => getProductWithDeleted(tx, id),
    announce: (product, tx, at) => {
      publish(tx, ProductRestoredV1, product.id, { productId: product.id, sku: product.sku, restoredAt: at.toISOString() }, meta);
      publish(tx, ProductChangedV1, product.id, productSnapshot(product, at), meta);
    },
  });
}

/**
 * Changes the given fields of a live product under its row lock and writes
 * `inventory.product.changed.v1` (the full snapshot) in the same flush; a call that changes
 * nothing writes nothing. A new SKU taken by another product is a CONFLICT naming `input.sku`; a
 * list price in another currency needs the standard cost in it too (BAD_USER_INPUT naming
 * `input.standardCost`).
 */
export async function updateProduct(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, input: UpdateProductInput, meta: EventMetadata): Promise<IProduct> {
  const sku = input.sku === undefined || input.sku === null ? undefined : requireSku('input.sku', input.sku);
  const name = input.name === undefined || input.name === null ? undefined : requireText('input.name', input.name);
  const unit = input.unit === undefined || input.unit === null ? undefined : requireText('input.unit', input.unit, 20);
  const specification = input.specification === undefined ? undefined : optionalText('input.specification', input.specification, SPECIFICATION_MAX);
  const category = input.category === undefined ? undefined : optionalText('input.category', input.category, CATEGORY_MAX);
  const listPrice = input.listPrice ? parseMoneyInput('input.listPrice', input.listPrice) : undefined;
  return transition(
    em,
    (tx) => getProduct(tx, viewer, id),
    async (product, tx) => {
      const currency = listPrice?.currency ?? product.currency;
      if (currency !== product.currency && !input.standardCost) {
        throw badInput('input.standardCost', `the list price moves to ${currency}: give the standard cost in ${currency} too`, 'CURRENCY_MISMATCH');
      }
      const standardCost = input.standardCost ? requireCost('input.standardCost', input.standardCost, currency) : undefined;
      if (sku !== undefined && sku !== product.sku) {
        const taken = await catalogue(tx, 'include').andWhere({ sku }).getSingleResult();
        if (taken) throw skuTaken(sku, Boolean(taken.deletedAt));
      }
      const next: Partial<IProduct> = {
        ...(sku === undefined ? {} : { sku }),
        ...(name === undefined ? {} : { name }),
        ...(unit === undefined ? {} : { unit }),
        ...(specification === undefined ? {} : { specification }),
        ...(category === undefined ? {} : { category }),
        ...(listPrice ? { listPrice: listPrice.amount, currency } : {}),
        ...(standardCost === undefined ? {} : { standardCost }),
      };
      const changed = (Object.keys(next) as (keyof IProduct)[]).filter((key) => !sameValue(key, product[key], next[key]));
      if (changed.length === 0) return product;
      tx.assign(product, next);
      const now = new Date();
      product.updatedAt = now;
      publish(tx, ProductChangedV1, product.id, productSnapshot(product, now), meta);
      return product;
    },
  ).catch((error: unknown) => {
    // Another request took the SKU between the check and the update.
    if (error instanceof UniqueConstraintViolationException && sku) throw skuTaken(sku);
    throw error;
  });
}

const MONEY_FIELDS: readonly (keyof IProduct)[] = ['listPrice', 'standardCost'];

/** Whether a stored value and a new one are the same (amounts compared by value: "10.5000" is "10.50"). */
function sameValue(key: keyof IProduct, stored: unknown, next: unknown): boolean {
  if (MONEY_FIELDS.includes(key) && typeof stored === 'string' && typeof next === 'string') return normaliseAmount(stored) === normaliseAmount(next);
  return stored === next;
}

export interface ProductFilter {
  search?: string | null;
}

/** Products by name, then id. */
const PRODUCT_ORDER: Keyset<IProduct> = { sort: 'p.name', kind: 'text', direction: 'asc', id: 'p.id', sortValue: (p) => p.name };

/** Live products by name, then id, paged by keyset (never OFFSET). */
export async function listProducts(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: ProductFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IProduct>> {
  const qb = catalogue(em);
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { sku: { $ilike: pattern } }] });
  }
  return keysetPage(qb, PRODUCT_ORDER, { field: 'products', first, after });
}
