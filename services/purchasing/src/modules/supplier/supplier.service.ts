import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { SupplierCreatedV1, SupplierDeletedV1, SupplierRestoredV1, type EventMetadata } from '@rapport/contracts';
import { badInput, notFound, optionalEmail, optionalText, requireCurrency, requireText, requireUuid } from '@rapport/errors';
import { keysetPage, restoreDeleted, softDelete, whereDeleted, type Connection, type Deleted, type Keyset, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { Supplier, type ISupplier } from './supplier.entity.js';

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

/** Validates and creates a supplier and its `purchasing.supplier.created.v1` event in one flush. */
export async function createSupplier(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateSupplierInput, meta: EventMetadata): Promise<ISupplier> {
  const supplier = em.create(Supplier, {
    id: randomUUID(),
    createdAt: new Date(),
    name: requireText('input.name', input.name),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, 40),
    currency: requireCurrency('input.currency', input.currency),
    paymentTermsDays: paymentTerms('input.paymentTermsDays', input.paymentTermsDays),
  });
  const { id: supplierId, name, email, phone, currency, paymentTermsDays } = supplier;
  publish(
    em,
    SupplierCreatedV1,
    supplierId,
    { supplierId, name, email: email ?? null, phone: phone ?? null, currency, paymentTermsDays, createdAt: supplier.createdAt.toISOString() },
    meta,
  );
  await em.flush();
  return supplier;
}

/** One supplier by id; NOT_FOUND when it does not exist or was deleted. */
export async function getSupplier(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ISupplier> {
  return findSupplier(em, requireUuid(field, id), field);
}

/**
 * The one base query for suppliers: the live ones unless `deleted` says otherwise.
 * Every list, lookup, reference and mutation starts here.
 */
export function supplierQuery(em: SqlEntityManager, deleted: Deleted = 'exclude') {
  return whereDeleted(em.createQueryBuilder(Supplier, 's').select('*'), 's', deleted);
}

async function findSupplier(em: SqlEntityManager, id: string, field: string, deleted: Deleted = 'exclude'): Promise<ISupplier> {
  const supplier = await supplierQuery(em, deleted).andWhere({ id }).getSingleResult();
  if (!supplier) throw notFound('Supplier', id, field);
  return supplier;
}

/** Live suppliers of `ids`, in one query (for references). */
export async function suppliersByIds(em: SqlEntityManager, viewer: Viewer, ids: readonly string[]): Promise<ISupplier[]> {
  return supplierQuery(em)
    .andWhere({ id: { $in: [...ids] } })
    .getResultList();
}

export interface SupplierFilter {
  search?: string | null;
}

/** Suppliers by name, then id. */
const SUPPLIER_ORDER: Keyset<ISupplier> = { sort: 's.name', kind: 'text', direction: 'asc', id: 's.id', sortValue: (s) => s.name };

/** Suppliers by name, then id, paged by keyset (never OFFSET). */
export async function listSuppliers(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: SupplierFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ISupplier>> {
  const qb = supplierQuery(em);
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
  }
  return keysetPage(qb, SUPPLIER_ORDER, { field: 'suppliers', first, after });
}

/**
 * Deletes a supplier softly: it disappears from the list, lookups and references (which resolve to
 * null), and can be restored. One already deleted is CONFLICT.
 */
export async function deleteSupplier(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ISupplier> {
  const supplierId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Supplier',
    load: (tx) => findSupplier(tx, supplierId, 'id', 'include'),
    announce: (supplier, tx, at) => publish(tx, SupplierDeletedV1, supplier.id, { supplierId: supplier.id, deletedAt: at.toISOString() }, meta),
  });
}

/** Restores a softly deleted supplier (roles with full viewer.access to suppliers); a live one is CONFLICT. */
export async function restoreSupplier(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ISupplier> {
  const supplierId = requireUuid('id', id);
  return restoreDeleted(em, {
    entity: 'Supplier',
    load: (tx) => findSupplier(tx, supplierId, 'id', 'include'),
    announce: (supplier, tx, at) => publish(tx, SupplierRestoredV1, supplier.id, { supplierId: supplier.id, restoredAt: at.toISOString() }, meta),
  });
}
