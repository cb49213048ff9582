import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateBroker, type KafkaConnection } from '../src/kafka-broker.js';
import { repoRoot } from '../src/paths.js';
import { startPrivatePostgres, type PrivatePostgres } from '../src/private-postgres.js';
import { freePort, groupAlive, portAnswers, spawnManaged, stopManaged, waitForHttpOk, type ManagedProcess } from '../src/processes.js';

// A real subgraph process (support, through its own main.ts) on a private PostgreSQL and a private
// broker — ours to kill — stopped with SIGTERM after its broker died.

const dir = mkdtempSync(join(tmpdir(), 'rapport-service-stop-'));
let postgres: PrivatePostgres;
let kafka: KafkaConnection;
let service: ManagedProcess | undefined;

beforeAll(async () => {
  [postgres, kafka] = await Promise.all([startPrivatePostgres(), startPrivateBroker({ env: process.env, quiet: true })]);
}, 180_000);

afterAll(async () => {
  if (service) await stopManaged(service, 1_000);
  await kafka?.stop();
  await postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a subgraph whose broker is gone', () => {
  it('stops within its bound on SIGTERM instead of hanging in the Kafka clients', async () => {
    const port = await freePort();
    service = await spawnManaged({
      name: 'support-stop-test',
      command: join(repoRoot, 'node_modules', '.bin', 'tsx'),
      args: ['services/support/src/main.ts'],
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: postgres.url, KAFKA_BROKERS: kafka.brokers, LOG_LEVEL: 'warn' },
      logFile: join(dir, 'support.log'),
      pidDir: dir,
    });
    await waitForHttpOk(`http://127.0.0.1:${port}/ready`, { timeoutMs: 150_000, process: service });
    const broker = kafka.process;
    if (!broker) throw new Error('the private broker is ours');
    process.kill(-broker.pid, 'SIGKILL');
    await broker.exited;
    expect(await portAnswers(Number(kafka.brokers.split(':')[1]))).toBe(false);
    // A change committed after the broker died: its event waits in the outbox, and the relay is
    // busy trying to publish it when the stop comes (kafkajs retries a send for up to 30 s).
    const db = new pg.Client({ connectionString: postgres.url.replace(/\/postgres$/, '/rapport_support') });
    await db.connect();
    await db.query(
      `insert into outbox_message (id, topic, message_key, type, payload) values (gen_random_uuid(), 'support.ticket', gen_random_uuid()::text, 'support.ticket.opened.v1', '{}')`,
    );
    for (
      let i = 0;
      i < 100 && (await db.query("select 1 from pg_locks l join pg_stat_activity a using (pid) where a.datname = current_database() and l.locktype = 'advisory'")).rowCount === 0;
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the relay has picked the row up and is sending
    await db.end();

    const began = performance.now();
    process.kill(-service.pid, 'SIGTERM');
    const status = await Promise.race([service.exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
    const took = performance.now() - began;

    expect(status).not.toBe('hung');
    expect(took).toBeLessThan(8_000); // drain (nothing in flight) + Kafka steps bounded at 4 s + ORM
    expect(groupAlive(service.pid)).toBe(false);
  }, 240_000);
});
