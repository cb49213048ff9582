// Identity's part of the flagship query on its own: the `_entities` request the gateway sends identity
// for ONE user's displayName — so little work that what it costs is the fixed cost of any subgraph
// request in the kit (HTTP, context, Apollo and its plugins, the guard, the ORM fork, SQL round trips).
// One identity service with no Kafka (`withBenchService`); the load comes from a child process (this
// file again, BENCH_ROLE=client) over BENCH_CONNECTIONS keep-alive connections for BENCH_SECONDS, so
// the CPU per request printed is the service process's own (`process.cpuUsage()` of this process,
// which only serves while the child loads it), and the SQL statements per request are counted too.
//   npx tsx services/identity/bench/entity-read.bench.ts    # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { testToken, withBenchService } from '@rapport/subgraph-kit/testing';
import { createIdentityService } from '../src/create-identity-service.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
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
  const loop = async (until: number): Promise<number> => {
    let n = 0;
    while (performance.now() < until) {
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
} else {
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
      const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'client' }, execArgv: process.execArgv });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      let cpu = process.cpuUsage();
      const result = await new Promise<{ requests: number; wallMs: number }>((resolve, reject) => {
        child.on('message', (report: ClientReport) => {
          if (report.kind === 'warm') {
            cpu = process.cpuUsage();
            counting = true;
          } else resolve(report);
        });
        child.once('exit', (code) => reject(new Error(`the client exited (${code}) before reporting`)));
        child.send({ url: service.url, token, userId: user.id } satisfies ClientOrder);
      });
      const used = process.cpuUsage(cpu);
      counting = false;
      await exited;
      const { requests, wallMs } = result;
      out(
        `identity _entities (one user's displayName), ${connections} connections, ${seconds} s: ${requests} requests, ${((1000 * requests) / wallMs).toFixed(1)} req/s, ` +
          `${((used.user + used.system) / 1000 / requests).toFixed(3)} ms service CPU/request, ${(statements / requests).toFixed(2)} ORM statements/request`,
      );
      for (const [sql, n] of [...seen].sort((a, b) => b[1] - a[1]).slice(0, 8)) out(`  ${(n / requests).toFixed(2)}× ${sql}`);
    },
  );
}
