import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { badInput, notFound, optionalEmail, optionalText, pageSize, requireCurrency, requireText, requireUuid } from '@rapport/errors';
import { decodeCursor, readAccess, toConnection, writeAccess, type Connection } from '@rapport/subgraph-kit';
import { Supplier, type ISupplier } from './supplier.entity.js';
import { supplierPolicy } from './supplier.policy.js';

/** Payment terms when none are given: 30 days net. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;
const MAX_PAYMENT_TERMS_DAYS = 365;

export interface CreateSupplierInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  currency: string;
  paymentTermsDays?: number | null;
}

function paymentTerms(field: string, days: number | null | undefined): number {
  if (days === null || days === undefined) return DEFAULT_PAYMENT_TERMS_DAYS;
  if (!Number.isInteger(days) || days < 0 || days > MAX_PAYMENT_TERMS_DAYS) {
    throw badInput(field, `${field} must be a whole number of days between 0 and ${MAX_PAYMENT_TERMS_DAYS}`, 'INVALID_PAYMENT_TERMS');
  }
  return days;
}

/** Validates and creates a supplier in one flush. */
export async function createSupplier(em: SqlEntityManager, principal: Principal | null, input: CreateSupplierInput): Promise<ISupplier> {
  writeAccess(supplierPolicy, principal, 'suppliers');
  const supplier = em.create(Supplier, {
    id: randomUUID(),
    name: requireText('input.name', input.name),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, 40),
    currency: requireCurrency('input.currency', input.currency),
    paymentTermsDays: paymentTerms('input.paymentTermsDays', input.paymentTermsDays),
  });
  await em.flush();
  return supplier;
}

export async function getSupplier(em: SqlEntityManager, principal: Principal | null, id: string, field = 'id'): Promise<ISupplier> {
  readAccess(supplierPolicy, principal, 'suppliers');
  const supplier = await em.findOne(Supplier, { id: requireUuid(field, id) });
  if (!supplier) throw notFound('Supplier', id, field);
  return supplier;
}

export interface SupplierFilter {
  search?: string | null;
}

/** Suppliers by name, then id, paged by keyset (never OFFSET). */
export async function listSuppliers(
  em: SqlEntityManager,
  principal: Principal | null,
  filter: SupplierFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ISupplier>> {
  readAccess(supplierPolicy, principal, 'suppliers');
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(Supplier, 's').select('*');
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
  }
  if (after) {
    const cursor = decodeCursor('after', after);
    qb.andWhere('(s.name, s.id) > (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ name: 'asc', id: 'asc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (s) => s.name);
}
