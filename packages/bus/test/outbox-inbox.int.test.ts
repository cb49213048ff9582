import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { testKafkaBrokers, testTopicPrefix, waitFor, type TestDatabase } from '@rapport/testing';
import type { Kafka, Producer } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { AppError } from '@rapport/errors';
import { createEventConsumer, createOutboxRelay, deadLetterTopic, kafkaGroupId, on, pgArray, publish, replayDeadLetters, type EventConsumer } from '../src/index.js';
import { logger, messagesOnTopic as messagesIn, NoteWrittenV1, runSql, startBusTestBed, writeNote as writeNoteWith, type BusTestBed } from './bus-fixture.js';

let bed: BusTestBed | undefined;
let db: TestDatabase;
let orm: MikroORM;
let kafka: Kafka;
let producer: Producer;
const brokers = testKafkaBrokers();
const prefix = testTopicPrefix();
const consumers: EventConsumer[] = [];

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => runSql<T>(orm, query, params);
const writeNote = (text: string): Promise<{ noteId: string; eventId: string }> => writeNoteWith(orm, text);
const messagesOnTopic = (topic: string): Promise<number> => messagesIn(kafka, topic);

/** A relay on the test's outbox and producer, and the set of event ids it has published. */
function watchedRelay(lockName: string, options: Partial<Parameters<typeof createOutboxRelay>[0]> = {}): { relay: ReturnType<typeof createOutboxRelay>; relayed: Set<string> } {
  const relayed = new Set<string>();
  const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName, onPublished: (ids) => ids.forEach((id) => relayed.add(id)), ...options });
  return { relay, relayed };
}

