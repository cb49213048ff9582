// `npm run bench` (from the repo root; not a test): the system as `npm start` runs it — every subgraph
// and the gateway a plain-Node process on its built dist/ — on a private PostgreSQL server (fresh
// databases, fsync on) and the broker at KAFKA_BROKERS (started, as `npm start` starts it, when none
// answers), measured from outside:
//   1. the flagship query (`book.ts`: a rep's 20 customers with tickets, deals, orders and overdue
//      receivables, among 2,000 other customers) as closed loops of 1 and 20 keep-alive connections:
//      requests/s, p50, p99, and CPU ms per request summed over the gateway and subgraph processes
//      (/proc/<pid>/stat before and after), PostgreSQL's backends apart, and each process's share;
//   2. the same query through Hive Gateway (`hive/gateway.ts`, on the same supergraph and the same
//      subgraph processes), after asserting its answer deep-equals ours;
//   3. the federation tax: a one-subgraph query (the rep's customers) through the gateway against
//      straight to the customers subgraph, 20 connections each;
//   4. events: `packages/bus/bench/events.bench.ts` (its figures as JSON), once the system is stopped.
// Then prints one table with the previous run's figures beside this run's (gateway/bench/last-run.json,
// which it rewrites: check it in with the README's table) and stops everything it started.
// Knobs: BENCH_SECONDS (per loop, 15), BENCH_OTHER_CUSTOMERS (2000), BENCH_EVENTS (5000),
// BENCH_PROFILE=<subgraph|gateway> (a CPU profile of that process during the 20-connection loop,
// through its inspector: written to .rapport/bench-<name>.cpuprofile and summarised by package; and
// during the one-subgraph loop via the gateway, to .rapport/bench-<name>-one-subgraph.cpuprofile),
// BENCH_FIRST (the flagship query's page size, 10) and BENCH_REP_CUSTOMERS (the rep's customers, 20, at most 100;
// issue 15 asks for the figure at first 50: BENCH_FIRST=50 BENCH_REP_CUSTOMERS=60 — compare such a run with
// the same knobs, not with last-run.json), BENCH_IDLE_SECONDS (10; 30 with BENCH_IDLE_ONLY), BENCH_IDLE_ONLY=1 (only the idle figures right after start and
// BENCH_IDLE_SETTLE seconds, 20, of settling: per process and PostgreSQL; BENCH_PROFILE profiles that window), BENCH_HIVE=0 (skip Hive Gateway), BENCH_EVENTS_RUN=0 (skip the events bench), BENCH_NO_SAVE=1.
// At scale (issue 15 item 5): BENCH_SCALE_CUSTOMERS=1000000 loads that many customers instead of the book
// (`scale.ts`: BENCH_SCALE_SAMPLE of them, 5,000, by CSV import and events, the rest by the services' bulk
// loaders; BENCH_SCALE_REP_CUSTOMERS, 2,000, the rep's), logs the plan of every statement one flagship query
// makes (auto_explain, into gateway/bench/scale-plans.txt) and saves its table as last-run-scale.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { groupCpuMs, launchSystem, withChildrenCpuMs } from '@rapport/infra/launch-system';
import { ensureKafka } from '@rapport/infra/kafka-broker';
import { startPrivatePostgres } from '@rapport/infra/private-postgres';
import { buildAll } from '@rapport/infra/start-command';
import { freePort, spawnManaged, stopManaged, waitForHttpOk } from '@rapport/infra/processes';
import { graphqlRequest, type GraphQLResult } from '@rapport/subgraph-kit/testing';
import { deleteTopics, testTopicPrefix, waitFor } from '@rapport/testing';
import { FLAGSHIP_QUERY } from '../src/explorer.js';
import { onceCustomerKnown } from '../test/once-customer-known.js';
import { assertFlagshipComplete, closedLoop, loadBook, type Book, type BookSystem, type Run } from './book.js';
import { profileOf, summariseProfile } from './profile.js';
import { assertScaleFlagshipComplete, bigSequentialScans, capturePlans, loadScale, type ScaleBook } from './scale.js';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const otherCustomers = Number(process.env.BENCH_OTHER_CUSTOMERS ?? 2000);
const first = Number(process.env.BENCH_FIRST ?? 10);
const repCustomers = Number(process.env.BENCH_REP_CUSTOMERS ?? 20);
const repoRoot = join(import.meta.dirname, '..', '..');
const scaleCustomers = Number(process.env.BENCH_SCALE_CUSTOMERS ?? 0);
const lastRunFile = join(import.meta.dirname, scaleCustomers ? 'last-run-scale.json' : 'last-run.json');
const profiled = process.env.BENCH_PROFILE;
const idleOnly = process.env.BENCH_IDLE_ONLY === '1';
const ADMIN = { email: process.env.RAPPORT_ADMIN_EMAIL ?? 'admin@rapport.example', password: process.env.RAPPORT_ADMIN_PASSWORD ?? 'rapport-admin-password' };

