// A few subgraphs as separate processes (their production entry points, `main.ts` under tsx or
// `dist/main.js` under Node, as `rapport start` runs them) on a private PostgreSQL and the shared
// broker under a topic prefix of their own, for tests and benchmarks of flows between services:
// each process can be killed (SIGKILL, as a crash) and started again on the same port, database and
// consumer group. No gateway and no identity: callers present tokens signed with a key of this
// process, whose JWKS it serves to the subgraphs as identity would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateSigningKey, jwksOf, signAccessToken, type Role } from '@rapport/auth';
import { deadLetterTopic, kafkaGroupId } from '@rapport/bus';
import { ALL_TOPICS, type SubgraphName } from '@rapport/contracts';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { ensureTopicsAt } from './kafka-admin.js';
import { type LaunchMode } from './launch-system.js';
import { repoRoot } from './paths.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';
import { freePort, spawnManaged, stopManaged, waitForHttpOk, type ManagedProcess } from './processes.js';
import { builtCommand, graphqlUrl, HOST, readyUrl, SUBGRAPHS, type ServiceSpec } from './services.js';

/** One subgraph process of a flow system. */
export interface FlowService {
  name: SubgraphName;
  /** Its GraphQL endpoint. */
  url: string;
  /** A pool on its own database (`rapport_<name>`), for reading what it holds. */
  db: pg.Pool;
  /** The running process (the last one started). */
  process(): ManagedProcess;
  /** SIGKILL to its whole process group (tsx and the Node it runs), and waits until it is gone: a crash, no shutdown of any kind. */
  kill(): Promise<void>;
  /** Launches it again (same port, database, topics and consumer group) and waits until it answers /ready. */
  start(): Promise<void>;
  /** Events it wrote that its relay has not yet published. */
  pendingOutbox(): Promise<number>;
}

