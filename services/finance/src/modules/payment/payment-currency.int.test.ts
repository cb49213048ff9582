import { randomUUID } from 'node:crypto';
import { describe, expect, it, beforeAll } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';

// A customer pays an invoice in another currency: the allocation is given in the payment's currency
// and settles the invoice in its own at the rate of the payment's day (ERPNext's Payment Entry with
// source and target exchange rates); the realised difference is recorded in base (EUR).
const subgraph = useFinanceSubgraph();
const customerId = randomUUID();

const setRate = (fromCurrency: string, toCurrency: string, validOn: string, rate: string) =>
  subgraph.must('mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }', { input: { fromCurrency, toCurrency, validOn, rate } });
beforeAll(async () => {
  await setRate('USD', 'EUR', '2026-01-01', '0.9');
  await setRate('USD', 'EUR', '2026-02-01', '0.92');
  await setRate('EUR', 'CHF', '2026-01-01', '0.95');
});

interface InvoiceView {
  id: string;
  number: string;
  status: string;
  balance: { amount: string; currency: string };
}
const invoiceFields = 'id number status balance { amount currency }';
async function invoiceIn(currency: string, amount: string, issueDate = '2026-01-20'): Promise<InvoiceView> {
  const result = await subgraph.must<{ issueFreeInvoice: InvoiceView }>(`mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { ${invoiceFields} } }`, {
    input: { customerId, currency, issueDate, dueDate: '2026-12-31', lines: [{ description: 'Service', quantity: '1', unitPrice: amount }] },
  });
  return result.issueFreeInvoice;
}
const readInvoice = async (id: string) => (await subgraph.must<{ invoice: InvoiceView }>(`query($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`, { id })).invoice;

interface AllocationView {
  amount: { amount: string; currency: string };
  sourceAmount: { amount: string; currency: string };
  rate: string | null;
  exchangeDifference: { amount: string; currency: string } | null;
}
interface PaymentView {
  id: string;
  amount: { amount: string; currency: string };
  unallocated: { amount: string; currency: string };
  allocations: AllocationView[];
}
const paymentFields =
  'id amount { amount currency } unallocated { amount currency } allocations { amount { amount currency } sourceAmount { amount currency } rate exchangeDifference { amount currency } }';
const receive = (amount: string, currency: string, receivedOn: string, allocations: { invoiceId: string; amount: string }[] = []) =>
  subgraph.gql<{ receivePayment: PaymentView }>(`mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { ${paymentFields} } }`, {
    input: { customerId, amount: { amount, currency }, method: 'BANK_TRANSFER', receivedOn, allocations },
  });
const counts = async () =>
  (
    await subgraph.sql<{ a: number; p: number; e: number }>(
      'select (select count(*)::int from allocation) as a, (select count(*)::int from payment) as p, (select count(*)::int from outbox_message) as e',
    )
  )[0];

