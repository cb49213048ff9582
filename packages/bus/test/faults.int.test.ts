import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createEvent } from '@rapport/contracts';
import {
  brokerAddress,
  KAFKA_API,
  proxiedKafkaSockets,
  refusingKafkaRequests,
  startTcpProxy,
  testKafkaBrokers,
  testTopicPrefix,
  waitFor,
  type TcpProxy,
  type TestDatabase,
} from '@rapport/testing';
import type { Kafka, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUS_ENTITIES,
  createEventConsumer,
  createConsumerKafka,
  createKafka,
  createOutboxRelay,
  createProducer,
  deadLetterTopic,
  kafkaGroupId,
  on,
  type EventConsumer,
  type OutboxRelay,
} from '../src/index.js';
import { logger, messagesOnTopic as messagesIn, NoteWrittenV1, runSql, startBusTestBed, writeNote as writeNoteWith, type BusTestBed } from './bus-fixture.js';

// Faults the bus must heal from, made with TCP proxies this file controls between the bus and the
// shared PostgreSQL and Kafka (which are never stopped).

let bed: BusTestBed | undefined;
let db: TestDatabase;
let orm: MikroORM;
let kafka: Kafka;
let producer: Producer;
const brokers = testKafkaBrokers();
const prefix = testTopicPrefix();
const proxies: TcpProxy[] = [];
const stops: (() => Promise<unknown>)[] = [];

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => runSql<T>(orm, query, params);
/** The outbox row id (the event id) of a new note. */
const writeNote = async (text: string): Promise<string> => (await writeNoteWith(orm, text)).eventId;
const messagesOnTopic = (topic: string): Promise<number> => messagesIn(kafka, topic);

/** The same database, reached through a proxy the test can cut. */
async function proxiedOrm(): Promise<{ orm: MikroORM; proxy: TcpProxy }> {
  const url = new URL(db.url);
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  proxies.push(proxy);
  const behind = await MikroORM.init({ clientUrl: proxy.url(db.url), entities: BUS_ENTITIES, discovery: { warnWhenNoEntities: false }, pool: { min: 0, max: 4 } });
  stops.push(() => behind.close(true));
  return { orm: behind, proxy };
}

beforeAll(async () => {
  // Every group here reads the note topic from its beginning, the broken event included: each needs its dead-letter topic.
  bed = await startBusTestBed('bus_faults', brokers, prefix, ['outage', 'handover', 'strict', 'keep', 'relaunch', 'resync']);
  ({ db, orm, kafka } = bed);
  producer = createProducer({ brokers, clientId: 'bus-faults-test', logger });
  await producer.connect();
});

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  for (const proxy of proxies) await proxy.close();
  await producer?.disconnect();
  await bed?.stop();
});

