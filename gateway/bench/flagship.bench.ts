// The flagship query under load (not a test): `npm run bench:flagship -w @rapport/gateway`.
//
// Starts the whole system (every subgraph on a fresh database, real Kafka, the gateway), loads a book
// through the services' own paths (customers by CSV import, the rest by their mutations), then runs
// the README's flagship query (a rep's customers with open tickets, deals, orders and overdue
// receivables) through the gateway with 1 and with 20 connections, each a closed loop for
// FLAGSHIP_SECONDS (default 15) after a warm-up, and prints requests/s, p50 and p99.
//
// Everything runs in this one process (one event loop for seven subgraphs and the gateway, as the
// test harness starts them); the load itself is undici keep-alive requests, a few µs each. On a shared
// machine requests/s follow whatever else runs; the CPU milliseconds per request (this process: the
// gateway and all subgraphs, not PostgreSQL) are the figure to compare between runs.
// Needs PostgreSQL (DATABASE_URL) and Kafka (KAFKA_BROKERS), like the integration tests.
// Knobs: FLAGSHIP_SECONDS, FLAGSHIP_OTHER_CUSTOMERS (customers of other reps, default 2000),
// FLAGSHIP_PROFILE (a file to write a CPU profile of the 20-connection run to, for Chrome DevTools),
// FLAGSHIP_SQL=1 (print the SQL statements of one flagship query), FLAGSHIP_TRACING=1 (tracing on: the
// gateway and every subgraph export their spans by OTLP/HTTP to a receiver in a process of its own,
// bench/otlp-receiver.ts, which counts them; otherwise tracing is as the environment says, off by default).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { Pool } from 'undici';
import { percentile } from '@rapport/subgraph-kit/testing';
import { tracingOn } from '@rapport/telemetry';
import { waitFor } from '@rapport/testing';
import { day, startTestSystem, type TestSystem } from '../test/harness.js';
import { FLAGSHIP_QUERY } from '../src/explorer.js';

const seconds = Number(process.env.FLAGSHIP_SECONDS ?? 15);
const otherCustomers = Number(process.env.FLAGSHIP_OTHER_CUSTOMERS ?? 2000);
const repCustomers = 20;

const importMutation = `mutation($i: ImportCustomersInput!) { importCustomers(input: $i) { created failed } }`;
const mapping = [
  { column: 'Name', field: 'NAME' },
  { column: 'Email', field: 'EMAIL' },
  { column: 'City', field: 'CITY' },
  { column: 'Country', field: 'COUNTRY' },
];

/** Imports `count` customers as the holder of `token` (who owns them), in files of 500 rows. */
async function importCustomers(system: TestSystem, token: string, prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from(
      { length: Math.min(500, count - start) },
      (_, i) => `${prefix} ${start + i},c${start + i}@${prefix.toLowerCase().replaceAll(' ', '-')}.example,Leipzig,DE`,
    );
    const csv = ['Name,Email,City,Country', ...rows].join('\n');
    const { importCustomers: report } = await system.must<{ importCustomers: { created: number; failed: number } }>(token, importMutation, {
      i: { csv, mapping, dryRun: false, duplicates: 'CREATE', mode: 'PER_ROW' },
    });
    if (report.failed || report.created !== rows.length) throw new Error(`the import of ${prefix} created ${report.created} of ${rows.length}`);
  }
}

interface Run {
  connections: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time (user + system) of this process, which runs the gateway and every subgraph, per request. */
  cpuMsPerRequest: number;
}

