import { isAppError } from '@rapport/errors';

/**
 * What a failure says about handling an event, decided in one place:
 * - `transient`: the world is away (the database refuses or drops connections, is starting or
 *   shutting down, has no connection left, a pool or network timeout, a serialization failure or
 *   deadlock, a retriable Kafka or network error). The same event will succeed later: retry it
 *   without limit, never dead-letter it.
 * - `event`: the event itself cannot be applied (its payload does not match its contract, the
 *   handler refused it for a business reason). Retrying changes nothing: dead-letter it now.
 * - `unknown`: anything else (a bug, a constraint the handler did not expect, a concurrent
 *   change). Retried a bounded number of times, then dead-lettered.
 */
export type FailureKind = 'transient' | 'event' | 'unknown';

/** SQLSTATEs of contention: the same transaction can succeed when run again. */
const CONTENTION_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
]);

/** SQLSTATEs of a database that is away or out of resources. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (the database system is starting up / shutting down)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '58000', // system_error
  '58030', // io_error
]);

/** SQLSTATE classes that are unavailability as a whole: 08 connection exception, 53 insufficient resources. */
const UNAVAILABLE_SQLSTATE_CLASSES = ['08', '53'];

/** Node's network errno codes. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** What drivers and pools say when the connection, not the statement, failed. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection (?:is )?closed/i,
  /terminating connection/i,
  /the database system is (?:starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /too many (?:clients|connections)/i,
  /timeout (?:exceeded when trying to connect|acquiring a connection)/i,
  /client has encountered a connection error/i,
  /connect ECONNREFUSED/i,
  /socket hang up/i,
  /read ECONNRESET/i,
];

const KAFKAJS_UNAVAILABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSMetadataNotLoaded',
]);

type Inspectable = {
  name?: unknown;
  code?: unknown;
  sqlState?: unknown;
  errno?: unknown;
  message?: unknown;
  retriable?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
};

/** The error and everything it wraps (`cause`, kafkajs' `originalError`, an AggregateError's `errors`). */
function* chain(error: unknown, depth = 0): Generator<Inspectable> {
  if (depth > 8 || typeof error !== 'object' || error === null) return;
  const e = error as Inspectable;
  yield e;
  yield* chain(e.cause, depth + 1);
  yield* chain(e.originalError, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

const isSqlState = (value: unknown): value is string => typeof value === 'string' && /^[0-9A-Z]{5}$/.test(value);

/**
 * True when `error` (or anything it wraps) says a dependency is away: the database refuses or drops
 * connections, is starting or shutting down, has no connection left, a pool or network timeout, a
 * retriable Kafka or network error. Clients get SERVICE_UNAVAILABLE (retryable) for these.
 */
export function isUnavailableFailure(error: unknown): boolean {
  for (const e of chain(error)) {
    for (const code of [e.code, e.sqlState]) {
      if (isSqlState(code) && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2)))) return true;
      if (typeof code === 'string' && UNAVAILABLE_ERRNOS.has(code)) return true;
    }
    if (typeof e.errno === 'string' && UNAVAILABLE_ERRNOS.has(e.errno)) return true;
    const name = typeof e.name === 'string' ? e.name : '';
    if (name === 'ConnectionException') return true;
    if (KAFKAJS_UNAVAILABLE_NAMES.has(name)) return true;
    if (name.startsWith('KafkaJS') && e.retriable === true) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** True when the database gave up a transaction for contention (serialization failure, deadlock, lock timeout). */
export function isContentionFailure(error: unknown): boolean {
  for (const e of chain(error)) {
    for (const code of [e.code, e.sqlState]) if (isSqlState(code) && CONTENTION_SQLSTATES.has(code)) return true;
    if (e.name === 'DeadlockException' || e.name === 'LockWaitTimeoutException') return true;
  }
  return false;
}

/** True when the failure is the world's, not the event's: a dependency away, or contention. */
export const isTransientFailure = (error: unknown): boolean => isUnavailableFailure(error) || isContentionFailure(error);

const isZodError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues);

/** Classifies a failure to handle an event; see `FailureKind`. */
export function classifyFailure(error: unknown): FailureKind {
  if (isTransientFailure(error)) return 'transient';
  if (isZodError(error)) return 'event';
  // A business refusal is final, except a CONFLICT: a concurrent change may be gone on the next try.
  if (isAppError(error)) return error.category === 'CONFLICT' ? 'unknown' : 'event';
  return 'unknown';
}
