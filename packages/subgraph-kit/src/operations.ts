import type { MikroORM } from '@mikro-orm/postgresql';
import { kafkaGroupId, type EventConsumer, type EventConsumerStats } from '@rapport/bus';
import { AppError } from '@rapport/errors';
import type { Admin, Kafka } from 'kafkajs';
import type { ResolverMap } from './merge.js';
import { metricLines, type RequestMetrics } from './metrics.js';
import { eventBusField } from './sdl.js';

// What operators see of a running subgraph: readiness that tells the truth cheaply, a Prometheus
// `/metrics` text, and an ADMIN-only status query of its events (outbox, dead letters, lag).

/** Rejects with a timeout error when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A readiness probe whose answer is reused for `ttlMs` and that never runs twice at once, so a
 * load balancer polling `/ready` costs the dependency at most one check per second.
 */
export function cachedProbe(probe: () => Promise<unknown>, ttlMs = 1000): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | undefined;
  let running: Promise<boolean> | undefined;
  return () => {
    if (last && Date.now() - last.at < ttlMs) return Promise.resolve(last.ok);
    running ??= probe()
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        last = { at: Date.now(), ok };
        running = undefined;
        return ok;
      });
    return running;
  };
}

/** The database answers `select 1` within `timeoutMs`. */
export const databaseProbe = (orm: MikroORM, timeoutMs = 1000): (() => Promise<boolean>) =>
  cachedProbe(() => withTimeout(orm.em.fork().getConnection().execute('select 1'), timeoutMs, 'the database'));

/** The broker answers a metadata request within `timeoutMs` (the admin client does not retry). */
export const kafkaProbe = (admin: Admin, timeoutMs = 1000): (() => Promise<boolean>) => cachedProbe(() => withTimeout(admin.describeCluster(), timeoutMs, 'the Kafka broker'));

/** An admin client for probes and status: no retries, so a missing broker answers at once. */
export const operationsAdmin = (kafka: Kafka): Admin => kafka.admin({ retry: { retries: 0 } });

/** What the status query and `/metrics` read from a running service. */
export interface EventBusView {
  service: string;
  orm: MikroORM;
  topicPrefix: string;
  /** Absent when the service runs without Kafka. */
  admin?: Admin;
  consumer?: EventConsumer;
  /** The readiness checks (cached), reported in `/metrics` too. */
  ready: () => Promise<Record<string, boolean>>;
}

interface TopicLag {
  topic: string;
  lag: number;
}

async function sumOffsets(admin: Admin, topic: string): Promise<Map<number, { high: bigint; low: bigint }>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, { high: BigInt(o.high), low: BigInt(o.low) }]));
}

async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<TopicLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const lags: TopicLag[] = [];
  for (const topic of topics) {
    const ends = await sumOffsets(admin, topic);
    const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
    let lag = 0n;
    for (const [partition, { high, low }] of ends) {
      const offset = BigInt(done.find((p) => p.partition === partition)?.offset ?? '-1');
      lag += high - (offset >= 0n ? offset : low);
    }
    lags.push({ topic, lag: Number(lag) });
  }
  return lags;
}

/** The outbox's pending rows: how many, the oldest one's time, and its age in seconds by the database's clock (0 when none). */
async function outbox(orm: MikroORM): Promise<{ pending: number; oldest: Date | null; ageSeconds: number }> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<{ pending: number; oldest: Date | null; age: number }[]>(
      `select count(*)::int as pending, min(created_at) as oldest,
              coalesce(greatest(0, extract(epoch from now() - min(created_at))), 0)::float8 as age
         from outbox_message where published_at is null`,
    );
  return { pending: row?.pending ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null, ageSeconds: Number(row?.age ?? 0) };
}

const orNull = <T>(promise: Promise<T>): Promise<T | null> => withTimeout(promise, 2000, 'Kafka').catch(() => null);

