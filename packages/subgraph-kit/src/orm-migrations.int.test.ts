import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createOrm, migrate, migrationsUpToDate, type MikroORM } from './orm.js';

// The start-up check of the migrations: one statement when every one is applied; MikroORM's migrator
// (which applies them) only when one is not, on a new database or after a new migration.

const logger = createLogger('kit-orm-migrations', 'silent');
const table = (name: string): MigrationObject => ({
  name,
  class: class extends Migration {
    override up(): void {
      this.addSql(`create table ${name} (id int primary key)`);
    }
  },
});
const FIRST = [table('kit_migrations_a'), table('kit_migrations_b')];
const MORE = [...FIRST, table('kit_migrations_c')];

let db: TestDatabase;
const opened: MikroORM[] = [];

/** An ORM on the test database with `migrations`, and the statements it sends. */
async function ormWith(migrations: MigrationObject[]): Promise<{ orm: MikroORM; statements: string[] }> {
  const statements: string[] = [];
  const orm = await createOrm({ url: db.url, entities: [], migrations, logger, onQuery: (sql) => statements.push(sql) });
  opened.push(orm);
  return { orm, statements };
}

beforeAll(async () => {
  db = await createTestDatabase('kit_orm_migrations');
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((orm) => orm.close(true)));
  await db?.drop();
});

describe('the migrations at start-up', () => {
  it('applies them on a new database (no migrations table yet), then finds them applied in one statement', async () => {
    const { orm } = await ormWith(FIRST);
    expect(await migrationsUpToDate(orm)).toBe(false);
    expect(await migrate(orm)).toEqual(['kit_migrations_a', 'kit_migrations_b']);

    const next = await ormWith(FIRST);
    next.statements.length = 0;
    expect(await migrate(next.orm)).toEqual([]);
    // MikroORM's own look for the database, sent as it connects (it may arrive late), is not the check's.
    expect(next.statements.filter((sql) => !sql.startsWith('select 1 from pg_database'))).toEqual(['select name from mikro_orm_migrations']);
  });

  it('applies only a migration added since, through the migrator', async () => {
    const { orm } = await ormWith(MORE);
    expect(await migrationsUpToDate(orm)).toBe(false);
    expect(await migrate(orm)).toEqual(['kit_migrations_c']);
    expect(await migrationsUpToDate(orm)).toBe(true);
    const tables = await orm.em.getConnection().execute<{ name: string }[]>("select tablename as name from pg_tables where tablename like 'kit_migrations_%' order by 1");
    expect(tables.map((t) => t.name)).toEqual(['kit_migrations_a', 'kit_migrations_b', 'kit_migrations_c']);
  });
});
