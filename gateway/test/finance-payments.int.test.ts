import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Finance's working paths that no other gateway test takes, through the gateway only, with one
// system started for the file: an advance invoice on an order (an advance held on the order applied
// to it at once), payments read back (method, account, reference) and listed, refusals naming the
// field (paying a credited invoice, allocating more than a payment holds, a late expense claim),
// credit notes applied to another invoice and refunded, exchange rates imported, opening balances
// imported after a dry run, and expense totals per customer and order.

let system: TestSystem;
let accountant = '';
let clerk = '';
let rep = '';
let customerId = '';
let orderId = '';

interface Invoice {
  id: string;
  kind: string;
  status: string;
  total: { amount: string; currency: string };
  amountPaid: { amount: string };
  balance: { amount: string };
}
const invoiceFields = 'id kind status total { amount currency } amountPaid { amount } balance { amount }';
const invoiceOf = async (id: string): Promise<Invoice> =>
  (await system.must<{ invoice: Invoice }>(accountant, `query($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`, { id })).invoice;
async function freeInvoice(amount: string): Promise<Invoice> {
  const { issueFreeInvoice } = await system.must<{ issueFreeInvoice: Invoice }>(
    accountant,
    `mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { ${invoiceFields} } }`,
    { i: { customerId, currency: 'EUR', lines: [{ description: 'Commissioning', quantity: '1', unitPrice: amount }] } },
  );
  return issueFreeInvoice;
}
const receivePayment = 'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id unallocated { amount } } }';
const receive = (input: Record<string, unknown>) =>
  system.must<{ receivePayment: { id: string; unallocated: { amount: string } } }>(accountant, receivePayment, {
    i: { customerId, method: 'BANK_TRANSFER', receivedOn: day(), ...input },
  });

beforeAll(async () => {
  system = await startTestSystem('finance-payments');
  accountant = (await system.createUser({ email: 'fiona.payments@rapport.example', displayName: 'Fiona Payments', role: 'ACCOUNTANT' })).token;
  clerk = (await system.createUser({ email: 'walt.payments@rapport.example', displayName: 'Walt Warehouse', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'ruth.payments@rapport.example', displayName: 'Ruth Rep', role: 'SALES_REP' })).token;
  const productId = (
    await system.must<{ createProduct: { id: string } }>(
      clerk,
      'mutation { createProduct(input: { sku: "PAY-MIXER", name: "Mixer M-3", listPrice: { amount: "250.00", currency: "EUR" }, standardCost: { amount: "120", currency: "EUR" } }) { id } }',
    )
  ).createProduct.id;
  customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Zahlung & Söhne OHG", kind: COMPANY }) { id } }'))
    .createCustomer.id;
  await system.untilSellable(productId);
  const placed = await system.mustOnceCustomerKnown<{ placeOrder: { id: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
    i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '4', taxRate: '19' }] },
  });
  orderId = placed.placeOrder.id;
  await waitFor(
    async () => {
      const answer = await system.as(accountant, 'query($id: ID!) { invoiceableLines(orderId: $id) { ordered } }', { id: orderId });
      return answer.errors ? undefined : true;
    },
    { what: 'finance to learn the confirmed order' },
  );
}, 240_000);
afterAll(async () => system?.stop());

