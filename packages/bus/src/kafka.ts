/// <reference path="./kafkajs-internals.d.ts" />
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners, type Consumer, type LogEntry, type Admin, type ISocketFactory, type Producer, type RetryOptions } from 'kafkajs';
import type { Logger } from 'pino';
// Imported (not required): a bundle then holds one copy of them, the one kafkajs itself uses.
import KafkajsClusterClass from 'kafkajs/src/cluster/index.js';
import KafkajsConsumerGroupClass from 'kafkajs/src/consumer/consumerGroup.js';
// By path: kafkajs re-exports its errors with a spread, which Node's ESM loader does not see as named exports.
import kafkajsErrors from 'kafkajs/src/errors.js';
import KafkajsQueueClass from 'kafkajs/src/network/requestQueue/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Opens broker connections; kafkajs' own by default (tests route them through a proxy they can cut). */
  socketFactory?: ISocketFactory;
}

/** The part of kafkajs' per-connection request queue `stopIdleRequestQueueLoop` changes. */
interface KafkajsRequestQueue {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

/**
 * Stops kafkajs 2.2.4's idle loop: after each answer, every broker connection's request queue
 * schedules a check of its pending requests in `throttledUntil - now` ms, which is negative when
 * nothing is throttled (Node runs it after 1 ms, and warns "TimeoutNegativeWarning" on Node 24);
 * the check schedules the next, so each connection woke 1,000 times a second doing nothing. A
 * connected producer kept 3-4 % of a core busy while idle (bench/events.bench.ts), every service's
 * several clients most of the system's idle CPU (kafkajs issues 1556, 1704, 1751; unfixed upstream).
 * With nothing pending and no throttle there is nothing to check: a request that has to wait
 * (`push`) or is answered (`checkPendingRequests`) schedules its own check, so only this case is
 * skipped. Applied once, to the kafkajs module every client of this process uses.
 */
export function stopIdleRequestQueueLoop(): void {
  const RequestQueue = KafkajsQueueClass as { prototype: KafkajsRequestQueue & { idleLoopStopped?: boolean } };
  const proto = RequestQueue.prototype;
  if (proto.idleLoopStopped || typeof proto.scheduleCheckPendingRequests !== 'function') return;
  const schedule = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function scheduleWhenSomethingWaits(this: KafkajsRequestQueue): void {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  proto.idleLoopStopped = true;
}
stopIdleRequestQueueLoop();

/** The part of kafkajs' per-connection request queue `timeRequestsByDeadline` changes. */
interface KafkajsTimedQueue {
  enforceRequestTimeout: boolean;
  inflight: Map<number, { sentAt: number | null; requestTimeout: number; timeoutRequest(): void }>;
  requestTimeoutIntervalId?: NodeJS.Timeout;
  /** When the armed timer fires (ms since epoch); set by the patch. */
  requestTimeoutDueAt?: number;
  destroy(): void;
  sendSocketRequest(request: unknown): void;
  scheduleRequestTimeoutCheck(): void;
}

/**
 * Times out kafkajs 2.2.4's requests with one timer at the earliest deadline of those in flight,
 * instead of its check every 100 ms: each connected broker connection ran `setInterval(…, 100)`
 * for as long as it was open, in flight or not, to find requests older than their timeout. An
 * idle service holds six or so connections (the consumer's three, the producer's, the admin's),
 * so about 60 wake-ups a second doing nothing: half of an idle consumer's CPU (a bare kafkajs
 * consumer, 30 s, same load: 0.47 % of a core with the interval, 0.23 % without). The same
 * requests time out at the same deadline (`sentAt + requestTimeout`, checked 1 ms after it); an
 * idle connection has no timer at all. `destroy` (disconnect, reconnect) clears this timer as it
 * cleared the interval: kafkajs keeps it in the same field. Applied once, like the loop above.
 */
export function timeRequestsByDeadline(): void {
  const RequestQueue = KafkajsQueueClass as { prototype: KafkajsTimedQueue & { timedByDeadline?: boolean } };
  const proto = RequestQueue.prototype;
  if (proto.timedByDeadline || typeof proto.scheduleRequestTimeoutCheck !== 'function' || typeof proto.sendSocketRequest !== 'function' || typeof proto.destroy !== 'function')
    return;
  const arm = (queue: KafkajsTimedQueue, dueAt: number): void => {
    if (queue.requestTimeoutIntervalId !== undefined && queue.requestTimeoutDueAt !== undefined && queue.requestTimeoutDueAt <= dueAt) return;
    clearTimeout(queue.requestTimeoutIntervalId);
    queue.requestTimeoutDueAt = dueAt;
    queue.requestTimeoutIntervalId = setTimeout(() => check(queue), Math.max(0, dueAt - Date.now()));
  };
  const check = (queue: KafkajsTimedQueue): void => {
    queue.requestTimeoutIntervalId = undefined;
    queue.requestTimeoutDueAt = undefined;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const request of [...queue.inflight.values()]) {
      if (request.sentAt === null) continue;
      const dueAt = request.sentAt + request.requestTimeout + 1;
      if (now >= dueAt) request.timeoutRequest();
      else next = Math.min(next, dueAt);
    }
    if (next !== Number.POSITIVE_INFINITY) arm(queue, next);
  };
  const destroy = proto.destroy;
  proto.destroy = function destroyAndDisarm(this: KafkajsTimedQueue): void {
    destroy.call(this);
    this.requestTimeoutIntervalId = undefined;
    this.requestTimeoutDueAt = undefined;
  };
  proto.scheduleRequestTimeoutCheck = function noIntervalWhileIdle(this: KafkajsTimedQueue): void {
    // Connected (again): forget a timer of the connection before; requests sent now arm their own.
    this.destroy();
  };
  const send = proto.sendSocketRequest;
  proto.sendSocketRequest = function sendAndArm(this: KafkajsTimedQueue, request: unknown): void {
    send.call(this, request);
    const sent = request as { sentAt: number | null; requestTimeout: number; correlationId: number };
    if (this.enforceRequestTimeout && sent.sentAt !== null && this.inflight.has(sent.correlationId)) arm(this, sent.sentAt + sent.requestTimeout + 1);
  };
  proto.timedByDeadline = true;
}
timeRequestsByDeadline();

/**
 * What `findGroupCoordinatorMetadata` throws when no broker could be asked: none answered, or
 * connecting to one failed (kafkajs retries only ECONNREFUSED of these, and gives up on a reset or
 * a connection timeout).
 */
const COORDINATOR_UNREACHABLE = new Set(['KafkaJSGroupCoordinatorNotFound', 'KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError']);

/** The part of kafkajs' cluster `retryUnreachableCoordinator` changes. */
interface KafkajsCluster {
  findGroupCoordinatorMetadata(args: { groupId: string; coordinatorType?: number }): Promise<unknown>;
}

/**
 * Makes kafkajs 2.2.4 retry finding a group coordinator when no broker answered, as it retries a
 * broker's COORDINATOR_NOT_AVAILABLE answer. `findGroupCoordinatorMetadata` asks each known broker
 * and swallows their errors; when none answered (the broker's connections reset a moment ago) it
 * throws KafkaJSGroupCoordinatorNotFound, which is non-retriable (as is connecting to a broker that
 * fails otherwise than by refusal, see `COORDINATOR_UNREACHABLE`): a consumer rejoining its group
 * then crashed for good at the first instant of any broker outage (after a fetch failed, kafkajs
 * refreshes metadata and rejoins), and was replaced by a new group member, which the broker holds
 * back until the old member's 10 s session expires — an event arriving after a 2 s outage waited
 * 8-10 s more (subgraph-kit's availability test). Retried, the member rejoins with its own member
 * id once the broker is back, within the client's retry budget, and the broker lets it in at once.
 * Every client's coordinator lookups (consumers, the admin's offset reads) retry so, within the
 * budget of their client. Applied once, like the patches above.
 */
export function retryUnreachableCoordinator(): void {
  const Cluster = KafkajsClusterClass as { prototype: KafkajsCluster & { unreachableCoordinatorRetried?: boolean } };
  const proto = Cluster.prototype;
  if (proto.unreachableCoordinatorRetried || typeof proto.findGroupCoordinatorMetadata !== 'function') return;
  const find = proto.findGroupCoordinatorMetadata;
  proto.findGroupCoordinatorMetadata = async function findOrSayNotAvailable(this: KafkajsCluster, args): Promise<unknown> {
    try {
      return await find.call(this, args);
    } catch (error) {
      if (!(error instanceof Error) || !COORDINATOR_UNREACHABLE.has(error.name)) throw error;
      // What a broker answering COORDINATOR_NOT_AVAILABLE (15, retriable) makes kafkajs throw:
      // `findGroupCoordinator` refreshes its metadata and tries again after its back-off.
      const answer = Object.assign(new Error(`${error.message}: no broker answered`), { type: 'GROUP_COORDINATOR_NOT_AVAILABLE', code: 15, retriable: true });
      throw new kafkajsErrors.KafkaJSProtocolError(answer);
    }
  };
  proto.unreachableCoordinatorRetried = true;
}
retryUnreachableCoordinator();

/** The part of kafkajs' consumer group `retryJoinAndSync` changes. */
interface KafkajsConsumerGroup {
  joinAndSync(): Promise<void>;
}

/** Failures of a request's connection (not the broker's answer): the same request may pass on the next one. */
const CONNECTION_FAILURES = new Set(['KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError']);

/** How many times `retryJoinAndSync` runs a join and sync whose connection failed (about 6 s of back-off in all). */
const JOIN_AND_SYNC_ATTEMPTS = 10;

/**
 * Makes kafkajs 2.2.4 run a group join and sync again when a request's connection failed, instead
 * of giving up half way. `joinAndSync` retries only rebalancing errors; when SyncGroup failed on a
 * connection reset after JoinGroup passed, it threw, and the consumer went on fetching with the new
 * generation id but the old generation's assignment and offset manager: the broker answered its
 * heartbeats (a group waiting for the leader's SyncGroup does) and refused every offset commit
 * (ILLEGAL_GENERATION) until it dropped the member after the rebalance timeout (60 s). Events were
 * handled, their offsets not committed, for a minute (seen in the kit's availability test after a
 * broker outage, 1 run in 12, and before this change too). Joining again with the same member id
 * makes a consistent generation. Applied once, like the patches above.
 */
export function retryJoinAndSync(): void {
  const ConsumerGroup = KafkajsConsumerGroupClass as { prototype: KafkajsConsumerGroup & { joinAndSyncRetried?: boolean } };
  const proto = ConsumerGroup.prototype;
  if (proto.joinAndSyncRetried || typeof proto.joinAndSync !== 'function') return;
  const joinAndSync = proto.joinAndSync;
  proto.joinAndSync = async function joinAndSyncAgain(this: KafkajsConsumerGroup): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await joinAndSync.call(this);
      } catch (error) {
        if (attempt >= JOIN_AND_SYNC_ATTEMPTS || !(error instanceof Error) || !CONNECTION_FAILURES.has(error.name)) throw error;
        await sleep(Math.min(1000, 100 * 2 ** (attempt - 1)));
      }
    }
  };
  proto.joinAndSyncRetried = true;
}
retryJoinAndSync();

