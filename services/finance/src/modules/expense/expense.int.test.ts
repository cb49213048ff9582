import { randomUUID } from 'node:crypto';
import { grantCustomerAccess, raceBehindRow, testPrincipal, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, useFinanceSubgraph } from '../../testing.js';

// Expense claims through finance's schema: drafted by a rep on a customer or an order finance
// knows, submitted within the claim period, decided by the head of the claimant's team or by
// finance (never by the claimant), the events, and who sees which claims.

const team = randomUUID();
const rep = testPrincipal('SALES_REP', [team]);
const colleague = testPrincipal('SALES_REP', [team]);
const head = testPrincipal('SALES_MANAGER', [team]);
const otherHead = testPrincipal('SALES_MANAGER', [randomUUID()]);
const stranger = testPrincipal('SALES_REP', [randomUUID()]);
const accountant = testPrincipal('ACCOUNTANT');
const clerk = testPrincipal('WAREHOUSE_CLERK');
const [customerA, customerB, orderA] = [randomUUID(), randomUUID(), randomUUID()];
const subgraph = useFinanceSubgraph();

beforeAll(async () => {
  await grantCustomerAccess(
    subgraph,
    { customerId: customerA, ownerId: rep.userId, teamId: team },
    { customerId: customerB, ownerId: stranger.userId, teamId: stranger.teamIds[0]! },
  );
  await subgraph.sql(`insert into sales_order (id, customer_id, number, currency, confirmed_at) values (?, ?, 'SO-7', 'EUR', now())`, [orderA, customerA]);
});

interface ExpenseView {
  id: string;
  state: string;
  orderId: string | null;
  customer: { id: string };
  amount: { amount: string; currency: string };
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}
const EXPENSE = 'id state orderId customer { id } amount { amount currency } decidedBy decidedAt decisionComment';
const CREATE = `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { ${EXPENSE} } }`;
const SUBMIT = `mutation($id: ID!) { submitExpense(id: $id) { ${EXPENSE} } }`;
const DECIDE = `mutation($input: DecideExpenseInput!) { decideExpense(input: $input) { ${EXPENSE} } }`;

const claim = (overrides: Record<string, unknown> = {}) => ({
  customerId: customerA,
  expenseDate: dayFromToday(-3),
  category: 'TRAVEL',
  amount: { amount: '123.45', currency: 'EUR' },
  description: 'Train to the customer',
  receiptReference: 'DB-4711',
  ...overrides,
});
const create = (who: TestPrincipal, input: Record<string, unknown>) => subgraph.gqlAs<{ createExpense: ExpenseView }>(who, CREATE, { input });
const submit = (who: TestPrincipal, id: string) => subgraph.gqlAs<{ submitExpense: ExpenseView }>(who, SUBMIT, { id });
const decide = (who: TestPrincipal, expenseId: string, decision: string, comment?: string) =>
  subgraph.gqlAs<{ decideExpense: ExpenseView }>(who, DECIDE, { input: { expenseId, decision, comment } });

