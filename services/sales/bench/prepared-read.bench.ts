// What PostgreSQL spends on the sales part of the flagship query, statement by statement, at scale: the
// open opportunities and open orders of a rep's ten customers among 200,000 (600,000 opportunities, as
// many orders), sent three ways on one connection, alternated (A, B, C, A, B, C, …) so that a changing
// load on the machine falls on all three alike:
//   list     — as MikroORM sends `em.execute` (values inlined, the ids a list: `customer_id in ('…', …)`),
//              parsed and planned on every call (what the loaders sent before `leanSql`'s `prepare`);
//   array    — the same, the ids as one array literal (`customer_id = any('{…}'::uuid[])`);
//   prepared — the array form as a named prepared statement (`leanSql(…, { prepare: true })`).
// Prints, per mode, the backend's CPU ms per statement (/proc/<pid>/stat of the connection's backend:
// run it against a server on this machine) and the wall ms per statement, with the load average.
// The data is loaded once into a scratch database (BENCH_KEEP=1 keeps it, BENCH_REUSE=1 uses it again).
//   npx tsx services/sales/bench/prepared-read.bench.ts    # BENCH_ROUNDS=3 BENCH_STATEMENTS=1000
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { withBenchService } from '@rapport/subgraph-kit/testing';
import { createSalesService } from '../src/create-sales-service.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 1000);
const CUSTOMERS = 200_000;
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const uuid = (prefix: string, n: number): string => `00000000-0000-4000-${prefix}-${n.toString(16).padStart(12, '0')}`;

/** utime + stime of process `pid`, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

await withBenchService('sales', createSalesService, 'sales_prepared_read_bench', async (service) => {
  const client = new pg.Client({ connectionString: service.orm.config.get('clientUrl') });
  await client.connect();
  try {
    const loaded = await client.query<{ n: number }>('select count(*)::int as n from customer_access');
    if ((loaded.rows[0]?.n ?? 0) < CUSTOMERS) {
      out(`loading ${CUSTOMERS.toLocaleString('en')} customers, 600,000 opportunities and 600,000 orders…`);
      // 2,000 owners with 100 customers each, in 200 teams; every 50th customer shared with one user. Triggers off (a scratch copy).
      await client.query('set session_replication_role = replica');
      await client.query(`insert into customer_access (customer_id, owner_id, team_id, shared_with)
        select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(n % 2000), 12, '0'))::uuid,
               ('00000000-0000-4000-a000-' || lpad(to_hex(n % 200), 12, '0'))::uuid,
               case when n % 50 = 0 then array[('00000000-0000-4000-8000-' || lpad(to_hex((n / 50) % 2000), 12, '0'))::uuid] else '{}'::uuid[] end
        from generate_series(1, ${CUSTOMERS}) n`);
      await client.query(`insert into opportunity (id, customer_id, title, amount, currency, stage_id, status, created_at, furthest_stage_id)
        select gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(n % ${CUSTOMERS} + 1), 12, '0'))::uuid, 'Deal', 100, 'EUR', s.id,
               (array['OPEN', 'WON', 'LOST'])[n % 3 + 1], now() - n * interval '1 minute', s.id
        from generate_series(1, 600000) n, (select id from pipeline_stage order by position limit 1) s`);
      await client.query(`insert into sales_order (id, number, customer_id, status, currency, total, confirmed_at, tax_total, gross_total)
        select gen_random_uuid(), 'SO-B' || n, ('00000000-0000-4000-9000-' || lpad(to_hex(n % ${CUSTOMERS} + 1), 12, '0'))::uuid,
               (array['CONFIRMED', 'DELIVERED', 'COMPLETED', 'COMPLETED'])[n % 4 + 1], 'EUR', 100, now() - n * interval '1 minute', 0, 100
        from generate_series(1, 600000) n`);
      await client.query('reset session_replication_role');
      await client.query('analyze');
    }
    const rep = uuid('8000', 1);
    // The rep's customers are those numbered 2,000 apart (n % 2000 = 1): ten of them, as the flagship's page.
    const customers = Array.from({ length: 10 }, (_, i) => uuid('9000', 1 + 2000 * i));
    const platform = service.orm.em.getPlatform();
    const visibility = (alias: string): string => `${alias}.customer_id in (select customer_id from customer_access where owner_id = ? or shared_with @> array[?]::uuid[])`;
    // As the loaders write them (opportunity.loaders.ts, order.loaders.ts), with the customers' predicate `ofCustomers`.
    const shapes = [
      (of: string) =>
        `select "o".* from "opportunity" as "o" where "o".deleted_at is null and "o"."status" = 'OPEN' and ${of.replaceAll('$', '"o"')} and ${visibility('"o"')} order by "o"."created_at" desc, "o"."id" desc`,
      (of: string) =>
        `select "so".* from "sales_order" as "so" where "so"."status" not in ('COMPLETED', 'CANCELLED') and ${of.replaceAll('$', '"so"')} and ${visibility('"so"')} order by "so"."confirmed_at" desc, "so"."id" desc`,
    ];
    const arrayLiteral = `{${customers.join(',')}}`;
    const modes: Record<string, () => Promise<unknown>> = {
      list: async () => {
        for (const shape of shapes) await client.query(platform.formatQuery(shape(`$.customer_id in (${customers.map(() => '?').join(', ')})`), [...customers, rep, rep]));
      },
      array: async () => {
        for (const shape of shapes) await client.query(platform.formatQuery(shape('$.customer_id = any(?::uuid[])'), [arrayLiteral, rep, rep]));
      },
      prepared: async () => {
        for (const [i, shape] of shapes.entries()) {
          let n = 0;
          const text = shape('$.customer_id = any(?::uuid[])').replace(/\?/g, () => `$${++n}`);
          await client.query({ name: `bench_${i}`, text, values: [customers, rep, rep] });
        }
      },
    };
    const {
      rows: [backend],
    } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    if (!backend) throw new Error('no backend pid');
    const totals = new Map<string, { cpu: number; wall: number; statements: number }>();
    for (const run of Object.values(modes)) for (let i = 0; i < 50; i++) await run(); // warm: caches, and the prepared plans settled
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [mode, run] of Object.entries(modes)) {
        const cpu = cpuMs(backend.pid);
        const began = performance.now();
        for (let i = 0; i < STATEMENTS / shapes.length; i++) await run();
        const wall = performance.now() - began;
        const used = cpuMs(backend.pid) - cpu;
        const total = totals.get(mode) ?? { cpu: 0, wall: 0, statements: 0 };
        totals.set(mode, { cpu: total.cpu + used, wall: total.wall + wall, statements: total.statements + STATEMENTS });
        out(
          `round ${round} ${mode.padEnd(8)}: ${(used / STATEMENTS).toFixed(3)} ms backend CPU, ${(wall / STATEMENTS).toFixed(3)} ms wall per statement; load ${loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}`,
        );
      }
    }
    for (const [mode, total] of totals)
      out(
        `${mode.padEnd(8)}: ${(total.cpu / total.statements).toFixed(3)} ms backend CPU, ${(total.wall / total.statements).toFixed(3)} ms wall per statement (${total.statements} statements)`,
      );
  } finally {
    await client.end();
  }
});
