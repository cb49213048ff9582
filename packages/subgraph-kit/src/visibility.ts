import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { seesEverything } from '@rapport/auth';
import { insertColumns, on } from '@rapport/bus';
import { CustomerCreatedV1, CustomerDeletedV1, CustomerMergedV1, CustomerRestoredV1, CustomerSharedV1, CustomerTransferredV1, CustomerUnsharedV1 } from '@rapport/contracts';
import { AppError, notFound, requireUuid } from '@rapport/errors';
import { updatedAt } from './properties.js';
import { ANY_TEAM, headedTeams, headsTeam, isScoped, type Viewer } from './viewer.js';

/** A query of the rows a viewer may see (`visibleOrders(em, viewer)`, `ticketQuery(em, viewer)`), narrowed to one id. */
interface VisibleRowsQuery<T> {
  andWhere(condition: { id: string }): { getSingleResult(): Promise<T | null> };
}

/**
 * The row `id` among those `visible` holds (a base query that already narrows by the viewer);
 * NOT_FOUND `<WHAT>_NOT_FOUND` naming `field` when it does not exist or the viewer may not see it —
 * the two answers are the same, so a caller cannot learn that a record it may not see exists.
 * A malformed id is BAD_USER_INPUT naming `field`.
 */
export async function visibleById<T>(visible: VisibleRowsQuery<T>, what: string, id: string, field = 'id'): Promise<T> {
  const row = await visible.andWhere({ id: requireUuid(field, id) }).getSingleResult();
  if (!row) throw notFound(what, id, field);
  return row;
}

/**
 * Whether the viewer may act on a record owned by `ownerId` in `teamId` beyond reading it
 * (assign, transfer, share, delete): with `all` access, anyone; scoped, its owner, and the head of
 * its team (`headsTeam`).
 */
export function actsFor(viewer: Viewer, ownerId: string | null | undefined, teamId: string | null | undefined): boolean {
  if (!isScoped(viewer.access) || seesEverything(viewer.principal)) return true;
  return (!!ownerId && ownerId === viewer.principal.userId) || headsTeam(viewer, teamId);
}

/**
 * Whether the viewer may give a new record (customer or lead) to `ownerId` in `teamId`: with scoped
 * access, only to themselves in their own teams, or — as a team head — into a team they head;
 * FORBIDDEN otherwise. Directors and admins assign freely.
 */
export function assertAssignable(viewer: Viewer, ownerId: string | null, teamId: string | null, what: string): void {
  const { principal } = viewer;
  if (!isScoped(viewer.access)) return;
  if (ownerId !== principal.userId && !headsTeam(viewer, ANY_TEAM)) {
    throw new AppError('FORBIDDEN', 'OWNER_FORBIDDEN', `only a team head, a director or an admin creates ${what} for someone else`, { field: 'input.ownerId' });
  }
  if (teamId && !principal.teamIds.includes(teamId)) {
    throw new AppError('FORBIDDEN', 'TEAM_FORBIDDEN', `${what} are created within the creator's own teams only`, { field: 'input.teamId' });
  }
  if (ownerId !== principal.userId && !headsTeam(viewer, teamId)) {
    throw new AppError('FORBIDDEN', 'TEAM_FORBIDDEN', `a team head gives ${what} to others within the teams they head only`, { field: 'input.teamId' });
  }
}

/**
 * The customers the viewer may see, as SQL selecting `customer_id` from the `customer_access`
 * read model: customers they own or that were shared with them, and, for a team head, those of
 * the teams they head (`headedTeams`). Null means no restriction: access that is not scoped, or
 * directors and admins.
 */
export function visibleCustomersSql(viewer: Viewer): { sql: string; params: unknown[] } | null {
  const { principal } = viewer;
  if (!isScoped(viewer.access) || seesEverything(principal)) return null;
  const teamIds = [...headedTeams(viewer)];
  const teamClause = teamIds.length ? ` or team_id in (${teamIds.map(() => '?').join(', ')})` : '';
  return {
    // `shared_with @> array[?]`, not `? = any(shared_with)`: only the containment operator can use the
    // GIN index on shared_with; `any` scans the whole table (at 200,000 rows: 43–74 ms against 1.4 ms,
    // bench/shared-with.sql; visibility.int.test.ts checks the plan).
    sql: `select customer_id from customer_access where owner_id = ? or shared_with @> array[?]::uuid[]${teamClause}`,
    params: [principal.userId, principal.userId, ...teamIds],
  };
}

/**
 * Narrows a query builder on an entity with a `customer_id` column (alias `alias`) to the
 * customers the viewer may see, when their access is scoped. Every list, lookup, reference and
 * Customer field of a customer-scoped entity goes through this.
 */
export function restrictToVisibleCustomers(qb: { andWhere(sql: string, params?: unknown[]): unknown }, alias: string, viewer: Viewer, column = 'customer_id'): void {
  const visible = visibleCustomersWhere(viewer, alias, column);
  if (visible) qb.andWhere(visible.sql, visible.params);
}