/** Calls `seen` with the text of every statement pg clients send until the returned function restores them. */
function watchStatements(seen: (text: string) => void): () => void {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function watched(this: pg.Client, ...args: unknown[]) {
    seen(typeof args[0] === 'string' ? args[0] : '');
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return () => {
    pg.Client.prototype.query = query;
  };
}

beforeAll(async () => {
  bed = await startBusTestBed('bus', brokers, prefix, ['effects', 'flaky', 'batch', 'commits']);
  ({ db, orm, kafka } = bed);
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
});

afterAll(async () => {
  for (const c of consumers) await c.stop();
  await producer?.disconnect();
  await bed?.stop();
});

describe('outbox relay and inbox consumer over real Kafka', () => {
  it('delivers an event twice when the relay dies after publishing, and the inbox applies it once', async () => {
    const effects = createEventConsumer({
      kafka,
      orm,
      groupId: 'effects',
      topicPrefix: prefix,
      producer,
      logger,
      handlers: [
        on(NoteWrittenV1, async (data, event, em) => {
          await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [event.id, data.noteId]);
        }),
      ],
    });
    consumers.push(effects);
    await effects.start();
    const { eventId } = await writeNote('first');

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/crashing-relay.ts', import.meta.url))], {
      env: { ...process.env, TEST_DATABASE_URL: db.url, KAFKA_BROKERS: brokers.join(','), TOPIC_PREFIX: prefix },
      stdio: 'inherit',
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(await sql('select id from outbox_message where published_at is null')).toEqual([{ id: eventId }]);
    expect(await messagesOnTopic(`${prefix}${NoteWrittenV1.topic}`)).toBe(1);

    const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:test' });
    expect(await relay.relayOnce()).toBe(1);
    expect(await sql('select id from outbox_message where published_at is null')).toEqual([]);
    expect(await messagesOnTopic(`${prefix}${NoteWrittenV1.topic}`)).toBe(2);

    await waitFor(async () => ((await sql('select 1 from inbox_message where event_id = ?', [eventId])).length === 1 ? true : undefined), {
      what: 'the event to be handled',
    });
    // Both copies reach the consumer before this flag row: wait until the group's committed offsets cover 2 messages.
    await waitFor(
      async () => {
        const admin = kafka.admin();
        await admin.connect();
        try {
          const [topic] = await admin.fetchOffsets({ groupId: kafkaGroupId(prefix, 'effects'), topics: [`${prefix}${NoteWrittenV1.topic}`] });
          const consumed = topic!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
          return consumed >= 2 ? true : undefined;
        } finally {
          await admin.disconnect();
        }
      },
      { what: 'both deliveries to be consumed' },
    );
    expect(await sql('select event_id from applied_effect where event_id = ?', [eventId])).toHaveLength(1);
  });

  it('retries a failing handler with backoff, dead-letters the event, and replays it once fixed', async () => {
    let attempts = 0;
    let broken = true;
    const flaky = createEventConsumer({
      kafka,
      orm,
      groupId: 'flaky',
      topicPrefix: prefix,
      producer,
      logger,
      retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 100 },
      handlers: [
        on(NoteWrittenV1, async (data, event, em) => {
          if (data.text !== 'poison') return;
          attempts += 1;
          if (broken) throw new Error('warehouse system unreachable');
          await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [`flaky:${event.id}`, data.noteId]);
        }),
      ],
    });
    consumers.push(flaky);
    const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:test' });
    const { eventId } = await writeNote('poison');
    await relay.relayOnce();
    await flaky.start();

    const dlq = deadLetterTopic(prefix, 'flaky');
    await waitFor(async () => ((await messagesOnTopic(dlq)) === 1 ? true : undefined), { what: 'the dead letter' });
    expect(attempts).toBe(3);
    expect(await sql('select 1 from inbox_message where consumer = ? and event_id = ?', ['flaky', eventId])).toHaveLength(0);

    const reader = kafka.consumer({ groupId: `reader-${prefix}` });
    await reader.connect();
    await reader.subscribe({ topic: dlq, fromBeginning: true });
    const headers = await new Promise<Record<string, string>>((resolve) => {
      void reader.run({
        eachMessage: async ({ message }) => resolve(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]))),
      });
    });
    await reader.disconnect();
    expect(headers['x-error']).toBe('warehouse system unreachable');
    expect(headers['x-original-topic']).toBe(`${prefix}${NoteWrittenV1.topic}`);
    expect(headers['ce_id']).toBe(eventId);

    broken = false;
    expect(await replayDeadLetters({ kafka, producer, groupId: 'flaky', topicPrefix: prefix, logger })).toBe(1);
    await waitFor(async () => ((await sql('select 1 from applied_effect where event_id = ?', [`flaky:${eventId}`])).length === 1 ? true : undefined), {
      what: 'the replayed event to be applied',
    });
    expect(attempts).toBe(4);
    expect(await replayDeadLetters({ kafka, producer, groupId: 'flaky', topicPrefix: prefix, logger })).toBe(0);
  });

  it('is woken by each commit that writes outbox rows, not by its poll', async () => {
    // A poll far longer than the test: only the commits' notifications can move these events.
    const { relay, relayed } = watchedRelay('outbox-relay:wake', { pollIntervalMs: 600_000 });
    relay.start();
    try {
      const { eventId } = await writeNote('wake');
      await waitFor(async () => (relayed.has(eventId) ? true : undefined), { timeoutMs: 5000, intervalMs: 10, what: 'the woken relay to publish' });
      // Commits landing while a pass runs are not lost between two passes.
      const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => writeNote(`burst ${i}`)));
      await waitFor(async () => (burst.every(({ eventId: id }) => relayed.has(id)) ? true : undefined), { timeoutMs: 5000, intervalMs: 10, what: 'the burst to be published' });
    } finally {
      await relay.stop();
    }
    expect(await sql('select id from outbox_message where published_at is null')).toEqual([]);
  });

  it('backs off its safety-net poll while idle, yet a commit still wakes it and a cut connection is opened again at once', async () => {
    // Counts the leader's claim statements, the one query of an empty pass.
    let passes = 0;
    const restore = watchStatements((text) => {
      if (text.includes('for update skip locked')) passes += 1;
    });
    const { relay, relayed } = watchedRelay('outbox-relay:idle', { pollIntervalMs: 50, idlePollMaxMs: 60_000 });
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 3300));
      // 3.3 s at a fixed 50 ms poll is some 60 passes; doubling from 50 ms, 7 (0, 0.05, 0.15, 0.35, 0.75, 1.55, 3.15 s).
      expect(passes).toBeGreaterThanOrEqual(3);
      expect(passes).toBeLessThanOrEqual(10);
      const { eventId } = await writeNote('after a quiet while');
      await waitFor(async () => (relayed.has(eventId) ? true : undefined), { timeoutMs: 2000, intervalMs: 10, what: 'the backed-off relay to be woken by the commit' });

      // Idle again (its next poll seconds away), then the server ends its connection: it connects
      // again at once, not at that poll, and takes the lock back.
      await new Promise((resolve) => setTimeout(resolve, 1700));
      const relayBackends = async (): Promise<number> =>
        (await sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'outbox-relay:outbox-relay:idle'`))[0]
          ?.n ?? 0;
      expect(await relayBackends()).toBe(1);
      await sql(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'outbox-relay:outbox-relay:idle'`);
      const cut = Date.now();
      await waitFor(async () => ((await relayBackends()) === 1 ? true : undefined), { timeoutMs: 1000, intervalMs: 20, what: 'the relay to connect again at once' });
      logger.info({ reconnectedMs: Date.now() - cut }, 'relay reconnected');
      const after = await writeNote('after the cut');
      await waitFor(async () => (relayed.has(after.eventId) ? true : undefined), { timeoutMs: 2000, intervalMs: 10, what: 'the reconnected relay to be woken by the commit' });
    } finally {
      restore();
      await relay.stop();
    }
  });

  it("marks a batch with the next pass's claim when that pass follows at once, and marks the last batch before it sleeps or stops", async () => {
    // Counts the relay's claims and its separate marking statements.
    let claims = 0;
    let marks = 0;
    const restore = watchStatements((text) => {
      if (text.includes('for update skip locked')) claims += 1;
      else if (text.startsWith('update outbox_message')) marks += 1;
    });
    const { relay, relayed } = watchedRelay('outbox-relay:marks', { batchSize: 5 });
    try {
      // 23 waiting: four full batches (each marked by the next claim), then 3 marked apart.
      const notes = await Promise.all(Array.from({ length: 23 }, (_, i) => writeNote(`marks ${i}`)));
      relay.start();
      await waitFor(async () => (notes.every((n) => relayed.has(n.eventId)) ? true : undefined), { intervalMs: 10, what: 'the 23 to be published' });
      await waitFor(async () => ((await sql('select id from outbox_message where published_at is null')).length === 0 ? true : undefined), { what: 'the last batch to be marked' });
      expect(claims).toBeGreaterThanOrEqual(5);
      // One per batch before (5); now the last batch's, and one more at most if a pass met a notification late.
      expect(marks).toBeLessThanOrEqual(2);
      // A full batch published just before the stop: the next pass or the stop marks it, none is left pending.
      const last = await Promise.all(Array.from({ length: 5 }, (_, i) => writeNote(`before the stop ${i}`)));
      await waitFor(async () => (last.every((n) => relayed.has(n.eventId)) ? true : undefined), { intervalMs: 5, what: 'the last 5 to be published' });
    } finally {
      restore();
      await relay.stop();
    }
    expect(await sql('select id from outbox_message where published_at is null')).toEqual([]);
  });

  it("relays one transaction's events in the order they were written, even within one millisecond", async () => {
    // Same time, ids descending: ordering by (time, id) would relay these backwards.
    const noteId = randomUUID();
    const time = new Date('2026-12-05T12:00:00.000Z');
    const ids = ['f', 'c', 'a', '7', '3', '0'].map((digit) => `${digit.repeat(8)}-0000-4000-8000-${randomUUID().slice(-12)}`);
    const em = orm.em.fork();
    await em.transactional(async (tx) => {
      ids.forEach((id, step) => publish(tx, NoteWrittenV1, noteId, { noteId, text: `step ${step}` }, { id, time }));
    });
    const relayed: string[] = [];
    const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:order', onPublished: (published) => void relayed.push(...published) });
    try {
      while ((await relay.relayOnce()) > 0);
    } finally {
      await relay.stop();
    }
    expect(relayed.filter((id) => ids.includes(id))).toEqual(ids);
  });

  it('applies a batch in one transaction, skips what the inbox has, and when one event is refused dead-letters it alone and applies the rest in order', async () => {
    const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:batch' });
    const drain = async (): Promise<void> => {
      while ((await relay.relayOnce()) > 0);
    };
    const batch = createEventConsumer({
      kafka,
      orm,
      groupId: 'batch',
      topicPrefix: prefix,
      producer,
      logger,
      handlers: [
        on(NoteWrittenV1, async (data, event, em) => {
          if (data.text === 'refused') throw new AppError('BAD_USER_INPUT', 'REFUSED', 'this note is refused');
          await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [`batch:${event.id}`, data.noteId]);
        }),
      ],
    });
    consumers.push(batch);
    const effectsOf = (ids: string[]): Promise<{ event_id: string }[]> =>
      sql('select event_id from applied_effect where event_id = any(?::text[]) order by id', [pgArray(ids.map((id) => `batch:${id}`))]);

    // Waiting in Kafka before the consumer joins, so they arrive in one fetch (at most one batch per partition).
    const together = await Promise.all(Array.from({ length: 20 }, (_, i) => writeNote(`together ${i}`)));
    const handledBefore = await writeNote('handled before');
    await sql("insert into inbox_message (consumer, event_id, type) values ('batch', ?, ?)", [handledBefore.eventId, NoteWrittenV1.type]);
    await drain();
    await batch.start();
    const ids = together.map((n) => n.eventId);
    await waitFor(async () => ((await effectsOf(ids)).length === 20 ? true : undefined), { what: 'the batch to be applied' });
    const [{ transactions }] = (await sql<{ transactions: number }>(
      "select count(distinct handled_at)::int as transactions from inbox_message where consumer = 'batch' and event_id = any(?::text[])",
      [pgArray(ids)],
    )) as [{ transactions: number }];
    // now() is the transaction's start: 20 events in at most 3 transactions (one per partition).
    expect(transactions).toBeLessThanOrEqual(3);
    expect(await effectsOf([handledBefore.eventId])).toEqual([]);

    // One aggregate's events (one partition, in order), the fourth of them refused.
    const noteId = randomUUID();
    const texts = ['a', 'b', 'c', 'refused', 'd', 'e', 'f'];
    const eventIds = texts.map(() => randomUUID());
    await orm.em.fork().transactional(async (tx) => {
      texts.forEach((text, i) => publish(tx, NoteWrittenV1, noteId, { noteId, text }, { id: eventIds[i]! }));
    });
    await drain();
    await waitFor(async () => ((await messagesOnTopic(deadLetterTopic(prefix, 'batch'))) === 1 ? true : undefined), { what: 'the refused event to be dead-lettered' });
    const applied = eventIds.filter((_, i) => texts[i] !== 'refused');
    await waitFor(async () => ((await effectsOf(eventIds)).length === applied.length ? true : undefined), { what: 'the others to be applied' });
    expect((await effectsOf(eventIds)).map((r) => r.event_id)).toEqual(applied.map((id) => `batch:${id}`));
    expect(batch.stats().deadLettered).toBe(1);
    expect(batch.stats().recentDeadLetters[0]).toMatchObject({ eventId: eventIds[3], kind: 'event' });
  });

  it('commits handled offsets at most once per commitIntervalMs, not after every batch; the last ones that long after, with nothing more arriving, and at stop', async () => {
    const topic = `${prefix}${NoteWrittenV1.topic}`;
    // kafkajs' offset commits of this consumer, counted.
    let commits = 0;
    const counted = new Proxy(kafka, {
      get(target, key, receiver) {
        if (key !== 'consumer') return Reflect.get(target, key, receiver) as unknown;
        return (config: Parameters<Kafka['consumer']>[0]) => {
          const c = target.consumer(config);
          c.on(c.events.COMMIT_OFFSETS, () => (commits += 1));
          return c;
        };
      },
    });
    const handled = new Set<string>();
    const commitsConsumer = (): EventConsumer =>
      createEventConsumer({
        kafka: counted,
        orm,
        groupId: 'commits',
        topicPrefix: prefix,
        producer,
        logger,
        commitIntervalMs: 2000,
        handlers: [on(NoteWrittenV1, async (_data, event) => void handled.add(event.id))],
      });
    /** Whether the group's committed offsets reach the end of every partition of the topic. */
    const committedToTheEnd = async (): Promise<boolean> => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId: kafkaGroupId(prefix, 'commits'), topics: [topic] });
        return ends.every((end) => committed!.partitions.find((p) => p.partition === end.partition)?.offset === end.high);
      } finally {
        await admin.disconnect();
      }
    };
    const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:commits' });
    const writeAndHandle = async (text: string): Promise<void> => {
      const { eventId } = await writeNote(text);
      while ((await relay.relayOnce()) > 0);
      await waitFor(async () => (handled.has(eventId) ? true : undefined), { intervalMs: 10, what: `${text} to be handled` });
    };
    let consumer = commitsConsumer();
    consumers.push(consumer);
    await consumer.start();
    // The earlier tests' events, then five more one by one: five batches at least.
    await writeAndHandle('first');
    const before = commits;
    const began = performance.now();
    for (let i = 0; i < 5; i += 1) await writeAndHandle(`one by one ${i}`);
    const elapsed = performance.now() - began;
    // kafkajs' auto-commit sent one per batch (5 or more); now one per 2 s at most.
    expect(commits - before).toBeLessThanOrEqual(Math.ceil(elapsed / 2000));
    // Nothing more arrives: the rest is committed within the interval anyway.
    await waitFor(async () => ((await committedToTheEnd()) ? true : undefined), { timeoutMs: 5000, intervalMs: 100, what: 'the last offsets to be committed' });

    // Handled just before a stop: committed by the stop, so a new member is handed none of it back.
    await writeAndHandle('just before the stop');
    await consumer.stop();
    expect(await committedToTheEnd()).toBe(true);
    handled.clear();
    consumer = commitsConsumer();
    consumers.push(consumer);
    await consumer.start();
    await writeAndHandle('after the restart');
    expect(handled.size).toBe(1);
  }, 60_000);
});
