import { randomUUID } from 'node:crypto';
import { createEvent, CustomerCreatedV1, CustomerTransferredV1 } from '@rapport/contracts';
import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { useSalesSubgraph } from '../../testing.js';

const subgraph = useSalesSubgraph({ kafka: true });

interface AccessRow {
  owner_id: string | null;
  team_id: string | null;
}

const accessOf = async (customerId: string): Promise<AccessRow | undefined> =>
  (await subgraph.service.orm.em.fork().getConnection().execute<AccessRow[]>('select owner_id, team_id from customer_access where customer_id = ?', [customerId]))[0];

afterAll(async () => {
  await subgraph?.stop();
});

describe('the customer_access read model', () => {
  it("follows a customer's creation and transfer from the customers service's events, and with it who sees the customer's deals", async () => {
    const customerId = randomUUID();
    const firstOwner: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [randomUUID()] };
    const newOwner: TestPrincipal = { role: 'SALES_REP', userId: randomUUID(), teamIds: [randomUUID()] };
    const created = createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Acme Pumps', kind: 'COMPANY', ownerId: firstOwner.userId!, teamId: firstOwner.teamIds![0]! });
    const transferred = createEvent(CustomerTransferredV1, customerId, {
      customerId,
      fromOwnerId: firstOwner.userId!,
      toOwnerId: newOwner.userId!,
      teamId: newOwner.teamIds![0]!,
      transferredAt: new Date().toISOString(),
    });
    await subgraph.events.deliver(created);
    await subgraph.events.deliver(transferred);

    const row = await waitFor(
      async () => {
        const access = await accessOf(customerId);
        return access?.owner_id === newOwner.userId ? access : undefined;
      },
      { what: 'customer_access to show the new owner' },
    );
    expect(row).toEqual({ owner_id: newOwner.userId, team_id: newOwner.teamIds![0] });

    const opened = await subgraph.gql<{ openOpportunity: { id: string } }>('mutation($input: OpenOpportunityInput!) { openOpportunity(input: $input) { id } }', {
      input: { customerId, title: 'Pumps', amount: { amount: '100', currency: 'EUR' } },
    });
    expect(opened.errors).toBeUndefined();
    const query = `{ opportunity(id: "${opened.data!.openOpportunity.id}") { id } }`;
    expect((await subgraph.gqlAs(newOwner, query)).errors).toBeUndefined();
    expect((await subgraph.gqlAs(firstOwner, query)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
