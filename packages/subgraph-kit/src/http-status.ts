import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * GraphQL over HTTP: the status of a request that did not run (no `data`), by the code of its
 * first error. 401 when the caller must sign in, 400 when the request cannot run as sent (syntax,
 * validation, limits, the operation to run), 403 when the caller may not call at all; anything
 * else is a fault of ours: 500.
 */
export function requestErrorStatus(code: unknown): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'BAD_USER_INPUT':
    case 'BAD_REQUEST':
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'OPERATION_RESOLUTION_FAILURE':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return 400;
    default:
      return 500;
  }
}

/**
 * The status of a GraphQL response: 200 once the operation ran (`data` present, even null;
 * field errors ride along), else requestErrorStatus of its first error.
 */
export function responseStatus(result: { data?: unknown; errors?: readonly GraphQLFormattedError[] | undefined }): number {
  if (result.data !== undefined || !result.errors?.length) return 200;
  return requestErrorStatus(result.errors[0]?.extensions?.code);
}

/**
 * Sets the HTTP status of every single-result response from responseStatus, where Apollo would
 * answer 500 for an error raised before execution (UNAUTHENTICATED from a plugin, …). Statuses
 * Apollo chose on purpose (400 for syntax, 405 for a mutation over GET) stay.
 * (One place to add a status: requestErrorStatus.)
 */
export function httpStatusPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const current = response.http.status;
          if (current !== undefined && current !== 500) return;
          response.http.status = responseStatus(response.body.singleResult);
        },
      };
    },
  };
}