/** One line of the table: its figure now, the previous run's beside it. */
interface Figure {
  key: string;
  label: string;
  value: number | string;
  target?: string;
}
interface Results {
  date: string;
  commit: string;
  node: string;
  machine: { cores: number; cpuModel: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  figures: Figure[];
}

const machineLoad = (): number[] => loadavg().map((x) => +x.toFixed(2));
const began = performance.now();
const loadBefore = machineLoad();
const figures: Figure[] = [];
const add = (key: string, label: string, value: number | string, target?: string): void => void figures.push({ key, label, value, ...(target ? { target } : {}) });

/** Runs `command` with this process's output, resolving when it exits 0. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

out(`building (turbo run build, cached where unchanged)`);
await buildAll();
const kafka = await ensureKafka({ env: process.env, quiet: true });
// At scale: a buffer cache that holds the hot indexes, checkpoints that do not interrupt the bulk load
// every gigabyte of WAL, and auto_explain preloaded (off until the plans are taken).
const postgres = await startPrivatePostgres({
  durable: true,
  ...(scaleCustomers
    ? { settings: { shared_buffers: '1GB', max_wal_size: '16GB', checkpoint_timeout: '30min', maintenance_work_mem: '256MB', shared_preload_libraries: 'auto_explain' } }
    : {}),
});
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
const topicPrefix = testTopicPrefix();
// BENCH_PROFILE may name several processes (`sales,support,finance`): each gets its own inspector and profile.
const profiledNames = profiled
  ? profiled
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
  : [];
const inspectorPorts = new Map<string, number>();
for (const name of profiledNames) inspectorPorts.set(name, await freePort());
const inspectorPort = profiledNames[0] ? inspectorPorts.get(profiledNames[0]) : undefined;
const stopping: (() => Promise<unknown>)[] = [];
try {
  const system = await launchSystem({
    mode: 'built',
    databaseUrl: postgres.url,
    brokers: kafka.brokers,
    topicPrefix,
    dir,
    envFor: (name) => (inspectorPorts.has(name) ? { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPorts.get(name)}` } : {}),
  });
  stopping.push(() => system.stop());
  out(`system up: ${system.subgraphs.length} subgraphs and the gateway as plain-Node processes in ${(system.totalMs / 1000).toFixed(1)} s`);
  const processes = [...system.subgraphs, system.gateway].map((p) => ({ name: p.spec.name, pid: p.process.pid }));
  const ports = Object.fromEntries([...system.subgraphs, system.gateway].map((p) => [p.spec.name, p.spec.port]));
  const url = (name: string): string => `http://127.0.0.1:${ports[name]}/graphql`;

  if (idleOnly) {
    // Idle as `npm start` leaves the system: nothing loaded, nothing asked, after a settle period
    // (connections, group joins and the first relay passes done), per process over BENCH_IDLE_SECONDS.
    const settleSeconds = Number(process.env.BENCH_IDLE_SETTLE ?? 20);
    const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
    out(`settling ${settleSeconds} s, then idle for ${idleSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
    const postmaster = postgres.pid();
    const postgresCpu = (): number => (postmaster ? withChildrenCpuMs(postmaster) : 0);
    const each = (): Record<string, number> => Object.fromEntries(processes.map((p) => [p.name, groupCpuMs(p.pid)]));
    const session = profiled && inspectorPort ? await profileOf(inspectorPort) : undefined;
    // PostgreSQL's processes by kind (its title: client backends by database, autovacuum, checkpointer…); children that ended meanwhile (autovacuum workers) count as "ended".
    const postgresByKind = (): Record<string, number> => {
      const kinds: Record<string, number> = {};
      if (!postmaster) return kinds;
      for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          const own = Number(entry) === postmaster;
          if (!own && Number(fields[1]) !== postmaster) continue;
          const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
          const client = /^postgres: \S+ (\S+) \d+\.\d+\.\d+\.\d+\(\d+\)/.exec(title);
          const kind = own ? 'postmaster' : client ? `backends of ${client[1]}` : title.replace(/^postgres: /, '');
          kinds[kind] = (kinds[kind] ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
          if (own) kinds.ended = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
        } catch {
          // Ended while being read.
        }
      }
      return kinds;
    };
    const pgKindsBefore = postgresByKind();
    const before = { each: each(), postgres: postgresCpu(), at: performance.now(), load: machineLoad()[0] };
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const after = { each: each(), postgres: postgresCpu(), at: performance.now(), load: machineLoad()[0] };
    const wallMs = after.at - before.at;
    const share = (ms: number): number => +((100 * ms) / wallMs).toFixed(2);
    const perProcess = processes.map((p) => ({ name: p.name, cpuMs: (after.each[p.name] ?? 0) - (before.each[p.name] ?? 0) }));
    const ours = perProcess.reduce((sum, p) => sum + p.cpuMs, 0);
    out(`idle ${(wallMs / 1000).toFixed(1)} s after ${settleSeconds} s settling, load average ${before.load}→${after.load} (CPU seconds from /proc/<pid>/stat):`);
    for (const p of perProcess) out(`  ${p.name.padEnd(11)} ${(p.cpuMs / 1000).toFixed(2).padStart(6)} s  ${share(p.cpuMs).toFixed(2).padStart(6)} % of a core`);
    out(`  ${'all eight'.padEnd(11)} ${(ours / 1000).toFixed(2).padStart(6)} s  ${share(ours).toFixed(2).padStart(6)} % of a core`);
    const pgMs = after.postgres - before.postgres;
    const pgKindsAfter = postgresByKind();
    const pgKinds = [...new Set([...Object.keys(pgKindsBefore), ...Object.keys(pgKindsAfter)])]
      .map((kind) => ({ kind, ms: (pgKindsAfter[kind] ?? 0) - (pgKindsBefore[kind] ?? 0) }))
      .filter((k) => k.ms > 0)
      .sort((a, b) => b.ms - a.ms);
    out(`  ${'PostgreSQL'.padEnd(11)} ${(pgMs / 1000).toFixed(2).padStart(6)} s  ${share(pgMs).toFixed(2).padStart(6)} % of a core (postmaster, backends, workers)`);
    for (const k of pgKinds) out(`    ${k.kind.padEnd(40)} ${(k.ms / 1000).toFixed(2).padStart(6)} s  ${share(k.ms).toFixed(2).padStart(6)} %`);
    add('idleStart.ours', 'idle after start: gateway + 7 subgraphs, % of a core', share(ours), '≤ 2 (whole system)');
    add('idleStart.postgres', 'idle after start: PostgreSQL, % of a core', share(pgMs));
    for (const p of perProcess) add(`idleStart.${p.name}`, `  of which ${p.name}`, share(p.cpuMs));
    if (session) {
      const file = join(repoRoot, '.rapport', `bench-idle-${profiled}.cpuprofile`);
      mkdirSync(join(repoRoot, '.rapport'), { recursive: true });
      const profile = await session.stop(file);
      out(`CPU profile of ${profiled} while idle: ${file}`);
      for (const line of summariseProfile(profile)) out(`  ${line}`);
    }
  }
  if (!idleOnly) {
    // A PostgreSQL client per subgraph database, for the book loader's "has the copy caught up" checks.
    const clients = new Map<string, pg.Client>();
    const databaseUrl = (name: string): string => {
      const dbUrl = new URL(postgres.url);
      dbUrl.pathname = `/rapport_${name}`;
      return dbUrl.toString();
    };
    const sql = async (name: string, text: string, values: unknown[] = []): Promise<number> => {
      let client = clients.get(name);
      if (!client) {
        client = new pg.Client({ connectionString: databaseUrl(name) });
        await client.connect();
        clients.set(name, client);
      }
      const { rows } = await client.query<{ n: number }>(text, values);
      return rows[0]?.n ?? 0;
    };
    stopping.push(async () => Promise.all([...clients.values()].map((c) => c.end())));

    const as = <T>(token: string | null, query: string, variables?: Record<string, unknown>, at = url('gateway')): Promise<GraphQLResult<T>> =>
      graphqlRequest<T>(at, query, variables, token ? { authorization: `Bearer ${token}` } : {});
    const must = async <T>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<T> => {
      const answer = await as<T>(token, query, variables);
      if (answer.errors || !answer.data) throw new Error(`the gateway answered errors: ${JSON.stringify(answer.errors)}`);
      return answer.data;
    };
    const signIn = async (email: string, password: string): Promise<string> =>
      (await must<{ signIn: { accessToken: string } }>(null, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { email, password } })).signIn.accessToken;
    const adminToken = await signIn(ADMIN.email, ADMIN.password);
    const bookSystem: BookSystem = {
      adminToken,
      must,
      mustOnceCustomerKnown: onceCustomerKnown(as),
      createUser: async ({ email, displayName, role }) => {
        const password = `${email}-password`;
        const created = await must<{ createUser: { id: string } }>(adminToken, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
          i: { email, displayName: displayName ?? email.split('@')[0], role, teamId: null, password },
        });
        return { id: created.createUser.id, token: await signIn(email, password) };
      },
      untilSellable: async (productId) => {
        await waitFor(async () => ((await sql('sales', 'select count(*)::int as n from catalogue_product where id = $1', [productId])) ? true : undefined), {
          what: `sales to learn product ${productId}`,
          // Right after start, sales' consumer may still be joining its group: on a loaded machine that took over 15 s.
          timeoutMs: 60_000,
        });
      },
      customerAccessRows: (name) => sql(name, 'select count(*)::int as n from customer_access'),
    };
    let book: Book;
    if (scaleCustomers) {
      out(`loading ${scaleCustomers} customers at scale`);
      const scale: ScaleBook = await loadScale(bookSystem, {
        customers: scaleCustomers,
        repCustomers: Number(process.env.BENCH_SCALE_REP_CUSTOMERS ?? 2000),
        eventSample: Number(process.env.BENCH_SCALE_SAMPLE ?? 5000),
        databaseUrl,
        log: out,
      });
      book = scale;
      out(`loaded in ${scale.loadedSeconds} s: ${scale.description}`);
      add('scale.load', 'scale: whole load, s', scale.loadedSeconds, '< 600');
      for (const [i, p] of scale.phases.entries()) add(`scale.phase${i}`, `  of which ${p.name}, s`, p.seconds);
      add('scale.events.rate', `scale: event path on ${scale.eventPath.customers} imported customers, customers/s until all three copies had them`, scale.eventPath.perSecond);
      add('scale.events.million', 'scale: a million customers by the event path at that rate, min', scale.eventPath.millionMinutes);
      let related = 0;
      for (const [service, tables] of Object.entries(scale.sizes)) {
        for (const [table, rows] of Object.entries(tables)) {
          add(`scale.rows.${service}.${table}`, `rows: ${service}.${table}`, rows);
          if (!['customer', 'customer_access', 'outbox_message', 'sales_rollup_order'].includes(table) && !(service === 'finance' && ['sales_order', 'order_line'].includes(table)))
            related += rows;
        }
      }
      add('scale.rows.related', 'rows: related (contacts, addresses, tickets, opportunities, orders and lines, invoices and lines, payments, sales_order_invoice)', related);
      const ours = await as(book.rep.token, FLAGSHIP_QUERY, { ownerId: book.rep.id });
      assertScaleFlagshipComplete(ours as never);
      const plans = await capturePlans(postgres.url, postgres.logFile, async () => {
        assertScaleFlagshipComplete((await as(book.rep.token, FLAGSHIP_QUERY, { ownerId: book.rep.id })) as never);
      });
      const planFile = join(import.meta.dirname, 'scale-plans.txt');
      writeFileSync(planFile, plans.map((p) => `-- ${p.query.replace(/\s+/g, ' ')}\n${p.plan.trimEnd()}\n`).join('\n'));
      const scans = bigSequentialScans(plans);
      out(
        `plans of the ${plans.length} statements PostgreSQL ran during one flagship query: ${planFile}; sequential scans of loaded tables: ${scans.length ? scans.join('; ') : 'none'}`,
      );
      add('scale.plans.seqscans', 'scale: sequential scans of loaded tables in one flagship query', scans.length, '0');
    } else {
      out(`loading the book through the gateway (${otherCustomers} other customers by CSV import)`);
      book = await loadBook(bookSystem, { repCustomers, otherCustomers, first });
      out(`book loaded in ${book.loadedSeconds} s: ${book.description}; the flagship query asks for first: ${first}`);
      const ours = await as(book.rep.token, book.query, { ownerId: book.rep.id });
      assertFlagshipComplete(ours as never, Math.min(first, repCustomers));
    }

    // CPU of each process (its process group: a plain-Node process has no children), and PostgreSQL's (the postmaster and its backends).
    const postmaster = postgres.pid();
    const cpuOf = (names?: readonly string[]): number => processes.filter((p) => !names || names.includes(p.name)).reduce((sum, p) => sum + groupCpuMs(p.pid), 0);
    const postgresCpu = (): number => (postmaster ? withChildrenCpuMs(postmaster) : 0);

    /** A closed loop with CPU per request of the named processes (all of ours by default), PostgreSQL's and each process's. */
    const measure = async (
      what: string,
      options: { origin: string; body: string; connections: number; processes?: string[]; warmUp?: boolean },
    ): Promise<Run & { postgresCpuMsPerRequest: number; perProcess: Record<string, number> }> => {
      if (options.warmUp !== false)
        await closedLoop({ origin: options.origin, body: options.body, token: book.rep.token, connections: options.connections, durationMs: 3000, cpuMs: () => 0 });
      const each = (): Record<string, number> => Object.fromEntries(processes.map((p) => [p.name, groupCpuMs(p.pid)]));
      const before = { postgres: postgresCpu(), each: each() };
      const result = await closedLoop({
        origin: options.origin,
        body: options.body,
        token: book.rep.token,
        connections: options.connections,
        durationMs: seconds * 1000,
        cpuMs: () => cpuOf(options.processes),
      });
      const after = each();
      const perProcess = Object.fromEntries(processes.map((p) => [p.name, +(((after[p.name] ?? 0) - (before.each[p.name] ?? 0)) / result.requests).toFixed(2)]));
      const postgresCpuMsPerRequest = +((postgresCpu() - before.postgres) / result.requests).toFixed(2);
      out(
        `${what}, ${options.connections} conn: ${result.perSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.cpuMsPerRequest} ms CPU/request (+ PostgreSQL ${postgresCpuMsPerRequest}), ${result.errors} errors`,
      );
      if (result.errors) {
        out(`  ${result.errors} of ${result.requests} answers failed; the first: ${result.firstError}`);
        add(`errors.${what}.${options.connections}`, `${what}, ${options.connections} conn: failed answers`, `${result.errors} of ${result.requests}`);
      }
      return { ...result, postgresCpuMsPerRequest, perProcess };
    };

