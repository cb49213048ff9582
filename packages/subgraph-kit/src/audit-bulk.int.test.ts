import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingScope, AUDIT_MIGRATION, AuditEntry, AuditSubscriber, creationChanges, updateChanges, writeAuditEntries, type IAuditEntry } from './audit.js';
import { createLogger } from './logger.js';
import { createOrm, migrate, type MikroORM } from './orm.js';
import { createdAt, deletedAt, money, updatedAt } from './properties.js';

/** A record with a property of each kind the audit trail renders differently. */
const Gadget = defineEntity({
  name: 'Gadget',
  tableName: 'gadget',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    tags: p.array().default([]),
    active: p.boolean(),
    count: p.integer(),
    price: money(),
    note: p.text().nullable(),
    accessToken: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
});

class GadgetMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table gadget (
      id uuid primary key, name text not null, tags text[] not null default '{}', active boolean not null, count integer not null,
      price numeric(19,4) not null, note text null, access_token text null,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now(), deleted_at timestamptz null)`);
  }
}

let db: TestDatabase;
let orm: MikroORM;
const scope = { actorId: randomUUID(), requestId: 'req-bulk-audit' };

beforeAll(async () => {
  db = await createTestDatabase('kit_audit_bulk');
  orm = await createOrm({
    url: db.url,
    entities: [AuditEntry, Gadget],
    migrations: [AUDIT_MIGRATION, { name: 'Migration00000000000100_gadget', class: GadgetMigration }],
    subscribers: [new AuditSubscriber()],
    logger: createLogger('kit-audit-bulk', 'silent'),
  });
  await migrate(orm);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

const entriesOf = (entityId: string): Promise<IAuditEntry[]> => orm.em.fork().find(AuditEntry, { entityId }, { orderBy: { at: 'asc', id: 'asc' } });
const entry = (e: IAuditEntry) => ({ entity: e.entity, action: e.action, changes: e.changes, actorId: e.actorId, requestId: e.requestId });

describe('audit entries written in bulk', () => {
  it('records a CREATE exactly as the subscriber records a flushed new record: fields, order, values, who', async () => {
    const data = { name: 'Widget', tags: ['a', 'b'], active: true, count: 3, price: '12.5000', note: null, accessToken: 'secret' };
    const flushed = randomUUID();
    await actingScope.run(scope, async () => {
      const em = orm.em.fork();
      em.create(Gadget, { id: flushed, ...data });
      await em.flush();
    });
    const [subscribers] = await entriesOf(flushed);
    const stored = await orm.em.fork().findOneOrFail(Gadget, { id: flushed });

    const bulk = randomUUID();
    await orm.em.fork().transactional(async (tx) => {
      const changes = creationChanges(tx, Gadget, { id: bulk, ...data, createdAt: stored.createdAt, updatedAt: stored.updatedAt });
      await writeAuditEntries(tx, [{ entity: 'Gadget', entityId: bulk, action: 'CREATE', changes }], scope);
    });
    const [written] = await entriesOf(bulk);
    const idChange = (e: IAuditEntry) => ({ ...entry(e), changes: e.changes.map((c) => (c.field === 'id' ? { ...c, to: 'the id' } : c)) });
    expect(idChange(written!)).toEqual(idChange(subscribers!));
    expect(written!.changes).toContainEqual({ field: 'tags', from: null, to: '{a,b}' });
    expect(written!.changes).toContainEqual({ field: 'accessToken', from: null, to: '[redacted]' });
    expect(written!.changes.map((c) => c.field)).not.toContain('updatedAt');
  });

  it('records an UPDATE exactly as the subscriber records a flushed change: the changed fields only, from → to', async () => {
    const id = randomUUID();
    const em = orm.em.fork();
    const gadget = em.create(Gadget, { id, name: 'Old', tags: ['x'], active: true, count: 1, price: '1.0000', note: 'kept', accessToken: null });
    await em.flush();
    const before = { name: 'Old', tags: ['x'], active: true, count: 1, note: 'kept' };
    const after = { name: 'New', tags: ['x', 'y'], active: false, count: 1, note: 'kept' };
    await actingScope.run(scope, async () => {
      Object.assign(gadget, after);
      await em.flush();
    });
    const subscribers = (await entriesOf(id)).find((e) => e.action === 'UPDATE')!;

    const changes = updateChanges(orm.em, Gadget, before, after);
    expect(changes).toEqual([
      { field: 'name', from: 'Old', to: 'New' },
      { field: 'tags', from: '{x}', to: '{x,y}' },
      { field: 'active', from: true, to: false },
    ]);
    expect(updateChanges(orm.em, Gadget, before, before)).toEqual([]);
    const bulk = randomUUID();
    await orm.em.fork().transactional((tx) => writeAuditEntries(tx, [{ entity: 'Gadget', entityId: bulk, action: 'UPDATE', changes }], scope));
    const [written] = await entriesOf(bulk);
    expect(entry(written!)).toEqual(entry(subscribers));
  });

  it('keeps each value of a field, whatever mix of kinds the records of one statement hold', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const values: unknown[] = ['text', 42, null, { nested: ['json', 1] }];
    const flags = [true, null, false, true];
    const at = new Date('2026-12-05T08:00:00.000Z');
    await orm.em.fork().transactional((tx) =>
      writeAuditEntries(
        tx,
        ids.map((entityId, i) => ({
          entity: 'Gadget',
          entityId,
          action: 'UPDATE' as const,
          changes: [
            { field: 'mixed', from: null, to: values[i] },
            { field: 'flag', from: flags[i], to: i },
            { field: 'when', from: at, to: undefined },
          ],
        })),
        scope,
      ),
    );
    for (const [i, entityId] of ids.entries()) {
      const [written] = await entriesOf(entityId);
      expect(written!.changes).toEqual([
        { field: 'mixed', from: null, to: values[i] },
        { field: 'flag', from: flags[i], to: i },
        { field: 'when', from: at.toISOString(), to: null },
      ]);
      expect(written).toMatchObject({ actorId: scope.actorId, requestId: scope.requestId, action: 'UPDATE' });
    }
  });

  it('refuses to write outside a transaction', async () => {
    await expect(writeAuditEntries(orm.em.fork(), [{ entity: 'Gadget', entityId: randomUUID(), action: 'UPDATE', changes: [] }])).rejects.toThrow(/inside the transaction/);
  });
});
