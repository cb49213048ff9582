// What finance's module tests share: the subgraph of one test file.
import { randomUUID } from 'node:crypto';
import { createEvent, CustomerCreatedV1, type CloudEvent } from '@rapport/contracts';
import { useTestSubgraph, type TestPrincipal, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { createFinanceService } from './create-finance-service.js';

/** The finance subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useFinanceSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('finance', createFinanceService, options);

/** A sales rep of a team of their own: give one the customers a test creates, and another none. */
export const aRep = (): TestPrincipal => ({ userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] });

/** Delivers `event` over Kafka to the subgraph and waits until it handled it. */
export async function handledBy(subgraph: TestSubgraph, event: CloudEvent): Promise<void> {
  await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
}

/** Tells the subgraph, as customers would, that `customerId` (named `name`) exists and belongs to `owner`. */
export const customerOf = (subgraph: TestSubgraph, owner: TestPrincipal, customerId: string, name: string): Promise<void> =>
  handledBy(subgraph, createEvent(CustomerCreatedV1, customerId, { customerId, name, kind: 'COMPANY', ownerId: owner.userId!, teamId: owner.teamIds![0]! }));

/** The day `offset` days from today (UTC), ISO 8601: the errors package's calendar helper, for the tests that import it from here. */
export { dayFromToday } from '@rapport/errors';

/** The finance subgraph of one test file, over Kafka, knowing the given customers (id → name) as `owner`'s. */
export function useFinanceSubgraphWithCustomers(owner: TestPrincipal, customers: Record<string, string>): TestSubgraph {
  const subgraph: TestSubgraph = useFinanceSubgraph({
    kafka: true,
    seed: async () => {
      for (const [customerId, name] of Object.entries(customers)) await customerOf(subgraph, owner, customerId, name);
    },
  });
  return subgraph;
}

/**
 * Sets exchange rates to the base currency (EUR unless a test changed it) valid from long ago, as
 * an accountant does before documents in another currency can be issued (RATE_MISSING otherwise).
 */
export async function withRates(subgraph: TestSubgraph, rates: Record<string, string>, validOn = '2000-01-01', toCurrency = 'EUR'): Promise<void> {
  for (const [fromCurrency, rate] of Object.entries(rates)) {
    await subgraph.must('mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }', { input: { fromCurrency, toCurrency, validOn, rate } });
  }
}
