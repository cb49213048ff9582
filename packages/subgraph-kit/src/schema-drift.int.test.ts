import { defineEntity, p } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createOrm, migrate, type MikroORM } from './orm.js';
import { createdAt, currency, deletedAt, money, quantity, updatedAt } from './properties.js';
import { schemaDrift } from './schema-drift.js';

const Priced = defineEntity({
  name: 'Priced',
  tableName: 'priced',
  properties: {
    id: p.uuid().primary(),
    amount: money(),
    currency: currency(),
    quantity: quantity(),
    active: p.boolean(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
});

/** The table as the helpers say it is, with a check and a partial index the entity does not model. */
class MatchingMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table priced (
        id uuid primary key,
        amount numeric(19,4) not null check (amount >= 0),
        currency char(3) not null,
        quantity numeric(19,3) not null,
        active boolean not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create index priced_live_idx on priced (created_at) where deleted_at is null;');
  }
}

/** The same table as a careless migration writes it, beside a table only raw SQL uses. */
class DriftingMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table priced (
        id uuid primary key,
        amount numeric(10,2) not null,
        currency text not null,
        quantity numeric(15,3) not null,
        active boolean not null default true,
        created_at timestamptz not null,
        updated_at timestamptz not null default now(),
        deleted_at timestamptz null
      );`);
    this.addSql('create table raw_only (id uuid primary key);');
  }
}

let database: TestDatabase | undefined;
let orm: MikroORM | undefined;

async function migrated(migration: new (...args: ConstructorParameters<typeof Migration>) => Migration): Promise<MikroORM> {
  database = await createTestDatabase('kit_drift');
  orm = await createOrm({ url: database.url, entities: [Priced], migrations: [{ name: 'Migration1', class: migration }], logger: createLogger('kit-drift', 'warn') });
  await migrate(orm);
  return orm;
}

afterEach(async () => {
  await orm?.close();
  await database?.drop();
  orm = undefined;
  database = undefined;
});

describe('schemaDrift', () => {
  it('finds nothing to change when the migration creates what the property helpers declare, and lists the rules only the database has', async () => {
    const drift = await schemaDrift(await migrated(MatchingMigration));
    expect(drift.sql).toBe('');
    expect(drift.unseen).toEqual([]);
    expect(drift.databaseOnly).toEqual(['priced: priced_amount_check', 'priced: priced_live_idx']);
  });

  it('names every column whose type, precision or default differs from the metadata, and every unmapped table', async () => {
    const drift = await schemaDrift(await migrated(DriftingMigration));
    expect(drift.sql).toContain('alter table "priced" alter column "amount" type numeric(19,4)');
    expect(drift.sql).toContain('alter table "priced" alter column "currency" type char(3)');
    expect(drift.sql).toContain('alter table "priced" alter column "quantity" type numeric(19,3)');
    expect(drift.sql).toContain('alter table "priced" alter column "created_at" set default now()');
    expect(drift.sql).toContain('drop table if exists "raw_only"');
    expect(drift.unseen).toEqual(['priced.active: default true in the database, none in the metadata']);
  });

  it('leaves out tables listed as unmapped', async () => {
    const drift = await schemaDrift(await migrated(DriftingMigration), { tables: { raw_only: 'used by raw SQL only' } });
    expect(drift.sql).not.toContain('raw_only');
    expect(drift.sql).toContain('numeric(19,4)');
  });
});
