import { randomUUID } from 'node:crypto';
import { LockMode, TransactionPropagation } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import {
  CustomerCreatedV1,
  CustomerDeletedV1,
  CustomerRestoredV1,
  CustomerSharedV1,
  CustomerTransferredV1,
  CustomerUnsharedV1,
  CustomerUpdatedV1,
  type EventMetadata,
} from '@rapport/contracts';
import { AppError, badInput, notFound, optionalEmail, optionalText, requireIsoDate, requireText, requireUuid } from '@rapport/errors';
import {
  ANY_TEAM,
  actsFor,
  auditChange,
  CustomerAccess,
  headsTeam,
  insertCustomerAccess,
  isScoped,
  keysetPageWith,
  keysetPageSql,
  leanRows,
  leanSql,
  restoreDeleted,
  restrictToVisibleCustomers,
  softDelete,
  transition,
  visibleCustomersSql,
  visibleCustomersWhere,
  whereDeleted,
  type Connection,
  type Deleted,
  type Keyset,
  type Viewer,
  type WriteAccess,
  notDeletedSql,
} from '@rapport/subgraph-kit';
import { Customer, normaliseTags, normaliseTaxId, type ICustomer } from './customer.entity.js';
import { TIMELINE_KIND_MODULE, TimelineEntry } from '../timeline/timeline-entry.entity.js';
import { assertOwnerInHeadedTeams, assignOwner } from './owner-team.js';
import type { CustomerKind, CustomerSource, CustomerTier, LifecycleState } from '../../generated/types.js';

export interface CreateCustomerInput {
  name: string;
  kind: CustomerKind;
  lifecycleState?: LifecycleState | null;
  email?: string | null;
  phone?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
  industry?: string | null;
  source?: CustomerSource | null;
  tier?: CustomerTier | null;
  tags?: string[] | null;
  notes?: string | null;
  /** Tax or VAT id; stored normalised (upper-case, no spaces, dots or dashes). */
  taxId?: string | null;
}

const NOTES_MAX = 10000;

/**
 * Validates and creates the customer, its visibility row and its `customers.customer.created.v1`
 * event in one transaction. With scoped access, a rep creates customers for themselves (in their own
 * team), and a team head for themselves or their teams' reps, within the teams they head (their
 * own team unless another of theirs is given); directors and admins for anyone.
 */
export async function createCustomer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreateCustomerInput, meta: EventMetadata): Promise<ICustomer> {
  const { ownerId, teamId } = await assignOwner(em, viewer, input, 'customers');
  const values = {
    id: randomUUID(),
    name: requireText('input.name', input.name),
    kind: input.kind,
    lifecycleState: input.lifecycleState ?? 'PROSPECT',
    email: optionalEmail('input.email', input.email),
    phone: optionalText('input.phone', input.phone, 40),
    ownerId,
    teamId,
    industry: optionalText('input.industry', input.industry, 100),
    source: input.source ?? null,
    tier: input.tier ?? null,
    tags: normaliseTags('input.tags', input.tags ?? []),
    notes: optionalText('input.notes', input.notes, NOTES_MAX),
    taxId: normaliseTaxId('input.taxId', input.taxId),
    lastContactedAt: null,
  };
  // The visibility row is written at once (insertCustomerAccess, as the import writes many): in the
  // transaction of the customer's flush, the caller's when it has one (lead conversion).
  return em.transactional(
    async (tx) => {
      const customer = tx.create(Customer, values);
      await insertCustomerAccess(tx, [{ customerId: customer.id, ownerId, teamId }]);
      publish(tx, CustomerCreatedV1, customer.id, { customerId: customer.id, name: customer.name, kind: customer.kind, ownerId, teamId }, meta);
      await tx.flush();
      return customer;
    },
    { propagation: TransactionPropagation.REQUIRED },
  );
}

/**
 * One customer the caller may see; NOT_FOUND for unknown and invisible alike. A customer merged
 * into another is answered too — deleted, with `mergedInto` naming the survivor, so a client
 * holding its old id can follow it — when the caller may see the survivor; a customer merely
 * deleted is NOT_FOUND.
 */
