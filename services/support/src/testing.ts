// What the support module tests share: the subgraph of one test file, the customer access it
// would have copied from customers' events, and a ticket to work on.
import { useTestSubgraph, type TestPrincipal, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';

// Customer access rows are written with the kit's helper (support keeps them like every service).
export { grantCustomerAccess, type CustomerAccess } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';
import { createSupportService } from './create-support-service.js';

/** The support subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useSupportSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('support', createSupportService, options);

/** Opens a ticket about `customerId` as `who` (an ADMIN by default) and answers its id. */
export async function openTicketFor(subgraph: TestSubgraph, customerId: string, subject = 'Pump leaks after service', who?: TestPrincipal): Promise<string> {
  const mutation = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
  const variables = { input: { customerId, subject } };
  const result = who ? await subgraph.gqlAs<{ openTicket: { id: string } }>(who, mutation, variables) : await subgraph.gql<{ openTicket: { id: string } }>(mutation, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.openTicket.id;
}
