import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1 } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportService } from '../../create-support-service.js';

let subgraph: TestSubgraph;

const customerIdsOf = async (ids: string[]): Promise<string[]> =>
  (
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ customer_id: string }[]>(`select customer_id from ticket where id in (${ids.map(() => '?').join(', ')}) order by id`, ids)
  ).map((r) => r.customer_id);

async function openTicket(customerId: string): Promise<string> {
  const opened = await subgraph.gql<{ openTicket: { id: string } }>('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', {
    input: { customerId, subject: 'Pump leaks' },
  });
  expect(opened.errors).toBeUndefined();
  return opened.data!.openTicket.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('support', createSupportService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe('merging customers', () => {
  it("moves the merged customer's tickets to the survivor, once even when the event is delivered twice", async () => {
    const survivorId = randomUUID();
    const mergedId = randomUUID();
    const bystanderId = randomUUID();
    const tickets = [await openTicket(mergedId), await openTicket(mergedId)];
    const untouched = [await openTicket(bystanderId)];

    const event = createEvent(CustomerMergedV1, survivorId, { survivorId, mergedId, mergedAt: new Date().toISOString() });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await customerIdsOf(tickets)).toEqual([survivorId, survivorId]);
    expect(await customerIdsOf(untouched)).toEqual([bystanderId]);
    const listed = await subgraph.gql<{ tickets: { edges: { node: { id: string } }[] } }>(`{ tickets(filter: { customerId: "${survivorId}" }) { edges { node { id } } } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.tickets.edges.map((e) => e.node.id).sort()).toEqual([...tickets].sort());

    // A redelivery of the same event does nothing: a ticket opened since stays with the merged customer.
    // New records for the merged customer are refused, naming the survivor …
    const refused = await subgraph.gql('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', { input: { customerId: mergedId, subject: 'Late' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_MERGED', field: 'input.customerId', details: { mergedInto: survivorId } });
    // … so a record the merged customer gains later can only be written directly; a redelivery of
    // the same event does not move it: the inbox has the event already.
    const late = [await openTicket(randomUUID())];
    await subgraph.service.orm.em.fork().getConnection().execute('update ticket set customer_id = ? where id = ?', [mergedId, late[0]]);
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await customerIdsOf(late)).toEqual([mergedId]);
  });
});
