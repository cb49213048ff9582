// What the support module tests share: the subgraph of one test file, the customer access it
// would have copied from customers' events, and a ticket to work on.
import { useTestSubgraph, type TestPrincipal, type TestSubgraph, type UseTestSubgraphOptions } from '@rapport/subgraph-kit/testing';
import { expect } from 'vitest';
import { createSupportService } from './create-support-service.js';

/** The support subgraph of one test file: started before its tests, stopped after them (useTestSubgraph). */
export const useSupportSubgraph = (options: UseTestSubgraphOptions = {}): TestSubgraph => useTestSubgraph('support', createSupportService, options);

/** Who may see a customer's tickets, as support keeps it from customers' events. */
export interface CustomerAccess {
  customerId: string;
  ownerId: string;
  teamId?: string | null;
  sharedWith?: string[];
}

/** Writes customer access rows directly, standing in for the customers events that carry them. */
export async function grantCustomerAccess(subgraph: TestSubgraph, ...rows: CustomerAccess[]): Promise<void> {
  for (const row of rows) {
    await subgraph.sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [
      row.customerId,
      row.ownerId,
      row.teamId ?? null,
      `{${(row.sharedWith ?? []).join(',')}}`,
    ]);
  }
}

/** Opens a ticket about `customerId` as `who` (an ADMIN by default) and answers its id. */
export async function openTicketFor(subgraph: TestSubgraph, customerId: string, subject = 'Pump leaks after service', who?: TestPrincipal): Promise<string> {
  const mutation = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
  const variables = { input: { customerId, subject } };
  const result = who ? await subgraph.gqlAs<{ openTicket: { id: string } }>(who, mutation, variables) : await subgraph.gql<{ openTicket: { id: string } }>(mutation, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.openTicket.id;
}
