import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ConnectionException, DeadlockException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, badInput, conflict, notFound } from '@rapport/errors';
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSRequestTimeoutError } from 'kafkajs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyFailure, type FailureKind } from './failure.js';

/** A PostgreSQL error as node-postgres raises it: SQLSTATE in `code`. */
const pgError = (code: string, message: string): Error => Object.assign(new Error(message), { name: 'error', code, severity: 'ERROR' });
const sysError = (code: string, message: string): Error => Object.assign(new Error(message), { code, errno: -111, syscall: 'connect' });
const zodError = (): unknown => {
  try {
    z.object({ orderId: z.guid() }).parse({ orderId: 42 });
  } catch (error) {
    return error;
  }
  throw new Error('zod accepted an invalid payload');
};

/** Connects node-postgres to a port nobody listens on: the real "database is down" error. */
async function refusedConnection(): Promise<unknown> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres' });
  return client.connect().then(
    () => new Error('connected to a closed port'),
    (error: unknown) => error,
  );
}

const table: [string, () => unknown, FailureKind][] = [
  ['connection refused (node-postgres, real)', () => refusedConnection(), 'transient'],
  ['connection refused wrapped by MikroORM', () => new ConnectionException(sysError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')), 'transient'],
  ['connection reset', () => sysError('ECONNRESET', 'read ECONNRESET'), 'transient'],
  ['connection terminated mid-query', () => new Error('Connection terminated unexpectedly'), 'transient'],
  ['pool acquire timeout (pg-pool, under MikroORM 7)', () => new Error('timeout exceeded when trying to connect'), 'transient'],
  ['serialization failure 40001', () => new DeadlockException(pgError('40001', 'could not serialize access due to concurrent update')), 'transient'],
  ['deadlock 40P01', () => pgError('40P01', 'deadlock detected'), 'transient'],
  ['database starting up 57P03', () => pgError('57P03', 'the database system is starting up'), 'transient'],
  ['database shutting down 57P01', () => pgError('57P01', 'terminating connection due to administrator command'), 'transient'],
  ['too many connections 53300', () => pgError('53300', 'sorry, too many clients already'), 'transient'],
  ['connection exception class 08', () => pgError('08006', 'connection failure'), 'transient'],
  ['Kafka broker unreachable', () => new KafkaJSConnectionError('Connection error: connect ECONNREFUSED', { broker: '127.0.0.1:9092', code: 'ECONNREFUSED' }), 'transient'],
  [
    'Kafka request timeout',
    () =>
      new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out', {
        broker: '127.0.0.1:9092',
        clientId: 'c',
        correlationId: 1,
        createdAt: 0,
        sentAt: 0,
        pendingDuration: 0,
      }),
    'transient',
  ],
  [
    'Kafka retries exhausted on a network error',
    () => new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection timeout'), { retryCount: 5, retryTime: 500 }),
    'transient',
  ],
  [
    'retriable Kafka protocol error',
    () => new KafkaJSProtocolError(Object.assign(new Error('leader not available'), { type: 'LEADER_NOT_AVAILABLE', code: 5, retriable: true })),
    'transient',
  ],
  ['a cause chain ending in a refused connection', () => new Error('handler failed', { cause: sysError('ECONNREFUSED', 'connect ECONNREFUSED') }), 'transient'],
  ['payload does not match its contract (zod)', () => zodError(), 'event'],
  ['business refusal (AppError BAD_USER_INPUT)', () => badInput('data.quantity', 'quantity must be positive'), 'event'],
  ['business refusal (AppError NOT_FOUND)', () => notFound('order', 'o-1'), 'event'],
  ['business refusal (AppError FORBIDDEN)', () => new AppError('FORBIDDEN', 'NOT_ALLOWED', 'not allowed'), 'event'],
  ['concurrent change (AppError CONFLICT): retried, bounded', () => conflict('ORDER_CHANGED', 'the order changed meanwhile'), 'unknown'],
  ['optimistic lock: retried, bounded', () => OptimisticLockError.lockFailed('SalesOrder'), 'unknown'],
  ['unique violation the handler did not expect', () => new UniqueConstraintViolationException(pgError('23505', 'duplicate key value violates unique constraint')), 'unknown'],
  ['non-retriable Kafka error', () => new KafkaJSNonRetriableError('topic authorization failed'), 'unknown'],
  ['a bug', () => new TypeError("Cannot read properties of undefined (reading 'id')"), 'unknown'],
  ['a thrown string', () => 'boom', 'unknown'],
];

describe('classifyFailure', () => {
  it.each(table)('%s → %s', async (_name, make, kind) => {
    expect(classifyFailure(await make())).toBe(kind);
  });
});
