import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { parseData, parseEnvelope, type CloudEvent, type EventDefinition } from '@rapport/contracts';
import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { deadLetterTopic, kafkaGroupId } from './kafka.js';

/** A handler for one event type; it receives the transaction's EntityManager. */
export interface EventHandlerRegistration {
  type: string;
  topic: string;
  run(event: CloudEvent, em: SqlEntityManager): Promise<void>;
}

/** Registers `fn` for `definition`; the payload is validated against the contract first. */
export function on<TType extends string, TSchema extends z.ZodTypeAny>(
  definition: EventDefinition<TType, TSchema>,
  fn: (data: z.infer<TSchema>, event: CloudEvent, em: SqlEntityManager) => Promise<void>,
): EventHandlerRegistration {
  return {
    type: definition.type,
    topic: definition.topic,
    run: (event, em) => fn(parseData(definition, event), event, em),
  };
}

export interface RetryPolicy {
  /** Attempts in all, the first included, before the event goes to the dead-letter topic. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  orm: MikroORM;
  /** The consumer's name: the inbox's consumer, the dead-letter topic's suffix, and (namespaced) the Kafka group. */
  groupId: string;
  topicPrefix: string;
  handlers: EventHandlerRegistration[];
  /** Publishes failed events to the dead-letter topic. */
  producer: Producer;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

export interface EventConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type ApplyResult = 'applied' | 'duplicate';

/**
 * Applies `event` through `handler` at most once for `consumer`: the inbox row and the effect
 * are written in one transaction, so a redelivered event finds its id and does nothing.
 */
export async function applyOnce(
  orm: MikroORM,
  consumer: string,
  handlers: readonly EventHandlerRegistration[],
  event: CloudEvent,
): Promise<ApplyResult> {
  const em = orm.em.fork() as SqlEntityManager;
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ event_id: string }[]>(
      'insert into inbox_message (consumer, event_id, type, handled_at) values (?, ?, ?, now()) on conflict do nothing returning event_id',
      [consumer, event.id, event.type],
    );
    if (inserted.length === 0) return 'duplicate';
    for (const handler of handlers) await handler.run(event, tx);
    return 'applied';
  });
}

const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/**
 * A consumer group member that applies events through the inbox, retries a failing handler with
 * exponential backoff, and sends an event that keeps failing to the group's dead-letter topic
 * with its error, so the partition moves on and the event can be replayed later.
 */
export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  const { kafka, orm, groupId, topicPrefix, producer } = options;
  const retry: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5000, ...options.retry };
  const log = options.logger.child({ component: 'event-consumer', groupId });
  // Several handlers may share a type (a service's own and the kit's); they run in one transaction.
  const byType = new Map<string, EventHandlerRegistration[]>();
  for (const h of options.handlers) byType.set(h.type, [...(byType.get(h.type) ?? []), h]);
  const topics = [...new Set(options.handlers.map((h) => `${topicPrefix}${h.topic}`))];
  const dlq = deadLetterTopic(topicPrefix, groupId);
  let consumer: Consumer | undefined;

  async function deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'x-original-topic': topic,
            'x-original-partition': String(partition),
            'x-original-offset': message.offset,
            'x-error': reason.slice(0, 2000),
            'x-attempts': String(attempts),
            'x-failed-consumer': groupId,
            'x-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    log.error({ topic, partition, offset: message.offset, attempts, reason }, 'event dead-lettered');
  }

  async function handleMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    let event: CloudEvent;
    try {
      event = parseEnvelope(message.value?.toString() ?? '');
    } catch (error) {
      await deadLetter(topic, partition, message, new Error(`not a CloudEvent: ${(error as Error).message}`), 0);
      return;
    }
    const handlers = byType.get(event.type);
    if (!handlers) return;
    const eventLog = log.child({ eventId: event.id, type: event.type, requestId: event.requestid ?? headerText(message.headers, 'x-request-id') });
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await applyOnce(orm, groupId, handlers, event);
        eventLog.debug({ result }, 'event handled');
        return;
      } catch (error) {
        if (attempt >= retry.attempts) {
          await deadLetter(topic, partition, message, error, attempt);
          return;
        }
        const delay = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1));
        eventLog.warn({ err: error, attempt, delay }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        await heartbeat();
      }
    }
  }

  return {
    async start() {
      // A short fetch wait keeps shutdown under a second; a 10 s session lets a crashed member's
      // partitions move on quickly. Retry back-off heartbeats, so long retries keep the session.
      const c = kafka.consumer({ groupId: kafkaGroupId(topicPrefix, groupId), allowAutoTopicCreation: false, sessionTimeout: 10000, heartbeatInterval: 1000, maxWaitTimeInMs: 1000 });
      consumer = c;
      const joined = new Promise<void>((resolve) => {
        c.on(c.events.GROUP_JOIN, () => resolve());
      });
      await c.connect();
      await c.subscribe({ topics, fromBeginning: true });
      await c.run({
        autoCommit: true,
        eachMessage: async ({ topic, partition, message, heartbeat }) => handleMessage(topic, partition, message, heartbeat),
      });
      await joined;
      log.info({ topics }, 'consumer joined its group');
    },
    async stop() {
      await consumer?.disconnect();
      consumer = undefined;
    },
  };
}
