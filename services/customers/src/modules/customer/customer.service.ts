import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { publish } from '@rapport/bus';
import { CustomerCreatedV1, CustomerSharedV1, CustomerTransferredV1, CustomerUnsharedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, notFound, optionalEmail, optionalText, pageSize, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import {
  CustomerAccess,
  decodeCursor,
  readAccess,
  restoreAccess,
  restrictToVisibleCustomers,
  toConnection,
  writeAccess,
  type Access,
  type Connection,
} from '@rapport/subgraph-kit';
import { CUSTOMER_KINDS, Customer, LIFECYCLE_STATES, type ICustomer } from './customer.entity.js';
import { customerPolicy } from './customer.policy.js';

export interface CreateCustomerInput {
  name: string;
  kind: string;
  lifecycleState?: string | null;
  email?: string | null;
  phone?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
}

/**
 * Validates and creates the customer, its visibility row and its `customers.customer.created.v1`
 * event in one flush. A rep creates customers for themselves; the owning team defaults to the
 * creator's own team when the creator owns it.
 */
export async function createCustomer(em: SqlEntityManager, principal: Principal | null, input: CreateCustomerInput, meta: EventMetadata): Promise<ICustomer> {
  const access = writeAccess(customerPolicy, principal, 'customers');
  const ownerId = input.ownerId ? requireUuid('input.ownerId', input.ownerId) : (principal?.userId ?? null);
  if (principal?.role === 'SALES_REP' && ownerId !== principal.userId) {
    throw new AppError('FORBIDDEN', 'OWNER_FORBIDDEN', 'a sales rep creates customers for themselves only', { field: 'input.ownerId' });
  }
  const teamId = input.teamId ? requireUuid('input.teamId', input.teamId) : ownerId === principal?.userId ? (principal?.teamIds[0] ?? null) : null;
  if (access === 'scoped' && principal?.role === 'SALES_MANAGER' && teamId && !principal.teamIds.includes(teamId)) {
    throw new AppError('FORBIDDEN', 'TEAM_FORBIDDEN', 'a team head assigns customers within their teams only', { field: 'input.teamId' });
  }
  const customer = em.create(Customer, {
    id: randomUUID(),
    name: requireText('input.name', input.name),
    kind: requireOneOf('input.kind', input.kind, CUSTOMER_KINDS),
    lifecycleState: requireOneOf('input.lifecycleState', input.lifecycleState ?? 'PROSPECT', LIFECYCLE_STATES),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, 40),
    ownerId,
    teamId,
  });
  em.create(CustomerAccess, { customerId: customer.id, ownerId, teamId, sharedWith: [] });
  publish(em, CustomerCreatedV1, customer.id, { customerId: customer.id, name: customer.name, kind: customer.kind, ownerId, teamId }, meta);
  await em.flush();
  return customer;
}

/** One customer the caller may see; NOT_FOUND for unknown and invisible alike. */
export async function getCustomer(em: SqlEntityManager, principal: Principal | null, id: string, field = 'id'): Promise<ICustomer> {
  const access = readAccess(customerPolicy, principal, 'customers');
  return findVisible(em, principal, access, requireUuid(field, id), field);
}

/** The one base query for customers: what the caller may see, without the deleted (unless asked). */
function visibleQuery(em: SqlEntityManager, principal: Principal | null, access: Access, deleted = false) {
  const qb = em.createQueryBuilder(Customer, 'c').select('*');
  qb.where(deleted ? 'c.deleted_at is not null' : 'c.deleted_at is null');
  restrictToVisibleCustomers(qb, 'c', principal, access, 'id');
  return qb;
}

async function findVisible(em: SqlEntityManager, principal: Principal | null, access: Access, id: string, field: string, deleted = false): Promise<ICustomer> {
  const customer = await visibleQuery(em, principal, access, deleted).andWhere({ id }).getSingleResult();
  if (!customer) throw notFound('Customer', id, field);
  return customer;
}

/** Customers of `ids` the caller may see, in one query (for references and loaders). */
export async function visibleCustomersByIds(em: SqlEntityManager, principal: Principal | null, ids: readonly string[]): Promise<ICustomer[]> {
  if (!principal) return [];
  const access = customerPolicy[principal.role];
  if (access === 'none') return [];
  return visibleQuery(em, principal, access).andWhere({ id: { $in: [...ids] } }).getResultList();
}

export interface CustomerFilter {
  ownerId?: string | null;
  lifecycleState?: string | null;
  search?: string | null;
}

