import { randomUUID } from 'node:crypto';
import { createEvent, CustomerCreatedV1, CustomerTransferredV1 } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportService } from './create-support-service.js';

let subgraph: TestSubgraph;

interface AccessRow {
  owner_id: string | null;
  team_id: string | null;
}

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const accessOf = async (customerId: string): Promise<AccessRow | undefined> =>
  (await sql<AccessRow>('select owner_id, team_id from customer_access where customer_id = ?', [customerId]))[0];

beforeAll(async () => {
  subgraph = await startTestSubgraph('support', createSupportService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe("support keeps who may see each customer from the customers service's events", () => {
  it('records the owner of a new customer, moves its tickets to the new owner on transfer, and ignores a redelivered event', async () => {
    const customerId = randomUUID();
    const teamId = randomUUID();
    const firstOwner = randomUUID();
    const newOwner = randomUUID();
    const newTeam = randomUUID();
    const created = createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Acme Pumps', kind: 'COMPANY', ownerId: firstOwner, teamId });
    await subgraph.events.deliver(created);
    expect(await waitFor(async () => accessOf(customerId), { what: 'the customer_access row' })).toEqual({ owner_id: firstOwner, team_id: teamId });

    const opened = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
      input: { customerId, subject: 'Follows its customer' },
    });
    expect(opened.errors).toBeUndefined();
    const ticketId = opened.data!.openTicket.id;
    const seenBy = async (userId: string): Promise<boolean> => {
      const result = await subgraph.gqlAs<{ ticket: { id: string } }>({ role: 'SALES_REP', userId }, 'query($id: ID!) { ticket(id: $id) { id } }', { id: ticketId });
      return result.data?.ticket.id === ticketId;
    };
    expect(await seenBy(firstOwner)).toBe(true);
    expect(await seenBy(newOwner)).toBe(false);

    const transferred = createEvent(CustomerTransferredV1, customerId, {
      customerId,
      fromOwnerId: firstOwner,
      toOwnerId: newOwner,
      teamId: newTeam,
      transferredAt: new Date().toISOString(),
    });
    await subgraph.events.deliver(transferred);
    await waitFor(async () => ((await accessOf(customerId))?.owner_id === newOwner ? true : undefined), { what: 'the new owner in customer_access' });
    expect(await accessOf(customerId)).toEqual({ owner_id: newOwner, team_id: newTeam });
    expect(await seenBy(newOwner)).toBe(true);
    expect(await seenBy(firstOwner)).toBe(false);

    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(created));
    expect(await accessOf(customerId)).toEqual({ owner_id: newOwner, team_id: newTeam });
  });
});
