import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isUnavailableFailure } from '@rapport/bus';
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
  'SERVICE_UNAVAILABLE',
]);

/** The code of an error caused by a dependency (a database, a subgraph) being away; clients may retry. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

const unavailable = (formatted: GraphQLFormattedError): GraphQLFormattedError => ({
  message: 'a service this operation needs is unavailable; retry later',
  ...(formatted.path ? { path: formatted.path } : {}),
  extensions: { code: SERVICE_UNAVAILABLE, retryable: true },
});

/**
 * True when a GraphQL response body (JSON text) failed as a whole because something was
 * unavailable: no data, and every error SERVICE_UNAVAILABLE. Such a response is sent with HTTP 503.
 */
export function isUnavailableResponse(body: string): boolean {
  if (!body.includes(SERVICE_UNAVAILABLE)) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const errors = parsed.errors ?? [];
    return (parsed.data === null || parsed.data === undefined) && errors.length > 0 && errors.every((e) => e.extensions?.code === SERVICE_UNAVAILABLE);
  } catch {
    return false;
  }
}

/**
 * True when the gateway could not get an answer from a subgraph: the fetch failed (connection
 * refused or reset, timeout) or the subgraph answered 502/503/504.
 */
function isSubgraphUnavailable(formatted: GraphQLFormattedError): boolean {
  const response = formatted.extensions?.response;
  const status = isPlainObject(response) ? response.status : undefined;
  return typeof status === 'number' && [502, 503, 504].includes(status);
}

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
export function loggable(error: unknown): unknown {
  if (!(error instanceof DriverException)) return error;
  const { routine } = error as DriverException & { routine?: unknown };
  return { type: error.name, code: error.code, ...(typeof routine === 'string' ? { routine } : {}) };
}

/**
 * Turns any error into what a client may see: AppErrors by their category, GraphQL's own
 * validation errors with the field named, a dependency that is away (database, broker, subgraph)
 * as SERVICE_UNAVAILABLE with `retryable: true`, everything else as INTERNAL_SERVER_ERROR without
 * internals (logged with the request id of the request it happened in).
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      const gql = original.toGraphQLError();
      return { message: gql.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: gql.extensions };
    }
    if (isUnavailableFailure(original) || isSubgraphUnavailable(formatted)) {
      logger.warn({ err: loggable(original), path: formatted.path, requestId: actingScope.getStore()?.requestId ?? null }, 'a dependency is unavailable');
      return unavailable(formatted);
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
          ...(code === SERVICE_UNAVAILABLE ? { retryable: true } : {}),
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
