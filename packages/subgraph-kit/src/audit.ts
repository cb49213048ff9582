import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import {
  defineEntity,
  isRaw,
  p,
  ReferenceKind,
  type EntityManager,
  type EntityName,
  type EventSubscriber,
  type FlushEventArgs,
  type InferEntity,
  type RequiredEntityData,
} from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { executeBulk, pgArray } from '@rapport/bus';
import { pageSizeOf } from './pagination.js';
import { timestamp } from './properties.js';

/** Who is acting in the current request or event, for the audit trail. */
export interface ActingScope {
  requestId: string | null;
  actorId: string | null;
}

/** Set around every request and every consumed event; read when a flush is audited. */
export const actingScope = new AsyncLocalStorage<ActingScope>();

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** One change to one record: who, when, which fields from what to what. */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.uuid().primary(),
    entity: p.text(),
    entityId: p.text(),
    action: p.enum([...AUDIT_ACTIONS]),
    changes: p.json<FieldChange[]>(),
    actorId: p.uuid().nullable(),
    requestId: p.text().nullable(),
    at: timestamp().defaultRaw('now()'),
  },
});
export type IAuditEntry = InferEntity<typeof AuditEntry>;

export class AuditMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists audit_entry (
        id uuid primary key,
        entity text not null,
        entity_id text not null,
        action text not null check (action in ('CREATE', 'UPDATE', 'DELETE', 'RESTORE')),
        changes jsonb not null,
        actor_id uuid null,
        request_id text null,
        at timestamptz not null default now()
      );`);
    this.addSql('create index if not exists audit_entry_record_idx on audit_entry (entity, entity_id, at desc, id desc);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists audit_entry;');
  }
}

export const AUDIT_MIGRATION = { name: 'Migration00000000000002_audit', class: AuditMigration };

/** Bookkeeping tables, not business records: never audited. */
const NOT_AUDITED = new Set(['AuditEntry', 'OutboxMessage', 'InboxMessage', 'CustomerAccess']);
const SECRET = /password|secret|token|private|hash/i;

/** A value as the audit trail stores it (`secret`: the field is one whose values are never stored). */
const plainValue = (secret: boolean, value: unknown): unknown => {
  if (secret) return value === null || value === undefined ? null : '[redacted]';
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
};
const plain = (field: string, value: unknown): unknown => plainValue(SECRET.test(field), value);

/**
 * The row of one audit entry, by the acting user of `scope`: the one format the subscriber,
 * `auditChange` and `writeAuditEntries` write (values as `plain` makes them).
 */
function entryRow(
  entity: string,
  entityId: string,
  action: AuditAction,
  changes: readonly FieldChange[],
  scope: ActingScope | undefined,
  at = new Date(),
): RequiredEntityData<IAuditEntry> {
  return {
    id: randomUUID(),
    entity,
    entityId,
    action,
    changes: changes.map((c) => ({ field: c.field, from: plain(c.field, c.from), to: plain(c.field, c.to) })),
    actorId: scope?.actorId ?? null,
    requestId: scope?.requestId ?? null,
    at,
  };
}

/** A change set's payload as changes (`updatedAt` left out), from `original` (null for a new record). */
const payloadChanges = (payload: Record<string, unknown>, original: Record<string, unknown> | null): FieldChange[] =>
  Object.keys(payload)
    .filter((field) => field !== 'updatedAt')
    .map((field) => ({ field, from: original ? original[field] : null, to: payload[field] }));

/**
 * Writes an audit entry for every change to a business record in the same flush — so in the same
 * transaction — as the change: creation, update, deletion, and soft deletion or restoration
 * (`deletedAt` set or cleared). Registered for every subgraph by the kit, so a new entity is
 * audited without anyone remembering to.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const scope = actingScope.getStore();
    for (const cs of [...uow.getChangeSets()]) {
      if (NOT_AUDITED.has(cs.meta.className)) continue;
      const payload = cs.payload as Record<string, unknown>;
      const original = (cs.originalEntity ?? {}) as Record<string, unknown>;
      let action: AuditAction = cs.type === 'create' ? 'CREATE' : cs.type === 'delete' || cs.type === 'delete_early' ? 'DELETE' : 'UPDATE';
      if (action === 'UPDATE' && 'deletedAt' in payload) action = payload.deletedAt ? 'DELETE' : 'RESTORE';
      const changes = action === 'DELETE' && cs.type !== 'update' ? [] : payloadChanges(payload, action === 'CREATE' ? null : original);
      const entry = em.create(AuditEntry, entryRow(cs.meta.className, cs.getSerializedPrimaryKey() ?? '', action, changes, scope));
      uow.computeChangeSet(entry);
    }
  }
}

/** The values of a record of `entity` as its change sets carry them (arrays as the database value, `{a,b}`), in property order. */
const snapshotOf = <T extends object>(em: EntityManager, entity: EntityName<T>, data: Partial<T>): Record<string, unknown> =>
  em.getComparator().getSnapshotGenerator<T>(entity)(data as T);

/**
 * The changes of a CREATE entry for a new record of `entity` with `data`, exactly as the
 * AuditSubscriber records a flushed one: each property `data` gives (as `em.create` plus its
 * `onCreate` hooks would set it), in the entity's property order, from null to the value as the
 * change set carries it; `updatedAt` left out. For records written in bulk (`writeAuditEntries`).
 */
export function creationChanges<T extends object>(em: EntityManager, entity: EntityName<T>, data: Partial<T>): FieldChange[] {
  return payloadChanges(snapshotOf(em, entity, withDefaults(em, entity, data)), null);
}

/** `data` with each scalar property's runtime default where `data` leaves it undefined, as MikroORM 7's `em.create` assigns them. */
function withDefaults<T extends object>(em: EntityManager, entity: EntityName<T>, data: Partial<T>): Partial<T> {
  const filled: Record<string, unknown> = { ...data };
  for (const prop of em.getMetadata(entity).props) {
    if (prop.embedded || prop.kind !== ReferenceKind.SCALAR || prop.onCreate || prop.default == null || isRaw(prop.default)) continue;
    if (filled[prop.name] === undefined) filled[prop.name] = prop.default;
  }
  return filled as Partial<T>;
}

/**
 * The changes of an UPDATE entry from `before` to `after` (the same properties of one record of
 * `entity`), as the AuditSubscriber records a flushed update: the properties that differ, in the
 * entity's property order, from → to as the change set carries them. Empty when nothing changed.
 */
export function updateChanges<T extends object>(em: EntityManager, entity: EntityName<T>, before: Partial<T>, after: Partial<T>): FieldChange[] {
  const from = snapshotOf(em, entity, before);
  const diff = em.getComparator().getEntityComparator<T>(entity)(from as T, snapshotOf(em, entity, after) as T);
  return payloadChanges(diff, from);
}

/** One entry of `writeAuditEntries`. */
export interface AuditRecord {
  entity: string;
  entityId: string;
  action: AuditAction;
  changes: readonly FieldChange[];
}

/**
 * How the values of one field travel in a bulk audit statement: as a typed array when they are all
 * strings, all booleans or all numbers (PostgreSQL builds the JSON from them several times faster
 * than it parses JSON text), as JSON text otherwise; null when every value is null.
 */
function valueColumn(values: readonly unknown[]): { type: string; texts: (string | null)[] } | null {
  let kind: 'string' | 'boolean' | 'number' | 'json' | null = null;
  for (const v of values) {
    if (v === null) continue;
    const own = typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' && Number.isFinite(v) ? 'number' : 'json';
    if (kind === null) kind = own;
    else if (kind !== own) kind = 'json';
    if (kind === 'json') break;
  }
  if (kind === null) return null;
  if (kind === 'string') return { type: 'text', texts: values as (string | null)[] };
  if (kind === 'boolean') return { type: 'boolean', texts: values.map((v) => (v === null ? null : v ? 't' : 'f')) };
  if (kind === 'number') return { type: 'numeric', texts: values.map((v) => (v === null ? null : String(v))) };
  return { type: 'jsonb', texts: values.map((v) => (v === null ? null : JSON.stringify(v))) };
}

/**
 * The bulk form of the audit trail, for records written with SQL in bulk, which the flush
 * subscriber never sees: writes `records` at once, inside `em`'s transaction (which must be the
 * change's), in the subscriber's row format (values as `plain` makes them), by the acting user of
 * `scope` (the current request's or event's unless given; the CLI passes its own). One statement
 * per kind of entry (same entity, action and fields, e.g. every CREATE of a Customer): the changes
 * are built in SQL from one array per field, as a multi-megabyte JSON text costs PostgreSQL three
 * times as much to read.
 */
export async function writeAuditEntries(em: SqlEntityManager, records: readonly AuditRecord[], scope: ActingScope | undefined = actingScope.getStore()): Promise<void> {
  const groups = new Map<string, AuditRecord[]>();
  for (const record of records) {
    const key = [record.entity, record.action, ...record.changes.map((c) => c.field)].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const at = new Date().toISOString();
  for (const group of groups.values()) {
    const first = group[0]!;
    const params: unknown[] = [first.entity, first.action];
    const arrays: { type: string; texts: (string | null)[] }[] = [{ type: 'text', texts: group.map((r) => r.entityId) }];
    const value = (values: unknown[]): string => {
      const column = valueColumn(values);
      if (!column) return 'null';
      arrays.push(column);
      return `x.c${arrays.length - 1}`;
    };
    const changes = first.changes.map(({ field }, i) => {
      const secret = SECRET.test(field);
      const from = value(group.map((r) => plainValue(secret, r.changes[i]!.from)));
      const to = value(group.map((r) => plainValue(secret, r.changes[i]!.to)));
      params.push(field);
      return `jsonb_build_object('field', ?::text, 'from', ${from}, 'to', ${to})`;
    });
    params.push(scope?.actorId ?? null, scope?.requestId ?? null, at, ...arrays.map((a) => pgArray(a.texts)));
    await executeBulk(
      em,
      'writeAuditEntries',
      `insert into audit_entry (id, entity, entity_id, action, changes, actor_id, request_id, at)
       select gen_random_uuid(), ?::text, x.c0, ?::text, jsonb_build_array(${changes.join(', ')}), ?::uuid, ?::text, ?::timestamptz
         from unnest(${arrays.map((a) => `?::${a.type}[]`).join(', ')}) as x(${arrays.map((_, i) => `c${i}`).join(', ')})`,
      params,
    );
  }
}

/**
 * Who may see each of a record's fields that not everyone who sees the record may see, by stored
 * field name (e.g. an article's draft: editors only; a user's failed sign-ins: admins only). Declared
 * once beside the entity; the record's resolvers answer those fields by it (`mayReadField`) and its
 * history shows their changes by it, so history never tells what the record hides. Fields not listed
 * are shown to whoever sees the record.
 */
export type FieldRules = Readonly<Record<string, (principal: Principal | null) => boolean>>;

/** Whether `principal` may read `field` under `rules` (unlisted fields: yes). */
export const mayReadField = (rules: FieldRules, field: string, principal: Principal | null): boolean => rules[field]?.(principal) ?? true;

/** The fields of `rules` that `principal` may not read. */
export const hiddenFields = (rules: FieldRules, principal: Principal | null): string[] => Object.keys(rules).filter((field) => !mayReadField(rules, field, principal));

/** Who reads a history, under which field rules; without rules every field of the record is shown. */
export interface HistoryReader {
  principal: Principal | null;
  rules?: FieldRules;
}

/**
 * The history of one record as `reader` may see it, newest first: changes to fields the record
 * hides from the reader are left out, and an entry that changed nothing else is left out whole
 * (in SQL, so a page holds `first` entries the reader may see).
 */
export async function auditHistory(em: SqlEntityManager, entity: string, entityId: string, first?: number | null, reader?: HistoryReader): Promise<IAuditEntry[]> {
  const limit = pageSizeOf('history', first);
  const hidden = reader?.rules ? hiddenFields(reader.rules, reader.principal) : [];
  if (hidden.length === 0) return em.find(AuditEntry, { entity, entityId }, { orderBy: { at: 'desc', id: 'desc' }, limit });
  const entries = await em
    .createQueryBuilder(AuditEntry, 'a')
    .select('*')
    .where({ entity, entityId })
    .andWhere(
      `(jsonb_array_length(a.changes) = 0 or exists (select 1 from jsonb_array_elements(a.changes) c where c->>'field' not in (${hidden.map(() => '?').join(', ')})))`,
      hidden,
    )
    .orderBy({ at: 'desc', id: 'desc' })
    .limit(limit)
    .getResultList();
  // Copies, not the managed entries: the filtered changes must never be flushed back.
  return entries.map((entry) => ({ ...entry, changes: entry.changes.filter((change) => !hidden.includes(change.field)) }));
}

/**
 * Audits a change the flush subscriber cannot see because it is no column of the record (whom a
 * customer is shared with, kept in a bookkeeping table; a transfer's handover note): an UPDATE entry
 * on `entity` `entityId` by the acting user, written by the caller's flush, so in the same
 * transaction as the change.
 */
export function auditChange(em: EntityManager, entity: string, entityId: string, changes: FieldChange[]): void {
  em.create(AuditEntry, entryRow(entity, entityId, 'UPDATE', changes, actingScope.getStore()));
}

/** GraphQL shape of an audit entry (values as JSON text, so any type fits); `at` is a DateTime as stored. */
export const auditEntryResolvers = {
  AuditEntry: {
    changes: (entry: IAuditEntry) =>
      entry.changes.map((c) => ({ field: c.field, from: c.from === null ? null : JSON.stringify(c.from), to: c.to === null ? null : JSON.stringify(c.to) })),
  },
};
