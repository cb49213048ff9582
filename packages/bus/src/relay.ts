import type { MikroORM } from '@mikro-orm/core';
import { contextFrom, contextOf, failSpan, SpanKind, traceHeaders, type Span, type Tracer } from '@rapport/telemetry';
import type { Producer } from 'kafkajs';
import pg from 'pg';
import type { Logger } from 'pino';
import { OUTBOX_CHANNEL } from './bus-tables.migration.js';

export interface OutboxRelayOptions {
  orm: MikroORM;
  producer: Producer;
  logger: Logger;
  /** Namespace put before every topic name (empty in production, per-run in tests). */
  topicPrefix: string;
  /** One relay per database publishes at a time, so one aggregate's events keep their order. */
  lockName: string;
  /** The database the outbox is in; by default the ORM's. */
  databaseUrl?: string;
  /**
   * The safety-net poll (2 s by default): a commit that wrote outbox rows wakes the relay at once
   * (`OUTBOX_NOTIFY_MIGRATION`'s trigger notifies, the relay listens), so the poll only catches a
   * notification lost with its connection, or a database without the trigger (there, while nothing
   * is published, it backs off to `idlePollMaxMs`).
   */
  pollIntervalMs?: number;
  /**
   * The longest safety-net poll of a leader with nothing to publish (30 s by default): each empty
   * pass doubles the wait from `pollIntervalMs` up to this, and a notification, a published row or
   * a lost connection starts again from `pollIntervalMs`. A relay that does not hold the lock polls
   * for it every `pollIntervalMs`.
   */
  idlePollMaxMs?: number;
  batchSize?: number;
  /** The longest wait between two attempts while the broker or the database is away. */
  maxBackoffMs?: number;
  /** Called after Kafka acknowledged a batch and before the rows are marked sent. */
  onPublished?: (ids: string[]) => Promise<void> | void;
  /**
   * A new, connected producer, for when the broker no longer accepts the current one's producer id
   * or sequence (after the broker crashed: OUT_OF_ORDER_SEQUENCE_NUMBER and the like). kafkajs'
   * idempotent producer never recovers from those by itself, so without a new one the relay would
   * fail on every pass until the process restarts.
   */
  renewProducer?: () => Promise<Producer>;
  /**
   * Traces publishing (the service's tracer; null or absent when tracing is off): an event written in
   * a traced request gets a PRODUCER span, child of the request's, whose context the Kafka message
   * carries in its `traceparent` header, so the consumer's span is its child.
   */
  tracer?: Tracer | null;
}

/**
 * How long a started relay leaves published rows unmarked, waiting for a pass that marks them with
 * its claim (one statement instead of two). At 200 events/s most passes publish one event and the
 * next commit comes within 5 ms, so most marks ride on a claim; while nothing comes, the rows are
 * marked this much later than they were (published_at, the pending-rows metric). If the relay dies
 * meanwhile they are published again, as when it dies between publishing and marking.
 */
const MARK_DELAY_MS = 20;

/** kafkajs protocol errors after which an idempotent producer's id or sequence is no good any more. */
const STALE_PRODUCER_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING']);

/** Whether `error` (or an error it wraps: kafkajs' retrier keeps the last one as `originalError`) says the producer is stale. */
export function isStaleProducerError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { type, originalError, cause } = current as { type?: unknown; originalError?: unknown; cause?: unknown };
    if (typeof type === 'string' && STALE_PRODUCER_ERRORS.has(type)) return true;
    current = originalError ?? cause;
  }
  return false;
}

export interface OutboxRelay {
  start(): void;
  stop(): Promise<void>;
  /**
   * Publishes what is pending now; resolves with the number of events published (0 when another
   * relay holds the database's relay lock). Outside a started relay it lets the lock go after.
   */
  relayOnce(): Promise<number>;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  /** As JSON text: what Kafka carries, without parsing it and writing it again. */
  payload: string;
  headers: Record<string, string>;
}

/** The relay's own connection, and whether it holds the relay lock. */
interface Leadership {
  client: pg.Client;
  alive: boolean;
  leader: boolean;
}