export interface FlowSystem {
  services: Record<string, FlowService>;
  /** The named service; throws when the system was not started with it. */
  service(name: SubgraphName): FlowService;
  topicPrefix: string;
  postgres: PrivatePostgres;
  /** An access token for a caller of `role` (ADMIN by default), trusted by every subgraph of the system. */
  token(role?: Role): Promise<string>;
  /** Calls `name`'s GraphQL endpoint with an ADMIN token; throws on errors, with them. */
  gql<T>(name: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Messages of `topics` (names without the prefix) that consumer group `name` has not committed yet; a topic it never committed counts whole. */
  consumerLag(name: SubgraphName, topics: readonly string[]): Promise<number>;
  /**
   * Waits until nothing moves: every service's outbox published and each consumer in `consumers`
   * (service → the topics it must have caught up on) without lag, twice in a row.
   */
  waitForQuiet(consumers: Partial<Record<SubgraphName, readonly string[]>>, timeoutMs?: number): Promise<void>;
  /** Stops every process (SIGTERM, then SIGKILL), the JWKS server, the database server, and deletes the topics. */
  stop(): Promise<void>;
}

export interface FlowSystemOptions {
  names: readonly SubgraphName[];
  /** Where the logs and pid files go. */
  dir: string;
  mode?: LaunchMode;
  brokers: readonly string[];
  topicPrefix: string;
  /** Partitions of each topic (3, as `rapport start`, by default; 1 makes the order of events across aggregates that of their publication). */
  partitions?: number;
  /** Extra environment of every service (e.g. `OUTBOX_POLL_MS`, `LOG_LEVEL`). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

async function serveJwks(jwks: unknown): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  return server;
}

export async function startFlowSystem(options: FlowSystemOptions): Promise<FlowSystem> {
  const mode = options.mode ?? 'tsx';
  const timeoutMs = options.timeoutMs ?? 180_000;
  const { topicPrefix } = options;
  const brokers = [...options.brokers];
  const specs = options.names.map((name) => {
    const spec = SUBGRAPHS.find((s) => s.name === name);
    if (!spec) throw new Error(`no subgraph ${name} in the registry`);
    return spec;
  });
  await ensureTopicsAt(brokers, [...ALL_TOPICS.map((t) => `${topicPrefix}${t}`), ...specs.map((s) => deadLetterTopic(topicPrefix, s.name))], options.partitions ?? 3);
  const key = await generateSigningKey('flow-system');
  const jwks = await serveJwks(jwksOf([key]));
  const postgres = await startPrivatePostgres().catch(async (error: unknown) => {
    jwks.close();
    throw error;
  });
  const services: Record<string, FlowService> = {};
  const kafka = new Kafka({ clientId: 'rapport-flow-system', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();

  const stop = async (): Promise<void> => {
    await Promise.all(
      Object.values(services).map(async (s) => {
        if (!s.process().exitStatus()) await stopManaged(s.process(), 10_000).catch(() => undefined);
        await s.db.end().catch(() => undefined);
      }),
    );
    await admin.disconnect().catch(() => undefined);
    jwks.close();
    await postgres.destroy();
    const cleaner = kafka.admin();
    await cleaner.connect();
    try {
      const topics = (await cleaner.listTopics()).filter((t) => t.startsWith(topicPrefix));
      if (topics.length) await cleaner.deleteTopics({ topics, timeout: 10_000 });
    } finally {
      await cleaner.disconnect();
    }
  };

  try {
    await admin.connect();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST,
      DATABASE_URL: postgres.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
      AUTH_JWKS_URL: `http://${HOST}:${(jwks.address() as AddressInfo).port}/jwks.json`,
      ...options.env,
    };
    const launchOne = async (spec: ServiceSpec, port: number): Promise<ManagedProcess> => {
      const how = mode === 'built' ? builtCommand(spec) : { command: join(repoRoot, 'node_modules', '.bin', 'tsx'), args: [spec.entry], env: {} };
      const child = await spawnManaged({
        name: `flow-${spec.name}`,
        command: how.command,
        args: how.args,
        cwd: repoRoot,
        env: { ...env, ...how.env, PORT: String(port) },
        logFile: join(options.dir, `${spec.name}.log`),
        pidDir: options.dir,
      });
      try {
        await waitForHttpOk(readyUrl(port), { timeoutMs, process: child });
      } catch (error) {
        await stopManaged(child, 5_000).catch(() => undefined);
        throw error;
      }
      return child;
    };
    const launched = await Promise.allSettled(
      specs.map(async (spec) => {
        const port = await freePort();
        let current = await launchOne(spec, port);
        const url = new URL(postgres.url);
        url.pathname = `/rapport_${spec.name}`;
        const db = new pg.Pool({ connectionString: url.toString(), max: 3 });
        services[spec.name] = {
          name: spec.name as SubgraphName,
          url: graphqlUrl(port),
          db,
          process: () => current,
          async kill() {
            try {
              process.kill(-current.pid, 'SIGKILL');
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
            }
            await current.exited;
          },
          async start() {
            if (!current.exitStatus()) throw new Error(`${spec.name} is still running`);
            current = await launchOne(spec, port);
          },
          async pendingOutbox() {
            const { rows } = await db.query<{ n: number }>('select count(*)::int as n from outbox_message where published_at is null');
            return rows[0]?.n ?? 0;
          },
        };
      }),
    );
    const failed = launched.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const service = (name: SubgraphName): FlowService => {
    const found = services[name];
    if (!found) throw new Error(`the flow system runs no ${name}`);
    return found;
  };
  const token = async (role: Role = 'ADMIN'): Promise<string> =>
    (await signAccessToken(key, { userId: '00000000-0000-4000-8000-00000000f10e', email: 'flow@rapport.example', role, teamIds: [] })).token;
  const adminToken = await token();
  const gql = async <T>(name: SubgraphName, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(service(name).url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`${name} answered errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };
  const consumerLag = async (name: SubgraphName, topics: readonly string[]): Promise<number> => {
    const prefixed = topics.map((t) => `${topicPrefix}${t}`);
    const committed = await admin.fetchOffsets({ groupId: kafkaGroupId(topicPrefix, name), topics: prefixed });
    let lag = 0;
    for (const topic of prefixed) {
      const ends = await admin.fetchTopicOffsets(topic);
      const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const at = Number(done.find((p) => p.partition === end.partition)?.offset ?? '-1');
        lag += Number(end.high) - Math.max(at, Number(end.low));
      }
    }
    return lag;
  };
  const waitForQuiet = async (consumers: Partial<Record<SubgraphName, readonly string[]>>, waitMs = 120_000): Promise<void> => {
    const deadline = performance.now() + waitMs;
    let calm = 0;
    for (;;) {
      let busy = 0;
      for (const s of Object.values(services)) busy += await s.pendingOutbox();
      for (const [name, topics] of Object.entries(consumers)) busy += await consumerLag(name as SubgraphName, topics ?? []);
      calm = busy === 0 ? calm + 1 : 0;
      if (calm >= 2) return;
      if (performance.now() > deadline) throw new Error(`the flow system is not quiet after ${waitMs / 1000} s (${busy} events pending or unconsumed)`);
      await sleep(200);
    }
  };
  return { services, service, topicPrefix, postgres, token, gql, consumerLag, waitForQuiet, stop };
}
