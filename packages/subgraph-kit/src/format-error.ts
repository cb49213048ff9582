import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isAppError } from '@rapport/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { actingScope } from './audit.js';

/** Codes graphql-js and Apollo assign themselves; they are safe to pass through. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Best effort: names the field a variable or argument error is about ("input.name"). */
export function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at?.[1]) return at[1].replace(/^\$/, '');
  const field = /[Ff]ield "([^"]+)" of required type/.exec(message);
  if (field?.[1]) {
    const variable = /^Variable "\$([^"]+)"/.exec(message);
    return variable?.[1] ? `${variable[1]}.${field[1]}` : field[1];
  }
  const argument = /[Aa]rgument "([^"]+)"/.exec(message);
  if (argument?.[1]) return argument[1];
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  return variable?.[1];
}

/**
 * What the log keeps of an unexpected error: a database error by its class and PostgreSQL's code and
 * routine only — its message holds the whole statement with the caller's values, which belong
 * neither in the answer nor in the log.
 */
function loggable(error: unknown): unknown {
  if (!(error instanceof DriverException)) return error;
  const { routine } = error as DriverException & { routine?: unknown };
  return { type: error.name, code: error.code, ...(typeof routine === 'string' ? { routine } : {}) };
}

/**
 * Turns any error into what a client may see: AppErrors by their category, GraphQL's own
 * validation errors with the field named, everything else as INTERNAL_SERVER_ERROR without
 * internals, logged with the request id of the request it happened in.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      const gql = original.toGraphQLError();
      return { message: gql.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: gql.extensions };
    }
    if (original instanceof UniqueConstraintViolationException) {
      return { message: 'a record with the same unique value exists', path: formatted.path, extensions: { code: 'CONFLICT' } };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && PASS_THROUGH.has(code)) {
      const field = typeof formatted.extensions?.field === 'string' ? formatted.extensions.field : fieldFromMessage(formatted.message);
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code,
          ...(typeof formatted.extensions?.reason === 'string' ? { reason: formatted.extensions.reason } : {}),
          ...(field ? { field } : {}),
          // An AppError's client-safe details, passed on by the gateway from the subgraph that raised it.
          ...(isPlainObject(formatted.extensions?.details) ? { details: formatted.extensions.details } : {}),
        },
      };
    }
    logger.error({ err: loggable(original), path: formatted.path, requestId: actingScope.getStore()?.requestId ?? null }, 'unexpected error');
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
