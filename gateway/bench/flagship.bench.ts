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
// bench/otlp-receiver.ts, which counts them; otherwise tracing is as the environment says, off by default),
// FLAGSHIP_DEDUPE=0 (the gateway's in-flight deduplication of identical subgraph requests off).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { tracingOn } from '@rapport/telemetry';
import { startTestSystem } from '../test/harness.js';
import { FLAGSHIP_QUERY } from '../src/explorer.js';
import { assertFlagshipComplete, closedLoop, loadBook, ownCpuMs } from './book.js';

const seconds = Number(process.env.FLAGSHIP_SECONDS ?? 15);
const otherCustomers = Number(process.env.FLAGSHIP_OTHER_CUSTOMERS ?? 2000);
const repCustomers = 20;

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
const dedupeSubgraphRequests = process.env.FLAGSHIP_DEDUPE !== '0';
const system = await startTestSystem('flagship-bench', {
  ...(receiver ? { tracing: { tracesUrl: receiver.tracesUrl } } : {}),
  gatewaySettings: { dedupeSubgraphRequests },
});
try {
  const book = await loadBook(
    {
      ...system,
      customerAccessRows: async (name) => {
        const [row] = await system.subgraphs[name].service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from customer_access');
        return row?.n ?? 0;
      },
    },
    { repCustomers, otherCustomers },
  );
  const rep = book.rep;
  const loadedSeconds = +((performance.now() - loadStarted) / 1000).toFixed(1);
  const body = book.body;
  // The answer must be complete before it is timed.
  assertFlagshipComplete(await system.as(rep.token, FLAGSHIP_QUERY, { ownerId: rep.id }));

  // The SQL statements one flagship query costs, per subgraph (each is a round trip to PostgreSQL);
  // the outbox relays' polls, which run meanwhile, are left out.
  for (const subgraph of Object.values(system.subgraphs)) subgraph.resetQueries();
  await system.as(rep.token, FLAGSHIP_QUERY, { ownerId: rep.id });
  const ownStatements = (queries: readonly string[]): string[] => queries.filter((sql) => !sql.includes('outbox_message'));
  if (process.env.FLAGSHIP_SQL)
    for (const [name, subgraph] of Object.entries(system.subgraphs)) for (const sql of ownStatements(subgraph.queries)) process.stdout.write(`${name}: ${sql}\n`);
  const statements = Object.fromEntries(Object.entries(system.subgraphs).map(([name, subgraph]) => [name, ownStatements(subgraph.queries).length]));

  {
    const loop = (connections: number, durationMs: number): ReturnType<typeof closedLoop> =>
      closedLoop({ origin: new URL(system.url).origin, body, token: rep.token, connections, durationMs, cpuMs: ownCpuMs });
    await loop(20, 3000);
    const single = await loop(1, seconds * 1000);
    const twenty = await profiled(() => loop(20, seconds * 1000));
    const report = {
      node: process.version,
      dedupeSubgraphRequests,
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
  }
} finally {
  await system.stop();
  const received = await receiver?.stop();
  if (received) process.stdout.write(`OTLP receiver got ${JSON.stringify(received)}\n`);
}
