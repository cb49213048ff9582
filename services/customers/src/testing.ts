// What the customers module tests share: the subgraph of one test file, and a customer to work on.
import { useTestSubgraph, type TestPrincipal, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';
import { createCustomersService } from './create-customers-service.js';

/** The customers subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useCustomersSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('customers', createCustomersService, options);

/** Creates a COMPANY customer named `name` as `who` (its owner unless `input` says otherwise) and answers its id. */
export async function createCustomerAs(subgraph: TestSubgraph, who: TestPrincipal, name: string, input: Record<string, unknown> = {}): Promise<string> {
  const result = await subgraph.gqlAs<{ createCustomer: { id: string } }>(who, `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }`, {
    i: { name, kind: 'COMPANY', ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createCustomer.id;
}
