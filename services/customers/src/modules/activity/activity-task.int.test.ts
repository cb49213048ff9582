import { randomUUID } from 'node:crypto';
import { createEvent, LoanOverdueV1 } from '@rapport/contracts';
import { dayFromToday } from '@rapport/errors';
import { testCast } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { createCustomerAs, useCustomersSubgraph } from '../../testing.js';

const { rep, otherRep } = testCast();
const subgraph = useCustomersSubgraph({ kafka: true });

const overdue = (customerId: string, number: string) => {
  const loanId = randomUUID();
  return createEvent(LoanOverdueV1, loanId, {
    loanId,
    number,
    customerId,
    ownerId: otherRep.userId,
    productId: randomUUID(),
    open: '2',
    expectedReturnDate: dayFromToday(-3),
    flaggedAt: new Date().toISOString(),
  });
};
const deliver = async (event: ReturnType<typeof overdue>) => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));

type Todo = {
  kind: string;
  subject: string;
  nextStep: string;
  nextStepDue: string;
  assignee: { id: string } | null;
  createdBy: { id: string } | null;
  customer: { id: string; lastContactedAt: string | null };
};
const todos = async (assigneeId: string) =>
  (
    await subgraph.gqlAs<{ activities: { edges: { node: Todo }[] } }>(
      rep,
      'query($f: ActivityFilter) { activities(filter: $f) { edges { node { kind subject nextStep nextStepDue assignee { id } createdBy { id } customer { id lastContactedAt } } } } }',
      { f: { assigneeId, dueBefore: dayFromToday(1) } },
    )
  ).data!.activities.edges.map((e) => e.node);

describe("an overdue loan becomes a to-do for the customer's owner", () => {
  it('raises one TASK on the customer, addressed to its owner, due today, in their reminders; not contact', async () => {
    const customerId = await createCustomerAs(subgraph, rep, 'Borrower AG');
    const event = overdue(customerId, 'LN-000077');
    await deliver(event);
    await deliver(event);
    const mine = (await todos(rep.userId)).filter((t) => t.customer.id === customerId);
    expect(mine).toEqual([
      {
        kind: 'TASK',
        subject: 'Loan LN-000077 is overdue',
        nextStep: expect.stringContaining('Get the goods back'),
        nextStepDue: dayFromToday(0),
        assignee: { id: rep.userId },
        createdBy: null,
        customer: { id: customerId, lastContactedAt: null },
      },
    ]);
    // Addressed to the customer's owner, not to the loan's rep.
    expect((await todos(otherRep.userId)).filter((t) => t.customer.id === customerId)).toEqual([]);
  });

  it('raises nothing for a customer it does not know', async () => {
    const event = overdue(randomUUID(), 'LN-000078');
    await deliver(event);
    const [row] = await subgraph.sql<{ n: number }>(`select count(*)::int as n from activity where subject = 'Loan LN-000078 is overdue'`);
    expect(row!.n).toBe(0);
  });

  it('refuses a TASK logged by a client, naming input.kind', async () => {
    const customerId = await createCustomerAs(subgraph, rep, 'Tasker AG');
    const logged = await subgraph.gqlAs(rep, 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }', { i: { customerId, kind: 'TASK', subject: 'Chase' } });
    expect(logged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
  });
});
