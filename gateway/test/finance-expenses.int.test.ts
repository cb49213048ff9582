import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Expenses through the gateway: a rep claims an expense on a customer they created (finance learns of
// it from the customers service's events), their team head approves it, finance pays it back, and the
// approved expense shows on the customer (federation) for the rep and not for another team's rep.

let system: TestSystem;
let rep = '';
let head = '';
let otherRep = '';
let accountant = '';
let headId = '';
let customerId = '';

beforeAll(async () => {
  system = await startTestSystem('finance-expenses');
  const team = (await system.must<{ createTeam: { id: string } }>(system.adminToken, 'mutation { createTeam(input: { name: "Expense Team" }) { id } }')).createTeam.id;
  const otherTeam = (await system.must<{ createTeam: { id: string } }>(system.adminToken, 'mutation { createTeam(input: { name: "Other Team" }) { id } }')).createTeam.id;
  rep = (await system.createUser({ email: 'erik.expense@rapport.example', role: 'SALES_REP', teamId: team })).token;
  ({ id: headId, token: head } = await system.createUser({ email: 'hanna.head@rapport.example', role: 'SALES_MANAGER', teamId: team }));
  otherRep = (await system.createUser({ email: 'otto.other@rapport.example', role: 'SALES_REP', teamId: otherTeam })).token;
  accountant = (await system.createUser({ email: 'anna.accounts@rapport.example', role: 'ACCOUNTANT' })).token;
  customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Spesen GmbH", kind: COMPANY }) { id } }')).createCustomer.id;
}, 240_000);
afterAll(async () => system?.stop());

describe('expenses through the gateway', () => {
  it('is claimed by a rep, approved by their team head, reimbursed by finance and shown on the customer', async () => {
    const { createExpense } = await system.mustOnceCustomerKnown<{ createExpense: { id: string; state: string } }>(
      rep,
      'mutation($i: CreateExpenseInput!) { createExpense(input: $i) { id state } }',
      { i: { customerId, expenseDate: day(-2), category: 'ENTERTAINMENT', amount: { amount: '86.40', currency: 'EUR' }, description: 'Lunch with the buyer' } },
    );
    expect(createExpense.state).toBe('DRAFT');
    await system.must(rep, 'mutation($id: ID!) { submitExpense(id: $id) { state } }', { id: createExpense.id });
    const own = await system.as(rep, 'mutation($i: DecideExpenseInput!) { decideExpense(input: $i) { state } }', { i: { expenseId: createExpense.id, decision: 'APPROVED' } });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await system.must<{ decideExpense: { state: string; decidedBy: string } }>(
      head,
      'mutation($i: DecideExpenseInput!) { decideExpense(input: $i) { state decidedBy } }',
      {
        i: { expenseId: createExpense.id, decision: 'APPROVED' },
      },
    );
    expect(approved.decideExpense).toEqual({ state: 'APPROVED', decidedBy: headId });
    const paid = await system.must<{ reimburseExpense: { reimbursedOn: string } }>(
      accountant,
      'mutation($i: ReimburseExpenseInput!) { reimburseExpense(input: $i) { reimbursedOn } }',
      {
        i: { expenseId: createExpense.id, reference: 'PAY-7' },
      },
    );
    expect(paid.reimburseExpense.reimbursedOn).toBe(day(0));

    const onCustomer = await system.must<{ customer: { name: string; expenses: { edges: { node: { id: string; amount: { amount: string } } }[] } } }>(
      rep,
      'query($id: ID!) { customer(id: $id) { name expenses { edges { node { id amount { amount } } } } } }',
      { id: customerId },
    );
    expect(onCustomer.customer.name).toBe('Spesen GmbH');
    expect(onCustomer.customer.expenses.edges).toEqual([{ node: { id: createExpense.id, amount: { amount: '86.40' } } }]);
    const other = await system.as(otherRep, 'query($id: ID!) { expense(id: $id) { id } }', { id: createExpense.id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
