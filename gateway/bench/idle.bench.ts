// The whole system's idle CPU (not a test): `npm run bench:idle -w @rapport/gateway`. Needs
// PostgreSQL (DATABASE_URL) and Kafka (KAFKA_BROKERS), like the integration tests.
//
// Starts the seven subgraphs in this process, each on a fresh database, with real Kafka topics under
// a private prefix and the production outbox poll (OUTBOX_POLL_MS; the kit's default when unset, not
// the tests' 50 ms), lets them settle, then measures over IDLE_SECONDS (30) with nothing to do the CPU
// time of this process and of the PostgreSQL backends serving their databases, as a share of one
// core. The Kafka broker, shared with other work, is left out. Measured 2026-12-05 (2 cores, load
// average 15): before (kafkajs idle loop, 200 ms poll) 5.41 % + 0.93 % of a core; after (loop
// stopped, relay woken by commits, 2 s poll) 1.71 % + 0.37 %. In one process the idle loops of all
// connections share one event loop; as seven processes (`npm start`) each pays its own.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafka, deadLetterTopic, ensureTopics } from '@rapport/bus';
import { ALL_TOPICS } from '@rapport/contracts';
import { createLogger, subgraphConfigFromEnv } from '@rapport/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { deleteTopics, testKafkaBrokers, testTopicPrefix } from '@rapport/testing';
import pg from 'pg';
import { SUBGRAPHS } from '../src/subgraphs.js';
import { factories } from '../test/harness.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

const IDLE_SECONDS = Number.parseInt(process.env.IDLE_SECONDS ?? '30', 10);
// What a production subgraph reads from its environment.
const { outboxPollMs } = subgraphConfigFromEnv('identity', { OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS });

/** CPU seconds (user + system) of `pid` from /proc; 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const brokers = testKafkaBrokers();
const topicPrefix = testTopicPrefix();
const logger = createLogger('idle-bench', 'silent');
const admin = createKafka({ brokers, clientId: 'idle-bench', logger }).admin();
await admin.connect();
await ensureTopics(admin, [...ALL_TOPICS.map((t) => `${topicPrefix}${t}`), ...SUBGRAPHS.map(({ name }) => deadLetterTopic(topicPrefix, name))]);
await admin.disconnect();

const started: TestSubgraph[] = [];
const server = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await server.connect();
try {
  for (const { name } of SUBGRAPHS) {
    started.push(await startTestSubgraph(name, factories[name], { kafka: true, topicPrefix, overrides: { logger, outboxPollMs } }));
  }
  const databases = started.map((s) => new URL(String(s.service.orm.config.get('clientUrl'))).pathname.slice(1));
  await sleep(10_000);
  const { rows } = await server.query<{ pid: number }>('select pid from pg_stat_activity where datname = any($1::text[])', [databases]);
  const backends = rows.map((r) => r.pid);
  const before = { self: process.cpuUsage(), db: backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0), at: performance.now() };
  await sleep(IDLE_SECONDS * 1000);
  const wall = (performance.now() - before.at) / 1000;
  const self = process.cpuUsage(before.self);
  const db = backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - before.db;
  const share = (seconds: number): string => `${((100 * seconds) / wall).toFixed(2)} %`;
  out(`idle system bench — ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, outbox poll ${outboxPollMs} ms, ${wall.toFixed(1)} s idle`);
  out(`seven subgraphs (one process): ${share((self.user + self.system) / 1e6)} of a core; their ${backends.length} PostgreSQL backends: ${share(db)} of a core`);
} finally {
  await server.end();
  for (const subgraph of started.reverse()) await subgraph.stop();
  await deleteTopics(brokers, topicPrefix);
}
