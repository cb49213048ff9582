import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { parseData, parseEnvelope, type CloudEvent, type EventDefinition, type EventMetadata } from '@rapport/contracts';
import { BoundedMap } from '@rapport/errors';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { contextFrom, inSpan, SpanKind, type Tracer } from '@rapport/telemetry';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { pgArray } from './bulk.js';
import { classifyFailure, isUnavailableFailure, type FailureKind } from './failure.js';
import { deadLetterTopic, disconnectPromptly, kafkaGroupId } from './kafka.js';

/** A handler for one event type; it receives the transaction's EntityManager. */
export interface EventHandlerRegistration {
  type: string;
  topic: string;
  run(event: CloudEvent, em: SqlEntityManager): Promise<void>;
}

/** Registers `fn` for `definition`; the payload is validated against the contract first. */
export function on<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
  fn: (data: z.infer<TSchema>, event: CloudEvent, em: SqlEntityManager) => Promise<void>,
): EventHandlerRegistration {
  return {
    type: definition.type,
    topic: definition.topic,
    run: (event, em) => fn(parseData(definition, event), event, em),
  };
}

/**
 * The metadata for events a handler writes because of `event`: caused by it, in its correlation,
 * for the same request and actor, so a chain of events can be followed back to what started it.
 */
export const causedBy = (event: CloudEvent): EventMetadata => ({
  causationId: event.id,
  correlationId: event.correlationid,
  requestId: event.requestid,
  actor: event.actor,
});

export interface RetryPolicy {
  /**
   * Attempts in all, the first included, before an event whose failure is neither transient nor the
   * event's own (see `classifyFailure`) goes to the dead-letter topic. Transient failures (the
   * database or broker away) are retried without limit and do not count.
   */
  attempts: number;
  initialDelayMs: number;
  /**
   * The longest wait between two attempts; kept under the group's session timeout (10 s). Transient
   * failures wait at most `TRANSIENT_MAX_DELAY_MS` (or this, when shorter).
   */
  maxDelayMs: number;
}

/**
 * The longest wait between two attempts at an event while a dependency is away (a transient
 * failure), or at sending a dead letter: how long after the database's or the broker's return an
 * event waiting for it may still wait. With `maxDelayMs` (5 s) an event waited up to 5 s after the
 * outage ended; an attempt while the dependency is away costs one refused connection.
 */
export const TRANSIENT_MAX_DELAY_MS = 1000;

/** The retry policy of a consumer given none (the services' production policy). */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5000 };

export interface EventConsumerOptions {
  kafka: Kafka;
  orm: MikroORM;
  /** The consumer's name: the inbox's consumer, the dead-letter topic's suffix, and (namespaced) the Kafka group. */
  groupId: string;
  topicPrefix: string;
  handlers: EventHandlerRegistration[];
  /**
   * Publishes failed events to the dead-letter topic: a producer, or a function that returns the
   * current one (the relay may replace its producer after a broker crash; see `renewProducer`).
   */
  producer: Producer | (() => Producer);
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /**
   * Partitions handled at once (1 by default): each partition's events stay in order either way.
   * Above 1, events of different partitions and topics run side by side, as with two replicas:
   * only for a consumer whose every handler locks what it reads and changes (two events about
   * one stock row or one order line arrive on different topics).
   */
  partitionsConsumedConcurrently?: number;
  /**
   * How often handled offsets are committed to Kafka, at most (100 ms by default): after a batch
   * when this long has passed since the last commit, without the next batch waiting for it;
   * otherwise this long after the last one (and at once, awaited, when the consumer stops or a batch
   * fails). kafkajs' auto-commit sent one OffsetCommit round trip after every partition's batch,
   * and the next batch waited for it: at 200 events/s, most batches hold one or two events, so that
   * was a large share of the fetch-handle-commit cycle commit-to-effect latency waits on. An offset
   * is committed only once its event's transaction committed, so what a crash leaves uncommitted (at
   * most this long's events) is delivered again and found in the inbox. What reads committed
   * offsets (the lag metric, tests' `waitUntilHandled`) sees an event this much later at most.
   */
  commitIntervalMs?: number;
  /**
   * Traces handling (the service's tracer; null or absent when tracing is off): each event is handled
   * in a CONSUMER span whose parent is the context its message's `traceparent` header carries (the
   * producer's span), so the trace runs from the request that caused the event through its effects.
   */
  tracer?: Tracer | null;
}

