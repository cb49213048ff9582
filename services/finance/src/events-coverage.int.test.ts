import { randomUUID } from 'node:crypto';
import { grantCustomerAccess, testPrincipal, type EventCoverage, type MutationCaseEntry } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { useFinanceSubgraph, withRates } from './testing.js';

const subgraph = useFinanceSubgraph();
const customerId = randomUUID();

/** Every audited entity of finance and the aggregate its events name. */
const coverage: EventCoverage = {
  Invoice: { keys: ['id'] },
  InvoiceLine: { keys: ['id', 'invoiceId'] },
  InvoiceTax: { keys: ['invoiceId'] },
  Payment: { keys: ['id', 'invoiceId'] },
  Allocation: { keys: ['id', 'invoiceId'] },
  CreditNote: { keys: ['id'] },
  CreditNoteLine: { keys: ['creditNoteId'] },
  CreditNoteTax: { keys: ['creditNoteId'] },
  SalesOrder: { internal: "finance's read copy of sales' confirmed orders, fed by sales.order.confirmed.v2" },
  OrderLine: { internal: "finance's read copy of confirmed order lines, fed by sales' order events" },
  ShippedLine: { internal: "finance's read copy of what inventory shipped per order line, fed by inventory.shipment.shipped.v2" },
  BaseCurrency: { keys: ['currency'] },
  ExchangeRate: { keys: ['id'] },
  ReturnedLine: { internal: "finance's read copy of what customers returned per order line, fed by inventory.return.received.v1" },
  DunningLevel: { internal: "the dunning procedure's configuration, read only by finance's runs; each reminder sent carries what its level said" },
  Reminder: { keys: ['id'] },
  DunningBlock: { keys: ['customerId'] },
  OpeningBalance: { keys: ['invoiceId'] },
  Expense: { keys: ['id'] },
  ExpenseSetting: { internal: "the claim period finance sets, read only by finance's own expense checks when a claim is made or submitted" },
  CreditHold: { keys: ['customerId'] },
  DunningRun: { internal: 'when dunning ran and how many reminders it sent; each reminder is announced itself' },
};

const issueMutation = 'mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id lines { id } } }';
const invoiceInput = { customerId, total: { amount: '100.00', currency: 'EUR' }, dueDate: '2027-01-31' };
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

async function issued(): Promise<{ id: string; lines: { id: string }[] }> {
  return (await subgraph.must<{ issueInvoice: { id: string; lines: { id: string }[] } }>(issueMutation, { input: invoiceInput })).issueInvoice;
}

/** A confirmed order of one line with 2 of 5 shipped, as finance's read copy holds it after sales' and inventory's events. */
async function deliveredOrder(): Promise<{ orderId: string; lineId: string }> {
  const orderId = randomUUID();
  const lineId = randomUUID();
  await sql(`insert into sales_order (id, customer_id, number, currency, confirmed_at) values (?, ?, 'SO-1', 'EUR', now())`, [orderId, customerId]);
  await sql(`insert into order_line (id, order_id, position, product_id, quantity, unit_price, discount_percent, tax_rate) values (?, ?, 1, ?, 5, 10, 0, 19)`, [
    lineId,
    orderId,
    randomUUID(),
  ]);
  await sql(`insert into shipped_line (id, shipment_id, order_line_id, order_id, product_id, quantity, shipped_at) values (?, ?, ?, ?, ?, 2, now())`, [
    randomUUID(),
    randomUUID(),
    lineId,
    orderId,
    randomUUID(),
  ]);
  return { orderId, lineId };
}

async function creditNote(): Promise<{ id: string; invoiceId: string }> {
  const invoice = await issued();
  await subgraph.must('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
    input: { invoiceId: invoice.id, amount: { amount: '100.00', currency: 'EUR' }, paidOn: '2027-01-10' },
  });
  const note = await subgraph.must<{ issueCreditNote: { id: string } }>('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', {
    input: { invoiceId: invoice.id, reason: 'OTHER', full: true },
  });
  return { id: note.issueCreditNote.id, invoiceId: invoice.id };
}

/** Expenses are claimed by an accountant here, on a customer finance's read copy knows. */
const claimant = testPrincipal('ACCOUNTANT');
const createExpense = 'mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }';
async function expenseInput(): Promise<Record<string, unknown>> {
  const customer = randomUUID();
  await grantCustomerAccess(subgraph, { customerId: customer, ownerId: randomUUID() });
  return { customerId: customer, expenseDate: new Date().toISOString().slice(0, 10), category: 'TRAVEL', amount: { amount: '12.50', currency: 'EUR' }, description: 'Taxi' };
}
async function draftExpense(): Promise<string> {
  const answer = await subgraph.gqlAs<{ createExpense: { id: string } }>(claimant, createExpense, { input: await expenseInput() });
  return answer.data!.createExpense.id;
}
const submitExpense = 'mutation($id: ID!) { submitExpense(id: $id) { id } }';

