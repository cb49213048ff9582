import type { Principal, Role } from '@rapport/auth';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createOrm, migrate, type MikroORM } from './orm.js';
import type { Viewer } from './viewer.js';
import { CUSTOMER_ACCESS_MIGRATION, CustomerAccess, ofVisibleCustomers, visibleCustomersSql } from './visibility.js';

// The scoped read every subgraph runs on each list and lookup, at 200,000 customers: it must be
// answered from customer_access's indexes (owner, team, GIN on shared_with), never a scan of the table.

const ROWS = 200_000;
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const as = (role: Role, userId: string, teamIds: string[] = []): Viewer => ({
  principal: { userId, email: 'x@rapport.example', role, teamIds, tokenId: 't' } satisfies Principal,
  access: 'scoped',
});

let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('kit_visibility_plan');
  orm = await createOrm({ url: db.url, entities: [CustomerAccess], migrations: [CUSTOMER_ACCESS_MIGRATION], logger: createLogger('kit-visibility', 'silent') });
  await migrate(orm);
  // 2,000 owners with 100 customers each, in 200 teams; every 50th customer shared with two users.
  await orm.em.getConnection().execute(
    `insert into customer_access (customer_id, owner_id, team_id, shared_with)
     select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
            ('00000000-0000-4000-8000-' || lpad(to_hex(n % 2000), 12, '0'))::uuid,
            ('00000000-0000-4000-a000-' || lpad(to_hex(n % 200), 12, '0'))::uuid,
            case when n % 50 = 0 then array[('00000000-0000-4000-8000-' || lpad(to_hex((n / 50) % 2000), 12, '0'))::uuid,
                                            ('00000000-0000-4000-8000-' || lpad(to_hex((n / 50 + 7) % 2000), 12, '0'))::uuid]
                 else '{}'::uuid[] end
     from generate_series(1, ${ROWS}) n`,
  );
  // A customer-scoped table as the services have them (tickets, deals, orders): two records per customer.
  await orm.em.getConnection().execute(`create table record (id uuid primary key, customer_id uuid not null, created_at timestamptz not null)`);
  await orm.em.getConnection().execute('create index record_customer_idx on record (customer_id, created_at)');
  await orm.em.getConnection().execute(
    `insert into record (id, customer_id, created_at)
     select gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(n % ${ROWS} + 1), 12, '0'))::uuid, now() - n * interval '1 minute'
     from generate_series(1, ${2 * ROWS}) n`,
  );
  await orm.em.getConnection().execute('analyze customer_access');
  await orm.em.getConnection().execute('analyze record');
}, 120_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

/** The plan PostgreSQL chooses for `sql`, as text, and the rows it returns. */
async function planOf(sql: string, params: unknown[]): Promise<{ plan: string; rows: number }> {
  const connection = orm.em.fork().getConnection();
  const lines = await connection.execute<{ 'QUERY PLAN': string }[]>(`explain ${sql}`, params);
  const rows = await connection.execute<{ customer_id: string }[]>(sql, params);
  return { plan: lines.map((l) => l['QUERY PLAN']).join('\n'), rows: rows.length };
}

describe(`the scoped read of visible customers at ${ROWS.toLocaleString('en')} rows`, () => {
  it('uses the indexes for a rep (own customers and those shared with them), not a scan of the table', async () => {
    const visible = visibleCustomersSql(as('SALES_REP', uuid(42)));
    const { plan, rows } = await planOf(visible!.sql, visible!.params);
    expect(plan).toContain('customer_access_shared_idx');
    expect(plan).toContain('customer_access_owner_idx');
    expect(plan).not.toMatch(/Seq Scan/);
    // 100 owned, and 2 × 2 shared (every 50th customer names two users, and 42 is named by two of them).
    expect(rows).toBe(104);
  });

  it('uses the indexes for a team head too', async () => {
    const visible = visibleCustomersSql(as('SALES_MANAGER', uuid(7), ['00000000-0000-4000-a000-000000000003']));
    const { plan } = await planOf(visible!.sql, visible!.params);
    expect(plan).toContain('customer_access_team_idx');
    expect(plan).toContain('customer_access_shared_idx');
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it("plans a batch's read by customer (ofVisibleCustomers) from the indexes even as a generic plan, as a prepared statement may run it", async () => {
    const customers = ofVisibleCustomers(
      as('SALES_REP', uuid(42)),
      'r',
      [42, 2042, 4042].map((n) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`),
    );
    let n = 0;
    const text = `select r.* from record r where ${customers.sql} order by r.created_at`.replace(/\?/g, () => `$${++n}`);
    const pool = await orm.em.getConnection().getNativeClient();
    const client = await pool.connect();
    try {
      // The plan PostgreSQL would keep for every value once it settles on a generic one (leanSql's `prepare`).
      await client.query('set plan_cache_mode = force_generic_plan');
      await client.query(`prepare batch as ${text}`);
      const { rows: lines } = await client.query<{ 'QUERY PLAN': string }>(`explain execute batch('{${String(customers.params[0])}}', '${uuid(42)}', '${uuid(42)}')`);
      const plan = lines.map((l) => l['QUERY PLAN']).join('\n');
      expect(plan).toContain('$1'); // generic: the values are parameters
      expect(plan).toContain('record_customer_idx');
      expect(plan).toContain('customer_access_pkey');
      expect(plan).not.toMatch(/Seq Scan/);
      const { rows } = await client.query(`execute batch('{${String(customers.params[0])}}', '${uuid(42)}', '${uuid(42)}')`);
      expect(rows).toHaveLength(6); // the rep owns all three (n % 2000 = 42), two records each
    } finally {
      await client.query('deallocate all');
      await client.query('reset plan_cache_mode');
      client.release();
    }
  });

  it('would scan the table written as ? = any(shared_with), which is why the read is not written so', async () => {
    const { plan } = await planOf('select customer_id from customer_access where owner_id = ? or ? = any(shared_with)', [uuid(42), uuid(42)]);
    expect(plan).toMatch(/Seq Scan on customer_access/);
  });
});
