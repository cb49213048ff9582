import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createOrm, type MikroORM } from './orm.js';

const logger = createLogger('kit-orm-pool', 'silent');
type NativePool = pg.Pool & { options: { min: number; idleTimeoutMillis: number } };
type PoolConnection = { getNativeClient(): Promise<NativePool> };
let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('kit_orm_pool');
  orm = await createOrm({ url: db.url, entities: [], migrations: [], logger });
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe("a service's connection pool while idle", () => {
  it('keeps one connection open past the idle timeout, so periodic queries do not start a backend each time', async () => {
    const pool = await (orm.em.getConnection() as unknown as PoolConnection).getNativeClient();
    await orm.em.fork().getConnection().execute('select 1');
    expect(pool.options.min).toBeGreaterThanOrEqual(1);
    // pg-pool closes an idle client only while the pool is above its minimum.
    expect(pool.totalCount).toBe(1);
    expect(pool.idleCount).toBe(1);
  });
});