/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  // First: the base currency may change only while no document holds a rate to it.
  setBaseCurrency: {
    // …and the EUR documents below then need a rate to CHF.
    run: async (call) => {
      await call('mutation { setBaseCurrency(currency: "CHF") }', {});
      await withRates(subgraph, { EUR: '0.95' }, '2000-01-01', 'CHF');
    },
    announces: ['finance.base-currency.set.v1'],
  },
  issueInvoice: {
    run: async (call) => void (await call(issueMutation, { input: invoiceInput })),
    announces: ['finance.invoice.issued.v2'],
  },
  issueFreeInvoice: {
    run: async (call) =>
      void (await call('mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id } }', {
        input: { customerId, currency: 'EUR', lines: [{ description: 'Consulting', quantity: '2', unitPrice: '80', taxRate: '19' }] },
      })),
    announces: ['finance.invoice.issued.v2'],
  },
  invoiceDeliveredLines: {
    run: async (call) => {
      const { orderId } = await deliveredOrder();
      await call('mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id } }', { input: { orderId } });
    },
    announces: ['finance.invoice.issued.v2'],
  },
  issueAdvanceInvoice: {
    run: async (call) => {
      const { orderId } = await deliveredOrder();
      await call('mutation($input: IssueAdvanceInvoiceInput!) { issueAdvanceInvoice(input: $input) { id } }', { input: { orderId, amount: { amount: '20', currency: 'EUR' } } });
    },
    announces: ['finance.invoice.issued.v2'],
  },
  recordPayment: {
    run: async (call) => {
      const invoice = await issued();
      await call('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
        input: { invoiceId: invoice.id, amount: { amount: '100.00', currency: 'EUR' }, paidOn: '2027-01-10' },
      });
    },
    announces: ['finance.payment.recorded.v2', 'finance.payment.allocated.v2', 'finance.invoice.paid.v1'],
  },
  receivePayment: {
    run: async (call) => {
      const invoice = await issued();
      await call('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
        input: { customerId, amount: { amount: '150.00', currency: 'EUR' }, method: 'CARD', receivedOn: '2027-01-10', allocations: [{ invoiceId: invoice.id, amount: '40' }] },
      });
    },
    announces: ['finance.payment.recorded.v2', 'finance.payment.allocated.v2'],
  },
  allocatePayment: {
    run: async (call) => {
      const invoice = await issued();
      const payment = await subgraph.must<{ receivePayment: { id: string } }>('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
        input: { customerId, amount: { amount: '100.00', currency: 'EUR' }, method: 'CASH', receivedOn: '2027-01-10' },
      });
      await call('mutation($input: AllocatePaymentInput!) { allocatePayment(input: $input) { id } }', {
        input: { paymentId: payment.receivePayment.id, allocations: [{ invoiceId: invoice.id, amount: '100' }] },
      });
    },
    announces: ['finance.payment.allocated.v2', 'finance.invoice.paid.v1'],
  },
  issueCreditNote: {
    run: async (call) => {
      const invoice = await issued();
      await call('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', {
        input: { invoiceId: invoice.id, reason: 'PRICE_CORRECTION', lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: '1', unitPrice: '10' }] },
      });
    },
    announces: ['finance.credit-note.issued.v1', 'finance.payment.allocated.v2'],
  },
  refundCreditNote: {
    run: async (call) => {
      const note = await creditNote();
      await call('mutation($input: RefundCreditNoteInput!) { refundCreditNote(input: $input) { id } }', { input: { creditNoteId: note.id, amount: '60' } });
    },
    announces: ['finance.credit-note.refunded.v1'],
  },
  applyCreditNote: {
    run: async (call) => {
      const note = await creditNote();
      const other = await issued();
      await call('mutation($input: ApplyCreditNoteInput!) { applyCreditNote(input: $input) { id } }', { input: { creditNoteId: note.id, invoiceId: other.id, amount: '30' } });
    },
    announces: ['finance.payment.allocated.v2'],
  },
  setExchangeRate: {
    run: async (call) =>
      void (await call('mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }', {
        input: { fromCurrency: 'USD', toCurrency: 'EUR', validOn: '2027-01-01', rate: '0.9' },
      })),
    announces: ['finance.rate.set.v1'],
  },
  importExchangeRates: {
    run: async (call) =>
      void (await call('mutation($input: ImportExchangeRatesInput!) { importExchangeRates(input: $input) { id } }', {
        input: { format: 'CSV', body: 'fromCurrency,toCurrency,validOn,rate\nGBP,EUR,2027-01-01,1.15\nGBP,EUR,2027-01-02,1.16' },
      })),
    announces: ['finance.rate.set.v1'],
  },
  setDunningLevels: {
    run: async (call) => void (await call('mutation { setDunningLevels(levels: [{ daysAfterDue: 3, fee: "2.50", text: "Please pay." }]) { level } }')),
    announces: [],
  },
  runDunning: {
    run: async (call) => {
      await subgraph.must('mutation { setDunningLevels(levels: [{ daysAfterDue: 1, fee: "2.50", text: "Please pay." }]) { level } }');
      const due = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
      await subgraph.must('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }', { input: { ...invoiceInput, issueDate: due, dueDate: due } });
      await call('mutation { runDunning { id } }');
    },
    // One level: its reminder is the last, so the customer goes on credit hold too; its fee is invoiced.
    announces: ['finance.reminder.sent.v1', 'finance.reminder.fee-invoiced.v1', 'finance.credit-hold.changed.v1'],
  },
  releaseCreditHold: {
    run: async (call) => {
      const held = randomUUID();
      await subgraph.must('mutation { setDunningLevels(levels: [{ daysAfterDue: 1, text: "Please pay." }]) { level } }');
      const due = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
      await subgraph.must('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }', {
        input: { ...invoiceInput, customerId: held, issueDate: due, dueDate: due },
      });
      await subgraph.must('mutation { runDunning { id } }');
      await call('mutation($input: ReleaseCreditHoldInput!) { releaseCreditHold(input: $input) { onHold } }', { input: { customerId: held, comment: 'Guarantee' } });
    },
    announces: ['finance.credit-hold.changed.v1'],
  },
  importOpeningBalances: {
    run: async (call) => {
      const known = randomUUID();
      await grantCustomerAccess(subgraph, { customerId: known, ownerId: randomUUID() });
      await call('mutation($rows: [OpeningBalanceRowInput!]!) { importOpeningBalances(rows: $rows) { rowCount } }', {
        rows: [{ customerId: known, reference: 'OLD-1', date: '2026-01-10', dueDate: '2026-02-10', amount: { amount: '99.95', currency: 'EUR' } }],
      });
    },
    announces: ['finance.opening-balance.imported.v1'],
  },
  setDunningBlock: {
    run: async (call) =>
      void (await call('mutation($input: SetDunningBlockInput!) { setDunningBlock(input: $input) { reason } }', { input: { customerId, blocked: true, reason: 'Disputed' } })),
    announces: ['finance.dunning-block.changed.v1'],
  },
  createExpense: {
    run: async (call) => void (await call(createExpense, { input: await expenseInput() }, claimant)),
    announces: ['finance.expense.drafted.v1'],
  },
  updateExpense: {
    run: async (call) =>
      void (await call(
        'mutation($id: ID!, $input: UpdateExpenseInput!) { updateExpense(id: $id, input: $input) { id } }',
        {
          id: await draftExpense(),
          input: { expenseDate: new Date().toISOString().slice(0, 10), category: 'SAMPLES', amount: { amount: '9.90', currency: 'EUR' }, description: 'Samples' },
        },
        claimant,
      )),
    announces: ['finance.expense.changed.v1'],
  },
  deleteExpense: {
    run: async (call) => void (await call('mutation($id: ID!) { deleteExpense(id: $id) }', { id: await draftExpense() }, claimant)),
    announces: ['finance.expense.deleted.v1'],
  },
  submitExpense: {
    run: async (call) => void (await call(submitExpense, { id: await draftExpense() }, claimant)),
    announces: ['finance.expense.submitted.v1'],
  },
  decideExpense: {
    run: async (call) => {
      const id = await draftExpense();
      await subgraph.gqlAs(claimant, submitExpense, { id });
      await call('mutation($input: DecideExpenseInput!) { decideExpense(input: $input) { id } }', { input: { expenseId: id, decision: 'APPROVED' } });
    },
    announces: ['finance.expense.decided.v1'],
  },
  reimburseExpense: {
    run: async (call) => {
      const id = await draftExpense();
      await subgraph.gqlAs(claimant, submitExpense, { id });
      await subgraph.must('mutation($input: DecideExpenseInput!) { decideExpense(input: $input) { id } }', { input: { expenseId: id, decision: 'APPROVED' } });
      await call('mutation($input: ReimburseExpenseInput!) { reimburseExpense(input: $input) { id } }', { input: { expenseId: id, reference: 'PAYROLL-12' } });
    },
    announces: ['finance.expense.reimbursed.v1'],
  },
  setExpenseClaimPeriod: {
    run: async (call) => void (await call('mutation { setExpenseClaimPeriod(days: 120) }')),
    announces: [],
  },
};

describeEventCoverage('finance', () => subgraph, coverage, cases);
