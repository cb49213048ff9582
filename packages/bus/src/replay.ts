import type { Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { deadLetterTopic, kafkaGroupId } from './kafka.js';

export interface ReplayOptions {
  kafka: Kafka;
  producer: Producer;
  groupId: string;
  topicPrefix: string;
  logger: Logger;
  timeoutMs?: number;
}

/**
 * Re-publishes every dead-lettered event of `groupId` not replayed before to its original topic,
 * unchanged (same id, so consumers that handled it already skip it through their inbox).
 * Progress is kept by the `<group>.replay` consumer group. Resolves with the number replayed.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<number> {
  const { kafka, producer, groupId, topicPrefix } = options;
  const topic = deadLetterTopic(topicPrefix, groupId);
  const replayGroup = kafkaGroupId(topicPrefix, `${groupId}.replay`);
  const admin = kafka.admin();
  await admin.connect();
  let pending = 0;
  const ends = new Map<number, bigint>();
  try {
    const topicOffsets = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: replayGroup, topics: [topic] });
    for (const { partition, high, low } of topicOffsets) {
      const done = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      const start = BigInt(done) >= 0n ? BigInt(done) : BigInt(low);
      const end = BigInt(high);
      if (end > start) {
        pending += Number(end - start);
        ends.set(partition, end);
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (pending === 0) return 0;

  const consumer = kafka.consumer({ groupId: replayGroup, allowAutoTopicCreation: false });
  let replayed = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replay of ${topic} timed out after ${replayed}/${pending}`)), options.timeoutMs ?? 60000);
      const remaining = new Map(ends);
      consumer
        .run({
          autoCommit: true,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            const original = message.headers?.['x-original-topic']?.toString();
            if (original) {
              const {
                ['x-original-topic']: _t,
                ['x-original-partition']: _p,
                ['x-original-offset']: _o,
                ['x-error']: _e,
                ['x-attempts']: _a,
                ['x-failed-consumer']: _c,
                ['x-failed-at']: _f,
                ['x-failure-kind']: _k,
                ...headers
              } = message.headers ?? {};
              await producer.send({ topic: original, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
              replayed += 1;
            }
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  options.logger.info({ topic, replayed }, 'dead letters replayed');
  return replayed;
}