export async function getCustomer(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ICustomer> {
  const customerId = requireUuid(field, id);
  const customer = await liveOrMergedQuery(em, viewer).andWhere({ id: customerId }).getSingleResult();
  if (!customer) throw notFound('Customer', customerId, field);
  return customer;
}

/**
 * Customers the caller may see, live or merged into another: a merged customer's records, contacts
 * and sharing live on in its survivor, so it is seen by whoever sees the survivor. For lookups and
 * references only; lists and writes use visibleQuery (live customers).
 */
function liveOrMergedQuery(em: SqlEntityManager, viewer: Viewer, deleted: Exclude<Deleted, 'only'> = 'exclude') {
  const qb = em.createQueryBuilder(Customer, 'c').select('*');
  // A merged customer is deleted, yet its old id still leads to its survivor.
  if (deleted === 'exclude') qb.where(`(${notDeletedSql('c')} or c.merged_into is not null)`);
  const visible = visibleCustomersSql(viewer);
  if (visible) qb.andWhere(`coalesce(c.merged_into, c.id) in (${visible.sql})`, visible.params);
  return qb;
}

/**
 * The survivor a customer was merged into, when `id` names a merged customer the caller may see
 * (through its survivor); null otherwise.
 */
async function survivorOf(em: SqlEntityManager, viewer: Viewer, id: string): Promise<string | null> {
  const merged = await liveOrMergedQuery(em, viewer)
    .andWhere({ id, mergedInto: { $ne: null } })
    .getSingleResult();
  return merged?.mergedInto ?? null;
}

/** CONFLICT for a change to a customer merged into another, naming the survivor in `extensions.details.mergedInto`. */
const mergedConflict = (id: string, survivorId: string, field: string): AppError =>
  new AppError('CONFLICT', 'CUSTOMER_MERGED', `Customer ${id} was merged into ${survivorId}: change the survivor instead`, { field, details: { mergedInto: survivorId } });

/** The one base query for customers: what the caller may see, the live ones unless `deleted` says otherwise; the duplicate module merges through it. */
export function visibleQuery(em: SqlEntityManager, viewer: Viewer, deleted: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Customer, 'c').select('*'), 'c', deleted);
  restrictToVisibleCustomers(qb, 'c', viewer, 'id');
  return qb;
}

async function findVisible(em: SqlEntityManager, viewer: Viewer, id: string, field: string, deleted: Deleted = 'exclude'): Promise<ICustomer> {
  const customer = await visibleQuery(em, viewer, deleted).andWhere({ id }).getSingleResult();
  if (customer) return customer;
  const survivorId = deleted === 'exclude' ? await survivorOf(em, viewer, id) : null;
  if (survivorId) throw mergedConflict(id, survivorId, field);
  throw notFound('Customer', id, field);
}

/**
 * A customer the caller may change (their department writes customers and they may see it),
 * not deleted; NOT_FOUND for unknown and invisible alike. Other modules write through this. With
 * `lock` (inside a transaction), the row stays locked until it ends.
 */
export async function findWritableCustomer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, field: string, lock = false): Promise<ICustomer> {
  const customerId = requireUuid(field, id);
  const qb = visibleQuery(em, viewer).andWhere({ id: customerId });
  if (lock) qb.setLockMode(LockMode.PESSIMISTIC_WRITE);
  const customer = await qb.getSingleResult();
  if (customer) return customer;
  const survivorId = await survivorOf(em, viewer, customerId);
  if (survivorId) throw mergedConflict(customerId, survivorId, field);
  throw notFound('Customer', customerId, field);
}

/** What an update may change: a field left out is kept; null clears it (the tax id included). */
export interface UpdateCustomerInput extends Pick<CreateCustomerInput, 'lifecycleState' | 'email' | 'phone' | 'industry' | 'source' | 'tier' | 'tags' | 'notes' | 'taxId'> {
  id: string;
  name?: string | null;
}

const given = <K extends keyof UpdateCustomerInput>(input: UpdateCustomerInput, key: K): boolean => input[key] !== undefined;

function notNull<T>(field: string, value: T | null | undefined): T {
  if (value === null || value === undefined) throw badInput(field, `${field} cannot be cleared`, 'REQUIRED');
  return value;
}