/**
 * A kafkajs client whose logs go to pino. Its retries (reconnecting included) stay at most 1 s
 * apart: kafkajs' own back-off grows to 30 s, so consumers came back up to half a minute after a
 * broker restart (the chaos suite's `kill -9 kafka`). There are 15 of them, about 12 s, longer than
 * a consumer's 10 s session: with 8 (about 6 s) a consumer crashed during an 8 s outage and came
 * back as a new member, which the broker holds back until the old member's session expires
 * (`test/faults.int.test.ts`, "keeps its group membership").
 */
export function createKafka(options: KafkaClientOptions & { retry?: RetryOptions }): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3000,
    retry: options.retry ?? { initialRetryTime: 100, maxRetryTime: 1000, retries: 15 },
    ...(options.socketFactory ? { socketFactory: options.socketFactory } : {}),
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        // A fetch `abortFetches` failed on purpose ("Connection error: …", which kafkajs logs at error).
        if (message.includes(FETCH_ABORTED)) log.debug(rest, message);
        else if (level <= logLevel.ERROR) log.error(rest, message);
        else if (level === logLevel.WARN) log.warn(rest, message);
        else log.debug(rest, message);
      },
  });
}

/**
 * The client an event consumer runs on: `createKafka`'s, with 25 retries (about 22 s) instead of
 * 15. When a consumer's client runs out of retries, kafkajs crashes the consumer and restarts it
 * as a new group member, which the broker holds back until the old member's session expires (10 s
 * more). A broker restarting after `kill -9` on a loaded machine took 12 s to serve again (the
 * chaos suite): one consumer's 12 s ran out just before, and cost the system 8 s. Not unlimited:
 * a consumer stopped while the broker is away waits for its retries to end (the services' stop
 * is bounded on its own).
 */
