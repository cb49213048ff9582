import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { activeSpan } from '@rapport/telemetry';

/**
 * Names the request's SERVER span after its GraphQL operation (`query RepCustomers`, as the
 * OpenTelemetry GraphQL conventions say) with `graphql.operation.type` and `.name`. Added to Apollo
 * only while tracing is on.
 */
export function graphqlSpanPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName }) {
          const span = activeSpan();
          if (!span || !operation) return;
          span.updateName(`${operation.operation} ${operationName ?? 'anonymous'}`);
          span.setAttribute('graphql.operation.type', operation.operation);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
      };
    },
  };
}
