import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type EntityManager, type EventSubscriber, type FlushEventArgs, type InferEntity } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
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

const plain = (field: string, value: unknown): unknown => {
  if (SECRET.test(field)) return value === null || value === undefined ? null : '[redacted]';
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
};

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
      const changes: FieldChange[] =
        action === 'DELETE' && cs.type !== 'update'
          ? []
          : Object.keys(payload)
              .filter((field) => field !== 'updatedAt')
              .map((field) => ({ field, from: plain(field, action === 'CREATE' ? null : original[field]), to: plain(field, payload[field]) }));
      const entry = em.create(AuditEntry, {
        id: randomUUID(),
        entity: cs.meta.className,
        entityId: cs.getSerializedPrimaryKey() ?? '',
        action,
        changes,
        actorId: scope?.actorId ?? null,
        requestId: scope?.requestId ?? null,
        at: new Date(),
      });
      uow.computeChangeSet(entry);
    }
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
  const scope = actingScope.getStore();
  em.create(AuditEntry, {
    id: randomUUID(),
    entity,
    entityId,
    action: 'UPDATE',
    changes: changes.map((c) => ({ field: c.field, from: plain(c.field, c.from), to: plain(c.field, c.to) })),
    actorId: scope?.actorId ?? null,
    requestId: scope?.requestId ?? null,
    at: new Date(),
  });
}

/** GraphQL shape of an audit entry (values as JSON text, so any type fits); `at` is a DateTime as stored. */
export const auditEntryResolvers = {
  AuditEntry: {
    changes: (entry: IAuditEntry) =>
      entry.changes.map((c) => ({ field: c.field, from: c.from === null ? null : JSON.stringify(c.from), to: c.to === null ? null : JSON.stringify(c.to) })),
  },
};
