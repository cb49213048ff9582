// Identity's part of the flagship query on its own: the `_entities` request the gateway sends identity
// for ONE user's displayName — so little work that what it costs is the fixed cost of any subgraph
// request in the kit (HTTP, context, Apollo and its plugins, the guard, the ORM fork, SQL round trips).
// One identity service with no Kafka (`withBenchService`); the load comes from a child process (this
// file again, BENCH_ROLE=client) over BENCH_CONNECTIONS keep-alive connections for BENCH_SECONDS, so
// the CPU per request printed is the service process's own (`process.cpuUsage()` of this process,
// which only serves while the child loads it), and the SQL statements per request are counted too.
// BENCH_RATE=<requests/s> paces the load instead (an open loop): the CPU per request then does not
// depend on how many requests the service found waiting at once, which its load decided.
// BENCH_PROFILE=<file.cpuprofile> writes the service's CPU profile of the counted window.
//   npx tsx services/identity/bench/entity-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { freePort, waitForHttpOk } from '@rapport/infra/processes';
import { startPrivatePostgres } from '@rapport/infra/private-postgres';
import { graphqlRequest, testToken, withBenchService } from '@rapport/subgraph-kit/testing';
import { createIdentityService, DEFAULT_IDENTITY_OPTIONS } from '../src/create-identity-service.js';

const profileFile = process.env.BENCH_PROFILE;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const rate = Number(process.env.BENCH_RATE ?? 0);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const QUERY = 'query($representations:[_Any!]!){_entities(representations:$representations){... on User{displayName}}}';

/** What the parent tells the client: where, with what, and when to count. */
interface ClientOrder {
  url: string;
  token: string;
  userId: string;
}
/** What the client answers: its warm-up is done, then how many requests it made in the window. */
type ClientReport = { kind: 'warm' } | { kind: 'done'; requests: number; wallMs: number };

