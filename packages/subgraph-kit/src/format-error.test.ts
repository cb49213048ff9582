import { Writable } from 'node:stream';
import { ConnectionException, DriverException } from '@mikro-orm/core';
import { AppError } from '@rapport/errors';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { actingScope } from './audit.js';
import { createFormatError, isUnavailableResponse } from './format-error.js';
import { requestIdOf } from './http.js';
import type { IncomingMessage } from 'node:http';

const formatError = createFormatError(pino({ level: 'silent' }));

describe('formatError', () => {
  it('answers an AppError with its category, reason, field and details', () => {
    const error = new AppError('CONFLICT', 'CUSTOMER_MERGED', 'merged', { field: 'id', details: { mergedInto: 'abc' } });
    expect(formatError({ message: 'merged' }, error).extensions).toEqual({ code: 'CONFLICT', reason: 'CUSTOMER_MERGED', field: 'id', details: { mergedInto: 'abc' } });
  });

  it('passes a subgraph’s coded error on at the gateway with its reason, field and details, and nothing else', () => {
    const downstream = new GraphQLError('merged', { extensions: { code: 'CONFLICT', reason: 'CUSTOMER_MERGED', field: 'id', details: { mergedInto: 'abc' }, stacktrace: ['x'] } });
    expect(formatError({ message: 'merged', extensions: downstream.extensions }, downstream).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'CUSTOMER_MERGED',
      field: 'id',
      details: { mergedInto: 'abc' },
    });
  });

  it('hides anything that is not a coded error', () => {
    expect(formatError({ message: 'boom', extensions: { details: { secret: 1 } } }, new Error('boom')).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('answers a database that refuses connections as SERVICE_UNAVAILABLE, retryable, without internals', () => {
    const refused = new ConnectionException(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }));
    const formatted = formatError({ message: refused.message, path: ['customers'] }, new GraphQLError(refused.message, { originalError: refused }));
    expect(formatted).toEqual({
      message: 'a service this operation needs is unavailable; retry later',
      path: ['customers'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  });

  it('answers a subgraph the gateway could not reach, or that answered 503, as SERVICE_UNAVAILABLE', () => {
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4003'), { code: 'ECONNREFUSED' }) });
    expect(formatError({ message: 'fetch failed' }, fetchFailed).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const answered503 = { message: '503: Service Unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR', response: { status: 503, body: {} } } };
    expect(formatError(answered503, new GraphQLError(answered503.message, { extensions: answered503.extensions })).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    const passedOn = new GraphQLError('unavailable', { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
    expect(formatError({ message: 'unavailable', extensions: passedOn.extensions }, passedOn).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('sends 503 only when the whole operation failed for unavailability', () => {
    const unavailable = { code: 'SERVICE_UNAVAILABLE', retryable: true };
    expect(isUnavailableResponse(JSON.stringify({ errors: [{ message: 'x', extensions: unavailable }], data: null }))).toBe(true);
    expect(isUnavailableResponse(JSON.stringify({ errors: [{ message: 'x', extensions: unavailable }], data: { a: 1 } }))).toBe(false);
    expect(
      isUnavailableResponse(
        JSON.stringify({
          errors: [
            { message: 'x', extensions: unavailable },
            { message: 'y', extensions: { code: 'NOT_FOUND' } },
          ],
          data: null,
        }),
      ),
    ).toBe(false);
    expect(isUnavailableResponse(JSON.stringify({ data: { note: 'SERVICE_UNAVAILABLE' } }))).toBe(false);
  });

  it('logs an unexpected error with the request id it happened in, and a database error without its SQL or values', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>), done()) });
    const logging = createFormatError(pino({ level: 'error' }, sink));
    const pgError = Object.assign(new Error(`select "c0".* from "customer" as "c0" where "c0"."id" = 'x' - invalid input syntax for type uuid: "x"`), {
      code: '22P02',
      routine: 'string_to_uuid',
    });
    const answer = actingScope.run({ requestId: 'req-42', actorId: null }, () => logging({ message: pgError.message }, new DriverException(pgError)));
    expect(answer).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'unexpected error', requestId: 'req-42', err: { type: 'DriverException', code: '22P02', routine: 'string_to_uuid' } });
    expect(JSON.stringify(lines[0])).not.toMatch(/select|customer|invalid input/);
  });
});

describe('request ids', () => {
  const of = (value: string | undefined): string => requestIdOf({ headers: value === undefined ? {} : { 'x-request-id': value } } as IncomingMessage);
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('keeps a short, safe id from the caller (a gateway or a client correlating its calls)', () => {
    expect(of('req-42')).toBe('req-42');
    expect(of('0191b3a0-0000-7000-8000-000000000001')).toBe('0191b3a0-0000-7000-8000-000000000001');
    expect(of('trace:a1.b2_c3')).toBe('trace:a1.b2_c3');
  });

  it('replaces anything else with a new UUID instead of storing it as it came', () => {
    for (const bad of ['', ' ', 'x'.repeat(65), '<script>alert(1)</script>', "'; drop table audit_entry; --", 'a b', 'ÿ', 'id\u0000', 'x%0d%0aSet-Cookie: a=b']) {
      expect({ bad, id: of(bad) }).toEqual({ bad, id: expect.stringMatching(UUID) });
    }
    expect(of(undefined)).toMatch(UUID);
  });
});
