import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { CustomerCreatedV1, type EventMetadata } from '@rapport/contracts';
import { notFound, optionalEmail, optionalText, pageSize, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { decodeCursor, toConnection, type Connection } from '@rapport/subgraph-kit';
import { CUSTOMER_KINDS, Customer, LIFECYCLE_STATES, type ICustomer } from './customer.entity.js';

export interface CreateCustomerInput {
  name: string;
  kind: string;
  lifecycleState?: string | null;
  email?: string | null;
  phone?: string | null;
  ownerId?: string | null;
}

/** Validates, creates the customer and its `customers.customer.created.v1` event in one flush. */
export async function createCustomer(em: SqlEntityManager, input: CreateCustomerInput, meta: EventMetadata): Promise<ICustomer> {
  const customer = em.create(Customer, {
    id: randomUUID(),
    name: requireText('input.name', input.name),
    kind: requireOneOf('input.kind', input.kind, CUSTOMER_KINDS),
    lifecycleState: requireOneOf('input.lifecycleState', input.lifecycleState ?? 'PROSPECT', LIFECYCLE_STATES),
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, 40),
    ownerId: input.ownerId ? requireUuid('input.ownerId', input.ownerId) : null,
  });
  publish(em, CustomerCreatedV1, customer.id, { customerId: customer.id, name: customer.name, kind: customer.kind, ownerId: customer.ownerId ?? null }, meta);
  await em.flush();
  return customer;
}

export async function getCustomer(em: SqlEntityManager, id: string, field = 'id'): Promise<ICustomer> {
  const customer = await em.findOne(Customer, { id: requireUuid(field, id) });
  if (!customer) throw notFound('Customer', id, field);
  return customer;
}

export interface CustomerFilter {
  ownerId?: string | null;
  lifecycleState?: string | null;
  search?: string | null;
}

/** Customers by name, then id, paged by keyset (never OFFSET). */
export async function listCustomers(
  em: SqlEntityManager,
  filter: CustomerFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ICustomer>> {
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(Customer, 'c').select('*');
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
