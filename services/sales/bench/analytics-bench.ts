/**
 * Sales numbers benchmark: `npm run bench:analytics -w @rapport/sales` (not a test).
 *
 * Creates its own database (rapport_bench_sales) through the service's migrations, bulk-loads
 * 100,000 opportunities (with ~250,000 stage-history rows) and 200,000 orders with 1,000,000 order
 * lines for 5,000 customers of 200 reps in 20 teams straight into the tables with INSERT … SELECT
 * from generate_series, runs ANALYZE, then times the service's query functions (the ones the
 * GraphQL resolvers call): two warm-up runs and 20 timed runs per case, p50 and p95.
 * BENCH_KEEP=1 keeps the database for EXPLAIN ANALYZE; BENCH_REUSE=1 times a kept one again (after
 * migrating it); BENCH_SCALE=0.1 loads a tenth.
 */
import { performance } from 'node:perf_hooks';
import type { Principal } from '@rapport/auth';
import { callerOf, createLogger, databaseUrl } from '@rapport/subgraph-kit';
import { testVerifier } from '@rapport/subgraph-kit/testing';
import pg from 'pg';
import { createSalesService } from '../src/create-sales-service.js';
import { forecast, funnel } from '../src/modules/analytics/forecast.service.js';
import { productSales, salesPerformance } from '../src/modules/analytics/sales.service.js';
import { salesNumbersPolicy } from '../src/modules/analytics/scope.js';

const DB = 'rapport_bench_sales';
const SERVER = process.env.DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const OPPORTUNITIES = Math.round(100_000 * SCALE);
const ORDERS = Math.round(200_000 * SCALE);
const LINES_PER_ORDER = 5;
const CUSTOMERS = 5_000;
const REPS = 200;
const TEAMS = 20;
const PRODUCTS = 1_000;
const RUNS = 20;
/** BENCH_REUSE=1: time against a database kept by BENCH_KEEP=1 (migrating it to the service's newest migrations first) instead of loading a new one. */
const REUSE = process.env.BENCH_REUSE === '1';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const uuidOf = (prefix: string, expr: string): string => `md5('${prefix}' || (${expr}))::uuid`;