export function createConsumerKafka(options: KafkaClientOptions): Kafka {
  const connections = trackConnections(options.socketFactory ?? kafkajsSocketFactory());
  const kafka = createKafka({ ...options, socketFactory: connections.socketFactory, retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 25 } });
  consumerConnections.set(kafka, connections);
  return kafka;
}

/** kafkajs' own socket factory (plain TCP with keep-alive; this project configures no TLS). */
const kafkajsSocketFactory = (): ISocketFactory => defaultSocketFactory();

/** kafkajs' Fetch request (its API key, after the request's size in the first bytes it writes). */
const FETCH_API_KEY = 1;

/** Why `abortFetches` closed a connection (kafkajs logs it as "Connection error: …"). */
const FETCH_ABORTED = 'fetch aborted: the consumer is stopping';

/**
 * The error `abortFetches` fails a connection with, without a stack trace: kafkajs keeps only its
 * message, but Node's `socket.destroy(error)` reads `error.stack` (to let go of V8's captured
 * frames), and in a built bundle the first stack formatted reads and parses the bundle's source map
 * (`LAZY_SOURCE_MAPS`): some 0.5 s of CPU at every subgraph's stop, for a stack nobody prints.
 */
function fetchAborted(): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new Error(FETCH_ABORTED);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export interface TrackedConnections {
  socketFactory: ISocketFactory;
  /** Fails the connections that carry fetches, now and as soon as one more fetch is written, until `resume`. */
  abortFetches(): void;
  resume(): void;
}

