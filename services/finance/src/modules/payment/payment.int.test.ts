import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useFinanceSubgraph();
const customerId = '0191b3a0-0000-7000-8000-00000000000a';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface Money {
  amount: string;
  currency: string;
}
interface InvoiceView {
  id: string;
  amountPaid: Money;
  balance: Money;
  status: string;
  overdue: boolean;
}
const invoiceFields = 'id amountPaid { amount currency } balance { amount currency } status overdue';
const issueInvoiceMutation = `mutation Issue($input: IssueInvoiceInput!) { issueInvoice(input: $input) { ${invoiceFields} } }`;
const recordPaymentMutation = `mutation Pay($input: RecordPaymentInput!) { recordPayment(input: $input) { ${invoiceFields} } }`;

async function issueInvoice(total: Money, dueInDays = 30): Promise<InvoiceView> {
  const result = await subgraph.gql<{ issueInvoice: InvoiceView }>(issueInvoiceMutation, {
    input: { customerId, total, issueDate: dayFromToday(Math.min(0, dueInDays)), dueDate: dayFromToday(dueInDays) },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.issueInvoice;
}

const paymentFactory = (invoiceId: string, overrides: Record<string, unknown> = {}) => ({
  invoiceId,
  amount: { amount: '100.00', currency: 'EUR' },
  paidOn: dayFromToday(0),
  ...overrides,
});

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const stateOf = async (invoiceId: string) =>
  sql<{ amount_paid: string; status: string; payments: number }>(
    'select amount_paid::text, status, (select count(*)::int from payment where invoice_id = invoice.id) as payments from invoice where id = ?',
    [invoiceId],
  );

describe('finance subgraph: payments', () => {
  it('records a part payment, then the rest, moving the invoice to PARTIALLY_PAID and then PAID', async () => {
    const invoice = await issueInvoice({ amount: '250.00', currency: 'EUR' }, -3);
    expect(invoice.overdue).toBe(true);

    const first = await subgraph.gql<{ recordPayment: InvoiceView }>(recordPaymentMutation, { input: paymentFactory(invoice.id, { paidOn: dayFromToday(-1) }) });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordPayment).toEqual({
      id: invoice.id,
      amountPaid: { amount: '100.00', currency: 'EUR' },
      balance: { amount: '150.00', currency: 'EUR' },
      status: 'PARTIALLY_PAID',
      overdue: true,
    });

    const rest = await subgraph.gql<{ recordPayment: InvoiceView }>(recordPaymentMutation, { input: paymentFactory(invoice.id, { amount: { amount: '150', currency: 'eur' } }) });
    expect(rest.errors).toBeUndefined();
    expect(rest.data!.recordPayment).toMatchObject({ amountPaid: { amount: '250.00' }, balance: { amount: '0.00', currency: 'EUR' }, status: 'PAID', overdue: false });

    const payments = await sql<{ amount: string; currency: string; paid_on: string }>(
      'select amount::text, currency, paid_on::text from payment where invoice_id = ? order by paid_on',
      [invoice.id],
    );
    expect(payments).toEqual([
      { amount: '100.0000', currency: 'EUR', paid_on: dayFromToday(-1) },
      { amount: '150.0000', currency: 'EUR', paid_on: dayFromToday(0) },
    ]);
  });

  it('adds payments exactly: 0.10 and 0.20 settle an invoice of 0.30', async () => {
    const invoice = await issueInvoice({ amount: '0.30', currency: 'EUR' });
    await subgraph.gql(recordPaymentMutation, { input: paymentFactory(invoice.id, { amount: { amount: '0.10', currency: 'EUR' } }) });
    const result = await subgraph.gql<{ recordPayment: InvoiceView }>(recordPaymentMutation, {
      input: paymentFactory(invoice.id, { amount: { amount: '0.20', currency: 'EUR' } }),
    });
    expect(result.data!.recordPayment).toMatchObject({ amountPaid: { amount: '0.30' }, balance: { amount: '0.00' }, status: 'PAID' });
  });

  it("rejects a payment in another currency than the invoice's, naming input.amount.currency, and writes nothing", async () => {
    const invoice = await issueInvoice({ amount: '500.00', currency: 'EUR' });
    const before = await stateOf(invoice.id);
    const result = await subgraph.gql(recordPaymentMutation, { input: paymentFactory(invoice.id, { amount: { amount: '10.00', currency: 'USD' } }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency' });
    expect(await stateOf(invoice.id)).toEqual(before);
  });

  it('rejects a payment above the balance, naming input.amount.amount, and writes nothing', async () => {
    const invoice = await issueInvoice({ amount: '100.00', currency: 'EUR' });
    await subgraph.gql(recordPaymentMutation, { input: paymentFactory(invoice.id, { amount: { amount: '60.00', currency: 'EUR' } }) });
    const before = await stateOf(invoice.id);
    const result = await subgraph.gql(recordPaymentMutation, { input: paymentFactory(invoice.id, { amount: { amount: '40.0001', currency: 'EUR' } }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount' });
    expect(await stateOf(invoice.id)).toEqual(before);
    expect(before).toEqual([{ amount_paid: '60.0000', status: 'PARTIALLY_PAID', payments: 1 }]);
  });

  it('rejects zero, negative and malformed amounts, bad dates and malformed ids with the field named', async () => {
    const invoice = await issueInvoice({ amount: '100.00', currency: 'EUR' });
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: { amount: '0', currency: 'EUR' } }, 'input.amount.amount'],
      [{ amount: { amount: '-1', currency: 'EUR' } }, 'input.amount.amount'],
      [{ amount: { amount: '1e3', currency: 'EUR' } }, 'input.amount.amount'],
      [{ amount: { amount: '10', currency: 'E' } }, 'input.amount.currency'],
      [{ paidOn: '2026-13-01' }, 'input.paidOn'],
      [{ invoiceId: 'INV-000001' }, 'input.invoiceId'],
    ];
    for (const [overrides, field] of cases) {
      const result = await subgraph.gql(recordPaymentMutation, { input: paymentFactory(invoice.id, overrides) });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await stateOf(invoice.id)).toEqual([{ amount_paid: '0.0000', status: 'ISSUED', payments: 0 }]);
  });

  it('answers a payment for an unknown invoice with NOT_FOUND', async () => {
    const result = await subgraph.gql(recordPaymentMutation, { input: paymentFactory(unknownId) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.invoiceId' });
  });
});