/**
 * `restrictToVisibleCustomers` for hand-written SQL: the predicate (`<alias>.<column> in (…)`) and
 * its parameters to AND into a where clause, or null when the viewer's access is not scoped.
 */
export function visibleCustomersWhere(viewer: Viewer, alias: string, column = 'customer_id'): { sql: string; params: unknown[] } | null {
  const visible = visibleCustomersSql(viewer);
  return visible && { sql: `${alias}.${column} in (${visible.sql})`, params: visible.params };
}

/**
 * For `leanSql` reading the records of `customerIds` (a loader's batch): the predicate
 * `<alias>.customer_id = any(?::uuid[])` (the ids as one array parameter, so the statement's text is
 * the same for any batch and is prepared once), ANDed with the viewer's visibility
 * (`visibleCustomersWhere`) when their access is scoped, and its parameters, in that order. Every
 * batched read by customer goes through this, so none can leave the visibility out.
 */
export function ofVisibleCustomers(viewer: Viewer, alias: string, customerIds: readonly string[]): { sql: string; params: unknown[] } {
  const visible = visibleCustomersWhere(viewer, alias);
  const ofCustomers = `${alias}.customer_id = any(?::uuid[])`;
  return visible ? { sql: `${ofCustomers} and ${visible.sql}`, params: [[...customerIds], ...visible.params] } : { sql: ofCustomers, params: [[...customerIds]] };
}

/**
 * Checks a customer a new record is about to be attached to. Visibility comes first, so nothing
 * is said about a customer the caller may not see: NOT_FOUND (as for an unknown one) unless the
 * caller may see it — a merged customer through its survivor, as the customers service answers
 * it. Only then CONFLICT `CUSTOMER_MERGED`, naming the survivor in `extensions.details.mergedInto`,
 * or CONFLICT `CUSTOMER_DELETED` (with `extensions.details.deletedAt`) when it is deleted, until restored.
 */
export async function assertCustomerVisible(em: SqlEntityManager, viewer: Viewer, customerId: string, field: string): Promise<void> {
  const [merged] = await em.execute<{ merged_into: string }[]>('select merged_into from customer_merge where merged_id = ?', [customerId]);
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    const rows = await em.execute(`select 1 from (${visible.sql}) v where v.customer_id = ?`, [...visible.params, merged?.merged_into ?? customerId]);
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'CUSTOMER_NOT_FOUND', `Customer ${customerId} was not found`, { field });
  }
  if (merged) {
    throw new AppError('CONFLICT', 'CUSTOMER_MERGED', `Customer ${customerId} was merged into ${merged.merged_into}: use the survivor instead`, {
      field,
      details: { mergedInto: merged.merged_into },
    });
  }
  const [deleted] = await em.execute<{ deleted_at: Date }[]>('select deleted_at from customer_deletion where customer_id = ?', [customerId]);
  if (deleted) {
    const deletedAt = new Date(deleted.deleted_at).toISOString();
    throw new AppError('CONFLICT', 'CUSTOMER_DELETED', `Customer ${customerId} was deleted on ${deletedAt}: restore it before adding records to it`, {
      field,
      details: { deletedAt },
    });
  }
}

/** Who owns and who may see each customer: a read copy fed by the customers service's events. */
export const CustomerAccess = defineEntity({
  name: 'CustomerAccess',
  tableName: 'customer_access',
  properties: {
    customerId: p.uuid().primary(),
    ownerId: p.uuid().nullable(),
    teamId: p.uuid().nullable(),
    sharedWith: p.array().default([]),
    updatedAt: updatedAt(),
  },
});
export type ICustomerAccess = InferEntity<typeof CustomerAccess>;

/** Who owns a new customer: the visibility row it starts with (shared with nobody yet). */
export interface NewCustomerAccess {
  customerId: string;
  ownerId: string | null;
  teamId: string | null;
}

/**
 * Records who owns new customers in `customer_access`, for one customer (createCustomer) or many
 * (the import), at once with one multi-row INSERT inside `em`'s transaction — which must be the one
 * creating the customers. The customers service's one way to write a new customer's visibility row.
 */
export async function insertCustomerAccess(em: SqlEntityManager, rows: readonly NewCustomerAccess[], at = new Date()): Promise<void> {
  await insertColumns(em, 'customer_access', [
    { name: 'customer_id', type: 'uuid', values: rows.map((r) => r.customerId) },
    { name: 'owner_id', type: 'uuid', values: rows.map((r) => r.ownerId) },
    { name: 'team_id', type: 'uuid', values: rows.map((r) => r.teamId) },
    { name: 'updated_at', type: 'timestamptz', values: rows.map(() => at.toISOString()) },
  ]);
}

export class CustomerAccessMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists customer_access (
        customer_id uuid primary key,
        owner_id uuid null,
        team_id uuid null,
        shared_with uuid[] not null default '{}',
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index if not exists customer_access_owner_idx on customer_access (owner_id);');
    this.addSql('create index if not exists customer_access_team_idx on customer_access (team_id);');
    this.addSql('create index if not exists customer_access_shared_idx on customer_access using gin (shared_with);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_access;');
  }
}