async function runClient(order: ClientOrder): Promise<void> {
  const agent = new Agent({ connections, pipelining: 1 });
  const body = JSON.stringify({ query: QUERY, variables: { representations: [{ __typename: 'User', id: order.userId }] } });
  const call = async (): Promise<void> => {
    const response = await request(`${order.url}/graphql`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${order.token}` },
      body,
    });
    const answer = (await response.body.json()) as { data?: { _entities: ({ displayName: string } | null)[] }; errors?: unknown };
    if (answer.errors || !answer.data?._entities[0]?.displayName) throw new Error(`unexpected answer: ${JSON.stringify(answer).slice(0, 500)}`);
  };
  // With BENCH_RATE, each connection sends at its share of that rate (a request that is late goes at once).
  const interval = rate > 0 ? (connections * 1000) / rate : 0;
  const loop = async (until: number): Promise<number> => {
    let n = 0;
    let next = performance.now() + Math.random() * interval;
    while (performance.now() < until) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      next += interval;
      await call();
      n++;
    }
    return n;
  };
  await Promise.all(Array.from({ length: connections }, () => loop(performance.now() + 2000)));
  const send = (report: ClientReport): void => void process.send?.(report);
  send({ kind: 'warm' });
  // The parent starts counting its CPU on 'warm'; a short pause lets that message arrive first.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const began = performance.now();
  const counts = await Promise.all(Array.from({ length: connections }, () => loop(began + seconds * 1000)));
  send({ kind: 'done', requests: counts.reduce((a, b) => a + b, 0), wallMs: performance.now() - began });
  await agent.close();
}

/** Forks the client, sends it `order`, and calls `begin` when its warm-up is done; resolves with its count. */
async function loadFromChild(order: ClientOrder, begin: () => Promise<void>): Promise<{ requests: number; wallMs: number }> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'client' }, execArgv: process.execArgv });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const result = await new Promise<{ requests: number; wallMs: number }>((resolve, reject) => {
    child.on('message', (report: ClientReport) => {
      if (report.kind === 'warm') void begin().catch(reject);
      else resolve(report);
    });
    child.once('exit', (code) => reject(new Error(`the client exited (${code}) before reporting`)));
    child.send(order);
  });
  await exited;
  return result;
}

const report = (what: string, requests: number, wallMs: number, cpuMs: number, extra = ''): void =>
  out(
    `identity _entities (one user's displayName, ${what}), ${connections} connections, ${seconds} s: ${requests} requests, ${((1000 * requests) / wallMs).toFixed(1)} req/s, ` +
      `${(cpuMs / requests).toFixed(3)} ms service CPU/request${extra}; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );

/** The service from source (tsx), in this process; the child loads it. */
async function benchSource(): Promise<void> {
  let statements = 0;
  let counting = false;
  const seen = new Map<string, number>();
  const onQuery = (sql: string): void => {
    if (!counting) return;
    statements++;
    const head = sql.slice(0, 120);
    seen.set(head, (seen.get(head) ?? 0) + 1);
  };
  await withBenchService(
    'identity',
    (config) => createIdentityService({ ...config, onQuery }),
    'identity_entity_read_bench',
    async (service) => {
      const [user] = await service.orm.em.fork().execute<{ id: string }[]>('select id from app_user limit 1');
      if (!user) throw new Error('no user: the first administrator was not created');
      const token = await testToken({ role: 'SALES_REP' });
      const profiler = profileFile ? new Session() : null;
      profiler?.connect();
      let cpu = process.cpuUsage();
      const { requests, wallMs } = await loadFromChild({ url: service.url, token, userId: user.id }, async () => {
        // The profiler starts before the count (its own start is not counted), within the client's pause.
        if (profiler) {
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.start');
        }
        cpu = process.cpuUsage();
        counting = true;
      });
      const used = process.cpuUsage(cpu);
      counting = false;
      if (profiler && profileFile) {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(profileFile, JSON.stringify(profile));
        profiler.disconnect();
      }
      report('source', requests, wallMs, (used.user + used.system) / 1000, `, ${(statements / requests).toFixed(2)} ORM statements/request`);
      for (const [sql, n] of [...seen].sort((a, b) => b[1] - a[1]).slice(0, 8)) out(`  ${(n / requests).toFixed(2)}× ${sql}`);
    },
  );
}

/** CPU ms process `pid` has used (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The built service (`dist/main.js`, the bundle `npm start` runs: build it first with
 * `npx turbo run build --filter=@rapport/identity...`) as its own process on a private PostgreSQL,
 * without Kafka; its CPU is read from /proc. BENCH_PROFILE here is a folder: the service runs with
 * --cpu-prof and writes its whole life's profile there when it stops. BENCH_ENTRY runs another copy of
 * the bundle (an earlier build kept aside, for before/after pairs: its paths are absolute).
 */
async function benchBuilt(): Promise<void> {
  const postgres = await startPrivatePostgres();
  let service: ChildProcess | undefined;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    service = spawn(
      process.execPath,
      [...(profileFile ? ['--cpu-prof', '--cpu-prof-dir', profileFile] : []), process.env.BENCH_ENTRY ?? join(import.meta.dirname, '..', 'dist', 'main.js')],
      {
        env: { ...process.env, PORT: String(port), DATABASE_URL: postgres.url, KAFKA_BROKERS: '', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const pid = service.pid;
    if (pid === undefined) throw new Error('the service did not start');
    const started = service;
    await Promise.race([
      waitForHttpOk(`${base}/ready`, { timeoutMs: 60_000 }),
      new Promise((_, reject) => started.once('exit', (code) => reject(new Error(`the service exited (${code}) before it was ready`)))),
    ]);
    const signedIn = await graphqlRequest<{ signIn: { accessToken: string; user: { id: string } } }>(
      `${base}/graphql`,
      'mutation($i: SignInInput!) { signIn(input: $i) { accessToken user { id } } }',
      { i: { email: DEFAULT_IDENTITY_OPTIONS.adminEmail, password: DEFAULT_IDENTITY_OPTIONS.adminPassword } },
    );
    if (!signedIn.data) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.errors)}`);
    let cpu = 0;
    const { requests, wallMs } = await loadFromChild({ url: base, token: signedIn.data.signIn.accessToken, userId: signedIn.data.signIn.user.id }, async () => {
      cpu = processCpuMs(pid);
    });
    report('built', requests, wallMs, processCpuMs(pid) - cpu);
  } finally {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service?.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    await postgres.destroy();
  }
}

if (process.env.BENCH_ROLE === 'client') {
  process.once('message', (order: ClientOrder) => {
    runClient(order).then(
      () => process.disconnect(),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  });
} else if (process.env.BENCH_BUILT) {
  await benchBuilt();
} else {
  await benchSource();
}