/**
 * Changes the given fields of a customer the caller may change, and only those (a field set to
 * null is cleared, where it may be empty); everything is validated before anything is written.
 * The audit trail records what changed; `customers.customer.updated.v1` (the fields changed and
 * the record after the change) is written by the same flush when anything did.
 */
export async function updateCustomer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: UpdateCustomerInput, meta: EventMetadata): Promise<ICustomer> {
  const customer = await findWritableCustomer(em, viewer, input.id, 'input.id');
  const changes: Partial<ICustomer> = {};
  if (given(input, 'name')) changes.name = requireText('input.name', notNull('input.name', input.name));
  if (given(input, 'lifecycleState')) changes.lifecycleState = notNull('input.lifecycleState', input.lifecycleState);
  if (given(input, 'email')) changes.email = optionalEmail('input.email', input.email);
  if (given(input, 'phone')) changes.phone = optionalText('input.phone', input.phone, 40);
  if (given(input, 'industry')) changes.industry = optionalText('input.industry', input.industry, 100);
  if (given(input, 'source')) changes.source = input.source ?? null;
  if (given(input, 'tier')) changes.tier = input.tier ?? null;
  if (given(input, 'tags')) changes.tags = normaliseTags('input.tags', notNull('input.tags', input.tags));
  if (given(input, 'notes')) changes.notes = optionalText('input.notes', input.notes, NOTES_MAX);
  if (given(input, 'taxId')) changes.taxId = normaliseTaxId('input.taxId', input.taxId);
  const changedFields = Object.keys(changes).filter((field) => JSON.stringify(changes[field as keyof ICustomer]) !== JSON.stringify(customer[field as keyof ICustomer]));
  em.assign(customer, changes);
  if (changedFields.length > 0) {
    const { name, kind, lifecycleState, email, phone, industry, source, tier, tags, taxId } = customer;
    publish(
      em,
      CustomerUpdatedV1,
      customer.id,
      {
        customerId: customer.id,
        changedFields,
        customer: {
          name,
          kind,
          lifecycleState,
          email: email ?? null,
          phone: phone ?? null,
          industry: industry ?? null,
          source: source ?? null,
          tier: tier ?? null,
          tags,
          taxId: taxId ?? null,
        },
        updatedAt: new Date().toISOString(),
      },
      meta,
    );
  }
  await em.flush();
  return customer;
}

/**
 * Customers of `ids` the caller may see, in one query (for references and loaders): live ones,
 * deleted ones (marked by `deletedAt`: an order or ticket still names its customer), and merged ones
 * (marked by `mergedInto`) whose survivor the caller may see, so a record another subgraph still
 * holds under a merged id leads to its survivor.
 */
export async function visibleCustomersByIds(em: SqlEntityManager, viewer: Viewer, ids: readonly string[]): Promise<ICustomer[]> {
  return liveOrMergedQuery(em, viewer, 'include')
    .andWhere({ id: { $in: [...ids] } })
    .getResultList();
}