/**
 * Moves outbox rows to Kafka without holding a transaction open while Kafka answers (or does not):
 *
 * 1. Leadership: one relay per database, through a session-level advisory lock held by the relay's
 *    own connection (`pg_try_advisory_lock`). It lasts as long as that connection: a relay that
 *    dies or loses its connection lets it go, and another takes over.
 * 2. Claim: on that connection, the oldest pending rows (`order by position … for update
 *    skip locked`), a single statement, committed at once.
 * 3. Publish, outside any transaction, with the idempotent producer (key = aggregate id).
 * 4. Mark them sent with the next pass's claim, in the same statement: at once when another pass
 *    follows (a full batch, or commits since this one began), otherwise within `MARK_DELAY_MS`,
 *    sooner if a commit wakes the relay meanwhile.
 *
 * The relay sleeps until a commit wakes it: the outbox's trigger notifies at commit, and the relay
 * listens on its connection (only the leader acts on it; the others poll for the lock). A
 * notification during a pass makes the next pass start at once, so nothing committed waits for
 * the poll, which stays as a safety net: while nothing happens it backs off from `pollIntervalMs`
 * to `idlePollMaxMs`, so an idle service does not query its database every two seconds.
 *
 * Only the leader claims, and it publishes one batch at a time in outbox order, so one aggregate's
 * events keep their order. If the relay dies between publishing and marking, the rows stay
 * pending and are published again: delivery is at-least-once, and consumers' inboxes make it
 * effectively once. While the broker (or database) is away, it retries at most `maxBackoffMs`
 * (500 ms) apart, so it resumes within about half a second of the broker's return.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { orm, logger, topicPrefix, lockName } = options;
  let producer = options.producer;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const idlePollMaxMs = Math.max(pollIntervalMs, options.idlePollMaxMs ?? 30_000);
  const batchSize = options.batchSize ?? 200;
  const maxBackoffMs = options.maxBackoffMs ?? 300;
  const databaseUrl = options.databaseUrl ?? orm.config.get('clientUrl');
  // Without a URL, the settings the ORM resolved (host, port, user, password, database).
  const { schema: _schema, ...connectionOptions } = databaseUrl ? { schema: undefined } : orm.em.getConnection().getConnectionOptions();
  const log = logger.child({ component: 'outbox-relay' });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // Set by a notification; the next pause returns at once (the notification may come during a pass).
  let nudged = false;
  // Passes failed in a row; while the broker or database is away, commits do not hurry the retries.
  let failures = 0;
  let leadership: Leadership | undefined;
  // Published, not yet marked: the next pass marks them with the statement that claims its rows.
  let unmarked: string[] = [];

  async function connect(): Promise<Leadership> {
    // Bounded waits: a database that stops answering (rather than refusing) fails the pass instead of hanging it.
    const client = new pg.Client({
      ...(databaseUrl ? { connectionString: databaseUrl } : connectionOptions),
      application_name: `outbox-relay:${lockName}`.slice(0, 63),
      connectionTimeoutMillis: 3000,
      query_timeout: 10000,
      keepAlive: true,
    });
    const state: Leadership = { client, alive: true, leader: false };
    const lost = (error?: unknown): void => {
      if (!state.alive) return;
      state.alive = false;
      if (state.leader) log.warn({ err: error }, 'outbox relay lost its database connection, and with it the relay lock');
      // Notifications stop with the connection: connect again now rather than at the next poll.
      if (failures === 0) wake?.();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => {
      if (!state.leader) return;
      nudged = true;
      if (failures === 0) wake?.();
    });
    try {
      await client.connect();
      await client.query(`listen ${OUTBOX_CHANNEL}`);
    } catch (error) {
      state.alive = false;
      await client.end().catch(() => undefined);
      throw error;
    }
    return state;
  }

  /** Marks `ids` sent, on the leader's connection. */
  async function mark(client: pg.Client, ids: readonly string[]): Promise<void> {
    await client.query('update outbox_message set published_at = now() where id = any($1::uuid[]) and published_at is null', [ids]);
    log.debug({ count: ids.length }, 'relayed outbox events');
  }

  async function release(): Promise<void> {
    const current = leadership;
    leadership = undefined;
    const ids = unmarked;
    unmarked = [];
    // Lost with the connection, they would be published again (and found in the consumers' inboxes).
    if (current?.alive && current.leader && ids.length > 0)
      await mark(current.client, ids).catch((error: unknown) => log.warn({ err: error }, 'could not mark published events; they will be published again'));
    // Closing the connection releases the session lock.
    if (current) await current.client.end().catch(() => undefined);
  }

  /** The relay's connection, holding the relay lock; undefined while another relay holds it. */
  async function lead(): Promise<Leadership | undefined> {
    if (leadership && !leadership.alive) await release();
    leadership ??= await connect();
    if (!leadership.leader) {
      const { rows } = await leadership.client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [lockName]);
      leadership.leader = rows[0]?.locked === true;
      if (leadership.leader) log.info({ lockName }, 'outbox relay holds the relay lock');
    }
    return leadership.leader ? leadership : undefined;
  }

  async function pass(): Promise<number> {
    const leader = await lead();
    if (!leader) return 0;
    // What commits from here on notifies again; what committed before, this pass reads.
    nudged = false;
    // The previous pass's rows, if it left them unmarked, are marked by the same statement. It sees
    // them still pending (one snapshot for the whole statement), hence `<> all`.
    const marking = unmarked;
    unmarked = [];
    const { rows } = await leader.client.query<OutboxRow>(
      marking.length > 0
        ? `with marked as (update outbox_message set published_at = now() where id = any($2::uuid[]) and published_at is null)
           select id, topic, message_key, payload::text as payload, headers from outbox_message
            where published_at is null and id <> all($2::uuid[]) order by position limit $1 for update skip locked`
        : `select id, topic, message_key, payload::text as payload, headers from outbox_message
            where published_at is null order by position limit $1 for update skip locked`,
      marking.length > 0 ? [batchSize, marking] : [batchSize],
    );
    if (marking.length > 0) log.debug({ count: marking.length }, 'relayed outbox events');
    if (rows.length === 0) return 0;
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const topicRows = byTopic.get(row.topic);
      if (topicRows) topicRows.push(row);
      else byTopic.set(row.topic, [row]);
    }
    const spans: Span[] = [];
    const headersOf = (topic: string, row: OutboxRow): Record<string, string> => {
      if (!options.tracer || !row.headers.traceparent) return row.headers;
      const span = options.tracer.startSpan(
        `publish ${topic}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'send',
            'messaging.destination.name': topic,
            'messaging.message.id': row.id,
            'cloudevents.event_type': row.headers.ce_type ?? '',
          },
        },
        contextFrom(row.headers),
      );
      spans.push(span);
      return { ...row.headers, ...traceHeaders(contextOf(span)) };
    };
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, topicRows]) => ({
          topic: `${topicPrefix}${topic}`,
          messages: topicRows.map((row) => ({ key: row.message_key, value: row.payload, headers: headersOf(`${topicPrefix}${topic}`, row) })),
        })),
      });
    } catch (error) {
      for (const span of spans) failSpan(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
    const ids = rows.map((r) => r.id);
    await options.onPublished?.(ids);
    // The next pass marks these with its claim, a round trip less per pass (`MARK_DELAY_MS`);
    // `relayOnce` outside a started relay marks them now.
    if (running) unmarked = ids;
    else await mark(leader.client, ids);
    return ids.length;
  }

  async function relayOnce(): Promise<number> {
    try {
      return await pass();
    } catch (error) {
      // A connection that failed a statement may be half-broken: start afresh next time.
      if (leadership) leadership.alive = false;
      throw error;
    } finally {
      if (!running) await release();
    }
  }

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (nudged && failures === 0) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  async function run(): Promise<void> {
    failures = 0;
    // Empty passes in a row as the leader: the safety-net poll backs off while nothing happens.
    let idlePasses = 0;
    while (running) {
      try {
        const count = await relayOnce();
        if (failures > 0) log.info({ failures }, 'outbox relay recovered');
        failures = 0;
        const idle = count === 0 && !nudged && leadership?.leader === true && leadership.alive;
        idlePasses = idle ? idlePasses + 1 : 0;
        const poll = Math.min(idlePollMaxMs, pollIntervalMs * 2 ** Math.min(Math.max(idlePasses - 1, 0), 20));
        if (count < batchSize && running) await pause(unmarked.length > 0 ? Math.min(MARK_DELAY_MS, poll) : poll);
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 20 === 0) log.error({ err: error, failures }, 'outbox relay failed; retrying');
        if (options.renewProducer && isStaleProducerError(error)) {
          try {
            producer = await options.renewProducer();
            log.warn({ failures }, 'the broker no longer knew the producer; publishing with a new one');
          } catch (renewError) {
            log.error({ err: renewError }, 'could not renew the producer; retrying');
          }
        }
        if (running) await pause(Math.min(maxBackoffMs, pollIntervalMs * 2 ** Math.min(failures, 10)));
      }
    }
    await release();
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
      loop = undefined;
      await release();
    },
  };
}
