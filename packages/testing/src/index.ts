import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { parseBrokers } from '@rapport/contracts';

/** The PostgreSQL server tests use: `DATABASE_URL`, else the local server. */
export const testServerUrl = (): string => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The Kafka brokers tests use; `npm test` starts one and sets this when none is given. */
export function testKafkaBrokers(): string[] {
  const value = process.env.KAFKA_BROKERS;
  if (!value) throw new Error('KAFKA_BROKERS is not set: run the tests through `npm test`, which starts a broker when none is given');
  return parseBrokers(value);
}

const suffix = (): string => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database to copy test databases from instead of building each one up (e.g. running a service's
 * migrations for every test file): built once per server under `name`, then each test database is
 * made with `CREATE DATABASE … TEMPLATE`, a copy of its files. `name` must change whenever what
 * `build` makes changes (a hash of the migrations), so a changed migration gets a new template.
 */
export interface TestDatabaseTemplate {
  /** `rt_tpl_<label>_<hash>`: the same name for the same contents. */
  name: string;
  /** Fills the new, empty database at `url`; its connections must be closed when it resolves. */
  build(url: string): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The database's name (`testDatabaseName`), when the caller needs it before the database exists. */
  name?: string;
  /** A copy of this template instead of an empty database. */
  template?: TestDatabaseTemplate;
}

/** A fresh test database name for `label`: `rt_<label>_<time and random>`. */
export const testDatabaseName = (label: string): string => `rt_${label.replace(/[^a-z0-9]/g, '_')}_${suffix()}`;

const TEMPLATE_NAME = /^rt_tpl_[a-z0-9_]+_[0-9a-f]+$/;
/** Templates of one label built longer ago than this are dropped when a sibling is built (a template still wanted is built again). */
const TEMPLATE_KEPT_DAYS = 3;

const serverClient = async (): Promise<pg.Client> => {
  const server = new URL(testServerUrl());
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  return client;
};

/** The URL of test database `name` on the test server. */
export const testDatabaseUrl = (name: string): string => {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** Runs `statement`, retried for a few seconds while it fails on a database still in use (55006). */
async function whenUnused<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Makes sure template `template.name` exists. Safe across processes (parallel vitest workers and
 * turbo tasks, other checkouts on the same server): one builds it under an advisory lock, into a
 * scratch name renamed when complete, so a template that exists is whole; the others wait for the
 * lock and find it. A template is closed to connections, so copies of it never fail on a session in it.
 */
async function ensureTemplate(client: pg.Client, template: TestDatabaseTemplate): Promise<void> {
  const { name } = template;
  if (!TEMPLATE_NAME.test(name) || name.length > 56) throw new Error(`refusing template name "${name}"`);
  const exists = async (): Promise<boolean> => ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0;
  if (await exists()) return;
  const label = name.slice(0, name.lastIndexOf('_'));
  await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [label]);
  try {
    if (await exists()) return;
    const scratch = `${name}_build`;
    // A build that died half-way (its process killed) left its scratch database: no one else builds under this lock.
    await client.query(`drop database if exists "${scratch}" with (force)`);
    await client.query(`create database "${scratch}"`);
    try {
      await template.build(testDatabaseUrl(scratch));
      // The build's sessions may still be ending (55006 while any is): retried briefly.
      await whenUnused(() => client.query(`alter database "${scratch}" rename to "${name}"`));
    } catch (error) {
      await client.query(`drop database if exists "${scratch}" with (force)`).catch(() => undefined);
      throw error;
    }
    await client.query(`alter database "${name}" with is_template true allow_connections false`);
    await client.query(`comment on database "${name}" is '${new Date().toISOString()}'`);
    // Templates of this label built days ago: most are of older migrations.
    const stale = await client.query<{ datname: string }>(
      `select datname from pg_database where datname ~ $1 and datname <> $2 and coalesce(shobj_description(oid, 'pg_database'), '') < $3`,
      [`^${label}_[0-9a-f]+$`, name, new Date(Date.now() - TEMPLATE_KEPT_DAYS * 86_400_000).toISOString()],
    );
    for (const { datname } of stale.rows) {
      await client.query(`alter database "${datname}" with is_template false`).catch(() => undefined);
      await client.query(`drop database if exists "${datname}"`).catch(() => undefined);
    }
  } finally {
    await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [label]);
  }
}