/** The customers the caller may see, by name then id, paged by keyset (never OFFSET). */
export async function listCustomers(
  em: SqlEntityManager,
  principal: Principal | null,
  filter: CustomerFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ICustomer>> {
  const access = readAccess(customerPolicy, principal, 'customers');
  const limit = pageSize('first', first);
  const qb = visibleQuery(em, principal, access);
  if (filter?.ownerId) qb.andWhere({ ownerId: requireUuid('filter.ownerId', filter.ownerId) });
  if (filter?.lifecycleState) qb.andWhere({ lifecycleState: requireOneOf('filter.lifecycleState', filter.lifecycleState, LIFECYCLE_STATES) });
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) qb.andWhere({ name: { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
  if (after) {
    const cursor = decodeCursor('after', after);
    qb.andWhere('(c.name, c.id) > (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ name: 'asc', id: 'asc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (c) => c.name);
}

export interface TransferCustomerInput {
  customerId: string;
  toOwnerId: string;
  toTeamId?: string | null;
}

/**
 * Moves a customer, with everything open on it, to another rep: the owner changes here and every
 * other subgraph re-scopes its records from `customers.customer.transferred.v1`. Team heads
 * transfer within their teams; directors and admins anywhere; reps cannot.
 */
export async function transferCustomer(em: SqlEntityManager, principal: Principal | null, input: TransferCustomerInput, meta: EventMetadata): Promise<ICustomer> {
  const access = writeAccess(customerPolicy, principal, 'customers');
  if (principal?.role === 'SALES_REP') throw new AppError('FORBIDDEN', 'TRANSFER_FORBIDDEN', 'only a team head, a director or an admin transfers customers');
  const customer = await findVisible(em, principal, access, requireUuid('input.customerId', input.customerId), 'input.customerId');
  const toOwnerId = requireUuid('input.toOwnerId', input.toOwnerId);
  const teamId = input.toTeamId ? requireUuid('input.toTeamId', input.toTeamId) : (customer.teamId ?? null);
  if (access === 'scoped' && teamId && !principal?.teamIds.includes(teamId)) {
    throw new AppError('FORBIDDEN', 'TEAM_FORBIDDEN', 'a team head transfers customers within their teams only', { field: 'input.toTeamId' });
  }
  const fromOwnerId = customer.ownerId ?? null;
  customer.ownerId = toOwnerId;
  customer.teamId = teamId;
  const row = await em.findOne(CustomerAccess, { customerId: customer.id });
  if (row) {
    row.ownerId = toOwnerId;
    row.teamId = teamId;
  } else em.create(CustomerAccess, { customerId: customer.id, ownerId: toOwnerId, teamId, sharedWith: [] });
  publish(em, CustomerTransferredV1, customer.id, { customerId: customer.id, fromOwnerId, toOwnerId, teamId, transferredAt: new Date().toISOString() }, meta);
  await em.flush();
  return customer;
}

/** Shares (or stops sharing) a customer with a user; its owner, team head, director or admin may. */
export async function setSharing(
  em: SqlEntityManager,
  principal: Principal | null,
  input: { customerId: string; userId: string },
  shared: boolean,
  meta: EventMetadata,
): Promise<ICustomer> {
  const access = writeAccess(customerPolicy, principal, 'customers');
  const customer = await findVisible(em, principal, access, requireUuid('input.customerId', input.customerId), 'input.customerId');
  if (principal?.role === 'SALES_REP' && customer.ownerId !== principal.userId) {
    throw new AppError('FORBIDDEN', 'SHARE_FORBIDDEN', 'only the owner, a team head, a director or an admin shares a customer');
  }
  const userId = requireUuid('input.userId', input.userId);
  const row = (await em.findOne(CustomerAccess, { customerId: customer.id })) ?? em.create(CustomerAccess, { customerId: customer.id, ownerId: customer.ownerId ?? null, teamId: customer.teamId ?? null, sharedWith: [] });
  const current = new Set(row.sharedWith as string[]);
  if (shared) current.add(userId);
  else current.delete(userId);
  row.sharedWith = [...current];
  if (shared) publish(em, CustomerSharedV1, customer.id, { customerId: customer.id, userId }, meta);
  else publish(em, CustomerUnsharedV1, customer.id, { customerId: customer.id, userId }, meta);
  await em.flush();
  return customer;
}

/** The users a customer is shared with. */
export async function sharedWith(em: SqlEntityManager, customerId: string): Promise<string[]> {
  const row = await em.findOne(CustomerAccess, { customerId });
  return (row?.sharedWith as string[] | undefined) ?? [];
}

/** Deletes a customer softly: it disappears everywhere it is read, and can be restored. */
export async function deleteCustomer(em: SqlEntityManager, principal: Principal | null, id: string): Promise<ICustomer> {
  const access = writeAccess(customerPolicy, principal, 'customers');
  const customerId = requireUuid('id', id);
  const customer = await visibleQuery(em, principal, access).andWhere({ id: customerId }).getSingleResult();
  if (!customer) {
    await findVisible(em, principal, access, customerId, 'id', true);
    throw new AppError('CONFLICT', 'CUSTOMER_DELETED', `Customer ${customerId} is already deleted`, { field: 'id' });
  }
  if (principal?.role === 'SALES_REP' && customer.ownerId !== principal.userId) {
    throw new AppError('FORBIDDEN', 'DELETE_FORBIDDEN', 'a sales rep deletes only customers they own');
  }
  customer.deletedAt = new Date();
  await em.flush();
  return customer;
}

/** Restores a softly deleted customer; for admins, directors and team heads. */
export async function restoreCustomer(em: SqlEntityManager, principal: Principal | null, id: string): Promise<ICustomer> {
  const access = restoreAccess(customerPolicy, principal, 'customers');
  const customerId = requireUuid('id', id);
  const customer = await visibleQuery(em, principal, access, true).andWhere({ id: customerId }).getSingleResult();
  if (!customer) {
    await findVisible(em, principal, access, customerId, 'id');
    throw new AppError('CONFLICT', 'CUSTOMER_NOT_DELETED', `Customer ${customerId} is not deleted`, { field: 'id' });
  }
  customer.deletedAt = null;
  await em.flush();
  return customer;
}