    // Idle: what the processes use with nothing asked of them (relays' safety-net polls, Kafka
    // heartbeats and fetches, timers), which the CPU per request below includes.
    const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleEach = (): Record<string, number> => Object.fromEntries(processes.map((p) => [p.name, groupCpuMs(p.pid)]));
    const idleBefore = { ours: cpuOf(), postgres: postgresCpu(), each: idleEach(), at: performance.now() };
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idleWallMs = performance.now() - idleBefore.at;
    const idleShare = (ms: number): number => +((100 * ms) / idleWallMs).toFixed(2);
    const idle = { ours: idleShare(cpuOf() - idleBefore.ours), postgres: idleShare(postgresCpu() - idleBefore.postgres) };
    const idleAfter = idleEach();
    const idleByProcess = processes.map((p) => `${p.name} ${idleShare((idleAfter[p.name] ?? 0) - (idleBefore.each[p.name] ?? 0))}`).join(', ');
    out(`idle ${(idleWallMs / 1000).toFixed(1)} s: gateway + 7 subgraphs ${idle.ours} % of a core (${idleByProcess}), PostgreSQL ${idle.postgres} %`);
    add('idle.ours', 'idle: gateway + 7 subgraphs, % of a core', idle.ours, '≤ 2 (whole system)');
    add('idle.postgres', 'idle: PostgreSQL, % of a core', idle.postgres);

