import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, waitFor } from './index.js';

describe('test helpers', () => {
  it('creates a fresh database and drops it afterwards', async () => {
    const db = await createTestDatabase('helpers');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const tables = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    await client.end();
    expect(tables.rows[0]).toEqual({ n: 0 });
    await db.drop();
    const admin = new pg.Client({ connectionString: db.url.replace(db.name, 'postgres') });
    await admin.connect();
    const left = await admin.query('select 1 from pg_database where datname = $1', [db.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('waits on a condition and fails with what it waited for', async () => {
    let calls = 0;
    expect(await waitFor(async () => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).toBe(3);
    await expect(waitFor(async () => undefined, { timeoutMs: 50, intervalMs: 5, what: 'nothing' })).rejects.toThrow(/timed out waiting for nothing/);
  });
});
