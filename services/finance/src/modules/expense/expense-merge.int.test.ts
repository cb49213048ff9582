import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1 } from '@rapport/contracts';
import { grantCustomerAccess, testPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';

const subgraph = useFinanceSubgraph({ kafka: true });
const accountant = testPrincipal('ACCOUNTANT');

async function expenseOn(customerId: string): Promise<string> {
  const answer = await subgraph.gqlAs<{ createExpense: { id: string } }>(accountant, 'mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }', {
    input: { customerId, expenseDate: new Date().toISOString().slice(0, 10), category: 'TRAVEL', amount: { amount: '20.00', currency: 'EUR' }, description: 'Fuel' },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.createExpense.id;
}

describe('merging customers', () => {
  it("moves the merged customer's expenses to the survivor and leaves others alone", async () => {
    const [survivorId, mergedId, bystanderId] = [randomUUID(), randomUUID(), randomUUID()];
    for (const customerId of [survivorId, mergedId, bystanderId]) await grantCustomerAccess(subgraph, { customerId, ownerId: randomUUID() });
    const moved = await expenseOn(mergedId);
    const untouched = await expenseOn(bystanderId);

    const event = createEvent(CustomerMergedV1, survivorId, { survivorId, mergedId, mergedAt: new Date().toISOString() });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    const rows = await subgraph.sql<{ id: string; customer_id: string }>('select id, customer_id from expense where id in (?, ?)', [moved, untouched]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.customer_id]))).toEqual({ [moved]: survivorId, [untouched]: bystanderId });
  });
});