describe('finance payments and documents through the gateway', () => {
  it('issues an advance invoice on an order, applying the advance already held on the order, and a rep may not issue one', async () => {
    const held = await receive({ orderId, amount: { amount: '50.00', currency: 'EUR' }, reference: 'DOWN PAYMENT' });
    expect(held.receivePayment.unallocated.amount).toBe('50.00');
    const issue = `mutation($i: IssueAdvanceInvoiceInput!) { issueAdvanceInvoice(input: $i) { ${invoiceFields} } }`;
    const byRep = await system.as(rep, issue, { i: { orderId, amount: { amount: '100.00', currency: 'EUR' }, taxRate: '19' } });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherCurrency = await system.as(accountant, issue, { i: { orderId, amount: { amount: '100.00', currency: 'USD' } } });
    expect(otherCurrency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency' });
    const { issueAdvanceInvoice } = await system.must<{ issueAdvanceInvoice: Invoice }>(accountant, issue, {
      i: { orderId, amount: { amount: '100.00', currency: 'EUR' }, taxRate: '19' },
    });
    // 100.00 + 19 % = 119.00, of which the 50.00 held on the order is applied at once.
    expect(issueAdvanceInvoice).toMatchObject({ kind: 'ADVANCE', status: 'PARTIALLY_PAID', total: { amount: '119.00', currency: 'EUR' }, balance: { amount: '69.00' } });
    const payment = await system.must<{ payment: { unallocated: { amount: string }; allocations: { invoice: { id: string } }[] } }>(
      accountant,
      'query($id: ID!) { payment(id: $id) { unallocated { amount } allocations { invoice { id } } } }',
      { id: held.receivePayment.id },
    );
    expect(payment.payment).toEqual({ unallocated: { amount: '0.00' }, allocations: [{ invoice: { id: issueAdvanceInvoice.id } }] });
  });

  it('reads a payment back with its method, account and reference, lists it by customer and order, and hides it from the warehouse', async () => {
    const invoice = await freeInvoice('80.00');
    const { receivePayment: cheque } = await receive({
      amount: { amount: '100.00', currency: 'EUR' },
      method: 'CHEQUE',
      account: 'EUR-ACCOUNT',
      reference: 'CHQ-0042',
      allocations: [{ invoiceId: invoice.id, amount: '80.00' }],
    });
    const fields = 'id method account reference receivedOn orderId amount { amount currency } allocated { amount } unallocated { amount } customer { id }';
    const read = await system.must<{ payment: Record<string, unknown> }>(accountant, `query($id: ID!) { payment(id: $id) { ${fields} } }`, { id: cheque.id });
    expect(read.payment).toEqual({
      id: cheque.id,
      method: 'CHEQUE',
      account: 'EUR-ACCOUNT',
      reference: 'CHQ-0042',
      receivedOn: day(),
      orderId: null,
      amount: { amount: '100.00', currency: 'EUR' },
      allocated: { amount: '80.00' },
      unallocated: { amount: '20.00' },
      customer: { id: customerId },
    });
    const list = `query($f: PaymentFilter) { payments(filter: $f) { edges { node { id method reference } } } }`;
    const ofCustomer = await system.must<{ payments: { edges: { node: { id: string; method: string; reference: string | null } }[] } }>(accountant, list, {
      f: { customerId },
    });
    expect(ofCustomer.payments.edges.map((e) => e.node)).toContainEqual({ id: cheque.id, method: 'CHEQUE', reference: 'CHQ-0042' });
    const unallocated = await system.must<{ payments: { edges: { node: { id: string } }[] } }>(accountant, list, { f: { customerId, unallocated: true } });
    expect(unallocated.payments.edges.map((e) => e.node.id)).toEqual([cheque.id]);
    const ofOrder = await system.must<{ payments: { edges: { node: { reference: string } }[] } }>(accountant, list, { f: { orderId } });
    expect(ofOrder.payments.edges.map((e) => e.node.reference)).toEqual(['DOWN PAYMENT']);
    // The rep sees their customer's payments read-only; the warehouse sees none.
    const asRep = await system.must<{ payment: { reference: string } }>(rep, 'query($id: ID!) { payment(id: $id) { reference } }', { id: cheque.id });
    expect(asRep.payment.reference).toBe('CHQ-0042');
    const asClerk = await system.as(clerk, 'query($id: ID!) { payment(id: $id) { reference } }', { id: cheque.id });
    expect(asClerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to pay a credited invoice and to allocate more than a payment holds, naming the field and recording nothing', async () => {
    const credited = await freeInvoice('40.00');
    await system.must(accountant, 'mutation($i: IssueCreditNoteInput!) { issueCreditNote(input: $i) { id } }', {
      i: { invoiceId: credited.id, reason: 'PRICE_CORRECTION', full: true },
    });
    expect(await invoiceOf(credited.id)).toMatchObject({ status: 'CREDITED', balance: { amount: '0.00' } });
    const before = await system.must<{ payments: { edges: unknown[] } }>(accountant, 'query($c: ID) { payments(filter: { customerId: $c }) { edges { cursor } } }', {
      c: customerId,
    });
    const paying = await system.as(accountant, receivePayment, {
      i: { customerId, amount: { amount: '40.00', currency: 'EUR' }, method: 'CASH', receivedOn: day(), allocations: [{ invoiceId: credited.id, amount: '40.00' }] },
    });
    expect(paying.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].invoiceId', reason: 'INVOICE_CREDITED' });
    const legacy = await system.as(accountant, 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }', {
      i: { invoiceId: credited.id, amount: { amount: '40.00', currency: 'EUR' }, paidOn: day() },
    });
    expect(legacy.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.invoiceId', reason: 'INVOICE_CREDITED' });
    const after = await system.must<{ payments: { edges: unknown[] } }>(accountant, 'query($c: ID) { payments(filter: { customerId: $c }) { edges { cursor } } }', {
      c: customerId,
    });
    expect(after.payments.edges).toHaveLength(before.payments.edges.length);

    const open = await freeInvoice('90.00');
    const { receivePayment: small } = await receive({ amount: { amount: '30.00', currency: 'EUR' } });
    const allocate = 'mutation($i: AllocatePaymentInput!) { allocatePayment(input: $i) { unallocated { amount } } }';
    const tooMuch = await system.as(accountant, allocate, {
      i: {
        paymentId: small.id,
        allocations: [
          { invoiceId: open.id, amount: '20.00' },
          { invoiceId: open.id, amount: '10.01' },
        ],
      },
    });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[1].amount', reason: 'MORE_THAN_PAYMENT' });
    expect(await invoiceOf(open.id)).toMatchObject({ status: 'ISSUED', balance: { amount: '90.00' } });
    const fits = await system.must<{ allocatePayment: { unallocated: { amount: string } } }>(accountant, allocate, {
      i: { paymentId: small.id, allocations: [{ invoiceId: open.id, amount: '30.00' }] },
    });
    expect(fits.allocatePayment.unallocated.amount).toBe('0.00');
  });

  it('applies a credit note held for the customer to another invoice and refunds the rest, never more than it holds', async () => {
    const paid = await freeInvoice('100.00');
    await receive({ amount: { amount: '100.00', currency: 'EUR' }, allocations: [{ invoiceId: paid.id, amount: '100.00' }] });
    const { issueCreditNote: note } = await system.must<{ issueCreditNote: { id: string; grossTotal: { amount: string }; unapplied: { amount: string } } }>(
      accountant,
      'mutation($i: IssueCreditNoteInput!) { issueCreditNote(input: $i) { id grossTotal { amount } unapplied { amount } } }',
      { i: { invoiceId: paid.id, reason: 'PRICE_CORRECTION', full: true } },
    );
    // The invoice was paid: the whole 100.00 is held for the customer.
    expect(note).toMatchObject({ grossTotal: { amount: '100.00' }, unapplied: { amount: '100.00' } });
    const next = await freeInvoice('50.00');
    const noteFields = 'applied { amount } refunded { amount } unapplied { amount }';
    const apply = `mutation($i: ApplyCreditNoteInput!) { applyCreditNote(input: $i) { ${noteFields} } }`;
    const tooMuch = await system.as(accountant, apply, { i: { creditNoteId: note.id, invoiceId: next.id, amount: '50.01' } });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount', reason: 'MORE_THAN_OWED' });
    const beyondNote = await system.as(accountant, apply, { i: { creditNoteId: note.id, invoiceId: next.id, amount: '100.01' } });
    expect(beyondNote.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount', reason: 'MORE_THAN_CREDIT' });
    const applied = await system.must<{ applyCreditNote: Record<string, unknown> }>(accountant, apply, { i: { creditNoteId: note.id, invoiceId: next.id, amount: '30.00' } });
    expect(applied.applyCreditNote).toEqual({ applied: { amount: '30.00' }, refunded: { amount: '0.00' }, unapplied: { amount: '70.00' } });
    expect(await invoiceOf(next.id)).toMatchObject({ status: 'ISSUED', balance: { amount: '20.00' } });

    const refund = `mutation($i: RefundCreditNoteInput!) { refundCreditNote(input: $i) { ${noteFields} } }`;
    const beyond = await system.as(accountant, refund, { i: { creditNoteId: note.id, amount: '70.01' } });
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    const refunded = await system.must<{ refundCreditNote: Record<string, unknown> }>(accountant, refund, { i: { creditNoteId: note.id, amount: '70.00', refundedOn: day() } });
    expect(refunded.refundCreditNote).toEqual({ applied: { amount: '30.00' }, refunded: { amount: '70.00' }, unapplied: { amount: '0.00' } });
    const byRep = await system.as(rep, refund, { i: { creditNoteId: note.id, amount: '1.00' } });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports exchange rates all or nothing, naming the bad row', async () => {
    const importRates = 'mutation($i: ImportExchangeRatesInput!) { importExchangeRates(input: $i) { fromCurrency toCurrency validOn rate } }';
    const bad = await system.as(accountant, importRates, { i: { format: 'CSV', body: 'fromCurrency,toCurrency,validOn,rate\nUSD,EUR,2026-01-01,0.9\nGBP,EUR,2026-01-01,-1' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows[1].rate' });
    const rateOf = 'query { exchangeRate(fromCurrency: "USD", toCurrency: "EUR", on: "2026-02-01") { rate } }';
    expect((await system.as(accountant, rateOf)).errors?.[0]?.extensions).toMatchObject({ reason: 'RATE_MISSING' });
    const imported = await system.must<{ importExchangeRates: unknown[] }>(accountant, importRates, {
      i: { format: 'CSV', body: 'rate,validOn,fromCurrency,toCurrency\n0.9,2026-01-01,USD,EUR\n1.15,2026-01-01,GBP,EUR' },
    });
    expect(imported.importExchangeRates).toEqual([
      { fromCurrency: 'USD', toCurrency: 'EUR', validOn: '2026-01-01', rate: '0.9' },
      { fromCurrency: 'GBP', toCurrency: 'EUR', validOn: '2026-01-01', rate: '1.15' },
    ]);
    expect((await system.must<{ exchangeRate: { rate: string } }>(accountant, rateOf)).exchangeRate.rate).toBe('0.9');
    const json = await system.must<{ importExchangeRates: unknown[] }>(accountant, importRates, {
      i: { format: 'JSON', body: JSON.stringify([{ fromCurrency: 'CHF', toCurrency: 'EUR', validOn: '2026-01-01', rate: '1.05' }]) },
    });
    expect(json.importExchangeRates).toHaveLength(1);
  });

  it('imports opening balances after a dry run that writes nothing', async () => {
    const importRows =
      'mutation($rows: [OpeningBalanceRowInput!]!, $dry: Boolean) { importOpeningBalances(rows: $rows, dryRun: $dry) { dryRun rowCount imported { id kind status balance { amount } } } }';
    const rows = [
      { customerId, reference: 'ALT-2024-117', date: day(-75), dueDate: day(-45), amount: { amount: '250.00', currency: 'EUR' } },
      { customerId, reference: 'ALT-2024-118', date: day(-40), dueDate: day(-10), amount: { amount: '120.00', currency: 'USD' }, rateToBase: '0.9' },
    ];
    const countOpening = async () =>
      (
        await system.must<{ invoices: { edges: { node: { kind: string } }[] } }>(
          accountant,
          'query($c: ID) { invoices(filter: { customerId: $c }, first: 100) { edges { node { kind } } } }',
          { c: customerId },
        )
      ).invoices.edges.filter((e) => e.node.kind === 'OPENING_BALANCE').length;
    const badRow = await system.as(accountant, importRows, { rows: [rows[0], { ...rows[1], dueDate: day(-50) }], dry: true });
    expect(badRow.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(badRow.errors?.[0]?.extensions)).toContain('rows[1].dueDate');
    const dry = await system.must<{ importOpeningBalances: { dryRun: boolean; rowCount: number; imported: unknown[] } }>(accountant, importRows, { rows, dry: true });
    expect(dry.importOpeningBalances).toEqual({ dryRun: true, rowCount: 2, imported: [] });
    expect(await countOpening()).toBe(0);
    const real = await system.must<{ importOpeningBalances: { dryRun: boolean; rowCount: number; imported: { kind: string; status: string; balance: { amount: string } }[] } }>(
      accountant,
      importRows,
      { rows },
    );
    expect(real.importOpeningBalances).toMatchObject({
      dryRun: false,
      rowCount: 2,
      imported: [
        { kind: 'OPENING_BALANCE', status: 'ISSUED', balance: { amount: '250.00' } },
        { kind: 'OPENING_BALANCE', status: 'ISSUED', balance: { amount: '120.00' } },
      ],
    });
    expect(await countOpening()).toBe(2);
    const again = await system.as(accountant, importRows, { rows: [rows[0]] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses an expense claimed after its validity naming the date, and totals approved expenses per customer and order', async () => {
    const create = 'mutation($i: CreateExpenseInput!) { createExpense(input: $i) { id state } }';
    const period = (await system.must<{ expenseClaimPeriod: number }>(rep, '{ expenseClaimPeriod }')).expenseClaimPeriod;
    const late = await system.as(rep, create, {
      i: { customerId, orderId, expenseDate: day(-(period + 1)), category: 'TRAVEL', amount: { amount: '30.00', currency: 'EUR' }, description: 'Train to the site' },
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expenseDate', reason: 'CLAIM_PERIOD_OVER' });
    for (const [amount, category] of [
      ['30.00', 'TRAVEL'],
      ['12.50', 'SAMPLES'],
    ] as const) {
      const { createExpense } = await system.must<{ createExpense: { id: string } }>(rep, create, {
        i: { customerId, orderId, expenseDate: day(-(period - 1)), category, amount: { amount, currency: 'EUR' }, description: `${category} for the mixer order` },
      });
      await system.must(rep, 'mutation($id: ID!) { submitExpense(id: $id) { state } }', { id: createExpense.id });
      await system.must(accountant, 'mutation($i: DecideExpenseInput!) { decideExpense(input: $i) { state } }', { i: { expenseId: createExpense.id, decision: 'APPROVED' } });
    }
    const totals = 'query($by: ExpenseGrouping!, $f: ExpenseFilter) { expenseTotals(by: $by, filter: $f) { key count total { amount currency } } }';
    const perCustomer = await system.must<{ expenseTotals: unknown[] }>(accountant, totals, { by: 'CUSTOMER', f: { customerId } });
    expect(perCustomer.expenseTotals).toEqual([{ key: customerId, count: 2, total: { amount: '42.50', currency: 'EUR' } }]);
    const perOrder = await system.must<{ expenseTotals: unknown[] }>(accountant, totals, { by: 'ORDER', f: { orderId, category: 'TRAVEL' } });
    expect(perOrder.expenseTotals).toEqual([{ key: orderId, count: 1, total: { amount: '30.00', currency: 'EUR' } }]);
  });
});
