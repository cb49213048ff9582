import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { testKafkaBrokers, testTopicPrefix, waitFor, type TestDatabase } from '@rapport/testing';
import type { Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createEventConsumer, createOutboxRelay, deadLetterTopic, kafkaGroupId, on, publish, replayDeadLetters, type EventConsumer } from '../src/index.js';
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

beforeAll(async () => {
  bed = await startBusTestBed('bus', brokers, prefix, ['effects', 'flaky']);
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
    const relayed = new Set<string>();
    // A poll far longer than the test: only the commits' notifications can move these events.
    const relay = createOutboxRelay({
      orm,
      producer,
      logger,
      topicPrefix: prefix,
      lockName: 'outbox-relay:wake',
      pollIntervalMs: 600_000,
      onPublished: (ids) => ids.forEach((id) => relayed.add(id)),
    });
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
});