/** Runs an event's handling (`work`); the consumer wraps it in the event's span when tracing is on. */
export type AroundEvent = (event: CloudEvent, work: () => Promise<void>) => Promise<void>;

const directly: AroundEvent = (_event, work) => work();

/** One event sent to the dead-letter topic by this process. */
export interface DeadLetterEntry {
  eventId: string | null;
  type: string | null;
  topic: string;
  partition: number;
  offset: string;
  reason: string;
  kind: FailureKind;
  attempts: number;
  at: Date;
}

/** What a consumer has been doing since it started. */
export interface EventConsumerStats {
  groupId: string;
  /** The topics it reads, namespaced. */
  topics: string[];
  /** Its dead-letter topic, namespaced. */
  deadLetterTopic: string;
  /** Events dead-lettered since the process started. */
  deadLettered: number;
  /** The latest dead letters (at most 20), newest first. */
  recentDeadLetters: DeadLetterEntry[];
  /** Retries after transient failures since the process started. */
  transientRetries: number;
  /** The transient failure it is waiting out now, if any (the partition does not move meanwhile). */
  waitingOut: { since: Date; attempts: number; reason: string } | null;
  /** Times the kafkajs consumer crashed since the process started (kafkajs restarts it, or `relaunches`). */
  crashes: number;
  /** Crashed consumers kafkajs gave up on and this one replaced with a new group member. */
  relaunches: number;
}

export interface EventConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): EventConsumerStats;
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
  around: AroundEvent = directly,
): Promise<ApplyResult> {
  const em = orm.em.fork() as SqlEntityManager;
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ event_id: string }[]>(
      'insert into inbox_message (consumer, event_id, type, handled_at) values (?, ?, ?, now()) on conflict do nothing returning event_id',
      [consumer, event.id, event.type],
    );
    if (inserted.length === 0) return 'duplicate';
    await around(event, async () => {
      for (const handler of handlers) await handler.run(event, tx);
    });
    return 'applied';
  });
}

/**
 * Applies `events` (in order, one partition's) at most once each for `consumer`, in ONE
 * transaction: the inbox rows of all of them in one statement, then the handlers of those not
 * handled before, each event's changes flushed and the identity map cleared before the next, as
 * if each had its own transaction. Any failure rolls back the whole batch; a handler's is thrown as
 * `BatchEventFailure`, naming the event. Answers how many were applied.
 */
export async function applyBatchOnce(
  orm: MikroORM,
  consumer: string,
  handlersOf: (type: string) => readonly EventHandlerRegistration[],
  events: readonly CloudEvent[],
  around: AroundEvent = directly,
): Promise<number> {
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  const em = orm.em.fork() as SqlEntityManager;
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<{ event_id: string }[]>(
      `insert into inbox_message (consumer, event_id, type, handled_at)
       select ?, x.id, x.type, now() from unnest(?::text[], ?::text[]) as x(id, type)
       on conflict do nothing returning event_id`,
      [consumer, pgArray(unique.map((e) => e.id)), pgArray(unique.map((e) => e.type))],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    let applied = 0;
    for (const event of unique) {
      if (!fresh.has(event.id)) continue;
      try {
        await around(event, async () => {
          for (const handler of handlersOf(event.type)) await handler.run(event, tx);
          await tx.flush();
        });
      } catch (error) {
        throw new BatchEventFailure(event.id, error);
      }
      tx.clear();
      applied += 1;
    }
    return applied;
  });
}

