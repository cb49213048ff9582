import { randomUUID } from 'node:crypto';
import { grantCustomerAccess, testCast } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';

const { team: teamT1, rep: repA, otherRep, head: managerOfT1 } = testCast();
const [repAId, repBId] = [repA.userId, otherRep.userId];
const subgraph = useFinanceSubgraph();
const [customerOfA, customerOfB] = [randomUUID(), randomUUID()];

const issueInvoiceMutation = 'mutation Issue($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }';
const recordPaymentMutation = 'mutation Pay($input: RecordPaymentInput!) { recordPayment(input: $input) { id amountPaid { amount currency } status } }';
const invoiceQuery = 'query One($id: ID!) { invoice(id: $id) { id amountPaid { amount currency } status } }';

const paymentInput = (invoiceId: string) => ({ invoiceId, amount: { amount: '10.00', currency: 'EUR' }, paidOn: dayFromToday(0) });

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const paymentsOn = async (invoiceId: string) => (await sql<{ n: number }>('select count(*)::int as n from payment where invoice_id = ?', [invoiceId]))[0]!.n;

/** Issues an invoice of 100.00 EUR as an ADMIN and returns its id. */
async function invoiceFor(customerId: string): Promise<string> {
  const result = await subgraph.gql<{ issueInvoice: { id: string } }>(issueInvoiceMutation, {
    input: { customerId, total: { amount: '100.00', currency: 'EUR' }, dueDate: dayFromToday(30) },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.issueInvoice.id;
}

let invoiceOfA: string;
let invoiceOfB: string;

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerOfA, ownerId: repAId, teamId: teamT1 }, { customerId: customerOfB, ownerId: repBId, teamId: teamT1 });
  invoiceOfA = await invoiceFor(customerOfA);
  invoiceOfB = await invoiceFor(customerOfB);
});

describe('finance subgraph: who may record payments', () => {
  it("forbids sales to record payments, on their own customers' invoices as on others', and records nothing", async () => {
    for (const caller of [repA, managerOfT1]) {
      for (const invoiceId of [invoiceOfA, invoiceOfB]) {
        const result = await subgraph.gqlAs(caller, recordPaymentMutation, { input: paymentInput(invoiceId) });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
      }
    }
    expect([await paymentsOn(invoiceOfA), await paymentsOn(invoiceOfB)]).toEqual([0, 0]);
  });

  it('forbids roles without access to finance to record payments', async () => {
    for (const role of ['SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER'] as const) {
      const result = await subgraph.gqlAs({ role, userId: randomUUID() }, recordPaymentMutation, { input: paymentInput(invoiceOfA) });
      expect(result.errors?.[0]?.extensions, role).toMatchObject({ code: 'FORBIDDEN', reason: 'DEPARTMENT_FORBIDDEN' });
    }
    expect(await paymentsOn(invoiceOfA)).toBe(0);
  });

  it("lets accountants and directors record payments on any customer's invoice, which the owning rep then sees", async () => {
    for (const role of ['ACCOUNTANT', 'DIRECTOR'] as const) {
      const result = await subgraph.gqlAs<{ recordPayment: { status: string } }>({ role, userId: randomUUID() }, recordPaymentMutation, {
        input: paymentInput(invoiceOfB),
      });
      expect(result.errors, role).toBeUndefined();
      expect(result.data!.recordPayment.status).toBe('PARTIALLY_PAID');
    }
    const repB = await subgraph.gqlAs<{ invoice: { amountPaid: { amount: string } } }>({ role: 'SALES_REP', userId: repBId }, invoiceQuery, { id: invoiceOfB });
    expect(repB.data!.invoice.amountPaid.amount).toBe('20.00');
    const other = await subgraph.gqlAs(repA, invoiceQuery, { id: invoiceOfB });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
