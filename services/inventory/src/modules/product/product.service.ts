import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound, optionalText, pageSize, parseMoneyInput, requireText, requireUuid, type AppError, type Money } from '@rapport/errors';
import { decodeCursor, toConnection, type Connection } from '@rapport/subgraph-kit';
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

const skuTaken = (sku: string): AppError => conflict('SKU_TAKEN', `a product with SKU ${sku} exists already`, 'input.sku');

/** Validates and creates a product; a taken SKU is a CONFLICT naming `input.sku`. */
export async function createProduct(em: SqlEntityManager, input: CreateProductInput): Promise<IProduct> {
  const sku = requireSku('input.sku', input.sku);
  const name = requireText('input.name', input.name);
  const unit = input.unit === null || input.unit === undefined ? 'pcs' : requireText('input.unit', input.unit, 20);
  const listPrice = parseMoneyInput('input.listPrice', input.listPrice);
  if (await em.findOne(Product, { sku })) throw skuTaken(sku);
  const product = em.create(Product, { id: randomUUID(), sku, name, unit, listPrice: listPrice.amount, currency: listPrice.currency });
  try {
    await em.flush();
  } catch (error) {
    // Another request took the SKU between the check and the insert.
    if (error instanceof UniqueConstraintViolationException) throw skuTaken(sku);
    throw error;
  }
  return product;
}

export async function getProduct(em: SqlEntityManager, id: string, field = 'id'): Promise<IProduct> {
  const product = await em.findOne(Product, { id: requireUuid(field, id) });
  if (!product) throw notFound('Product', id, field);
  return product;
}

export interface ProductFilter {
  search?: string | null;
}

/** Products by name, then id, paged by keyset (never OFFSET). */
export async function listProducts(
  em: SqlEntityManager,
  filter: ProductFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<IProduct>> {
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(Product, 'p').select('*');
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { sku: { $ilike: pattern } }] });
  }
  if (after) {
    const cursor = decodeCursor('after', after);
    qb.andWhere('(p.name, p.id) > (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ name: 'asc', id: 'asc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (p) => p.name);
}