describe('the consumer through a database outage', () => {
  it('waits out a database outage longer than the old 3 s retry window and applies the event exactly once, dead-lettering nothing', async () => {
    const { orm: consumerOrm, proxy } = await proxiedOrm();
    const consumer: EventConsumer = createEventConsumer({
      kafka,
      orm: consumerOrm,
      groupId: 'outage',
      topicPrefix: prefix,
      producer,
      logger,
      // The test subgraphs' policy: 3 attempts, 50 ms doubling to 200 ms (about 0.3 s in all).
      retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
      handlers: [
        on(NoteWrittenV1, async (data, event, em) => {
          await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [`outage:${event.id}`, data.noteId]);
        }),
      ],
    });
    stops.push(() => consumer.stop());
    await consumer.start();

    await proxy.cut();
    const eventId = await writeNote('during the outage');
    const relay = createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:faults-consumer' });
    expect(await relay.relayOnce()).toBe(1);

    // The database stays away for 4 s while the consumer keeps trying.
    const waiting = await waitFor(
      async () => {
        const { waitingOut } = consumer.stats();
        return waitingOut && Date.now() - waitingOut.since.getTime() >= 4000 ? waitingOut : undefined;
      },
      { what: 'the consumer to wait out 4 s of outage', timeoutMs: 20000 },
    );
    expect(waiting.attempts).toBeGreaterThan(3);
    expect(consumer.stats().deadLettered).toBe(0);
    expect(await messagesOnTopic(deadLetterTopic(prefix, 'outage'))).toBe(0);

    await proxy.restore();
    await waitFor(async () => ((await sql('select 1 from applied_effect where event_id = ?', [`outage:${eventId}`])).length === 1 ? true : undefined), {
      what: 'the event to be applied once the database is back',
    });
    expect(await sql('select 1 from inbox_message where consumer = ? and event_id = ?', ['outage', eventId])).toHaveLength(1);
    expect(consumer.stats()).toMatchObject({ deadLettered: 0, waitingOut: null });
    expect(consumer.stats().transientRetries).toBeGreaterThan(3);
    expect(await messagesOnTopic(deadLetterTopic(prefix, 'outage'))).toBe(0);
  });

  it('stops promptly while waiting out an outage, leaving the event uncommitted for the next member', async () => {
    const { orm: consumerOrm, proxy } = await proxiedOrm();
    const effect = on(NoteWrittenV1, async (data, event, em) => {
      await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [`handover:${event.id}`, data.noteId]);
    });
    const member = () =>
      createEventConsumer({
        kafka,
        orm: consumerOrm,
        groupId: 'handover',
        topicPrefix: prefix,
        producer,
        logger,
        retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
        handlers: [effect],
      });
    const first = member();
    await first.start();
    await proxy.cut();
    const eventId = await writeNote('handed over');
    await createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:faults-handover' }).relayOnce();
    await waitFor(async () => ((first.stats().waitingOut?.attempts ?? 0) >= 3 ? true : undefined), { what: 'the first member to be waiting out the outage' });

    const stopping = Date.now();
    await first.stop();
    expect(Date.now() - stopping).toBeLessThan(2000);

    await proxy.restore();
    const second = member();
    stops.push(() => second.stop());
    await second.start();
    await waitFor(async () => ((await sql('select 1 from applied_effect where event_id = ?', [`handover:${eventId}`])).length === 1 ? true : undefined), {
      what: 'the next member to apply the event',
    });
    expect(first.stats().deadLettered + second.stats().deadLettered).toBe(0);
  });

  it('dead-letters an event whose payload breaks its contract at once, with the failure kind, and counts it', async () => {
    let calls = 0;
    const consumer = createEventConsumer({
      kafka,
      orm,
      groupId: 'strict',
      topicPrefix: prefix,
      producer,
      logger,
      retry: { attempts: 5, initialDelayMs: 50, maxDelayMs: 200 },
      handlers: [
        on(NoteWrittenV1, async () => {
          calls += 1;
        }),
      ],
    });
    stops.push(() => consumer.stop());
    const valid = createEvent(NoteWrittenV1, randomUUID(), { noteId: randomUUID(), text: 'fine' });
    const invalid = { ...createEvent(NoteWrittenV1, randomUUID(), { noteId: randomUUID(), text: 'broken' }), data: { noteId: 'not-a-uuid' } };
    await producer.send({
      topic: `${prefix}${NoteWrittenV1.topic}`,
      acks: -1,
      messages: [invalid, valid].map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
    });
    await consumer.start();

    await waitFor(async () => ((await messagesOnTopic(deadLetterTopic(prefix, 'strict'))) === 1 ? true : undefined), { what: 'the dead letter' });
    await waitFor(async () => ((await sql('select 1 from inbox_message where consumer = ? and event_id = ?', ['strict', valid.id])).length === 1 ? true : undefined), {
      what: 'the valid event to be handled',
    });
    expect(calls).toBeGreaterThanOrEqual(1);
    const { deadLettered, recentDeadLetters } = consumer.stats();
    expect(deadLettered).toBe(1);
    expect(recentDeadLetters[0]).toMatchObject({ eventId: invalid.id, kind: 'event', attempts: 1 });
    const handled = (await sql<{ event_id: string }>('select event_id from inbox_message where consumer = ?', ['strict'])).map((r) => r.event_id);
    expect(handled).toContain(valid.id);
    expect(handled).not.toContain(invalid.id);

    // The same messages handed back (as a rebalance does before the offsets were committed): the
    // broken one is not dead-lettered a second time, the valid one is a duplicate for the inbox.
    await consumer.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: kafkaGroupId(prefix, 'strict'), topic: `${prefix}${NoteWrittenV1.topic}`, earliest: true }).finally(() => admin.disconnect());
    await consumer.start();
    const next = createEvent(NoteWrittenV1, randomUUID(), { noteId: randomUUID(), text: 'after the rewind' });
    await producer.send({ topic: `${prefix}${NoteWrittenV1.topic}`, acks: -1, messages: [{ key: next.subject, value: JSON.stringify(next) }] });
    await waitFor(async () => ((await sql('select 1 from inbox_message where consumer = ? and event_id = ?', ['strict', next.id])).length === 1 ? true : undefined), {
      what: 'the event after the rewind to be handled',
    });
    expect(consumer.stats().deadLettered).toBe(1);
    expect(await messagesOnTopic(deadLetterTopic(prefix, 'strict'))).toBe(1);
  });
});