    const gatewayOrigin = new URL(url('gateway')).origin;
    const single = await measure('flagship', { origin: gatewayOrigin, body: book.body, connections: 1 });
    const sessions = await Promise.all([...inspectorPorts].map(async ([name, port]) => ({ name, session: await profileOf(port) })));
    const twenty = await measure('flagship', { origin: gatewayOrigin, body: book.body, connections: 20 });
    if (sessions.length) mkdirSync(join(repoRoot, '.rapport'), { recursive: true });
    for (const { name, session } of sessions) {
      const file = join(repoRoot, '.rapport', `bench-${name}.cpuprofile`);
      const profile = await session.stop(file);
      out(`CPU profile of ${name} during the 20-connection loop: ${file}`);
      for (const line of summariseProfile(profile)) out(`  ${line}`);
    }
    for (const [connections, r] of [
      [1, single],
      [20, twenty],
    ] as const) {
      const target = connections === 20;
      add(`flagship${connections}.rps`, `flagship, ${connections} conn: requests/s`, r.perSecond, target ? '≥ 250' : undefined);
      add(`flagship${connections}.p50`, `flagship, ${connections} conn: p50 ms`, r.p50);
      add(`flagship${connections}.p99`, `flagship, ${connections} conn: p99 ms`, r.p99, target ? '≤ 150' : undefined);
      add(`flagship${connections}.cpu`, `flagship, ${connections} conn: CPU ms/request, gateway + 7 subgraphs`, r.cpuMsPerRequest);
      add(`flagship${connections}.pgcpu`, `flagship, ${connections} conn: CPU ms/request, PostgreSQL`, r.postgresCpuMsPerRequest);
    }
    for (const [name, ms] of Object.entries(twenty.perProcess).sort((a, b) => b[1] - a[1])) add(`flagship20.cpu.${name}`, `  of which ${name}`, ms);