/** Thrown out of `applyBatchOnce` when an event's handler (or its flush) failed: which one, and why. */
export class BatchEventFailure extends Error {
  constructor(
    readonly eventId: string,
    override readonly cause: unknown,
  ) {
    super(`handling event ${eventId} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BatchEventFailure';
  }
}

/** How applying several messages together went; `at` is the failing message's index, when known. */
type Together = { ok: true } | { ok: false; at?: number; failure?: { error: unknown } };

/** How long the broker holds an idle member's fetch (answered at once when an event arrives). */
export const FETCH_WAIT_MS = 3000;

/** The most events one consumer transaction applies together. */
const MAX_BATCH = 100;

const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/** Thrown out of a message's retry loop when the consumer stops: the offset must not be committed. */
class ConsumerStopping extends Error {
  constructor() {
    super('consumer stopping; the event will be handled after restart');
    this.name = 'ConsumerStopping';
  }
}

const RECENT_DEAD_LETTERS = 20;
/** How many dead-lettered message positions a consumer remembers to not send one twice. */
const REMEMBERED_DEAD_LETTERS = 10000;

/**
 * A consumer group member that applies events through the inbox. A failing event is retried with
 * exponential backoff (capped) on its partition, which does not move meanwhile; the member keeps
 * heartbeating, so its group session survives outages of any length. What happens then depends on
 * `classifyFailure`: transient failures (database or broker away) are retried until they pass;
 * an event that cannot be applied (invalid payload, business refusal) goes to the group's
 * dead-letter topic at once; anything else after `retry.attempts` attempts. A dead letter carries
 * its error in its headers, is logged at error level and counted (`stats()`), and can be replayed.
 */
export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  const { kafka, orm, groupId, topicPrefix } = options;
  const producer = (): Producer => (typeof options.producer === 'function' ? options.producer() : options.producer);
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const log = options.logger.child({ component: 'event-consumer', groupId });
  // Several handlers may share a type (a service's own and the kit's); they run in one transaction.
  const byType = new Map<string, EventHandlerRegistration[]>();
  for (const h of options.handlers) byType.set(h.type, [...(byType.get(h.type) ?? []), h]);
  const topics = [...new Set(options.handlers.map((h) => `${topicPrefix}${h.topic}`))];
  const dlq = deadLetterTopic(topicPrefix, groupId);
  let consumer: Consumer | undefined;
  const commitIntervalMs = options.commitIntervalMs ?? 100;
  let lastCommitAt = 0;
  let commitTimer: NodeJS.Timeout | undefined;
  /** Commits the offsets resolved so far (of every partition this member holds); best effort. */
  let commitResolved: () => Promise<void> = async () => undefined;
  let stopping = false;
  let onJoin: () => void = () => undefined;
  const wakers = new Set<() => void>();
  // Messages this consumer sent to the dead-letter topic, by position. A rebalance before the
  // offset was committed hands the same message back; it is skipped, not dead-lettered twice.
  // A replay re-publishes at a new offset, so it is handled again. (Across a restart the
  // dead-letter topic may still hold a copy twice: replay sends both, and the inbox keeps one.)
  const deadLetteredAt = new BoundedMap<string, true>(REMEMBERED_DEAD_LETTERS);
  const tracer = options.tracer ?? null;
  /** Handles an event in a CONSUMER span continuing the trace its message's headers carry (tracing on). */
  const tracedBy =
    (topic: string, partition: number, headersOf: (event: CloudEvent) => IHeaders | undefined): AroundEvent =>
    (event, work) =>
      inSpan(
        tracer,
        `process ${topic}`,
        {
          kind: SpanKind.CONSUMER,
          parent: contextFrom(headersOf(event)),
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'process',
            'messaging.destination.name': topic,
            'messaging.destination.partition.id': String(partition),
            'messaging.consumer.group.name': groupId,
            'messaging.message.id': event.id,
            'cloudevents.event_type': event.type,
          },
        },
        work,
      );
  const stats: EventConsumerStats = {
    groupId,
    topics,
    deadLetterTopic: dlq,
    deadLettered: 0,
    recentDeadLetters: [],
    transientRetries: 0,
    waitingOut: null,
    crashes: 0,
    relaunches: 0,
  };

  /** The wait before attempt `attempt + 1`: doubling from `initialDelayMs`, capped (lower for a transient failure). */
  const backoff = (attempt: number, transient: boolean): number =>
    Math.min(transient ? Math.min(retry.maxDelayMs, TRANSIENT_MAX_DELAY_MS) : retry.maxDelayMs, retry.initialDelayMs * 2 ** Math.min(attempt - 1, 20));

  /** Waits `ms`, or less when the consumer stops. */
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  async function deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number, kind: FailureKind, event: CloudEvent | null): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    await producer().send({
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
            'x-failure-kind': kind,
            'x-attempts': String(attempts),
            'x-failed-consumer': groupId,
            'x-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    deadLetteredAt.set(`${topic}:${partition}:${message.offset}`, true);
    stats.deadLettered += 1;
    stats.recentDeadLetters.unshift({
      eventId: event?.id ?? null,
      type: event?.type ?? null,
      topic,
      partition,
      offset: message.offset,
      reason: reason.slice(0, 500),
      kind,
      attempts,
      at: new Date(),
    });
    stats.recentDeadLetters.length = Math.min(stats.recentDeadLetters.length, RECENT_DEAD_LETTERS);
    log.error({ topic, partition, offset: message.offset, eventId: event?.id, type: event?.type, attempts, kind, reason, deadLetterTopic: dlq }, 'event dead-lettered');
  }

  /**
   * `deadLetter` until it is sent: while the dead-letter topic cannot be written (broker away) the
   * partition waits, heartbeating, instead of failing the batch (which crashed the kafkajs consumer
   * and restarted it as a new group member).
   */
  async function deadLetterSurely(heartbeat: () => Promise<void>, ...args: Parameters<typeof deadLetter>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (stopping) throw new ConsumerStopping();
      try {
        await deadLetter(...args);
        if (stats.waitingOut) log.info({ attempts: attempt }, 'dead letter sent after a failure');
        stats.waitingOut = null;
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        stats.transientRetries += 1;
        stats.waitingOut = { since: stats.waitingOut?.since ?? new Date(), attempts: attempt, reason: `dead-letter topic ${dlq}: ${reason}` };
        if (attempt === 1 || attempt % 20 === 0) log.warn({ err: error, attempt, deadLetterTopic: dlq }, 'sending a dead letter failed; retrying until it passes');
        await sleep(backoff(attempt, true));
        if (stopping) throw new ConsumerStopping();
        await heartbeat().catch(() => undefined);
      }
    }
  }

  /**
   * Applies one message, retrying as `RetryPolicy` says, or dead-letters it. `firstFailure` is the
   * failure of an attempt already made (in a batch): it counts as the first.
   */
  async function handleMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>, firstFailure?: { error: unknown }): Promise<void> {
    if (deadLetteredAt.has(`${topic}:${partition}:${message.offset}`)) return;
    let event: CloudEvent;
    try {
      event = parseEnvelope(message.value?.toString() ?? '');
    } catch (error) {
      await deadLetterSurely(heartbeat, topic, partition, message, new Error(`not a CloudEvent: ${(error as Error).message}`), 0, 'event', null);
      return;
    }
    const handlers = byType.get(event.type);
    if (!handlers) return;
    const eventLog = log.child({ eventId: event.id, type: event.type, requestId: event.requestid ?? headerText(message.headers, 'x-request-id') });
    // `failures` counts the attempts that may be the event's fault; transient ones do not count.
    let failures = 0;
    for (let attempt = 1; ; attempt += 1) {
      if (stopping) throw new ConsumerStopping();
      try {
        if (attempt === 1 && firstFailure) throw firstFailure.error;
        const result = await applyOnce(orm, groupId, handlers, event, tracer ? tracedBy(topic, partition, () => message.headers) : directly);
        if (stats.waitingOut) eventLog.info({ attempts: attempt, since: stats.waitingOut.since }, 'event handled after a transient failure');
        stats.waitingOut = null;
        eventLog.debug({ result }, 'event handled');
        return;
      } catch (error) {
        if (stopping) throw new ConsumerStopping();
        const kind = classifyFailure(error);
        if (kind !== 'transient') failures += 1;
        if (kind === 'event' || (kind === 'unknown' && failures >= retry.attempts)) {
          stats.waitingOut = null;
          await deadLetterSurely(heartbeat, topic, partition, message, error, attempt, kind, event);
          return;
        }
        const delay = backoff(attempt, kind === 'transient');
        if (kind === 'transient') {
          stats.transientRetries += 1;
          const reason = error instanceof Error ? error.message : String(error);
          stats.waitingOut = { since: stats.waitingOut?.since ?? new Date(), attempts: attempt, reason };
          // Loud once, then quiet: an outage may last minutes.
          if (attempt === 1 || attempt % 20 === 0) eventLog.warn({ err: error, attempt, delay }, 'transient failure; retrying until it passes');
        } else {
          eventLog.warn({ err: error, attempt, failures, delay }, 'event handler failed; retrying');
        }
        await sleep(delay);
        if (stopping) throw new ConsumerStopping();
        await heartbeat();
      }
    }
  }

  /**
   * Applies `messages` (consecutive, of one partition) in one transaction. When that fails nothing
   * of it is written, and the answer says which message failed (`at`, with its error) when known:
   * one that is not a CloudEvent, or whose handler (or its flush) threw.
   */
  async function applyTogether(topic: string, partition: number, messages: readonly KafkaMessage[]): Promise<Together> {
    const events: CloudEvent[] = [];
    const messageOf = new Map<string, number>();
    const headersOf = (event: CloudEvent): IHeaders | undefined => messages[messageOf.get(event.id) ?? -1]?.headers;
    for (const [index, message] of messages.entries()) {
      if (deadLetteredAt.has(`${topic}:${partition}:${message.offset}`)) continue;
      let event: CloudEvent;
      try {
        event = parseEnvelope(message.value?.toString() ?? '');
      } catch {
        return { ok: false, at: index };
      }
      if (!byType.has(event.type)) continue;
      events.push(event);
      if (!messageOf.has(event.id)) messageOf.set(event.id, index);
    }
    if (events.length === 0) return { ok: true };
    try {
      const applied = await applyBatchOnce(orm, groupId, (type) => byType.get(type) ?? [], events, tracer ? tracedBy(topic, partition, headersOf) : directly);
      stats.waitingOut = null;
      log.debug({ topic, partition, events: events.length, applied }, 'events handled in one transaction');
      return { ok: true };
    } catch (error) {
      if (stopping) throw new ConsumerStopping();
      log.debug({ err: error, topic, partition, events: events.length }, 'a batch failed; applying its events apart');
      if (!(error instanceof BatchEventFailure)) return { ok: false };
      return { ok: false, at: messageOf.get(error.eventId), failure: { error: error.cause } };
    }
  }

  /**
   * One fetched batch of a partition, in order: up to `MAX_BATCH` events per transaction
   * (`applyTogether`). When a chunk fails at a known message, the messages before it are applied
   * together again, that one alone through `handleMessage` (its batch attempt counting as its first:
   * retries, dead letter), and the rest go on in batches; at an unknown place (the inbox insert, the
   * commit), the chunk goes one message at a time. So one bad event is dead-lettered alone and the
   * rest applied. Offsets are resolved only for what was done; a stop or a rebalance leaves the
   * rest for the next member.
   */
  async function handleBatch(payload: EachBatchPayload): Promise<void> {
    const { uncommittedOffsets, commitOffsetsIfNecessary } = payload;
    const member = consumer;
    commitResolved = async () => {
      clearTimeout(commitTimer);
      commitTimer = undefined;
      // A member kafkajs or `relaunch` replaced has nothing to commit: the new one starts from the last commit.
      if (consumer !== member) return;
      const offsets = uncommittedOffsets();
      if (offsets.topics.length === 0) return;
      lastCommitAt = performance.now();
      try {
        await commitOffsetsIfNecessary(offsets);
      } catch (error) {
        // A rebalance or the broker away: the next member starts from the last commit, the inbox dedupes.
        log.debug({ err: error }, 'committing offsets failed');
      }
    };
    try {
      await handleBatchEvents(payload);
    } catch (error) {
      // As kafkajs' auto-commit did: what was handled before the failure is not handed back.
      await commitResolved();
      throw error;
    }
    if (stopping || !payload.isRunning()) await commitResolved();
    else if (performance.now() - lastCommitAt >= commitIntervalMs) void commitResolved();
    else commitTimer ??= setTimeout(() => void commitResolved(), commitIntervalMs - (performance.now() - lastCommitAt)).unref();
  }

  async function handleBatchEvents({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const live = (): boolean => isRunning() && !isStale() && !stopping;
    const alone = async (message: KafkaMessage, firstFailure?: { error: unknown }): Promise<void> => {
      await handleMessage(topic, partition, message, heartbeat, firstFailure);
      resolveOffset(message.offset);
      await heartbeat();
    };
    const together = async (messages: readonly KafkaMessage[]): Promise<Together> => {
      const outcome = messages.length > 1 ? await applyTogether(topic, partition, messages) : ({ ok: false } as const);
      if (outcome.ok) resolveOffset(messages.at(-1)!.offset);
      return outcome;
    };
    let rest = batch.messages;
    while (rest.length > 0 && live()) {
      const chunk = rest.slice(0, MAX_BATCH);
      const outcome = await together(chunk);
      if (outcome.ok) {
        rest = rest.slice(chunk.length);
      } else if (outcome.at === undefined) {
        for (const message of chunk) {
          if (!live()) return;
          await alone(message);
        }
        rest = rest.slice(chunk.length);
      } else {
        const before = chunk.slice(0, outcome.at);
        if (before.length > 0 && !(await together(before)).ok) {
          for (const message of before) {
            if (!live()) return;
            await alone(message);
          }
        }
        if (!live()) return;
        await alone(chunk[outcome.at]!, outcome.failure);
        rest = rest.slice(outcome.at + 1);
      }
      await heartbeat();
    }
  }

  /**
   * A new kafkajs consumer, running. Its fetch loop retries without limit (at most 1 s apart; the
   * client's own requests have `createKafka`'s budget): a crash restarts the consumer as a new group
   * member, which the broker holds back until the old member's session expires.
   */
  async function launch(): Promise<void> {
    const c = kafka.consumer({
      groupId: kafkaGroupId(topicPrefix, groupId),
      allowAutoTopicCreation: false,
      // The broker holds an idle member's fetch FETCH_WAIT_MS and answers it at once when an event
      // arrives, so the wait costs no latency; `stop` aborts the fetch in flight (kafkajs' stop
      // would wait for it). kafkajs heartbeats only between fetches (and while handling), so the
      // wait is also how long a rebalance takes to reach an idle member: 3 s, one fetch and one
      // heartbeat every 3 s (was a fetch every second and a heartbeat every third). The heartbeat
      // interval is a little under the wait so that each fetch answered empty is followed by one.
      // A 10 s session, three heartbeats, lets a crashed member's partitions move on quickly.
      // Retry back-off heartbeats, so long retries keep the session.
      sessionTimeout: 10000,
      heartbeatInterval: FETCH_WAIT_MS - 500,
      maxWaitTimeInMs: FETCH_WAIT_MS,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    consumer = c;
    c.on(c.events.GROUP_JOIN, () => onJoin());
    c.on(c.events.CRASH, ({ payload }) => {
      stats.crashes += 1;
      // kafkajs restarts a crashed consumer only after errors it deems retriable. Joining the group
      // while the broker is away fails with KafkaJSGroupCoordinatorNotFound, which it does not, and
      // the member would stay dead while the process looks healthy: start a new one instead.
      if (!payload.restart && !stopping && consumer === c) void relaunch(c, payload.error);
    });
    try {
      await c.connect();
      await c.subscribe({ topics, fromBeginning: true });
      await c.run({
        // Offsets are committed by `handleBatch` (`commitIntervalMs`), not after every batch.
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachBatch: handleBatch,
      });
    } catch (error) {
      await c.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async function relaunch(dead: Consumer, error: Error): Promise<void> {
    log.error({ err: error }, 'consumer crashed and kafkajs will not restart it; starting a new member');
    await dead.disconnect().catch(() => undefined);
    for (let attempt = 1; !stopping; attempt += 1) {
      await sleep(Math.min(5000, 100 * 2 ** attempt));
      if (stopping) return;
      try {
        await launch();
        stats.relaunches += 1;
        // Stopped meanwhile: `stop` disconnected the member before this one.
        if (stopping) await consumer?.disconnect();
        return;
      } catch (failure) {
        log.warn({ err: failure, attempt }, 'starting a new consumer member failed; retrying');
      }
    }
  }

  return {
    stats: () => ({ ...stats, recentDeadLetters: [...stats.recentDeadLetters] }),
    async start() {
      stopping = false;
      let joined: () => void = () => undefined;
      const first = new Promise<void>((resolve) => (joined = resolve));
      onJoin = joined;
      // A topic created a moment ago may not be in the broker's metadata yet (UNKNOWN_TOPIC_OR_PARTITION,
      // which kafkajs' metadata refresh does not retry; seen under load in CI): try again for a while.
      for (let attempt = 1; ; attempt += 1) {
        try {
          await launch();
          break;
        } catch (error) {
          if (stopping || !isUnavailableFailure(error) || attempt >= 20) throw error;
          log.warn({ err: error, attempt }, 'starting the consumer failed; retrying');
          await sleep(Math.min(1000, 100 * 2 ** (attempt - 1)));
        }
      }
      // The first member to join, this one or one started after it crashed.
      await first;
      log.info({ topics }, 'consumer joined its group');
    },
    async stop() {
      // A message waiting out an outage gives up its partition (uncommitted) instead of holding the stop.
      stopping = true;
      for (const wake of [...wakers]) wake();
      // What was handled since the last commit (a batch in flight commits its own as it ends).
      await commitResolved();
      // kafkajs' disconnect waits for the fetch in flight before it leaves the group: fail it.
      try {
        await disconnectPromptly(kafka, consumer);
      } finally {
        clearTimeout(commitTimer);
      }
      consumer = undefined;
    },
  };
}