/** The broker connections of the clients `createConsumerKafka` made, for `abortFetches`. */
const consumerConnections = new WeakMap<Kafka, TrackedConnections>();

/** Wraps `inner` to know the connections that carry fetches (exported for its test). */
export function trackConnections(inner: ISocketFactory): TrackedConnections {
  type KafkaSocket = ReturnType<ISocketFactory>;
  const fetching = new Set<KafkaSocket>();
  let aborting = false;
  // A connection error: kafkajs fails what is in flight on that connection and closes it, and only
  // it (a "closed connection" would close the broker's other connection too, the coordinator's,
  // racing the group leave that follows); it connects again for its next request.
  const fail = (socket: KafkaSocket): void => {
    if (!socket.destroyed) socket.destroy(fetchAborted());
  };
  return {
    socketFactory: (args) => {
      const socket = inner(args);
      socket.once('close', () => fetching.delete(socket));
      const write = socket.write;
      socket.write = function writeAndWatch(this: KafkaSocket, ...rest: unknown[]): boolean {
        const [chunk] = rest;
        if (Buffer.isBuffer(chunk) && chunk.length >= 6 && chunk.readInt16BE(4) === FETCH_API_KEY) {
          fetching.add(socket);
          if (aborting) setImmediate(() => fail(socket));
        }
        return Reflect.apply(write, this, rest) as boolean;
      };
      return socket;
    },
    abortFetches() {
      aborting = true;
      for (const socket of fetching) fail(socket);
    },
    resume() {
      aborting = false;
    },
  };
}