function loadSql(): string[] {
  const stage = (position: string) => `('5a1e5000-0000-4000-8000-00000000000' || (${position}))::uuid`;
  return [
    // Bulk load: the roll-ups are rebuilt once at the end instead of per row by their triggers.
    'alter table customer_access disable trigger sales_rollup_access_changed',
    'alter table opportunity disable trigger sales_rollup_opportunity_changed',
    'alter table opportunity_stage_history disable trigger sales_rollup_stay_changed',
    'alter table customer_access disable trigger sales_rollup_order_access_changed',
    'alter table sales_order disable trigger sales_rollup_order_changed',
    'alter table customer_access disable trigger sales_rollup_team_access_changed',
    `insert into customer_access (customer_id, owner_id, team_id)
       select ${uuidOf('c', 'i')}, ${uuidOf('rep', 'i % ' + REPS)}, ${uuidOf('team', '(i % ' + REPS + ') % ' + TEAMS)} from generate_series(1, ${CUSTOMERS}) i`,
    `insert into customer_profile (customer_id, industry, region, country)
       select ${uuidOf('c', 'i')}, (array['Chemicals','Food','Machinery','Retail','Energy','Health','Logistics','Textiles','Software','Construction','Automotive','Finance'])[1 + i % 12],
              'Region ' || (i % 16), (array['DE','FR','IT','ES','NL','AT','PL','SE'])[1 + i % 8] from generate_series(1, ${CUSTOMERS}) i`,
    // Opportunities: a quarter in each open stage (1–4), one in eight won, one in eight lost (of those, half as open ones).
    `insert into opportunity (id, customer_id, title, amount, currency, stage_id, furthest_stage_id, status, expected_close_date, closed_at, created_at, updated_at)
       select ${uuidOf('o', 'i')}, ${uuidOf('c', '1 + i % ' + CUSTOMERS)}, 'Deal ' || i, ((i * 7919) % 100000) / 100.0 + 100, case when i % 5 = 0 then 'USD' else 'EUR' end,
              ${stage('p')}, ${stage('case p when 6 then 2 else p end')}, case p when 5 then 'WON' when 6 then 'LOST' else 'OPEN' end,
              date '2027-01-01' + ((i * 37) % 730), case when p >= 5 then timestamptz '2026-06-01' + ((i % 180) || ' days')::interval end,
              timestamptz '2026-01-01' + ((i % 365) || ' days')::interval + ((i % 86400) || ' seconds')::interval, now()
         from (select i, case when i % 8 = 0 then 5 when i % 8 = 1 then 6 else 1 + i % 4 end as p from generate_series(1, ${OPPORTUNITIES}) i) g`,
    // Stage history: every open stage up to where the deal stands (won: 1–4 then Won; lost: 1–2 then Lost), each stay 3–12 days.
    `insert into opportunity_stage_history (id, opportunity_id, stage_id, entered_at, left_at)
       select gen_random_uuid(), o.id, ${stage('h.pos')}, o.created_at + ((h.step - 1) * 7 || ' days')::interval,
              case when h.step < h.steps then o.created_at + ((h.step - 1) * 7 + 3 + (h.step * 3) % 10 || ' days')::interval end
         from opportunity o
         join pipeline_stage s on s.id = o.stage_id
         cross join lateral (
           select step, case when s.position = 6 then (case when step = 3 then 6 else step end) when s.position = 5 then (case when step = 5 then 5 else step end) else step end as pos,
                  case s.position when 6 then 3 when 5 then 5 else s.position end as steps
             from generate_series(1, case s.position when 6 then 3 when 5 then 5 else s.position end) step) h`,
    `insert into sales_order (id, number, customer_id, status, currency, total, tax_total, gross_total, confirmed_at, created_at, updated_at)
       select ${uuidOf('so', 'i')}, 'SO-' || lpad(i::text, 7, '0'), ${uuidOf('c', '1 + (i * 13) % ' + CUSTOMERS)}, case when i % 20 = 0 then 'CANCELLED' when i % 3 = 0 then 'COMPLETED' else 'CONFIRMED' end,
              case when i % 5 = 0 then 'USD' else 'EUR' end, 0, 0, 0,
              timestamptz '2026-01-01' + ((i % 730) || ' days')::interval + ((i % 86400) || ' seconds')::interval, now(), now()
         from generate_series(1, ${ORDERS}) i`,
    // Bulk load: the roll-ups are rebuilt once at the end instead of per line by the trigger.
    'alter table sales_order_line disable trigger sales_rollup_line_written',
    `insert into sales_order_line (id, order_id, position, product_id, description, quantity, unit_price, unit_price_gross, price_entry, discount_percent, tax_rate, currency, line_total,
                                   reserved_quantity, short_quantity, cancelled_quantity, delivered_quantity, invoiced_quantity, returned_quantity)
       select gen_random_uuid(), so.id, n, ${uuidOf('p', '(so.number_i * 7 + n * 131) % ' + PRODUCTS)}, 'x', q, price, price, 'NET', 0, 19, so.currency, round(q * price, 4), 0, 0, 0, 0, 0, 0
         from (select id, currency, substr(number, 4)::int as number_i from sales_order) so
         cross join generate_series(1, ${LINES_PER_ORDER}) n
         cross join lateral (select ((so.number_i + n) % 9 + 1) * 0.5 as q, ((so.number_i * 31 + n * 17) % 50000) / 100.0 + 1 as price) v`,
    `update sales_order so set total = t.total, gross_total = t.total from (select order_id, sum(line_total) as total from sales_order_line group by order_id) t where t.order_id = so.id`,
    'alter table sales_order_line enable trigger sales_rollup_line_written',
    'alter table customer_access enable trigger sales_rollup_access_changed',
    'alter table opportunity enable trigger sales_rollup_opportunity_changed',
    'alter table opportunity_stage_history enable trigger sales_rollup_stay_changed',
    'alter table customer_access enable trigger sales_rollup_order_access_changed',
    'alter table sales_order enable trigger sales_rollup_order_changed',
    'alter table customer_access enable trigger sales_rollup_team_access_changed',
    'select sales_rollup_rebuild()',
    'select sales_pipeline_rollup_rebuild()',
    'select sales_order_rollup_rebuild()',
    'vacuum analyze',
  ];
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  const [kept] = REUSE ? (await admin.query(`select 1 from pg_database where datname = $1`, [DB])).rows : [];
  if (!kept) await admin.query(`drop database if exists ${DB} with (force)`);
  const service = createSalesService({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: databaseUrl(SERVER, DB),
    kafkaBrokers: [],
    topicPrefix: 'bench.',
    logLevel: 'warn',
    outboxPollMs: 1000,
    logger: createLogger('sales-bench', 'warn'),
    verifier: await testVerifier(),
  });
  try {
    await service.start();
    const em = service.orm.em.fork();
    let started = performance.now();
    const [loaded] = await em.execute<{ n: string }[]>('select count(*) as n from opportunity');
    if (kept && Number(loaded!.n) > 0) await em.getConnection().execute('analyze');
    else for (const sql of loadSql()) await em.getConnection().execute(sql);
    const [counts] = await em.execute<{ o: string; h: string; so: string; l: string }[]>(
      'select (select count(*) from opportunity) as o, (select count(*) from opportunity_stage_history) as h, (select count(*) from sales_order) as so, (select count(*) from sales_order_line) as l',
    );
    out(`loaded ${counts!.o} opportunities, ${counts!.h} stage stays, ${counts!.so} orders, ${counts!.l} order lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const director: Principal = { userId: '00000000-0000-4000-8000-000000000001', email: 'director@example.com', role: 'DIRECTOR', teamIds: [], tokenId: 'bench' };
    const [someone] = await em.execute<{ owner_id: string; team_id: string }[]>('select owner_id, team_id from customer_access order by customer_id limit 1');
    const head: Principal = { userId: '00000000-0000-4000-8000-000000000002', email: 'head@example.com', role: 'SALES_MANAGER', teamIds: [someone!.team_id], tokenId: 'bench' };
    const rep: Principal = { userId: someone!.owner_id, email: 'rep@example.com', role: 'SALES_REP', teamIds: [someone!.team_id], tokenId: 'bench' };
    const viewer = (p: Principal) => callerOf(p).viewer(salesNumbersPolicy, 'read');
    const year = { from: '2026-01-01', to: '2027-01-01' };
    const all = { from: '2026-01-01', to: '2028-01-01' };
    const cases: { label: string; run: () => Promise<number> }[] = [
      {
        label: 'forecast 24 months, company, director',
        run: async () => (await forecast(service.orm.em.fork(), viewer(director), { fromMonth: '2027-01', toMonth: '2028-12', groupBy: 'COMPANY' })).length,
      },
      {
        label: 'forecast 24 months, per rep, director',
        run: async () => (await forecast(service.orm.em.fork(), viewer(director), { fromMonth: '2027-01', toMonth: '2028-12', groupBy: 'REP' })).length,
      },
      {
        label: 'forecast 24 months, per rep, team head',
        run: async () => (await forecast(service.orm.em.fork(), viewer(head), { fromMonth: '2027-01', toMonth: '2028-12', groupBy: 'REP' })).length,
      },
      {
        label: 'forecast 24 months, rep',
        run: async () => (await forecast(service.orm.em.fork(), viewer(rep), { fromMonth: '2027-01', toMonth: '2028-12', groupBy: 'REP' })).length,
      },
      { label: 'funnel over the year (all opps), director', run: async () => (await funnel(service.orm.em.fork(), viewer(director), year)).opened },
      { label: 'funnel one quarter, director', run: async () => (await funnel(service.orm.em.fork(), viewer(director), { from: '2026-04-01', to: '2026-07-01' })).opened },
      { label: 'funnel over the year, team head', run: async () => (await funnel(service.orm.em.fork(), viewer(head), year)).opened },
      { label: 'performance per rep, year, director', run: async () => (await salesPerformance(service.orm.em.fork(), viewer(director), year)).length },
      {
        label: 'product sales, all 1M lines, product+month',
        run: async () => (await productSales(service.orm.em.fork(), viewer(director), { ...all, groupBy: ['PRODUCT', 'MONTH'] })).rows.length,
      },
      {
        label: 'product sales, all 1M lines, industry+region',
        run: async () => (await productSales(service.orm.em.fork(), viewer(director), { ...all, groupBy: ['INDUSTRY', 'REGION'] })).rows.length,
      },
      {
        label: 'product sales, one month, product',
        run: async () => (await productSales(service.orm.em.fork(), viewer(director), { from: '2026-03-01', to: '2026-04-01', groupBy: ['PRODUCT'] })).rows.length,
      },
      {
        label: 'product sales, all lines, team head',
        run: async () => (await productSales(service.orm.em.fork(), viewer(head), { ...all, groupBy: ['PRODUCT', 'MONTH'] })).rows.length,
      },
    ];
    out(`runs per case: ${RUNS} after 2 warm-up runs; via the service functions the resolvers call`);
    const only = process.env.BENCH_CASES; // a part of the labels to time, e.g. BENCH_CASES=funnel
    for (const c of cases.filter((x) => !only || x.label.includes(only))) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS + 2; i++) {
        started = performance.now();
        rows = await c.run();
        const elapsed = performance.now() - started;
        if (i >= 2) times.push(elapsed);
      }
      times.sort((a, b) => a - b);
      out(`${c.label.padEnd(48)} p50=${percentile(times, 50).toFixed(1).padStart(7)} ms  p95=${percentile(times, 95).toFixed(1).padStart(7)} ms  rows=${rows}`);
    }
  } finally {
    await service.stop();
    if (process.env.BENCH_KEEP === '1' || REUSE) out(`kept ${DB}`);
    else {
      await admin.query(`drop database if exists ${DB} with (force)`);
      out(`dropped ${DB}`);
    }
    await admin.end();
  }
}

await main();
