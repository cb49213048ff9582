import { createEvent, CustomerCreatedV1, CustomerSharedV1 } from '@rapport/contracts';
import { startTestSubgraph, testCast, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';

// The customers service writes `customer_access` in the transaction that publishes each change, and
// consumes the customers' events like every customer-scoped subgraph. Applying its own events again,
// later, undid newer changes until the next event arrived: an unshared colleague saw the customer again
// (found by a CI run of gateway/test/revocation.int.test.ts), a transferred customer went back to its
// first owner.

let subgraph: TestSubgraph;
const { team, rep: owner, otherRep: colleague, head } = testCast();
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id owner { id } } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

async function newCustomer(): Promise<string> {
  const created = await subgraph.gqlAs<{ createCustomer: { id: string } }>(owner, `mutation { createCustomer(input: { name: "Replay Ltd", kind: COMPANY }) { id } }`);
  expect(created.errors).toBeUndefined();
  return created.data!.createCustomer.id;
}

describe('the customers service and its own events', () => {
  it('keeps a customer unshared when its earlier share event is handled after the unshare', async () => {
    const customerId = await newCustomer();
    const input = { customerId, userId: colleague.userId };
    expect((await subgraph.gqlAs(owner, `mutation($i: ShareCustomerInput!) { shareCustomer(input: $i) { id } }`, { i: input })).errors).toBeUndefined();
    expect((await subgraph.gqlAs(owner, `mutation($i: ShareCustomerInput!) { unshareCustomer(input: $i) { id } }`, { i: input })).errors).toBeUndefined();
    expect((await subgraph.gqlAs(colleague, CUSTOMER, { id: customerId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The share event, as the service's own consumer may see it only now.
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(createEvent(CustomerSharedV1, customerId, input)));
    expect((await subgraph.gqlAs(colleague, CUSTOMER, { id: customerId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps a transferred customer with its new owner when its creation event is handled after the transfer', async () => {
    const customerId = await newCustomer();
    const transfer = `mutation($i: TransferCustomerInput!) { transferCustomer(input: $i) { owner { id } } }`;
    const moved = await subgraph.gqlAs<{ transferCustomer: { owner: { id: string } } }>(head, transfer, { i: { customerId, toOwnerId: colleague.userId } });
    expect(moved.errors).toBeUndefined();

    await subgraph.events.waitUntilHandled(
      await subgraph.events.deliver(createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Replay Ltd', kind: 'COMPANY', ownerId: owner.userId, teamId: team })),
    );
    expect((await subgraph.gqlAs(owner, CUSTOMER, { id: customerId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs<{ customer: { owner: { id: string } } }>(colleague, CUSTOMER, { id: customerId })).data?.customer.owner.id).toBe(colleague.userId);
  });
});