/** A closed loop: `connections` callers, each sending the next request when its answer arrived. */
async function load(pool: Pool, body: string, token: string, connections: number, durationMs: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + durationMs;
  const caller = async (): Promise<void> => {
    while (performance.now() < until) {
      const sent = performance.now();
      const response = await pool.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const text = await response.body.text();
      latencies.push(performance.now() - sent);
      if (response.statusCode !== 200 || text.includes('"errors"')) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const round = (x: number): number => +x.toFixed(1);
  return {
    connections,
    requests: latencies.length,
    errors,
    seconds: round(elapsed),
    perSecond: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    cpuMsPerRequest: +((used.user + used.system) / 1000 / latencies.length).toFixed(2),
  };
}

/** Runs `body`, recording a CPU profile of this process to FLAGSHIP_PROFILE (a .cpuprofile file) when set. */
async function profiled<T>(body: () => Promise<T>): Promise<T> {
  const path = process.env.FLAGSHIP_PROFILE;
  if (!path) return body();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await body();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  }
}

/** The OTLP receiver's process, and the settings that send spans to it; none unless FLAGSHIP_TRACING=1. */
async function startReceiver(): Promise<{ tracesUrl: string; stop(): Promise<unknown> } | null> {
  if (process.env.FLAGSHIP_TRACING !== '1') return null;
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./otlp-receiver.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const endpoint = (await lines.next()).value as string;
  return {
    tracesUrl: `${endpoint}/v1/traces`,
    stop: async () => {
      child.kill('SIGTERM');
      const counts: string | undefined = (await lines.next()).value;
      await once(child, 'exit');
      return counts ? (JSON.parse(counts) as unknown) : null;
    },
  };
}

const loadStarted = performance.now();
const receiver = await startReceiver();
const system = await startTestSystem('flagship-bench', receiver ? { tracing: { tracesUrl: receiver.tracesUrl } } : {});
try {
  const token = system.adminToken;
  const rep = await system.createUser({ email: 'flagship.rep@rapport.example', displayName: 'Flagship Rep', role: 'SALES_REP' });
  const { createProduct } = await system.must<{ createProduct: { id: string } }>(token, `mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }`, {
    i: { sku: 'FLAG-1', name: 'Flagship pump', unit: 'pcs', listPrice: { amount: '199.90', currency: 'EUR' } },
  });
  await system.untilSellable(createProduct.id);
  await importCustomers(system, rep.token, 'Flagship Customer', repCustomers);
  const mine = await system.must<{ customers: { edges: { node: { id: string } }[] } }>(
    rep.token,
    `query($o: ID) { customers(filter: { ownerId: $o }, first: 50) { edges { node { id } } } }`,
    {
      o: rep.id,
    },
  );
  if (mine.customers.edges.length !== repCustomers) throw new Error(`the rep sees ${mine.customers.edges.length} customers`);
  for (const [c, { node }] of mine.customers.edges.entries()) {
    const customerId = node.id;
    for (const [t, priority] of (['HIGH', 'NORMAL'] as const).entries()) {
      await system.mustOnceCustomerKnown(rep.token, `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }`, { i: { customerId, subject: `Leak ${c}.${t}`, priority } });
    }
    await system.mustOnceCustomerKnown(rep.token, `mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }`, {
      i: { customerId, title: `Deal ${c}`, amount: { amount: '1200.50', currency: 'EUR' } },
    });
    await system.mustOnceCustomerKnown(rep.token, `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
      i: { customerId, currency: 'EUR', lines: [{ productId: createProduct.id, quantity: '3', unitPrice: { amount: '199.90', currency: 'EUR' } }] },
    });
    for (const total of ['99.00', '250.10']) {
      await system.mustOnceCustomerKnown(token, `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id } }`, {
        i: { customerId, total: { amount: total, currency: 'EUR' }, issueDate: day(-40), dueDate: day(-10) },
      });
    }
  }
  const perOther = Math.ceil(otherCustomers / 4);
  for (let r = 0; r < 4 && perOther > 0; r++) {
    const other = await system.createUser({ email: `other.rep${r}@rapport.example`, role: 'SALES_REP' });
    await importCustomers(system, other.token, `Other ${r} Customer`, perOther);
  }
  // Timed only once every subgraph's copy of who sees which customer has caught up (no events in flight).
  const total = repCustomers + 4 * perOther;
  for (const name of ['sales', 'support', 'finance'] as const) {
    const em = system.subgraphs[name].service.orm.em.fork();
    await waitFor(
      async () => {
        const [row] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from customer_access');
        return row?.n === total ? true : undefined;
      },
      { what: `${name} to learn all ${total} customers`, timeoutMs: 60_000 + total * 50 },
    );
  }
  const loadedSeconds = +((performance.now() - loadStarted) / 1000).toFixed(1);

  const body = JSON.stringify({ query: FLAGSHIP_QUERY, variables: { ownerId: rep.id }, operationName: 'RepCustomers' });
  // The answer must be complete before it is timed: ten customers, each with its tickets, deal, order and receivables.
  const check = await system.as<{ customers: { edges: { node: { openTickets: unknown[]; openOrders: unknown[]; overdueReceivables: { invoices: unknown[] } } }[] } }>(
    rep.token,
    FLAGSHIP_QUERY,
    { ownerId: rep.id },
  );
  const edges = check.data?.customers.edges ?? [];
  if (
    check.errors ||
    edges.length !== 10 ||
    edges.some((e) => e.node.openTickets.length !== 2 || e.node.openOrders.length !== 1 || e.node.overdueReceivables.invoices.length !== 2)
  ) {
    throw new Error(`the flagship answer is incomplete: ${JSON.stringify(check).slice(0, 800)}`);
  }

  // The SQL statements one flagship query costs, per subgraph (each is a round trip to PostgreSQL);
  // the outbox relays' polls, which run meanwhile, are left out.
  for (const subgraph of Object.values(system.subgraphs)) subgraph.resetQueries();
  await system.as(rep.token, FLAGSHIP_QUERY, { ownerId: rep.id });
  const ownStatements = (queries: readonly string[]): string[] => queries.filter((sql) => !sql.includes('outbox_message'));
  if (process.env.FLAGSHIP_SQL)
    for (const [name, subgraph] of Object.entries(system.subgraphs)) for (const sql of ownStatements(subgraph.queries)) process.stdout.write(`${name}: ${sql}\n`);
  const statements = Object.fromEntries(Object.entries(system.subgraphs).map(([name, subgraph]) => [name, ownStatements(subgraph.queries).length]));

  const pool = new Pool(new URL(system.url).origin, { connections: 20, keepAliveTimeout: 60_000 });
  try {
    await load(pool, body, rep.token, 20, 3000);
    const single = await load(pool, body, rep.token, 1, seconds * 1000);
    const twenty = await profiled(() => load(pool, body, rep.token, 20, seconds * 1000));
    const report = {
      node: process.version,
      tracing: receiver ? 'on (OTLP/HTTP to a receiver in another process)' : tracingOn() ? 'on (as the environment says)' : 'off',
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => +x.toFixed(2)) },
      sqlStatementsPerFlagshipQuery: statements,
      book: { repCustomers, otherCustomers, perRepCustomer: '2 tickets, 1 opportunity, 1 order, 2 overdue invoices', loadedSeconds },
      runs: [single, twenty],
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      [single, twenty]
        .map(
          (r) =>
            `flagship ${String(r.connections).padStart(2)} conn: ${r.perSecond} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${r.cpuMsPerRequest} ms CPU/request  (${r.errors} errors)\n`,
        )
        .join(''),
    );
  } finally {
    await pool.close();
  }
} finally {
  await system.stop();
  const received = await receiver?.stop();
  if (received) process.stdout.write(`OTLP receiver got ${JSON.stringify(received)}\n`);
}