export const CUSTOMER_ACCESS_MIGRATION = { name: 'Migration00000000000001_customer_access', class: CustomerAccessMigration };

/** Which customers were merged into which, so records are not attached to a merged customer later. */
export class CustomerMergeMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists customer_merge (
        merged_id uuid primary key,
        merged_into uuid not null,
        merged_at timestamptz not null default now()
      );`);
    this.addSql('create index if not exists customer_merge_into_idx on customer_merge (merged_into);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_merge;');
  }
}

export const CUSTOMER_MERGE_MIGRATION = { name: 'Migration00000000000002_customer_merge', class: CustomerMergeMigration };

/** Which customers are deleted (until restored), so no new record is attached to one. */
export class CustomerDeletionMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists customer_deletion (
        customer_id uuid primary key,
        deleted_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists customer_deletion;');
  }
}

export const CUSTOMER_DELETION_MIGRATION = { name: 'Migration00000000000004_customer_deletion', class: CustomerDeletionMigration };

/**
 * The events whose effect on `customer_access` the customers service writes itself, in the
 * transaction that publishes them: it must not apply them again when its own consumer sees them, as
 * a late one would undo a newer change until the next event arrived (an unshared user saw the
 * customer again).
 */
export const CUSTOMER_ACCESS_SOURCE_EVENTS: readonly string[] = [CustomerCreatedV1.type, CustomerTransferredV1.type, CustomerSharedV1.type, CustomerUnsharedV1.type];

/** Keeps `customer_access` (and `customer_merge`, `customer_deletion`) in step with the customers service: creation, transfer, sharing, merging, deletion and restoration. */
export const customerAccessHandlers = [
  on(CustomerCreatedV1, async (data, _event, em) => {
    await em.execute(
      `insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)
       on conflict (customer_id) do update set owner_id = excluded.owner_id, team_id = excluded.team_id, updated_at = now()`,
      [data.customerId, data.ownerId, data.teamId ?? null],
    );
  }),
  on(CustomerTransferredV1, async (data, _event, em) => {
    await em.execute(
      `insert into customer_access (customer_id, owner_id, team_id) values (?, ?, ?)
       on conflict (customer_id) do update set owner_id = excluded.owner_id, team_id = excluded.team_id, updated_at = now()`,
      [data.customerId, data.toOwnerId, data.teamId],
    );
  }),
  on(CustomerSharedV1, async (data, _event, em) => {
    await em.execute(
      `insert into customer_access (customer_id, shared_with) values (?, array[?]::uuid[])
       on conflict (customer_id) do update set shared_with = array(select distinct unnest(customer_access.shared_with || excluded.shared_with)), updated_at = now()`,
      [data.customerId, data.userId],
    );
  }),
  on(CustomerUnsharedV1, async (data, _event, em) => {
    await em.execute(`update customer_access set shared_with = array_remove(shared_with, ?::uuid), updated_at = now() where customer_id = ?`, [data.userId, data.customerId]);
  }),
  // The survivor keeps its owner and team and gains whom the merged customer was shared with
  // (a survivor not known yet takes the merged customer's row); the merged customer's row goes,
  // and `customer_merge` remembers where it went (customers merged into it earlier follow along).
  on(CustomerMergedV1, async (data, _event, em) => {
    if (data.survivorId === data.mergedId) return;
    await em.execute('update customer_merge set merged_into = ? where merged_into = ?', [data.survivorId, data.mergedId]);
    await em.execute(
      `insert into customer_merge (merged_id, merged_into, merged_at) values (?, ?, ?)
       on conflict (merged_id) do update set merged_into = excluded.merged_into, merged_at = excluded.merged_at`,
      [data.mergedId, data.survivorId, data.mergedAt],
    );
    await em.execute(
      `insert into customer_access (customer_id, owner_id, team_id, shared_with) select ?, owner_id, team_id, shared_with from customer_access where customer_id = ?
       on conflict (customer_id) do update set shared_with = array(select distinct unnest(customer_access.shared_with || excluded.shared_with)), updated_at = now()`,
      [data.survivorId, data.mergedId],
    );
    await em.execute('delete from customer_access where customer_id = ?', [data.mergedId]);
  }),
  on(CustomerDeletedV1, async (data, _event, em) => {
    await em.execute(`insert into customer_deletion (customer_id, deleted_at) values (?, ?) on conflict (customer_id) do update set deleted_at = excluded.deleted_at`, [
      data.customerId,
      data.deletedAt,
    ]);
  }),
  // A restoration older than the deletion on record (events of one customer arrive in order; this guards a replay) changes nothing.
  on(CustomerRestoredV1, async (data, _event, em) => {
    await em.execute('delete from customer_deletion where customer_id = ? and deleted_at <= ?', [data.customerId, data.restoredAt]);
  }),
];
