import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';

export interface OutboxRelayOptions {
  orm: MikroORM;
  producer: Producer;
  logger: Logger;
  /** Namespace put before every topic name (empty in production, per-run in tests). */
  topicPrefix: string;
  /** One relay per database publishes at a time, so one aggregate's events keep their order. */
  lockName: string;
  pollIntervalMs?: number;
  batchSize?: number;
  /** Called after Kafka acknowledged a batch and before the rows are marked sent. */
  onPublished?: (ids: string[]) => Promise<void> | void;
}

export interface OutboxRelay {
  start(): void;
  stop(): Promise<void>;
  /** Publishes what is pending now; resolves with the number of events published. */
  relayOnce(): Promise<number>;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Moves outbox rows to Kafka. Rows are locked with FOR UPDATE SKIP LOCKED, published with the
 * idempotent producer (key = aggregate id), then marked sent in the same transaction. If the
 * process dies between publishing and committing, the rows stay pending and are published again:
 * delivery is at-least-once, and consumers' inboxes make it effectively once.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { orm, producer, logger, topicPrefix, lockName } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const batchSize = options.batchSize ?? 200;
  const log = logger.child({ component: 'outbox-relay' });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function relayOnce(): Promise<number> {
    const em = orm.em.fork() as SqlEntityManager;
    return em.transactional(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [lockName]);
      if (!lock?.locked) return 0;
      const rows = await tx.execute<OutboxRow[]>(
        `select id, topic, message_key, payload, headers from outbox_message
          where published_at is null order by created_at, id limit ? for update skip locked`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, topicRows]) => ({
          topic: `${topicPrefix}${topic}`,
          messages: topicRows.map((row) => ({ key: row.message_key, value: JSON.stringify(row.payload), headers: row.headers })),
        })),
      });
      const ids = rows.map((r) => r.id);
      await options.onPublished?.(ids);
      await tx.execute('update outbox_message set published_at = now() where id in (?)', [ids]);
      log.debug({ count: ids.length }, 'relayed outbox events');
      return ids.length;
    });
  }

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        const count = await relayOnce();
        failures = 0;
        if (count < batchSize && running) await pause(pollIntervalMs);
      } catch (error) {
        failures += 1;
        log.error({ err: error, failures }, 'outbox relay failed; retrying');
        if (running) await pause(Math.min(5000, pollIntervalMs * 2 ** failures));
      }
    }
  }

  return {
    relayOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
