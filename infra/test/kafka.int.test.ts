import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBrokers } from '@rapport/contracts';
import { ensureTopicsAt, kafkaAnswers } from '../src/kafka-admin.js';
import { ensureKafka, startPrivateBroker, type KafkaConnection } from '../src/kafka-broker.js';
import { freePort } from '../src/processes.js';

// Against the broker `npm test` provides in KAFKA_BROKERS (a private one when run on its own).
let brokers = '';
let own: KafkaConnection | null = null;
const runId = randomUUID().slice(0, 8);
const topicA = `infra-test-${runId}.a`;
const topicB = `infra-test-${runId}.b`;

beforeAll(async () => {
  if (process.env.KAFKA_BROKERS) {
    brokers = process.env.KAFKA_BROKERS;
  } else {
    own = await startPrivateBroker({ env: process.env, quiet: true });
    brokers = own.brokers;
  }
}, 120_000);

afterAll(async () => {
  if (brokers) {
    const admin = new Kafka({ clientId: 'infra-test', brokers: parseBrokers(brokers), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const ours = [topicA, topicB].filter((t) => existing.has(t));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
    await admin.disconnect();
  }
  await own?.stop();
}, 60_000);

describe('ensureKafka', () => {
  it('uses the brokers KAFKA_BROKERS names without starting one, and leaves them running on stop', async () => {
    const kafka = await ensureKafka({ env: { KAFKA_BROKERS: brokers }, quiet: true });

    expect(kafka.brokers).toBe(brokers);
    expect(kafka.process).toBeNull();
    await kafka.stop();
    expect(await kafkaAnswers(parseBrokers(brokers))).toBeNull();
  });

  it('fails naming KAFKA_BROKERS when nothing answers there', async () => {
    const port = await freePort();

    await expect(ensureKafka({ env: { KAFKA_BROKERS: `127.0.0.1:${port}` }, kafkaBrokersTimeoutMs: 1_000, quiet: true })).rejects.toThrow(
      `Kafka at KAFKA_BROKERS=127.0.0.1:${port} is not ready after 1 s`,
    );
  });
});

describe('ensureTopicsAt', () => {
  it('creates the missing topics with three partitions and leaves existing ones alone', async () => {
    const list = parseBrokers(brokers);

    expect(await ensureTopicsAt(list, [topicA])).toEqual([topicA]);
    expect(await ensureTopicsAt(list, [topicA, topicB])).toEqual([topicB]);
    expect(await ensureTopicsAt(list, [topicA, topicB])).toEqual([]);

    const admin = new Kafka({ clientId: 'infra-test', brokers: list, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topicA, topicB] });
      expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);
    } finally {
      await admin.disconnect();
    }
  }, 60_000);
});