/**
 * Set by the test run's global setup (`dropSetAsideDatabases`): `drop` renames the database to this
 * prefix and the run drops them all at its end. A drop forces a checkpoint of the whole server
 * (seconds on a busy machine, each test file stopping 7 databases); several drops at once share
 * one, so the run's end drops them together. Unset (outside a test run): `drop` drops at once.
 */
export const TRASH_PREFIX_ENV = 'RAPPORT_TEST_TRASH_PREFIX';

const trashPrefix = (): string | undefined => process.env[TRASH_PREFIX_ENV];

/** Renames `name` to `trash` after ending its sessions; false when it stays in use (then it is dropped with force). */
async function setAside(client: pg.Client, name: string, trash: string): Promise<boolean> {
  try {
    await whenUnused(async () => {
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      await client.query(`alter database "${name}" rename to "${trash}"`);
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return true; // already gone
    return false;
  }
}

const DROP_SESSIONS = 32;

/** A trash prefix for one test run, `rtx_<time>_`, which also tells how old its databases are. */
export const newTrashPrefix = (): string => `rtx_${Date.now().toString(36)}_`;

/**
 * Drops every database set aside under `prefix` (the run's), and those of runs older than six hours
 * (a run killed before its end), several at a time.
 */
export async function dropSetAsideDatabases(prefix: string): Promise<number> {
  const client = await serverClient();
  let names: string[];
  try {
    const rows = await client.query<{ datname: string }>("select datname from pg_database where datname like 'rtx\\_%'");
    const cutoff = Date.now() - 6 * 3_600_000;
    names = rows.rows.map((r) => r.datname).filter((n) => n.startsWith(prefix) || parseInt(n.split('_')[1] ?? '', 36) < cutoff);
  } finally {
    await client.end();
  }
  // Many at once: drops waiting together share the checkpoint (32 empty databases: 0.45 s with 32
  // sessions, 6.3 s with 8). A session the server refuses (too many clients) just does not take part.
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(DROP_SESSIONS, queue.length) }, async () => {
      const worker = await serverClient().catch(() => undefined);
      if (!worker) return;
      try {
        for (let next = queue.shift(); next; next = queue.shift()) await worker.query(`drop database if exists "${next}" with (force)`);
      } finally {
        await worker.end();
      }
    }),
  );
  if (queue.length > 0) throw new Error(`${queue.length} set-aside test databases left: no session to drop them`);
  return names.length;
}

/**
 * A new database for one test file, dropped (with its connections) by `drop`: empty, or a copy of
 * `options.template` (built first when this server does not have it yet).
 */
export async function createTestDatabase(label: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = options.name ?? testDatabaseName(label);
  const client = await serverClient();
  try {
    if (options.template) {
      const { template } = options;
      for (let attempt = 1; ; attempt += 1) {
        await ensureTemplate(client, template);
        try {
          await whenUnused(() => client.query(`create database "${name}" template "${template.name}"`));
          break;
        } catch (error) {
          // 3D000: dropped meanwhile as stale; built again on the next attempt.
          if (attempt >= 3 || (error as { code?: string }).code !== '3D000') throw error;
        }
      }
    } else {
      await client.query(`create database "${name}"`);
    }
  } finally {
    await client.end();
  }
  return {
    url: testDatabaseUrl(name),
    name,
    async drop() {
      const admin = await serverClient();
      try {
        const trash = trashPrefix();
        if (trash && (await setAside(admin, name, `${trash}${name.slice(3)}`.slice(0, 63)))) return;
        await admin.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** A topic namespace of its own for one test file: `t<random>.`. */
export const testTopicPrefix = (): string => `t${suffix()}.`;

/**
 * Deletes every topic in namespace `prefix` (tests clean up after themselves). The broker may answer
 * UNKNOWN_TOPIC_OR_PARTITION for a topic it listed a moment before (one still being created or
 * already being deleted when the request arrives: seen once in CI, its retries exhausted): the
 * topics still listed are then asked for again, for up to 30 s, before the cleanup fails.
 */
export async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'rapport-test-cleanup', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (topics.length === 0) return;
      try {
        await admin.deleteTopics({ topics, timeout: 10000 });
        return;
      } catch (error) {
        const unknownTopic = (e: unknown): boolean =>
          (e as { type?: string; cause?: unknown } | null)?.type === 'UNKNOWN_TOPIC_OR_PARTITION' ||
          ((e as { cause?: unknown } | null)?.cause !== undefined && unknownTopic((e as { cause: unknown }).cause));
        if (!unknownTopic(error) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'condition'}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
export * from './tcp-proxy.js';
export * from './otlp-receiver.js';