    // Hive Gateway on the same supergraph and subgraph processes: as it comes (sharing identical
    // subgraph requests in flight), then with that off (as our gateway works).
    if (process.env.BENCH_HIVE !== '0') {
      const subgraphNames = system.subgraphs.map((s) => s.spec.name);
      for (const dedupe of [true, false]) {
        const hivePort = await freePort();
        const hive = await spawnManaged({
          name: 'hive-gateway-bench',
          command: process.execPath,
          args: [join(import.meta.dirname, 'hive', 'gateway.ts')],
          cwd: repoRoot,
          env: {
            ...process.env,
            PORT: String(hivePort),
            HIVE_DEDUPE: dedupe ? '1' : '0',
            HIVE_SUPERGRAPH: join(repoRoot, 'gateway', 'supergraph.graphql'),
            ...Object.fromEntries(system.subgraphs.map((s) => [`SUBGRAPH_${s.spec.name.toUpperCase()}_URL`, url(s.spec.name)])),
          },
          logFile: join(dir, 'hive-gateway.log'),
          pidDir: dir,
        });
        const stopHive = (): Promise<unknown> => stopManaged(hive, 10_000);
        stopping.unshift(stopHive);
        await waitForHttpOk(`http://127.0.0.1:${hivePort}/ready`, { timeoutMs: 60_000, process: hive });
        processes.push({ name: 'hive-gateway', pid: hive.pid });
        const theirs = await as(book.rep.token, book.query, { ownerId: book.rep.id }, `http://127.0.0.1:${hivePort}/graphql`);
        const again = await as(book.rep.token, book.query, { ownerId: book.rep.id });
        if (!isDeepStrictEqual(theirs, again)) {
          out(readFileSync(hive.logFile, 'utf8').slice(-4000));
          throw new Error(`Hive Gateway's flagship answer differs from ours:\nours:  ${JSON.stringify(again).slice(0, 1500)}\nhive:  ${JSON.stringify(theirs).slice(0, 1500)}`);
        }
        out('Hive Gateway answers the flagship query exactly as ours does (deep equal)');
        const hiveOrigin = `http://127.0.0.1:${hivePort}`;
        const measured = [...subgraphNames, 'hive-gateway'];
        if (dedupe) {
          add('hive.identical', 'Hive Gateway: flagship answer deep-equals ours', 'yes');
          const hive1 = await measure('flagship via Hive Gateway', { origin: hiveOrigin, body: book.body, connections: 1, processes: measured });
          add('hive1.rps', 'Hive Gateway flagship, 1 conn: requests/s', hive1.perSecond);
          add('hive1.cpu', 'Hive Gateway flagship, 1 conn: CPU ms/request, Hive + 7 subgraphs', hive1.cpuMsPerRequest);
        }
        const hive20 = await measure(`flagship via Hive Gateway${dedupe ? '' : ' without in-flight dedup'}`, {
          origin: hiveOrigin,
          body: book.body,
          connections: 20,
          processes: measured,
        });
        const key = dedupe ? 'hive20' : 'hive20nodedupe';
        const how = dedupe ? 'Hive Gateway flagship, 20 conn' : 'Hive Gateway without in-flight dedup, 20 conn';
        add(`${key}.rps`, `${how}: requests/s`, hive20.perSecond);
        add(`${key}.p99`, `${how}: p99 ms`, hive20.p99);
        add(`${key}.cpu`, `${how}: CPU ms/request, Hive + 7 subgraphs`, hive20.cpuMsPerRequest);
        add(`${key}.gatewaycpu`, `${how}: CPU ms/request, Hive alone`, hive20.perProcess['hive-gateway'] ?? NaN);
        await stopHive();
        stopping.splice(stopping.indexOf(stopHive), 1);
        processes.pop();
      }
    }

