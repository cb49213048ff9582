// The event bus end to end (not a test): `npm run bench -w @rapport/bus`. Needs PostgreSQL
// (DATABASE_URL) and Kafka (KAFKA_BROKERS). One process holds writers, the relay and one consumer,
// wired as the subgraph kit wires them (idempotent producer, inbox consumer), over the real
// PostgreSQL and Kafka, on a scratch database and topic namespace it removes afterwards.
//
// 1. Latency: BENCH_RATE (200) transactions a second for BENCH_SECONDS (10), one event each; for
//    each event, the time from its transaction's commit (the flush resolving) to its handler
//    running in the consumer's transaction. Prints p50, p99 and max.
// 2. Throughput: BENCH_WRITERS (8) writers commit BENCH_EVENTS (20,000) one-event transactions as
//    fast as they can; the rate is events handled over the time from the first write to the last
//    handler. Prints the write rate too, and this process's CPU time per event.
// 2b. Drain: the same number of events written in transactions of 100 (`publishMany`), so the
//    writers are not the limit: the rate of the relay and the consumer alone.
// 3. Idle: CPU time of this process and of the relay's PostgreSQL backend over BENCH_IDLE_SECONDS
//    (10) with nothing to do, as a share of one core.
// RELAY_POLL_MS sets the relay's poll (the kit's OUTBOX_POLL_MS; its default when unset).
// BENCH_JSON names a file to write the figures to as JSON too (`npm run bench` at the root reads it).
//
// Measured 2026-12-05 on the shared 2-core machine, load average 14-22 (other sessions' work; the
// figures move with it). Before (200 ms poll, one message per consumer transaction), BENCH_EVENTS=5000
// at load 17: latency p50 4.6 s / p99 9.1 s (the consumer fell behind), 183 events/s, 1.13 ms CPU per
// event, drain 213 events/s, idle 3.7 % of a core. After (relay woken by commits, consumer batches,
// kafkajs idle loop stopped), same run at load 17: p50 75 ms / p99 437 ms, 268 events/s, 0.81 ms,
// drain 1,442 events/s; full run at load 14.7: p50 273 ms / p99 1.2 s, 277 events/s (the writers'
// own commit rate: the last event handled 12 ms after the last write), 0.73 ms, drain 1,747 events/s,
// idle 0.31 %. At 50 events/s (load 22): p50 41 ms, p99 162 ms.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, deleteTopics, testKafkaBrokers, testTopicPrefix } from '@rapport/testing';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createConsumerKafka, createEventConsumer, createKafka, createOutboxRelay, createProducer, deadLetterTopic, ensureTopics, on, publish, publishMany } from '../src/index.js';
import { createBusOrm, logger, NoteWrittenV1, runSql } from '../test/bus-fixture.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

const numberFrom = (name: string, fallback: number): number => Number.parseInt(process.env[name] ?? String(fallback), 10);
const RATE = numberFrom('BENCH_RATE', 200);
const SECONDS = numberFrom('BENCH_SECONDS', 10);
const WRITERS = numberFrom('BENCH_WRITERS', 8);
const EVENTS = numberFrom('BENCH_EVENTS', 20000);
const IDLE_SECONDS = numberFrom('BENCH_IDLE_SECONDS', 10);
const POLL_MS = process.env.RELAY_POLL_MS ? Number.parseInt(process.env.RELAY_POLL_MS, 10) : undefined;

/** The value at rank `p` percent of ascending `values` (nearest rank). */
const rank = (values: readonly number[], p: number): number => values[Math.min(values.length - 1, Math.max(0, Math.ceil((values.length * p) / 100) - 1))] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** CPU seconds (user + system) `pid` has used, from /proc; undefined where it cannot be read. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const brokers = testKafkaBrokers();
const prefix = testTopicPrefix();
const db = await createTestDatabase('bus_bench');
const orm = await createBusOrm(db.url);
const client = { brokers, clientId: 'bus-bench', logger };
const admin = createKafka(client).admin();
await admin.connect();
await ensureTopics(admin, [`${prefix}${NoteWrittenV1.topic}`, deadLetterTopic(prefix, 'bench')]);
await admin.disconnect();
const producer = createProducer(client);
await producer.connect();
const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:bench', ...(POLL_MS ? { pollIntervalMs: POLL_MS } : {}) });

const committedAt = new Map<string, number>();
const handledAt = new Map<string, number>();
let onHandled: () => void = () => undefined;
const consumer = createEventConsumer({
  kafka: createConsumerKafka(client),
  orm,
  groupId: 'bench',
  topicPrefix: prefix,
  producer,
  logger,
  handlers: [
    on(NoteWrittenV1, async (data, event, em) => {
      await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [event.id, data.noteId]);
      if (!handledAt.has(data.noteId)) handledAt.set(data.noteId, performance.now());
      onHandled();
    }),
  ],
});