/**
 * Fails the fetch a consumer of `kafka` (a `createConsumerKafka` client) is waiting on, and every
 * later one until the answer is called: kafkajs' `stop`/`disconnect` waits for the fetch in flight
 * before it leaves the group, and the broker holds an idle member's fetch `maxWaitTimeInMs`.
 * kafkajs sends fetches on a connection of their own, so the coordinator's (the leave, the offset
 * commits) is not touched. For other clients it does nothing: their stop waits as before.
 */
export function abortFetches(kafka: Kafka): () => void {
  const connections = consumerConnections.get(kafka);
  connections?.abortFetches();
  return () => connections?.resume();
}

/**
 * Disconnects `consumer` (of the `createConsumerKafka` client `kafka`) without waiting out the
 * fetch it has in flight (`abortFetches`): it still leaves its group, so the others rebalance at once.
 */
export async function disconnectPromptly(kafka: Kafka, consumer: Consumer | undefined): Promise<void> {
  const stopped = consumer?.disconnect();
  const resume = abortFetches(kafka);
  try {
    await stopped;
  } finally {
    resume();
  }
}

/**
 * The producer the relay and the dead-letter path share: idempotent, one request in flight (so a
 * retried batch cannot overtake the next), keyed partitioning, on a client of its own whose
 * retries (connecting included) are few and at most 300 ms apart: a send fails within about 1.5 s
 * while the broker is away, instead of kafkajs retrying with back-off growing to 30 s, and the
 * caller retries — so it resumes within half a second of the broker's return. (kafkajs warns that
 * limiting an idempotent producer's retries may invalidate exactly-once; delivery here is
 * at-least-once and the consumers' inboxes dedupe.)
 */
export function createProducer(options: KafkaClientOptions): Producer {
  const retry: RetryOptions = { retries: 5, initialRetryTime: 100, maxRetryTime: 300 };
  return createKafka({ ...options, retry }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry,
  });
}

/**
 * Creates those of `topics` that are missing (existing ones are left as they are) and waits until
 * every one of them has a leader for each partition, so clients starting next find them all;
 * returns the ones it created. The one topic creation: subgraphs at start, the CLI before it
 * starts them, the chaos suite and the tests all come here. Several services starting at once may
 * race to create the same topics (retried a few times); kafkajs' own `waitForLeaders` gives up on
 * a metadata race KRaft brokers have right after creation ("This server does not host this
 * topic-partition"), so leaders are polled from the topic metadata until `timeoutMs`.
 *
 * Every start but the first finds them all: one metadata request for just these topics answers that
 * (a missing one fails it), before the broker's whole topic list is asked for — on a broker shared by
 * many prefixes that list is thousands of topics, decoded by each of the seven subgraphs at start.
 */
export async function ensureTopics(admin: Admin, topics: readonly string[], numPartitions = 3, timeoutMs = 30_000): Promise<string[]> {
  const wanted = [...new Set(topics)];
  const allLed = (): Promise<boolean> =>
    admin
      .fetchTopicMetadata({ topics: wanted })
      .then(({ topics: metadata }) => metadata.length === wanted.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
  if (await allLed()) return [];
  let created: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      // false when every one of them already existed: another process created them first.
      if (missing.length > 0 && (await admin.createTopics({ waitForLeaders: false, topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })) }))) {
        created = missing;
      }
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(300 * attempt);
    }
  }
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await allLed()) return created;
    if (performance.now() > deadline) throw new Error(`topics created but without leaders after ${Math.round(timeoutMs / 1000)} s: ${wanted.join(', ')}`);
    await sleep(200);
  }
}

/**
 * The Kafka consumer group of consumer `name` in topic namespace `prefix`. Namespacing the group
 * like the topics keeps parallel test runs (and environments sharing a broker) from joining each
 * other's groups and being handed partitions they do not subscribe to.
 */
export const kafkaGroupId = (prefix: string, name: string): string => `${prefix}${name}`;

/** The dead-letter topic of one consumer group. */
export const deadLetterTopic = (prefix: string, groupId: string): string => `${prefix}dlq.${groupId}`;