/** The `EventBusStatus` of a service, as the SDL declares it. */
export async function eventBusStatus(view: EventBusView) {
  const box = await withTimeout(outbox(view.orm), 2000, 'the database');
  const stats: EventConsumerStats | undefined = view.consumer?.stats();
  const consumer = stats
    ? {
        group: stats.groupId,
        deadLetterTopic: stats.deadLetterTopic,
        deadLettersInTopic: view.admin
          ? await orNull(sumOffsets(view.admin, stats.deadLetterTopic).then((m) => [...m.values()].reduce((n, p) => n + Number(p.high - p.low), 0)))
          : null,
        deadLetteredSinceStart: stats.deadLettered,
        recentDeadLetters: stats.recentDeadLetters.map((d) => ({ ...d, kind: d.kind.toUpperCase() })),
        transientRetries: stats.transientRetries,
        waitingOutSince: stats.waitingOut?.since ?? null,
        waitingOutReason: stats.waitingOut?.reason ?? null,
        lag: view.admin ? await orNull(consumerLag(view.admin, kafkaGroupId(view.topicPrefix, stats.groupId), stats.topics)) : null,
      }
    : null;
  return {
    service: view.service,
    kafkaEnabled: view.admin !== undefined,
    outboxPending: box.pending,
    outboxOldestPendingAt: box.oldest,
    consumer,
  };
}

/** Resolves that root field, for ADMINs only. */
export function eventBusResolvers(service: string, view: () => EventBusView): ResolverMap {
  return {
    Query: {
      [eventBusField(service)]: async (_root: unknown, _args: unknown, ctx: { principal: { role: string } | null }) => {
        if (ctx.principal?.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'ADMIN_ONLY', 'only an admin may see the event bus status');
        return eventBusStatus(view());
      },
    },
  };
}

/**
 * `read` at most once per `ttlMs`: later calls get the last reading (a stale one while a fresh one
 * is read; the first call waits for it), null when none succeeded yet. Never two reads at once.
 */
export function cachedReading<T>(read: () => Promise<T>, ttlMs: number): () => Promise<T | null> {
  let last: { at: number; value: T } | undefined;
  let running: Promise<T | null> | undefined;
  return async () => {
    if (last && Date.now() - last.at < ttlMs) return last.value;
    running ??= read()
      .then((value) => {
        last = { at: Date.now(), value };
        return value;
      })
      .catch(() => null)
      .finally(() => (running = undefined));
    return last ? last.value : running;
  };
}

/** What `/metrics` reads from Kafka: each topic's lag behind the group's committed offsets, and the dead-letter topic's size. */
export interface KafkaFigures {
  lag: TopicLag[];
  deadLettersInTopic: number;
}

/**
 * The consumer's lag per topic (high watermark minus the group's committed offset, summed over
 * partitions) and its dead-letter topic's size, from the broker's offsets — a few admin requests,
 * so read at most every `ttlMs` (15 s) however often `/metrics` is scraped. Null without a consumer.
 */
export function kafkaFigures(view: () => EventBusView, ttlMs = 15_000): () => Promise<KafkaFigures | null> {
  return cachedReading(async () => {
    const { admin, consumer, topicPrefix } = view();
    const stats = consumer?.stats();
    if (!admin || !stats) throw new Error('no consumer');
    const [lag, dead] = await Promise.all([
      withTimeout(consumerLag(admin, kafkaGroupId(topicPrefix, stats.groupId), stats.topics), 2000, 'Kafka'),
      withTimeout(sumOffsets(admin, stats.deadLetterTopic), 2000, 'Kafka'),
    ]);
    return { lag, deadLettersInTopic: [...dead.values()].reduce((n, p) => n + Number(p.high - p.low), 0) };
  }, ttlMs);
}