export interface CustomerFilter {
  ownerId?: string | null;
  lifecycleState?: LifecycleState | null;
  search?: string | null;
  tier?: CustomerTier | null;
  industry?: string | null;
  tags?: string[] | null;
  createdFrom?: string | null;
  createdTo?: string | null;
  lastContactedFrom?: string | null;
  lastContactedTo?: string | null;
  /** Matches any live address of the customer, ignoring case. */
  city?: string | null;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Narrows `column` to the days `from`…`to` (ISO dates, both inclusive, UTC). */
function dayRange(
  qb: { andWhere(sql: string, params?: unknown[]): unknown },
  column: string,
  fromField: string,
  from: string | null | undefined,
  toField: string,
  to: string | null | undefined,
): void {
  const start = from ? requireIsoDate(fromField, from) : null;
  const end = to ? requireIsoDate(toField, to) : null;
  if (start && end && end < start) throw badInput(toField, `${toField} must not be before ${fromField}`, 'INVALID_RANGE');
  if (start) qb.andWhere(`${column} >= ?::date`, [start]);
  if (end) qb.andWhere(`${column} < ?::date + 1`, [end]);
}

/**
 * Narrows a customer query (alias `c`, from visibleQuery) to `filter`: every given criterion must
 * hold. Validates as it goes and throws BAD_USER_INPUT naming `filter.<field>`. Shared by the
 * customer list and customer search.
 */
export function applyCustomerFilter(qb: ReturnType<typeof visibleQuery>, filter: CustomerFilter | null | undefined): void {
  if (filter?.ownerId) qb.andWhere({ ownerId: requireUuid('filter.ownerId', filter.ownerId) });
  if (filter?.lifecycleState) qb.andWhere({ lifecycleState: filter.lifecycleState });
  const search = optionalText('filter.search', filter?.search, 100);
  if (search) qb.andWhere({ name: { $ilike: `%${escapeLike(search)}%` } });
  if (filter?.tier) qb.andWhere({ tier: filter.tier });
  const industry = optionalText('filter.industry', filter?.industry, 100);
  if (industry) qb.andWhere('lower(c.industry) = lower(?)', [industry]);
  const tags = normaliseTags('filter.tags', filter?.tags ?? []);
  if (tags.length) qb.andWhere(`c.tags @> array[${tags.map(() => '?').join(', ')}]::text[]`, tags);
  dayRange(qb, 'c.created_at', 'filter.createdFrom', filter?.createdFrom, 'filter.createdTo', filter?.createdTo);
  const city = optionalText('filter.city', filter?.city, 100);
  if (city) qb.andWhere(`exists (select 1 from customer_address ad where ad.customer_id = c.id and ${notDeletedSql('ad')} and lower(ad.city) = lower(?))`, [city]);
  dayRange(qb, 'c.last_contacted_at', 'filter.lastContactedFrom', filter?.lastContactedFrom, 'filter.lastContactedTo', filter?.lastContactedTo);
}

/** Customers by name, then id. */
const CUSTOMER_ORDER: Keyset<ICustomer> = { sort: 'c.name', kind: 'text', direction: 'asc', id: 'c.id', sortValue: (c) => c.name };

/** The customers the caller may see, by name then id, paged by keyset (never OFFSET). */
export async function listCustomers(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: CustomerFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ICustomer>> {
  // Everyone sees the customers they own (the visibility rule's first clause; this service writes
  // `customer.owner_id` and its `customer_access` row in one transaction), so a list of one's own
  // customers needs no visibility join. Without it the planner walks the owner+name index and stops
  // after the page: at 1,000,000 customers of which the rep owns 2,000, it misjudged the join and
  // sorted all 2,000 (565–865 ms under load, 32 ms the other way; gateway/bench/README.md).
  const ownOnly = !!filter?.ownerId && filter.ownerId === viewer.principal.userId;
  if (!filter || ownerFilterOnly(filter)) return ownerPage(em, viewer, filter?.ownerId ? requireUuid('filter.ownerId', filter.ownerId) : null, ownOnly, first, after);
  const qb = ownOnly ? whereDeleted(em.createQueryBuilder(Customer, 'c').select('*'), 'c', 'exclude') : visibleQuery(em, viewer);
  applyCustomerFilter(qb, filter);
  // Rows, not managed entities: a read path (the flagship's) needs no identity map or snapshot.
  return keysetPageWith(qb, CUSTOMER_ORDER, { field: 'customers', first, after }, (page) => leanRows(em, page));
}

/** Whether `filter` narrows by nothing but (at most) the owner: the flagship's `customers(filter: { ownerId })`. */
const ownerFilterOnly = (filter: CustomerFilter): boolean => Object.entries(filter).every(([key, value]) => key === 'ownerId' || value === null || value === undefined);

/**
 * `listCustomers` for a list narrowed by nothing but the owner (or not at all), in SQL written once
 * rather than through a query builder — the flagship query's first step, where building and compiling
 * the builder cost as much CPU as the rest of the list (see `leanSql`). The same predicates, order and
 * keyset as the builder's path; `ownOnly` skips the visibility join as it does there.
 */
function ownerPage(
  em: SqlEntityManager,
  viewer: Viewer,
  ownerId: string | null,
  ownOnly: boolean,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ICustomer>> {
  const visible = ownOnly ? null : visibleCustomersWhere(viewer, '"c"', 'id');
  return keysetPageSql(CUSTOMER_ORDER, { field: 'customers', first, after }, ({ where, orderBy, fetch }) => {
    const conditions = [notDeletedSql('"c"'), ...(visible ? [visible.sql] : []), ...(ownerId ? ['"c"."owner_id" = ?'] : []), ...(where ? [where.sql] : [])];
    // Prepared (planned once per connection) without the visibility join only: the owner's index or the
    // name index serve every owner and page alike, but the join's plan depends on whose customers they
    // are (a generic one walked the name index through all 200,000 customers for a rep: 1.8 s against 7 ms).
    return leanSql(
      em,
      Customer,
      `select "c".* from "customer" as "c" where ${conditions.join(' and ')} order by ${orderBy} limit ?`,
      [...(visible?.params ?? []), ...(ownerId ? [ownerId] : []), ...(where?.params ?? []), fetch],
      { prepare: !visible },
    );
  });
}

export interface TransferCustomerInput {
  customerId: string;
  toOwnerId: string;
  toTeamId?: string | null;
  /** What the new owner should know; on the timeline and in the audit trail. */
  note?: string | null;
}

const HANDOVER_NOTE_MAX = 2000;

/**
 * Moves a customer, with everything open on it, to another rep: the owner changes here and every
 * other subgraph re-scopes its records from `customers.customer.transferred.v1`. Team heads
 * transfer within their teams; directors and admins anywhere; reps cannot. The transfer, with its
 * optional handover note, lands on the customer's timeline and in its history (audit), in the
 * same transaction.
 */
export async function transferCustomer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: TransferCustomerInput, meta: EventMetadata): Promise<ICustomer> {
  if (isScoped(viewer.access) && !headsTeam(viewer, ANY_TEAM))
    throw new AppError('FORBIDDEN', 'TRANSFER_FORBIDDEN', 'only a team head, a director or an admin transfers customers');
  const customerId = requireUuid('input.customerId', input.customerId);
  const toOwnerId = requireUuid('input.toOwnerId', input.toOwnerId);
  const note = optionalText('input.note', input.note, HANDOVER_NOTE_MAX);
  return transition(
    em,
    (tx) => findVisible(tx, viewer, customerId, 'input.customerId'),
    async (customer, tx) => {
      if (!actsFor(viewer, customer.ownerId, customer.teamId)) {
        throw new AppError('FORBIDDEN', 'TRANSFER_FORBIDDEN', 'a team head transfers the customers of the teams they head only', { field: 'input.customerId' });
      }
      await assertOwnerInHeadedTeams(tx, viewer, toOwnerId, 'input.toOwnerId', 'customers');
      const teamId = input.toTeamId ? requireUuid('input.toTeamId', input.toTeamId) : (customer.teamId ?? null);
      if (isScoped(viewer.access) && !headsTeam(viewer, teamId)) {
        throw new AppError('FORBIDDEN', 'TEAM_FORBIDDEN', 'a team head transfers customers within their teams only', { field: 'input.toTeamId' });
      }
      const fromOwnerId = customer.ownerId ?? null;
      customer.ownerId = toOwnerId;
      customer.teamId = teamId;
      const row = await tx.findOne(CustomerAccess, { customerId: customer.id });
      if (row) {
        row.ownerId = toOwnerId;
        row.teamId = teamId;
      } else tx.create(CustomerAccess, { customerId: customer.id, ownerId: toOwnerId, teamId, sharedWith: [] });
      const transferredAt = new Date();
      const eventId = randomUUID();
      publish(
        tx,
        CustomerTransferredV1,
        customer.id,
        { customerId: customer.id, fromOwnerId, toOwnerId, teamId, transferredAt: transferredAt.toISOString(), note },
        { ...meta, id: eventId },
      );
      if (note) auditChange(tx, 'Customer', customer.id, [{ field: 'handoverNote', from: null, to: note }]);
      tx.create(TimelineEntry, {
        id: randomUUID(),
        customerId: customer.id,
        eventId,
        kind: 'CUSTOMER_TRANSFERRED',
        module: TIMELINE_KIND_MODULE.CUSTOMER_TRANSFERRED,
        summary: note ? `Customer transferred to a new owner. Handover note: ${note}` : 'Customer transferred to a new owner',
        sourceService: 'customers',
        subjectId: customer.id,
        occurredAt: transferredAt,
      });
      return customer;
    },
  );
}

/** Shares (or stops sharing) a customer with a user; its owner, team head, director or admin may. */
export async function setSharing(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  input: { customerId: string; userId: string },
  shared: boolean,
  meta: EventMetadata,
): Promise<ICustomer> {
  const customer = await findVisible(em, viewer, requireUuid('input.customerId', input.customerId), 'input.customerId');
  if (!actsFor(viewer, customer.ownerId, customer.teamId)) {
    throw new AppError('FORBIDDEN', 'SHARE_FORBIDDEN', 'only the owner, the head of its team, a director or an admin shares a customer');
  }
  const userId = requireUuid('input.userId', input.userId);
  const row =
    (await em.findOne(CustomerAccess, { customerId: customer.id })) ??
    em.create(CustomerAccess, { customerId: customer.id, ownerId: customer.ownerId ?? null, teamId: customer.teamId ?? null, sharedWith: [] });
  const before = [...(row.sharedWith as string[])];
  const current = new Set(before);
  if (shared) current.add(userId);
  else current.delete(userId);
  row.sharedWith = [...current];
  // Sharing lives in the bookkeeping table `customer_access`, which the flush subscriber skips: audited here.
  if (current.size !== before.length) auditChange(em, 'Customer', customer.id, [{ field: 'sharedWith', from: before, to: [...current] }]);
  if (shared) publish(em, CustomerSharedV1, customer.id, { customerId: customer.id, userId }, meta);
  else publish(em, CustomerUnsharedV1, customer.id, { customerId: customer.id, userId }, meta);
  await em.flush();
  return customer;
}

/** The users each of `customerIds` is shared with, in one query. */
export async function sharedWithByCustomer(em: SqlEntityManager, customerIds: readonly string[]): Promise<string[][]> {
  const rows = await em.find(CustomerAccess, { customerId: { $in: [...customerIds] } });
  const byCustomer = new Map(rows.map((row) => [row.customerId, row.sharedWith as string[]]));
  return customerIds.map((id) => byCustomer.get(id) ?? []);
}

/**
 * Deletes a customer softly: it disappears from lists and lookups and can be restored; it stays
 * resolvable by reference (with `deletedAt`) for records that name it, and every subgraph refuses
 * new records for it once it handles `customers.customer.deleted.v1`.
 */
export async function deleteCustomer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ICustomer> {
  const customerId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Customer',
    load: (tx) => findVisible(tx, viewer, customerId, 'id', 'include'),
    check: (customer) => {
      if (!actsFor(viewer, customer.ownerId, customer.teamId)) {
        throw new AppError('FORBIDDEN', 'DELETE_FORBIDDEN', 'only the owner, the head of its team, a director or an admin deletes a customer');
      }
    },
    announce: (customer, tx, at) => publish(tx, CustomerDeletedV1, customer.id, { customerId: customer.id, deletedAt: at.toISOString() }, meta),
  });
}

/** Restores a softly deleted customer; for admins, directors and team heads. Announced with `customers.customer.restored.v1`. */
export async function restoreCustomer(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ICustomer> {
  const customerId = requireUuid('id', id);
  return restoreDeleted(em, {
    entity: 'Customer',
    load: (tx) => findVisible(tx, viewer, customerId, 'id', 'include'),
    check: (customer) => {
      if (customer.mergedInto)
        throw new AppError('CONFLICT', 'CUSTOMER_MERGED', `Customer ${customerId} was merged into ${customer.mergedInto} and cannot be restored`, { field: 'id' });
    },
    announce: (customer, tx, at) => publish(tx, CustomerRestoredV1, customer.id, { customerId: customer.id, restoredAt: at.toISOString() }, meta),
  });
}
