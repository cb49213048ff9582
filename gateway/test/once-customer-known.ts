import type { GraphQLResult } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';

/** Calls the gateway with `token` (none when null). */
export type GatewayCall = <T>(token: string | null, query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;

/**
 * `must` for a sales (or support, finance) mutation about a customer created moments ago, over `as`:
 * the subgraph learns the customer from customers' event and until then refuses with
 * CUSTOMER_NOT_FOUND (writing nothing), so this retries on exactly that answer and fails on any other
 * error. Shared by the test harness and the benchmarks that load a book through a running gateway.
 */
export const onceCustomerKnown =
  (as: GatewayCall) =>
  <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> =>
    waitFor(
      async () => {
        const answer = await as<T>(token, query, variables);
        if (answer.errors?.[0]?.extensions?.reason === 'CUSTOMER_NOT_FOUND') return undefined;
        if (answer.errors) throw new Error(`the gateway answered errors: ${JSON.stringify(answer.errors)}`);
        return answer.data ?? undefined;
      },
      { what: 'sales to learn the customer' },
    );