    // The federation tax: one subgraph's query through the gateway against straight to it.
    const oneSubgraph = JSON.stringify({
      query: 'query Mine($o: ID) { customers(filter: { ownerId: $o }, first: 20) { edges { node { id name email lifecycleState } } } }',
      variables: { o: book.rep.id },
      operationName: 'Mine',
    });
    const viaGateway = await as(book.rep.token, JSON.parse(oneSubgraph).query, { o: book.rep.id });
    const direct = await as(book.rep.token, JSON.parse(oneSubgraph).query, { o: book.rep.id }, url('customers'));
    if (!isDeepStrictEqual(viaGateway, direct)) throw new Error('the one-subgraph query answers differently through the gateway');
    const taxSession = profiled && inspectorPort ? await profileOf(inspectorPort) : undefined;
    const taxGateway = await measure('one-subgraph query via the gateway', { origin: gatewayOrigin, body: oneSubgraph, connections: 20 });
    if (taxSession) {
      const file = join(repoRoot, '.rapport', `bench-${profiled}-one-subgraph.cpuprofile`);
      const profile = await taxSession.stop(file);
      out(`CPU profile of ${profiled} during the one-subgraph loop via the gateway: ${file}`);
      for (const line of summariseProfile(profile)) out(`  ${line}`);
    }
    const taxDirect = await measure('one-subgraph query straight to customers', { origin: new URL(url('customers')).origin, body: oneSubgraph, connections: 20 });
    add('tax.gateway.rps', 'one-subgraph query via the gateway, 20 conn: requests/s', taxGateway.perSecond);
    add('tax.direct.rps', 'one-subgraph query straight to customers, 20 conn: requests/s', taxDirect.perSecond);
    add('tax.ratio', 'federation tax: via the gateway ÷ direct', +(taxGateway.perSecond / taxDirect.perSecond).toFixed(2), '≥ 0.8');
    add('tax.gateway.cpu', 'one-subgraph query: gateway CPU ms/request', taxGateway.perProcess.gateway ?? NaN);