describe('the consumer through a broker outage', () => {
  const effect = (label: string) =>
    on(NoteWrittenV1, async (data, event, em) => {
      await em.execute('insert into applied_effect (event_id, note_id) values (?, ?)', [`${label}:${event.id}`, data.noteId]);
    });
  const applied = (label: string, eventId: string) => async () =>
    (await sql('select 1 from applied_effect where event_id = ?', [`${label}:${eventId}`])).length === 1 ? true : undefined;

  it('rides out a 14 s broker outage on the consumer client without crashing, and handles the next event within 2 s of its return', async () => {
    // A client whose retries run out crashes its consumer, which kafkajs restarts as a new group
    // member; after a broker restart the broker holds such a member back until the old member's
    // 10 s session expires. createKafka's 15 retries last about 12 s; the consumer client's 25, 22 s.
    const proxy = await startTcpProxy(brokerAddress(brokers));
    proxies.push(proxy);
    const behind = createConsumerKafka({ brokers, clientId: 'bus-faults-keep', logger, socketFactory: proxiedKafkaSockets(proxy) });
    const consumer = createEventConsumer({ kafka: behind, orm, groupId: 'keep', topicPrefix: prefix, producer, logger, handlers: [effect('keep')] });
    stops.push(() => consumer.stop());
    await consumer.start();

    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 14000));
    const eventId = await writeNote('after a long outage');
    await createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: 'outbox-relay:faults-keep' }).relayOnce();
    await proxy.restore();
    const back = Date.now();
    await waitFor(applied('keep', eventId), { what: 'the consumer to handle the event after the outage', intervalMs: 20 });
    const resumedMs = Date.now() - back;
    if (process.env.BUS_FIGURES) console.info(`consumer: handled an event ${resumedMs} ms after a 14 s broker outage ended`);
    expect(consumer.stats()).toMatchObject({ crashes: 0, relaunches: 0 });
    expect(resumedMs).toBeLessThan(2000);
  });

  /**
   * Consumer `name` (its group, client and handler named so) starts alone, its requests of `api`
   * refusable; a second member then joins the group while the first's `api` requests are refused,
   * until `refusals` were, and leaves again. Returns the first member and the id of an event written
   * (`after the refused <noted>`) and relayed after that.
   */
  async function rejoinWhileRefused(name: string, api: number, refusals: number, refused: string, noted: string): Promise<{ consumer: EventConsumer; eventId: string }> {
    const proxy = await startTcpProxy(brokerAddress(brokers));
    proxies.push(proxy);
    const fault = refusingKafkaRequests(proxiedKafkaSockets(proxy), [api]);
    const behind = createKafka({ brokers, clientId: `bus-faults-${name}`, logger, socketFactory: fault.socketFactory });
    const member = (k: Kafka) => createEventConsumer({ kafka: k, orm, groupId: name, topicPrefix: prefix, producer, logger, handlers: [effect(name)] });
    const consumer = member(behind);
    stops.push(() => consumer.stop());
    await consumer.start();

    fault.arm();
    const second = member(kafka);
    const secondJoined = second.start();
    await waitFor(async () => (fault.refused >= refusals ? true : undefined), { what: `the first member to be refused ${refused}`, timeoutMs: 20000 });
    fault.disarm();
    await secondJoined;
    // The second member leaves; the first is the group's only member again.
    await second.stop();

    const eventId = await writeNote(`after the refused ${noted}`);
    await createOutboxRelay({ orm, producer, logger, topicPrefix: prefix, lockName: `outbox-relay:faults-${name}` }).relayOnce();
    return { consumer, eventId };
  }

  it('keeps its member through a rejoin whose group coordinator it cannot find for a while, and handles the next event', async () => {
    // A rebalance makes a member find its group coordinator again. When no broker answers that
    // request, kafkajs throws KafkaJSGroupCoordinatorNotFound, which it neither retries nor restarts
    // the consumer after: the member was replaced by a new one (`relaunch`), which the broker held
    // back until the old member's 10 s session expired. With `retryUnreachableCoordinator` the
    // lookup is retried and the same member rejoins as soon as it can.
    // The first must rejoin, and cannot reach its coordinator for a while (within its 10 s session:
    // the second member's join waits for it meanwhile).
    const { consumer, eventId } = await rejoinWhileRefused('relaunch', KAFKA_API.FindCoordinator, 3, 'its coordinator three times', 'lookups');
    await waitFor(applied('relaunch', eventId), { what: 'the first member to apply the event', timeoutMs: 20000 });
    expect(consumer.stats()).toMatchObject({ crashes: 0, relaunches: 0 });
  });

  it('joins its group again when its SyncGroup failed after its JoinGroup passed, so its offsets are committed', async () => {
    // kafkajs went on with the new generation id and the old generation's assignment: the broker
    // answered its heartbeats (a group waiting for the leader's SyncGroup does) and refused its offset
    // commits until it dropped the member after the 60 s rebalance timeout; the other member's join
    // waited as long.
    // The first, the leader, must join and sync again, and its SyncGroup fails.
    const { consumer, eventId } = await rejoinWhileRefused('resync', KAFKA_API.SyncGroup, 1, 'its SyncGroup once', 'sync');
    await waitFor(applied('resync', eventId), { what: 'the first member to apply the event', timeoutMs: 10000 });
    const topic = `${prefix}${NoteWrittenV1.topic}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId: kafkaGroupId(prefix, 'resync'), topics: [topic] });
          const at = new Map(committed?.partitions.map((p) => [p.partition, p.offset]));
          return ends.every((end) => end.high === '0' || at.get(end.partition) === end.high) ? true : undefined;
        },
        { what: "the first member's offsets to be committed up to the event", timeoutMs: 10000 },
      );
    } finally {
      await admin.disconnect();
    }
    expect(consumer.stats()).toMatchObject({ crashes: 0, relaunches: 0 });
  });
});

describe('the relay through a broker outage', () => {
  it('holds no transaction open while the broker is away, and publishes within 1 s of its return', async () => {
    const proxy = await startTcpProxy(brokerAddress(brokers));
    proxies.push(proxy);
    const relayProducer = createProducer({ brokers, clientId: 'bus-faults-relay', logger, socketFactory: proxiedKafkaSockets(proxy) });
    await relayProducer.connect();
    stops.push(() => relayProducer.disconnect());
    const relay: OutboxRelay = createOutboxRelay({ orm, producer: relayProducer, logger, topicPrefix: prefix, lockName: 'outbox-relay:faults-relay', pollIntervalMs: 50 });
    stops.push(() => relay.stop());
    relay.start();
    const before = await writeNote('before the outage');
    await waitFor(async () => ((await sql<{ p: Date | null }>('select published_at as p from outbox_message where id = ?', [before]))[0]?.p ? true : undefined), {
      what: 'the relay to publish',
    });

    await proxy.cut();
    const during = await writeNote('during the outage');
    // Three seconds of outage, sampled: the oldest open transaction on this database, any connection.
    let oldestTransactionSeconds = 0;
    const outageEnds = Date.now() + 3000;
    while (Date.now() < outageEnds) {
      const [row] = await sql<{ age: number }>(
        `select coalesce(max(extract(epoch from now() - xact_start)), 0)::float as age from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
      );
      oldestTransactionSeconds = Math.max(oldestTransactionSeconds, row?.age ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(oldestTransactionSeconds).toBeLessThan(1);
    expect((await sql<{ p: Date | null }>('select published_at as p from outbox_message where id = ?', [during]))[0]?.p).toBeNull();

    await proxy.restore();
    const back = Date.now();
    await waitFor(async () => ((await sql<{ p: Date | null }>('select published_at as p from outbox_message where id = ?', [during]))[0]?.p ? true : undefined), {
      what: 'the relay to publish after the broker returned',
      intervalMs: 10,
    });
    const resumedMs = Date.now() - back;
    logger.info({ resumedMs, oldestTransactionSeconds }, 'relay outage figures');
    if (process.env.BUS_FIGURES)
      console.info(`relay: oldest transaction during a 3 s broker outage ${oldestTransactionSeconds.toFixed(3)} s; resumed ${resumedMs} ms after the broker returned`);
    expect(resumedMs).toBeLessThan(1000);
  });
});
