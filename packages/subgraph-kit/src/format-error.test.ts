import { AppError } from '@rapport/errors';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createFormatError } from './format-error.js';

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
});