    // Events, on the machine to themselves: the system is stopped first.
    while (stopping.length) await stopping.shift()?.();
    if (process.env.BENCH_EVENTS_RUN !== '0') {
      const json = join(dir, 'events.json');
      out('events: packages/bus/bench/events.bench.ts');
      await run(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['packages/bus/bench/events.bench.ts'], {
        ...process.env,
        DATABASE_URL: postgres.url,
        KAFKA_BROKERS: kafka.brokers,
        BENCH_EVENTS: process.env.BENCH_EVENTS ?? '5000',
        BENCH_JSON: json,
      });
      const events = JSON.parse(readFileSync(json, 'utf8')) as {
        latency: { ratePerSecond: number; p50Ms: number; p99Ms: number };
        throughput: { perSecond: number; cpuMsPerEvent: number; writers: number };
        drain: { perSecond: number };
        idle: { processPercentOfCore: number };
      };
      add('events.p50', `events: commit → handler p50 ms at ${events.latency.ratePerSecond}/s`, events.latency.p50Ms);
      add('events.p99', `events: commit → handler p99 ms at ${events.latency.ratePerSecond}/s`, events.latency.p99Ms, '≤ 50');
      add('events.rate', `events: end to end, one per transaction, ${events.throughput.writers} writers: events/s`, events.throughput.perSecond, '≥ 2,000');
      add('events.drain', 'events: drain, 100 per transaction: events/s', events.drain.perSecond);
      add('events.cpu', 'events: CPU ms/event (writers, relay, consumer)', events.throughput.cpuMsPerEvent);
      add('events.idle', 'events: one idle bus process, % of a core', events.idle.processPercentOfCore);
    }
  }
} finally {
  while (stopping.length)
    await stopping
      .shift()?.()
      .catch((error: unknown) => out(`could not stop: ${String(error)}`));
  await deleteTopics(kafka.brokers.split(','), topicPrefix).catch(() => undefined);
  await postgres.destroy();
  await kafka.stop();
  rmSync(dir, { recursive: true, force: true });
}