/** One transaction with one event, as a service's mutation writes it; records when it committed. */
async function write(): Promise<void> {
  const em = orm.em.fork();
  const noteId = randomUUID();
  publish(em, NoteWrittenV1, noteId, { noteId, text: 'bench' });
  await em.flush();
  committedAt.set(noteId, performance.now());
}

/** Resolves once `count` events have been handled. */
const handled = (count: number): Promise<void> =>
  new Promise((resolve) => {
    onHandled = () => {
      if (handledAt.size >= count) resolve();
    };
    onHandled();
  });

try {
  relay.start();
  await consumer.start();
  // Warm up: connections, metadata, JIT.
  for (let i = 0; i < 50; i += 1) await write();
  await handled(50);
  committedAt.clear();
  handledAt.clear();

  // 1. Latency at a steady rate.
  const total = RATE * SECONDS;
  const began = performance.now();
  const writes: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = began + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    writes.push(write());
  }
  await Promise.all(writes);
  await handled(total);
  const latencies = [...committedAt].map(([id, at]) => handledAt.get(id)! - at).sort((a, b) => a - b);
  const latency = { p50: rank(latencies, 50), p99: rank(latencies, 99), max: latencies.at(-1)! };
  committedAt.clear();
  handledAt.clear();

  // 2. Sustained throughput with several writers.
  let left = EVENTS;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (left > 0) {
        left -= 1;
        await write();
      }
    }),
  );
  const written = performance.now();
  await handled(EVENTS);
  const done = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  committedAt.clear();
  handledAt.clear();

  // 2b. Drain, written in transactions of 100.
  const drainStart = performance.now();
  for (let i = 0; i < EVENTS; i += 100) {
    await orm.em.fork().transactional(async (tx) => {
      const notes = Array.from({ length: Math.min(100, EVENTS - i) }, () => randomUUID());
      await publishMany(
        tx as SqlEntityManager,
        NoteWrittenV1,
        notes.map((noteId) => ({ subject: noteId, data: { noteId, text: 'bench' } })),
      );
    });
  }
  const drainWritten = performance.now();
  await handled(EVENTS);
  const drained = performance.now();

  // 3. Idle.
  await sleep(2000);
  const [backend] = await runSql<{ pid: number }>(orm, "select pid from pg_stat_activity where application_name = 'outbox-relay:outbox-relay:bench'");
  const before = { self: process.cpuUsage(), relay: backend ? cpuSecondsOf(backend.pid) : undefined, at: performance.now() };
  await sleep(IDLE_SECONDS * 1000);
  const self = process.cpuUsage(before.self);
  const wall = (performance.now() - before.at) / 1000;
  const relayAfter = backend ? cpuSecondsOf(backend.pid) : undefined;
  const share = (seconds: number): string => `${((100 * seconds) / wall).toFixed(2)} % of a core`;

  out(`event bus bench — ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, relay poll ${POLL_MS ?? 'default'}`);
  out(`latency commit → handler at ${RATE}/s for ${SECONDS} s (${latencies.length} events): p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}`);
  out(
    `throughput, ${WRITERS} writers, ${EVENTS} one-event transactions: ${Math.round((EVENTS * 1000) / (done - start))} events/s end to end (written at ${Math.round((EVENTS * 1000) / (written - start))}/s, last handled ${ms(done - written)} after the last write)`,
  );
  out(`  this process's CPU per event: ${((cpu.user + cpu.system) / 1000 / EVENTS).toFixed(2)} ms (writers, relay and consumer together)`);
  out(`drain, ${EVENTS} events written in transactions of 100 (in ${ms(drainWritten - drainStart)}): ${Math.round((EVENTS * 1000) / (drained - drainStart))} events/s end to end`);
  if (process.env.BENCH_JSON) {
    const figures = {
      latency: { ratePerSecond: RATE, seconds: SECONDS, p50Ms: +latency.p50.toFixed(1), p99Ms: +latency.p99.toFixed(1), maxMs: +latency.max.toFixed(1) },
      throughput: {
        writers: WRITERS,
        events: EVENTS,
        perSecond: Math.round((EVENTS * 1000) / (done - start)),
        cpuMsPerEvent: +((cpu.user + cpu.system) / 1000 / EVENTS).toFixed(2),
      },
      drain: { events: EVENTS, perTransaction: 100, perSecond: Math.round((EVENTS * 1000) / (drained - drainStart)) },
      idle: { seconds: +wall.toFixed(1), processPercentOfCore: +((100 * (self.user + self.system)) / 1e6 / wall).toFixed(2) },
    };
    writeFileSync(process.env.BENCH_JSON, JSON.stringify(figures));
  }
  out(
    `idle ${wall.toFixed(1)} s: this process ${share((self.user + self.system) / 1e6)}; relay's PostgreSQL backend ${before.relay !== undefined && relayAfter !== undefined ? share(relayAfter - before.relay) : 'not readable'}`,
  );
} finally {
  await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  await orm.close(true);
  await db.drop();
  await deleteTopics(brokers, prefix);
}