/** The ORM's connection pool: connections open, in use, idle, requests waiting for one, and the most it opens. */
async function poolUse(orm: MikroORM): Promise<{ total: number; idle: number; waiting: number; max: number }> {
  const pool = await orm.em.getConnection().getNativeClient();
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

/** What else `/metrics` shows besides the event bus: requests per operation, Kafka offsets (cached). */
export interface MetricsSources {
  requests?: RequestMetrics;
  kafka?: () => Promise<KafkaFigures | null>;
}

/** The service's metrics in the Prometheus text format (0.0.4). */
export async function renderMetrics(view: EventBusView, sources: MetricsSources = {}): Promise<string> {
  const lines: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: [Record<string, string>, number][]): void => {
    lines.push(
      ...metricLines(
        name,
        type,
        help,
        samples.map(([labels, value]) => [{ service: view.service, ...labels }, value]),
      ),
    );
  };
  const checks = await view.ready().catch((): Record<string, boolean> => ({}));
  metric(
    'rapport_ready',
    'gauge',
    'Whether a dependency answers (1) or not (0), as /ready reports it.',
    Object.entries(checks).map(([check, ok]) => [{ check }, ok ? 1 : 0]),
  );
  const stats = view.consumer?.stats();
  if (stats) {
    const group = { group: stats.groupId };
    metric('rapport_dead_letters_total', 'counter', 'Events this process sent to its dead-letter topic.', [[group, stats.deadLettered]]);
    metric('rapport_event_transient_retries_total', 'counter', 'Retries of events after transient failures (database or broker away).', [[group, stats.transientRetries]]);
    metric('rapport_event_consumer_crashes_total', 'counter', 'Times the Kafka consumer crashed (restarted by kafkajs, or replaced by a new member).', [[group, stats.crashes]]);
    metric('rapport_event_consumer_relaunches_total', 'counter', 'Crashed consumers kafkajs gave up on, replaced by a new group member.', [[group, stats.relaunches]]);
    metric('rapport_event_consumer_waiting_out', 'gauge', 'Seconds the consumer has been waiting out a transient failure (0 when it is not).', [
      [group, stats.waitingOut ? (Date.now() - stats.waitingOut.since.getTime()) / 1000 : 0],
    ]);
  }
  const box = await withTimeout(outbox(view.orm), 1000, 'the database').catch(() => null);
  if (box) {
    metric('rapport_outbox_pending', 'gauge', 'Events in the outbox not yet relayed to Kafka.', [[{}, box.pending]]);
    metric('rapport_outbox_oldest_pending_age_seconds', 'gauge', 'Age of the oldest event in the outbox not yet relayed to Kafka (0 when none).', [[{}, box.ageSeconds]]);
  }
  const kafka = stats && sources.kafka ? await sources.kafka() : null;
  if (stats && kafka) {
    metric(
      'rapport_event_consumer_lag',
      'gauge',
      "Events on a topic not yet handled by the service's consumer group: high watermark minus committed offset (read at most every 15 s).",
      kafka.lag.map(({ topic, lag }) => [{ group: stats.groupId, topic }, lag]),
    );
    metric('rapport_dead_letter_topic_messages', 'gauge', "Messages in the consumer group's dead-letter topic (read at most every 15 s).", [
      [{ group: stats.groupId }, kafka.deadLettersInTopic],
    ]);
  }
  const pool = await poolUse(view.orm).catch(() => null);
  if (pool) {
    metric('rapport_db_pool_connections', 'gauge', "The ORM pool's connections to PostgreSQL, by state (in_use, idle), and requests waiting for one.", [
      [{ state: 'in_use' }, pool.total - pool.idle],
      [{ state: 'idle' }, pool.idle],
      [{ state: 'waiting' }, pool.waiting],
    ]);
    metric('rapport_db_pool_max', 'gauge', 'The most connections the ORM pool opens.', [[{}, pool.max]]);
  }
  if (sources.requests) lines.push(...sources.requests.render({ service: view.service }));
  return `${lines.join('\n')}\n`;
}