// The table, this run beside the previous one.
const previous: Results | undefined = existsSync(lastRunFile) ? (JSON.parse(readFileSync(lastRunFile, 'utf8')) as Results) : undefined;
const results: Results = {
  date: new Date().toISOString(),
  commit: await new Promise<string>((resolve) => {
    const child = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', () => resolve(text.trim()));
    child.once('error', () => resolve('unknown'));
  }),
  node: process.version,
  machine: { cores: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverageBefore: loadBefore, loadAverageAfter: machineLoad() },
  figures,
};
const describe = (r: Results | undefined): string =>
  r ? `${r.date.slice(0, 16).replace('T', ' ')} (${r.commit}), load ${r.machine.loadAverageBefore[0]}→${r.machine.loadAverageAfter[0]}` : '—';
out();
out(`${results.machine.cores} × ${results.machine.cpuModel}, Node ${results.node}; whole bench ${((performance.now() - began) / 1000).toFixed(0)} s`);
out();
out(`| figure | this run: ${describe(results)} | previous: ${describe(previous)} | target |`);
out('|---|---|---|---|');
for (const f of figures) {
  const before = previous?.figures.find((p) => p.key === f.key)?.value;
  out(`| ${f.label} | ${f.value} | ${before ?? '—'} | ${f.target ?? ''} |`);
}
if (!process.env.BENCH_NO_SAVE && !idleOnly) {
  writeFileSync(lastRunFile, `${JSON.stringify(results, null, 2)}\n`);
  out(`\nsaved as ${lastRunFile}`);
}
