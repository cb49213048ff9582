import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { createEvent } from '@rapport/contracts';
import { testKafkaBrokers, testTopicPrefix, waitFor } from '@rapport/testing';
import { AssignerProtocol, type Admin, type ISocketFactory, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerKafka, createEventConsumer, createKafka, createProducer, FETCH_WAIT_MS, kafkaGroupId, on, type EventConsumer } from '../src/index.js';
import { logger, NoteWrittenV1, startBusTestBed, type BusTestBed } from './bus-fixture.js';

// The consumer's long fetch: the broker holds an idle member's fetch FETCH_WAIT_MS (3 s), which
// must cost neither the stop, nor a rebalance, nor an event's latency.

let bed: BusTestBed | undefined;
let producer: Producer;
let admin: Admin;
const brokers = testKafkaBrokers();
const prefix = testTopicPrefix();
const topic = `${prefix}${NoteWrittenV1.topic}`;
const running: EventConsumer[] = [];

/** Broker connections that note when a Fetch request is written on them (its API key, 1, after the size). */
function watchingFetches(): { socketFactory: ISocketFactory; fetchWritten(): Promise<void> } {
  let waiters: (() => void)[] = [];
  return {
    socketFactory: ({ host, port, onConnect }) => {
      const socket = connect({ host, port }, onConnect);
      socket.setKeepAlive(true, 60000);
      socket.on('data', () => undefined);
      const write = socket.write;
      socket.write = function watched(this: typeof socket, ...args: unknown[]): boolean {
        const [chunk] = args;
        const written = Reflect.apply(write, this, args) as boolean;
        if (Buffer.isBuffer(chunk) && chunk.length >= 6 && chunk.readInt16BE(4) === 1) {
          const woken = waiters;
          waiters = [];
          for (const wake of woken) wake();
        }
        return written;
      };
      return socket;
    },
    fetchWritten: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

/** A member of group `group` on a client of its own; `handled` receives each note's text. */
function member(group: string, handled: (text: string) => void, socketFactory?: ISocketFactory): EventConsumer {
  const consumer = createEventConsumer({
    kafka: createConsumerKafka({ brokers, clientId: `bus-fetch-wait-${group}`, logger, ...(socketFactory ? { socketFactory } : {}) }),
    orm: bed!.orm,
    groupId: group,
    topicPrefix: prefix,
    producer,
    logger,
    handlers: [on(NoteWrittenV1, async ({ text }) => handled(text))],
  });
  running.push(consumer);
  return consumer;
}

const send = async (text: string): Promise<void> => {
  const event = createEvent(NoteWrittenV1, randomUUID(), { noteId: randomUUID(), text });
  await producer.send({ topic, acks: -1, messages: [{ key: event.subject ?? null, value: JSON.stringify(event) }] });
};

/** The group's state and, per member, how many partitions it holds. */
async function group(name: string): Promise<{ state: string; partitions: number[] }> {
  const { groups } = await admin.describeGroups([kafkaGroupId(prefix, name)]);
  const described = groups[0]!;
  const held = (assignment: Buffer): number =>
    Object.values(AssignerProtocol.MemberAssignment.decode(assignment)?.assignment ?? {}).reduce((sum, partitions) => sum + partitions.length, 0);
  return { state: described.state, partitions: described.members.map((m) => held(m.memberAssignment)) };
}

beforeAll(async () => {
  bed = await startBusTestBed('bus_fetch_wait', brokers, prefix, ['stop', 'latency', 'pair']);
  producer = createProducer({ brokers, clientId: 'bus-fetch-wait-test', logger });
  await producer.connect();
  admin = createKafka({ brokers, clientId: 'bus-fetch-wait-admin', logger }).admin();
  await admin.connect();
});

afterAll(async () => {
  for (const consumer of running) await consumer.stop().catch(() => undefined);
  await admin?.disconnect();
  await producer?.disconnect();
  await bed?.stop();
});

describe("the consumer's long fetch", () => {
  it('waits longer than a second, and its stop does not wait for it: the member leaves the group at once', async () => {
    expect(FETCH_WAIT_MS).toBeGreaterThanOrEqual(3000);
    const watch = watchingFetches();
    const consumer = member('stop', () => undefined, watch.socketFactory);
    await consumer.start();
    // A fetch has just been written: the broker holds it FETCH_WAIT_MS, there being nothing to read.
    await watch.fetchWritten();
    const started = performance.now();
    await consumer.stop();
    const took = performance.now() - started;
    expect(took).toBeLessThan(1000);
    // Left the group (not merely gone until its session expires): nobody holds its partitions.
    expect((await group('stop')).state).toBe('Empty');
  });

  it('handles an event sent while the fetch waits at once: the broker answers the fetch when it arrives', async () => {
    const watch = watchingFetches();
    const handled: { text: string; at: number }[] = [];
    const consumer = member('latency', (text) => void handled.push({ text, at: performance.now() }), watch.socketFactory);
    await consumer.start();
    for (const text of ['first', 'second']) {
      await watch.fetchWritten();
      const sent = performance.now();
      await send(text);
      const done = await waitFor(async () => handled.find((h) => h.text === text), { timeoutMs: 10_000, intervalMs: 20, what: `note ${text} handled` });
      expect(done.at - sent).toBeLessThan(FETCH_WAIT_MS / 2);
    }
    await consumer.stop();
  });

  it('rebalances promptly when a second member joins and when it leaves', async () => {
    const first = member('pair', () => undefined);
    await first.start();
    expect(await group('pair')).toEqual({ state: 'Stable', partitions: [3] });
    // The second member's join waits for the first to rejoin, which it learns at its next heartbeat (after its fetch).
    const second = member('pair', () => undefined);
    let started = performance.now();
    await second.start();
    expect(performance.now() - started).toBeLessThan(FETCH_WAIT_MS + 2000);
    expect((await group('pair')).partitions.sort()).toEqual([1, 2]);
    started = performance.now();
    await second.stop();
    expect(performance.now() - started).toBeLessThan(1000);
    await waitFor(async () => ((await group('pair')).partitions.join() === '3' ? true : undefined), {
      timeoutMs: 15_000,
      intervalMs: 100,
      what: 'the first member holding all three partitions again',
    });
    expect(performance.now() - started).toBeLessThan(FETCH_WAIT_MS + 2000);
  });
});