async function must<T>(answer: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> {
  const result = await answer;
  expect(result.errors).toBeUndefined();
  return result.data!;
}
async function submitted(who: TestPrincipal = rep, input: Record<string, unknown> = claim()): Promise<string> {
  const { createExpense } = await must(create(who, input));
  await must(submit(who, createExpense.id));
  return createExpense.id;
}
const eventsOf = (type: string, expenseId: string) =>
  subgraph.sql<{ payload: { data: Record<string, unknown> } }>(`select payload from outbox_message where type = ? and payload->>'subject' = ?`, [type, expenseId]);
const errorOf = async (answer: Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>) => (await answer).errors?.[0]?.extensions;
const visibleTo = async (who: TestPrincipal, id: string): Promise<boolean> => {
  const answer = await subgraph.gqlAs<{ expense: { id: string } }>(who, 'query($id: ID!) { expense(id: $id) { id } }', { id });
  if (answer.errors?.[0]?.extensions?.code === 'NOT_FOUND') return false;
  expect(answer.errors).toBeUndefined();
  return answer.data!.expense.id === id;
};

describe('expense claims', () => {
  it('drafts a claim on an order, tied to the order’s customer, with the exact amount', async () => {
    const { createExpense } = await must(create(rep, claim({ customerId: null, orderId: orderA, amount: { amount: '0.10', currency: 'EUR' } })));
    expect(createExpense).toMatchObject({ state: 'DRAFT', orderId: orderA, customer: { id: customerA }, amount: { amount: '0.10', currency: 'EUR' }, decidedBy: null });
    expect(await eventsOf('finance.expense.drafted.v1', createExpense.id)).toHaveLength(1);
  });

  it('refuses bad claims naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [claim({ customerId: null }), 'input.customerId', 'BAD_USER_INPUT'],
      [claim({ customerId: customerB, orderId: orderA }), 'input.orderId', 'BAD_USER_INPUT'],
      [claim({ customerId: null, orderId: randomUUID() }), 'input.orderId', 'NOT_FOUND'],
      [claim({ customerId: randomUUID() }), 'input.customerId', 'NOT_FOUND'],
      [claim({ customerId: customerB }), 'input.customerId', 'NOT_FOUND'],
      [claim({ expenseDate: dayFromToday(1) }), 'input.expenseDate', 'BAD_USER_INPUT'],
      [claim({ expenseDate: dayFromToday(-91) }), 'input.expenseDate', 'BAD_USER_INPUT'],
      [claim({ amount: { amount: '0', currency: 'EUR' } }), 'input.amount.amount', 'BAD_USER_INPUT'],
      [claim({ amount: { amount: '1.005', currency: 'EUR' } }), 'input.amount.amount', 'BAD_USER_INPUT'],
      [claim({ category: 'GIFTS' }), 'input.category', 'BAD_USER_INPUT'],
      [claim({ description: '  ' }), 'input.description', 'BAD_USER_INPUT'],
    ];
    for (const [input, field, code] of cases) expect(await errorOf(create(rep, input)), field).toMatchObject({ code, field });
    expect(await errorOf(create(rep, claim({ expenseDate: dayFromToday(-91) })))).toMatchObject({ reason: 'CLAIM_PERIOD_OVER' });
    expect((await errorOf(create(clerk, claim())))?.code).toBe('FORBIDDEN');
    expect(await subgraph.sql(`select 1 from expense where claimant_id = ? and customer_id = ?`, [rep.userId, customerB])).toHaveLength(0);
  });

  it('goes draft → submitted → approved by the claimant’s team head, with who, when and why, announced', async () => {
    const { createExpense } = await must(create(rep, claim({ orderId: orderA })));
    expect((await errorOf(submit(head, createExpense.id)))?.code).toBe('FORBIDDEN');
    expect((await must(submit(rep, createExpense.id))).submitExpense.state).toBe('SUBMITTED');
    expect((await errorOf(submit(rep, createExpense.id)))?.code).toBe('CONFLICT');
    const [submittedEvent] = await eventsOf('finance.expense.submitted.v1', createExpense.id);
    expect(submittedEvent?.payload.data).toMatchObject({
      claimantId: rep.userId,
      teamId: team,
      customerId: customerA,
      orderId: orderA,
      amount: { amount: '123.45', currency: 'EUR' },
    });

    expect(await errorOf(decide(rep, createExpense.id, 'APPROVED'))).toMatchObject({ code: 'FORBIDDEN', field: 'input.expenseId' });
    expect((await errorOf(decide(otherHead, createExpense.id, 'APPROVED')))?.code).toBe('NOT_FOUND');
    expect((await errorOf(decide(colleague, createExpense.id, 'APPROVED')))?.code).toBe('NOT_FOUND');
    const { decideExpense } = await must(decide(head, createExpense.id, 'APPROVED', 'Fine'));
    expect(decideExpense).toMatchObject({ state: 'APPROVED', decidedBy: head.userId, decisionComment: 'Fine' });
    expect(Date.now() - Date.parse(decideExpense.decidedAt!)).toBeLessThan(60_000);
    expect((await errorOf(decide(accountant, createExpense.id, 'REJECTED', 'No')))?.code).toBe('CONFLICT');
    const decided = await eventsOf('finance.expense.decided.v1', createExpense.id);
    expect(decided.map((e) => e.payload.data)).toEqual([expect.objectContaining({ decision: 'APPROVED', decidedBy: head.userId, comment: 'Fine' })]);

    const reimburse = (who: TestPrincipal, input: Record<string, unknown>) =>
      subgraph.gqlAs<{ reimburseExpense: { state: string; reimbursedOn: string; reimbursementReference: string; reimbursedBy: string } }>(
        who,
        'mutation($input: ReimburseExpenseInput!) { reimburseExpense(input: $input) { state reimbursedOn reimbursementReference reimbursedBy } }',
        { input: { expenseId: createExpense.id, ...input } },
      );
    expect((await errorOf(reimburse(head, {})))?.code).toBe('FORBIDDEN');
    expect(await errorOf(reimburse(accountant, { reimbursedOn: dayFromToday(1) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reimbursedOn' });
    expect((await must(reimburse(accountant, { reference: 'PAYROLL-12' }))).reimburseExpense).toMatchObject({
      state: 'APPROVED',
      reimbursedOn: dayFromToday(0),
      reimbursementReference: 'PAYROLL-12',
      reimbursedBy: accountant.userId,
    });
    expect(await errorOf(reimburse(accountant, {}))).toMatchObject({ code: 'CONFLICT', reason: 'EXPENSE_REIMBURSED' });
    expect(await eventsOf('finance.expense.reimbursed.v1', createExpense.id)).toHaveLength(1);
  });

  it('lets finance reject anyone’s claim only with a reason, and a team head’s own claim goes to someone else', async () => {
    const id = await submitted();
    expect(await errorOf(decide(accountant, id, 'REJECTED'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comment' });
    expect((await must(decide(accountant, id, 'REJECTED', 'No receipt'))).decideExpense).toMatchObject({ state: 'REJECTED', decidedBy: accountant.userId });
    expect(
      await errorOf(subgraph.gqlAs(accountant, 'mutation($input: ReimburseExpenseInput!) { reimburseExpense(input: $input) { id } }', { input: { expenseId: id } })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'EXPENSE_NOT_APPROVED' });

    const own = await submitted(head);
    expect(await errorOf(decide(head, own, 'APPROVED'))).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_EXPENSE' });
    expect((await must(decide(accountant, own, 'APPROVED'))).decideExpense.state).toBe('APPROVED');
  });

  it('20 concurrent decisions on one claim: one wins, 19 get CONFLICT, one event', async () => {
    const id = await submitted();
    const outcome = await raceBehindRow(subgraph.database.url, 'expense', id, (i) => (i % 2 ? decide(head, id, 'APPROVED') : decide(accountant, id, 'REJECTED', 'Too much')));
    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(19);
    expect(outcome.conflicts[0]!.extensions).toMatchObject({ reason: 'EXPENSE_NOT_SUBMITTED' });
    expect(await eventsOf('finance.expense.decided.v1', id)).toHaveLength(1);
  });

  it('lets the claimant edit and delete a draft, refused naming the state once submitted, and another claimant not at all', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateExpenseInput!) { updateExpense(id: $id, input: $input) { ${EXPENSE} } }`;
    const DELETE = 'mutation($id: ID!) { deleteExpense(id: $id) }';
    const draft = (await must(create(rep, claim()))).createExpense;
    const edit = { expenseDate: dayFromToday(-2), category: 'SAMPLES', amount: { amount: '99.90', currency: 'EUR' }, description: 'Two sample valves' };
    const edited = await must(subgraph.gqlAs<{ updateExpense: ExpenseView }>(rep, UPDATE, { id: draft.id, input: edit }));
    expect(edited.updateExpense).toMatchObject({ id: draft.id, state: 'DRAFT', customer: { id: customerA }, amount: { amount: '99.90', currency: 'EUR' } });
    const bad = await subgraph.gqlAs(rep, UPDATE, { id: draft.id, input: { ...edit, amount: { amount: '0', currency: 'EUR' } } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount' });
    const notMine = await subgraph.gqlAs(head, UPDATE, { id: draft.id, input: edit });
    expect(notMine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await subgraph.sql<{ type: string }>(`select type from outbox_message where message_key = ? order by position`, [draft.id]);
    expect(events.map((e) => e.type)).toEqual(['finance.expense.drafted.v1', 'finance.expense.changed.v1']);

    await must(submit(rep, draft.id));
    const late = await subgraph.gqlAs(rep, UPDATE, { id: draft.id, input: edit });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXPENSE_NOT_DRAFT', field: 'id' });
    expect(late.errors?.[0]?.message).toContain('SUBMITTED');
    const lateDelete = await subgraph.gqlAs(rep, DELETE, { id: draft.id });
    expect(lateDelete.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXPENSE_NOT_DRAFT' });

    const doomed = (await must(create(rep, claim()))).createExpense;
    expect((await subgraph.gqlAs(colleague, DELETE, { id: doomed.id })).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect((await must(subgraph.gqlAs<{ deleteExpense: string }>(rep, DELETE, { id: doomed.id }))).deleteExpense).toBe(doomed.id);
    expect((await subgraph.gqlAs(rep, `query($id: ID!) { expense(id: $id) { id } }`, { id: doomed.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [row] = await subgraph.sql<{ deleted: boolean }>('select deleted_at is not null as deleted from expense where id = ?', [doomed.id]);
    expect(row).toEqual({ deleted: true });
  });

  it('refuses to submit a draft once the claim period is over', async () => {
    const { createExpense } = await must(create(rep, claim()));
    await subgraph.sql('update expense set expense_date = ? where id = ?', [dayFromToday(-120), createExpense.id]);
    expect(await errorOf(submit(rep, createExpense.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'CLAIM_PERIOD_OVER' });
    expect(await subgraph.sql(`select state from expense where id = ?`, [createExpense.id])).toEqual([{ state: 'DRAFT' }]);
  });

  it('judges claims by the claim period finance sets, which only finance sets', async () => {
    const period = (who: TestPrincipal, days: number) =>
      subgraph.gqlAs<{ setExpenseClaimPeriod: number }>(who, 'mutation($days: Int!) { setExpenseClaimPeriod(days: $days) }', { days });
    expect((await errorOf(period(rep, 30)))?.code).toBe('FORBIDDEN');
    expect(await errorOf(period(accountant, 0))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    const { createExpense } = await must(create(rep, claim({ expenseDate: dayFromToday(-40) })));
    expect((await must(period(accountant, 30))).setExpenseClaimPeriod).toBe(30);
    try {
      expect((await must(subgraph.gqlAs<{ expenseClaimPeriod: number }>(rep, '{ expenseClaimPeriod }'))).expenseClaimPeriod).toBe(30);
      expect(await errorOf(create(rep, claim({ expenseDate: dayFromToday(-40) })))).toMatchObject({ field: 'input.expenseDate', reason: 'CLAIM_PERIOD_OVER' });
      expect(await errorOf(submit(rep, createExpense.id))).toMatchObject({ field: 'id', reason: 'CLAIM_PERIOD_OVER' });
      expect((await must(create(rep, claim({ expenseDate: dayFromToday(-29) })))).createExpense.state).toBe('DRAFT');
    } finally {
      await must(period(accountant, 90));
    }
    expect((await must(submit(rep, createExpense.id))).submitExpense.state).toBe('SUBMITTED');
  });
});

describe('who sees which expenses', () => {
  let pending: string;
  let approved: string;
  const orderB = randomUUID();
  beforeAll(async () => {
    await subgraph.sql(`insert into sales_order (id, customer_id, number, currency, confirmed_at) values (?, ?, 'SO-8', 'EUR', now())`, [orderB, customerA]);
    // Finance's own claims on the rep's customer: one waiting, one approved (by an admin).
    pending = await submitted(accountant, claim({ amount: { amount: '40.00', currency: 'EUR' } }));
    approved = await submitted(accountant, claim({ orderId: orderB, category: 'SAMPLES', amount: { amount: '75.50', currency: 'EUR' } }));
    await must(decide(testPrincipal('ADMIN'), approved, 'APPROVED'));
  });

  it('shows a rep their customers’ approved claims but not others’ pending ones, and a stranger none', async () => {
    expect(await visibleTo(rep, approved)).toBe(true);
    expect(await visibleTo(rep, pending)).toBe(false);
    expect(await visibleTo(stranger, approved)).toBe(false);
    expect(await visibleTo(accountant, pending)).toBe(true);
    const mine = await submitted();
    expect(await visibleTo(head, mine)).toBe(true);
    expect(await visibleTo(colleague, mine)).toBe(false);
    expect(await visibleTo(otherHead, mine)).toBe(false);
  });

  it('lists approved expenses per customer and per order in cursor pages', async () => {
    const list = (who: TestPrincipal, filter: Record<string, unknown>, after?: string) =>
      must(
        subgraph.gqlAs<{ expenses: { edges: { cursor: string; node: { id: string; state: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
          who,
          'query($filter: ExpenseFilter, $after: String) { expenses(filter: $filter, first: 1, after: $after) { edges { cursor node { id state } } pageInfo { hasNextPage endCursor } } }',
          { filter, after },
        ),
      );
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { expenses } = await list(rep, { customerId: customerA, state: 'APPROVED' }, after);
      ids.push(...expenses.edges.map((e) => e.node.id));
      expect(expenses.edges.every((e) => e.node.state === 'APPROVED')).toBe(true);
      if (!expenses.pageInfo.hasNextPage) break;
      after = expenses.pageInfo.endCursor;
    }
    expect(ids).toContain(approved);
    expect(ids).not.toContain(pending);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await list(stranger, { customerId: customerA, state: 'APPROVED' })).expenses.edges).toEqual([]);
    const byOrder = await list(accountant, { orderId: orderB, state: 'APPROVED' });
    expect(byOrder.expenses.edges.map((e) => e.node.id)).toEqual([approved]);
    expect((await list(accountant, { orderId: orderB, state: 'SUBMITTED' })).expenses.edges).toEqual([]);
    expect(await errorOf(subgraph.gqlAs(rep, 'query { expenses(filter: { customerId: "nope" }) { edges { cursor } } }'))).toMatchObject({ field: 'filter.customerId' });
  });

  it('adds the approved expenses to the customer through federation, and resolves references only for those who may see them', async () => {
    const customerExpenses = (who: TestPrincipal) =>
      must(
        subgraph.gqlAs<{ _entities: { expenses: { edges: { node: { id: string; state: string } }[] } }[] }>(
          who,
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { expenses(first: 50) { edges { node { id state } } } } } }',
          { r: [{ __typename: 'Customer', id: customerA }] },
        ),
      );
    const forRep = (await customerExpenses(rep))._entities[0]!.expenses.edges;
    expect(forRep.map((e) => e.node.id)).toContain(approved);
    expect(forRep.every((e) => e.node.state === 'APPROVED')).toBe(true);
    expect((await customerExpenses(clerk))._entities[0]!.expenses.edges).toEqual([]);

    const reference = (who: TestPrincipal) =>
      must(
        subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(who, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Expense { id } } }', {
          r: [{ __typename: 'Expense', id: approved }],
        }),
      );
    expect((await reference(rep))._entities).toEqual([{ id: approved }]);
    expect((await reference(stranger))._entities).toEqual([null]);
  });

  it('sums approved expenses per order, customer and claimant exactly, over what the caller may see', async () => {
    const orderC = randomUUID();
    await subgraph.sql(`insert into sales_order (id, customer_id, number, currency, confirmed_at) values (?, ?, 'SO-9', 'EUR', now())`, [orderC, customerA]);
    for (const amount of ['0.10', '0.20']) {
      const id = await submitted(rep, claim({ orderId: orderC, amount: { amount, currency: 'EUR' } }));
      await must(decide(head, id, 'APPROVED'));
    }
    await submitted(rep, claim({ orderId: orderC, amount: { amount: '5.00', currency: 'EUR' } }));
    const totals = (who: TestPrincipal, by: string, filter: Record<string, unknown>) =>
      must(
        subgraph.gqlAs<{ expenseTotals: { key: string; count: number; total: { amount: string; currency: string } }[] }>(
          who,
          'query($by: ExpenseGrouping!, $filter: ExpenseFilter) { expenseTotals(by: $by, filter: $filter) { key count total { amount currency } } }',
          { by, filter },
        ),
      );
    expect((await totals(accountant, 'ORDER', { orderId: orderC })).expenseTotals).toEqual([{ key: orderC, count: 2, total: { amount: '0.30', currency: 'EUR' } }]);
    expect((await totals(accountant, 'ORDER', { orderId: orderC, state: 'SUBMITTED' })).expenseTotals).toEqual([
      { key: orderC, count: 1, total: { amount: '5.00', currency: 'EUR' } },
    ]);
    expect((await totals(rep, 'CLAIMANT', { claimantId: accountant.userId })).expenseTotals).toEqual([
      { key: accountant.userId, count: 1, total: { amount: '75.50', currency: 'EUR' } },
    ]);
    expect((await totals(stranger, 'CUSTOMER', { customerId: customerA })).expenseTotals).toEqual([]);
    expect((await totals(stranger, 'CLAIMANT', { claimantId: rep.userId })).expenseTotals).toEqual([]);
  });
});