describe('a payment in another currency than the invoice', () => {
  it('settles a USD invoice with EUR at the rate of the payment day, records the realised difference in base, and announces both amounts', async () => {
    const invoice = await invoiceIn('USD', '100.00'); // at 0.9 on 2026-01-20: 90.00 EUR
    const paid = await receive('92.00', 'EUR', '2026-02-10', [{ invoiceId: invoice.id, amount: '92.00' }]);
    expect(paid.errors).toBeUndefined();
    // EUR→USD on 2026-02-10 is the reverse of 0.92: 1.0869565217; 92.00 × it = 99.99999999… → 100.00 USD.
    // In base: 92.00 EUR received for what was billed as 90.00 EUR: a gain of 2.00.
    expect(paid.data!.receivePayment).toMatchObject({
      amount: { amount: '92.00', currency: 'EUR' },
      unallocated: { amount: '0.00', currency: 'EUR' },
      allocations: [
        {
          amount: { amount: '100.00', currency: 'USD' },
          sourceAmount: { amount: '92.00', currency: 'EUR' },
          rate: '1.0869565217',
          exchangeDifference: { amount: '2.00', currency: 'EUR' },
        },
      ],
    });
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'PAID', balance: { amount: '0.00', currency: 'USD' } });
    const [event] = await subgraph.sql<{ payload: { data: Record<string, unknown> } }>(
      `select payload from outbox_message where type = 'finance.payment.allocated.v2' and message_key = ?`,
      [invoice.id],
    );
    expect(event?.payload.data).toMatchObject({
      paymentId: paid.data!.receivePayment.id,
      amount: { amount: '100.00', currency: 'USD' },
      sourceAmount: { amount: '92.00', currency: 'EUR' },
      rate: '1.0869565217',
      exchangeDifference: { amount: '2.00', currency: 'EUR' },
      outstanding: { amount: '0.00', currency: 'USD' },
      allocatedOn: '2026-02-10',
    });
    expect(await subgraph.sql(`select count(*)::int as n from outbox_message where type = 'finance.invoice.paid.v1' and message_key = ?`, [invoice.id])).toEqual([{ n: 1 }]);
  });

  it('converts an allocation made later at the rate of the day the payment was received, and shows no difference on an invoice in base', async () => {
    const invoice = await invoiceIn('EUR', '100.00');
    const received = await receive('50.00', 'USD', '2026-02-10');
    expect(received.errors).toBeUndefined();
    await setRate('USD', 'EUR', '2026-03-01', '0.95'); // a later rate does not apply to a payment of 2026-02-10
    const allocated = await subgraph.must<{ allocatePayment: PaymentView }>(`mutation($input: AllocatePaymentInput!) { allocatePayment(input: $input) { ${paymentFields} } }`, {
      input: { paymentId: received.data!.receivePayment.id, allocatedOn: '2026-03-05', allocations: [{ invoiceId: invoice.id, amount: '50.00' }] },
    });
    expect(allocated.allocatePayment.allocations).toEqual([
      { amount: { amount: '46.00', currency: 'EUR' }, sourceAmount: { amount: '50.00', currency: 'USD' }, rate: '0.92', exchangeDifference: { amount: '0.00', currency: 'EUR' } },
    ]);
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'PARTIALLY_PAID', balance: { amount: '54.00', currency: 'EUR' } });
  });

  it('converts through the base currency when the pair has no rate, and settles exactly the balance with the least amount that covers it', async () => {
    // CHF→USD on 2026-02-10: CHF→EUR (1/0.95 = 1.0526315789) × EUR→USD (1/0.92 = 1.0869565217) = 1.1441647596.
    const invoice = await invoiceIn('USD', '10.00');
    const paid = await receive('8.74', 'CHF', '2026-02-10', [{ invoiceId: invoice.id, amount: '8.74' }]);
    expect(paid.errors).toBeUndefined();
    // 8.74 × 1.1441647596 = 9.99999… → 10.00 USD.
    expect(paid.data!.receivePayment.allocations[0]).toMatchObject({ amount: { amount: '10.00', currency: 'USD' }, rate: '1.1441647596' });
    // EUR cents are worth ~1.087 US cents: no EUR amount converts to exactly 10.06 USD (9.25 → 10.05, 9.26 → 10.07).
    const odd = await invoiceIn('USD', '10.06');
    const closing = await receive('9.26', 'EUR', '2026-02-10', [{ invoiceId: odd.id, amount: '9.26' }]);
    expect(closing.errors).toBeUndefined();
    expect(closing.data!.receivePayment.allocations[0]).toMatchObject({ amount: { amount: '10.06', currency: 'USD' }, sourceAmount: { amount: '9.26', currency: 'EUR' } });
    expect(await readInvoice(odd.id)).toMatchObject({ status: 'PAID' });
  });

  it('refuses more than the invoice owes, more than the payment holds, and a day without a rate, naming the field and writing nothing', async () => {
    const invoice = await invoiceIn('USD', '100.00');
    const before = await counts();
    // 92.99 EUR is 101.08 USD, and 92.01 EUR (one cent less than needed beyond 100.00) would be 100.01.
    const over = await receive('93.00', 'EUR', '2026-02-10', [{ invoiceId: invoice.id, amount: '92.01' }]);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount', reason: 'MORE_THAN_OWED' });
    expect(over.errors?.[0]?.message).toMatch(/92\.01 EUR is 100\.01 USD at 1\.0869565217 on 2026-02-10/);
    const beyondPayment = await receive('50.00', 'EUR', '2026-02-10', [{ invoiceId: invoice.id, amount: '50.01' }]);
    expect(beyondPayment.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount', reason: 'MORE_THAN_PAYMENT' });
    // EUR needs no rate to be received (it is the base), but EUR→USD has none before 2026-01-01.
    const early = await receive('10.00', 'EUR', '2025-12-15', [{ invoiceId: invoice.id, amount: '10.00' }]);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount', reason: 'RATE_MISSING' });
    expect(early.errors?.[0]?.message).toMatch(/EUR to USD on or before 2025-12-15/);
    expect(await counts()).toEqual(before);
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'ISSUED', balance: { amount: '100.00' } });
  });
});
