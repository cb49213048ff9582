import { AppError } from '@rapport/errors';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConnectionException } from '@mikro-orm/core';
import { createFormatError, isUnavailableResponse } from './format-error.js';

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
    expect(formatted).toEqual({ message: 'a service this operation needs is unavailable; retry later', path: ['customers'], extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
  });

  it('answers a subgraph the gateway could not reach, or that answered 503, as SERVICE_UNAVAILABLE', () => {
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4003'), { code: 'ECONNREFUSED' }) });
    expect(formatError({ message: 'fetch failed' }, fetchFailed).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const answered503 = { message: '503: Service Unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR', response: { status: 503, body: {} } } };
    expect(formatError(answered503, new GraphQLError(answered503.message, { extensions: answered503.extensions })).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const passedOn = new GraphQLError('unavailable', { extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
    expect(formatError({ message: 'unavailable', extensions: passedOn.extensions }, passedOn).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('sends 503 only when the whole operation failed for unavailability', () => {
    const unavailable = { code: 'SERVICE_UNAVAILABLE', retryable: true };
    expect(isUnavailableResponse(JSON.stringify({ errors: [{ message: 'x', extensions: unavailable }], data: null }))).toBe(true);
    expect(isUnavailableResponse(JSON.stringify({ errors: [{ message: 'x', extensions: unavailable }], data: { a: 1 } }))).toBe(false);
    expect(isUnavailableResponse(JSON.stringify({ errors: [{ message: 'x', extensions: unavailable }, { message: 'y', extensions: { code: 'NOT_FOUND' } }], data: null }))).toBe(false);
    expect(isUnavailableResponse(JSON.stringify({ data: { note: 'SERVICE_UNAVAILABLE' } }))).toBe(false);
  });
});
