// What sales' module tests share: the subgraph of one test file.
import { useTestSubgraph, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';
import { createSalesService } from './create-sales-service.js';

/** The sales subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useSalesSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('sales', createSalesService, options);

/** Opens a 100 EUR opportunity for `customerId` as an ADMIN and answers its id. */
export async function anOpportunity(subgraph: TestSubgraph, customerId: string, title = 'Pumps'): Promise<string> {
  const opened = await subgraph.gql<{ openOpportunity: { id: string } }>('mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
    input: { customerId, title, amount: { amount: '100', currency: 'EUR' } },
  });
  expect(opened.errors).toBeUndefined();
  return opened.data!.openOpportunity.id;
}

/** Places an order for one unit of `productId` at 10 EUR for `customerId` as an ADMIN and answers its id. */
export async function anOrder(subgraph: TestSubgraph, customerId: string, productId: string): Promise<string> {
  const placed = await subgraph.gql<{ placeOrder: { id: string } }>('mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
    input: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
  });
  expect(placed.errors).toBeUndefined();
  return placed.data!.placeOrder.id;
}

/** Federation representations of `ids` as `__typename` (for `_entities`). */
export const representations = (typename: string, ...ids: string[]): { __typename: string; id: string }[] => ids.map((id) => ({ __typename: typename, id }));
