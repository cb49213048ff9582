// Receivables ageing over many invoices (not a test): `npm run bench:ageing -w @rapport/finance`
// (AGEING_INVOICES sets the count, 1,000,000 by default). Needs PostgreSQL (DATABASE_URL).
// Figures, with the command and the load they were taken at, are in bench/README.md (quiet machine,
// 2026-12-06: per currency median 158 ms, in base median 437 ms, one customer 1 ms).
// Fills a fresh database with open, part-paid and paid invoices in two currencies, due from 200
// days ago to 60 days ahead, then times `receivablesAgeing` as finance sees it (every customer)
// and for one customer, and prints the timings with the database size.
import { cpus, loadavg } from 'node:os';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createLogger, createOrm, systemViewer } from '@rapport/subgraph-kit';
import { createTestDatabase } from '@rapport/testing';
import { migrations } from '../src/migrations/index.js';
import { receivablesAgeing, receivablesAgeingInBase } from '../src/modules/receivables/receivables.service.js';

const COUNT = Number.parseInt(process.env.AGEING_INVOICES ?? '1000000', 10);
const RUNS = 7;

const database = await createTestDatabase('finance_ageing_bench');
const orm = await createOrm({ url: database.url, entities: [], migrations, logger: createLogger('ageing-bench', 'silent') });
try {
  await orm.migrator.up();
  const em = orm.em.fork();
  const fillStart = performance.now();
  await em.execute(
    `insert into invoice (id, number, customer_id, order_id, kind, issue_date, due_date, currency, net_total, tax_total, total, amount_paid, amount_credited, status, rate_to_base, base_total)
     select gen_random_uuid(), 'B-' || g, ('00000000-0000-4000-8000-' || lpad(to_hex(g % 5000), 12, '0'))::uuid, null, 'FREE',
            current_date - 230 + (g % 260), current_date - 200 + (g % 260), case when g % 3 = 0 then 'USD' else 'EUR' end,
            (g % 9973) + 0.5, 0, (g % 9973) + 0.5,
            case when g % 4 = 0 then (g % 9973) + 0.5 when g % 4 = 1 then 0.25 else 0 end, 0,
            case when g % 4 = 0 then 'PAID' when g % 4 = 1 then 'PARTIALLY_PAID' else 'ISSUED' end,
            case when g % 3 = 0 then 0.9 else 1 end, round(((g % 9973) + 0.5) * case when g % 3 = 0 then 0.9 else 1 end, 2)
       from generate_series(1, ?) g`,
    [COUNT],
  );
  await em.execute('vacuum analyze invoice');
  const filled = performance.now() - fillStart;
  const time = async (
    args: { customerId?: string },
    ageing: (em: SqlEntityManager, args: { customerId?: string }) => Promise<{ invoiceCount: number }[]> = (fork, a) => receivablesAgeing(fork, systemViewer(null), a),
  ) => {
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const result = await ageing(orm.em.fork(), args);
      samples.push(performance.now() - start);
      rows = result.reduce((s, r) => s + r.invoiceCount, 0);
    }
    samples.sort((a, b) => a - b);
    return { openInvoices: rows, minMs: Math.round(samples[0]!), medianMs: Math.round(samples[Math.floor(RUNS / 2)]!), maxMs: Math.round(samples[RUNS - 1]!) };
  };
  const all = await time({});
  const one = await time({ customerId: '00000000-0000-4000-8000-000000000007' });
  // In base currency: every invoice carries its rate at issue (as issued invoices do).
  const inBase = await time({}, async (fork, a) => [await receivablesAgeingInBase(fork, systemViewer(null), a)]);
  const [size] = await em.execute<{ size: string }[]>(`select pg_size_pretty(pg_total_relation_size('invoice')) as size`);
  process.stdout.write(
    `${JSON.stringify({ invoices: COUNT, fillSeconds: Math.round(filled / 1000), tableSize: size?.size, cores: cpus().length, load: loadavg().map((l) => Math.round(l * 10) / 10), allCustomers: all, oneCustomer: one, allCustomersInBase: inBase }, null, 2)}\n`,
  );
} finally {
  await orm.close(true);
  await database.drop();
}
