import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useFinanceSubgraph({ kafka: true });
const today = (): string => dayFromToday();

const customerIdsOf = async (ids: string[]): Promise<string[]> =>
  (
    await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ customer_id: string }[]>(`select customer_id from invoice where id in (${ids.map(() => '?').join(', ')}) order by id`, ids)
  ).map((r) => r.customer_id);

async function issueInvoice(customerId: string): Promise<string> {
  const issued = await subgraph.gql<{ issueInvoice: { id: string } }>('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }', {
    input: { customerId, total: { amount: '120.00', currency: 'EUR' }, issueDate: today(), dueDate: today() },
  });
  expect(issued.errors).toBeUndefined();
  return issued.data!.issueInvoice.id;
}

describe('merging customers', () => {
  it("moves the merged customer's invoices to the survivor, once even when the event is delivered twice", async () => {
    const survivorId = randomUUID();
    const mergedId = randomUUID();
    const bystanderId = randomUUID();
    const invoices = [await issueInvoice(mergedId), await issueInvoice(mergedId)];
    const untouched = [await issueInvoice(bystanderId)];

    const event = createEvent(CustomerMergedV1, survivorId, { survivorId, mergedId, mergedAt: new Date().toISOString() });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await customerIdsOf(invoices)).toEqual([survivorId, survivorId]);
    expect(await customerIdsOf(untouched)).toEqual([bystanderId]);

    // A redelivery of the same event does nothing: an invoice issued since stays with the merged customer.
    // New records for the merged customer are refused, naming the survivor …
    const refused = await subgraph.gql('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }', {
      input: { customerId: mergedId, total: { amount: '1.00', currency: 'EUR' }, issueDate: today(), dueDate: today() },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CUSTOMER_MERGED', field: 'input.customerId', details: { mergedInto: survivorId } });
    // … so a record the merged customer gains later can only be written directly; a redelivery of
    // the same event does not move it: the inbox has the event already.
    const late = [await issueInvoice(randomUUID())];
    await subgraph.service.orm.em.fork().getConnection().execute('update invoice set customer_id = ? where id = ?', [mergedId, late[0]]);
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await customerIdsOf(late)).toEqual([mergedId]);
    expect(await customerIdsOf(invoices)).toEqual([survivorId, survivorId]);
  });
});
