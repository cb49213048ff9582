import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { ProductCreatedV1, ProductDeletedV1, ProductRestoredV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, notFound, optionalText, parseMoneyInput, requireText, requireUuid, type AppError, type Money } from '@rapport/errors';
import { keysetPage, restoreDeleted, softDelete, whereDeleted, type Connection, type Deleted, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { Product, type IProduct } from './product.entity.js';

export interface CreateProductInput {
  sku: string;
  name: string;
  unit?: string | null;
  listPrice: Money;
}

const SKU = /^[A-Z0-9][A-Z0-9._\-/]*$/;

function requireSku(field: string, value: string): string {
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

/** Validates and creates a product and its `inventory.product.created.v1`; a taken SKU is a CONFLICT naming `input.sku`. */
export async function createProduct(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateProductInput, meta: EventMetadata): Promise<IProduct> {
  const sku = requireSku('input.sku', input.sku);
  const name = requireText('input.name', input.name);
  const unit = input.unit === null || input.unit === undefined ? 'pcs' : requireText('input.unit', input.unit, 20);
  const listPrice = parseMoneyInput('input.listPrice', input.listPrice);
  // Deleted products keep their SKU (it stays unique), so the check looks at them too.
  const existing = await catalogue(em, 'include').andWhere({ sku }).getSingleResult();
  if (existing) throw skuTaken(sku, Boolean(existing.deletedAt));
  const product = em.create(Product, { id: randomUUID(), sku, name, unit, listPrice: listPrice.amount, currency: listPrice.currency, createdAt: new Date() });
  publish(em, ProductCreatedV1, product.id, { productId: product.id, sku, name, unit, listPrice, createdAt: product.createdAt.toISOString() }, meta);
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
    announce: (product, tx, at) => publish(tx, ProductDeletedV1, product.id, { productId: product.id, sku: product.sku, deletedAt: at.toISOString() }, meta),
  });
}

/** Restores a deleted product to the catalogue; CONFLICT when it is not deleted. */
export async function restoreProduct(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<IProduct> {
  return restoreDeleted(em, {
    entity: 'Product',
    load: (tx) => getProductWithDeleted(tx, id),
    announce: (product, tx, at) => publish(tx, ProductRestoredV1, product.id, { productId: product.id, sku: product.sku, restoredAt: at.toISOString() }, meta),
  });
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
