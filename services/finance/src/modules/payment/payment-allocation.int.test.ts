import { randomUUID } from 'node:crypto';
import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFinanceSubgraph, withRates } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useFinanceSubgraph();
// Documents in USD need a rate to the base currency on their day.
beforeAll(() => withRates(subgraph, { USD: '0.9' }));
const year = new Date().toISOString().slice(0, 4);
const customerId = randomUUID();
const otherCustomer = randomUUID();
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const counts = async () =>
  (
    await sql<{ a: number; p: number; e: number }>(
      'select (select count(*)::int from allocation) as a, (select count(*)::int from payment) as p, (select count(*)::int from outbox_message) as e',
    )
  )[0];

interface Invoice {
  id: string;
  number: string;
  status: string;
  balance: { amount: string };
  lines: { id: string }[];
}
const invoiceFields = 'id number status balance { amount } lines { id }';
async function freeInvoice(amount: string, overrides: Record<string, unknown> = {}): Promise<Invoice> {
  const result = await subgraph.must<{ issueFreeInvoice: Invoice }>(`mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { ${invoiceFields} } }`, {
    input: { customerId, currency: 'EUR', lines: [{ description: 'Service', quantity: '1', unitPrice: amount }], ...overrides },
  });
  return result.issueFreeInvoice;
}
const readInvoice = async (id: string) => (await subgraph.must<{ invoice: Invoice }>(`query($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`, { id })).invoice;
const paymentFields =
  'id method account reference receivedOn amount { amount currency } allocated { amount } unallocated { amount } allocations { amount { amount } invoice { id } }';
const receive = (input: Record<string, unknown>) =>
  subgraph.gql<{ receivePayment: { id: string; unallocated: { amount: string } } }>(
    `mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { ${paymentFields} } }`,
    {
      input: { customerId, method: 'BANK_TRANSFER', receivedOn: dayFromToday(0), ...input },
    },
  );
const allocate = (paymentId: string, allocations: { invoiceId: string; amount: string }[]) =>
  subgraph.gql<{ allocatePayment: { unallocated: { amount: string } } }>(`mutation($input: AllocatePaymentInput!) { allocatePayment(input: $input) { unallocated { amount } } }`, {
    input: { paymentId, allocations },
  });

describe('payments: readable, allocated over invoices, the rest kept as credit', () => {
  let i1: Invoice;
  let i2: Invoice;
  let paymentId = '';

  it('refuses allocations beyond what the payment holds, naming the allocation, and writes nothing', async () => {
    i1 = await freeInvoice('100.00');
    i2 = await freeInvoice('50.00');
    const before = await counts();
    const over = await receive({
      amount: { amount: '120', currency: 'EUR' },
      allocations: [
        { invoiceId: i1.id, amount: '100' },
        { invoiceId: i2.id, amount: '30' },
      ],
    });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[1].amount', reason: 'MORE_THAN_PAYMENT' });
    const owes = await receive({ amount: { amount: '120', currency: 'EUR' }, allocations: [{ invoiceId: i2.id, amount: '50.01' }] });
    expect(owes.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount', reason: 'MORE_THAN_OWED' });
    const cents = await receive({ amount: { amount: '120.001', currency: 'EUR' } });
    expect(cents.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount' });
    expect(await counts()).toEqual(before);
  });

  it('records one payment over two invoices, readable with method, account and reference, and keeps the rest as credit', async () => {
    const paid = await receive({
      amount: { amount: '120', currency: 'EUR' },
      method: 'CARD',
      account: 'EUR-CARD',
      reference: 'TX-778',
      allocations: [
        { invoiceId: i1.id, amount: '100' },
        { invoiceId: i2.id, amount: '10' },
      ],
    });
    expect(paid.errors).toBeUndefined();
    paymentId = paid.data!.receivePayment.id;
    const read = await subgraph.must<{ payment: Record<string, unknown> }>(`query($id: ID!) { payment(id: $id) { ${paymentFields} } }`, { id: paymentId });
    expect(read.payment).toEqual({
      id: paymentId,
      method: 'CARD',
      account: 'EUR-CARD',
      reference: 'TX-778',
      receivedOn: dayFromToday(0),
      amount: { amount: '120.00', currency: 'EUR' },
      allocated: { amount: '110.00' },
      unallocated: { amount: '10.00' },
      allocations: [
        { amount: { amount: '100.00' }, invoice: { id: i1.id } },
        { amount: { amount: '10.00' }, invoice: { id: i2.id } },
      ],
    });
    expect(await readInvoice(i1.id)).toMatchObject({ status: 'PAID', balance: { amount: '0.00' } });
    expect(await readInvoice(i2.id)).toMatchObject({ status: 'PARTIALLY_PAID', balance: { amount: '40.00' } });
    const events = await sql<{ type: string; message_key: string }>(
      `select type, message_key from outbox_message where type like 'finance.%' and type not in ('finance.invoice.issued.v2', 'finance.rate.set.v1') order by position`,
    );
    expect(events).toEqual([
      { type: 'finance.payment.recorded.v2', message_key: paymentId },
      { type: 'finance.payment.allocated.v2', message_key: i1.id },
      { type: 'finance.invoice.paid.v1', message_key: i1.id },
      { type: 'finance.payment.allocated.v2', message_key: i2.id },
    ]);
  });

  it('applies an advance received before invoicing later, and refuses more than it still holds', async () => {
    const advance = await receive({ amount: { amount: '200', currency: 'EUR' }, method: 'CASH' });
    expect(advance.data!.receivePayment.unallocated.amount).toBe('200.00');
    const unallocated = await subgraph.must<{ payments: { edges: { node: { id: string } }[] } }>('{ payments(filter: { unallocated: true }) { edges { node { id } } } }');
    expect(unallocated.payments.edges.map((e) => e.node.id).sort()).toEqual([paymentId, advance.data!.receivePayment.id].sort());

    const tooMuch = await allocate(paymentId, [{ invoiceId: i2.id, amount: '10.01' }]);
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount', reason: 'MORE_THAN_PAYMENT' });
    expect((await allocate(paymentId, [{ invoiceId: i2.id, amount: '10' }])).data!.allocatePayment.unallocated.amount).toBe('0.00');
    const later = await freeInvoice('80.00');
    const settled = await allocate(advance.data!.receivePayment.id, [
      { invoiceId: i2.id, amount: '30' },
      { invoiceId: later.id, amount: '80' },
    ]);
    expect(settled.errors).toBeUndefined();
    expect(settled.data!.allocatePayment.unallocated.amount).toBe('90.00');
    expect((await readInvoice(i2.id)).status).toBe('PAID');
    expect((await readInvoice(later.id)).status).toBe('PAID');
  });

  it("refuses to pay a credited invoice or another customer's invoice, naming the invoice", async () => {
    const credited = await freeInvoice('40.00');
    await subgraph.must('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', { input: { invoiceId: credited.id, reason: 'OTHER', full: true } });
    expect((await readInvoice(credited.id)).status).toBe('CREDITED');
    const theirs = await freeInvoice('10.00', { customerId: otherCustomer });
    const payment = (await receive({ amount: { amount: '100', currency: 'EUR' } })).data!.receivePayment.id;
    for (const [invoiceId, reason] of [
      [credited.id, 'INVOICE_CREDITED'],
      [theirs.id, 'OTHER_CUSTOMER'],
    ] as const) {
      const refused = await allocate(payment, [{ invoiceId, amount: '1' }]);
      expect(refused.errors?.[0]?.extensions, reason).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].invoiceId', reason });
    }
    const legacy = await subgraph.gql('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: credited.id, amount: { amount: '1', currency: 'EUR' }, paidOn: dayFromToday(0) },
    });
    expect(legacy.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVOICE_CREDITED' });
  });
});

describe('credit notes', () => {
  it('corrects a price and takes back a quantity in parts, never more than was invoiced, numbered CN-YYYY-NNNNNN', async () => {
    const invoice = (
      await subgraph.must<{ issueFreeInvoice: Invoice }>(`mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { ${invoiceFields} } }`, {
        input: {
          customerId,
          currency: 'EUR',
          lines: [
            { description: 'Widgets', quantity: '10', unitPrice: '9.99', taxRate: '19' },
            { description: 'Freight', quantity: '1', unitPrice: '15', taxRate: '7' },
          ],
        },
      })
    ).issueFreeInvoice;
    // 99.90 @ 19 % = 18.981 → 18.98; 15.00 @ 7 % = 1.05: gross 134.93
    const [widgets, freight] = invoice.lines;
    const issue = (input: Record<string, unknown>) =>
      subgraph.gql<{ issueCreditNote: { number: string; grossTotal: { amount: string }; applied: { amount: string }; unapplied: { amount: string } } }>(
        'mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { number grossTotal { amount } applied { amount } unapplied { amount } } }',
        { input: { invoiceId: invoice.id, ...input } },
      );
    const price = await issue({ reason: 'PRICE_CORRECTION', lines: [{ invoiceLineId: widgets!.id, quantity: '10', unitPrice: '0.50' }] });
    expect(price.errors).toBeUndefined();
    expect(price.data!.issueCreditNote).toMatchObject({ grossTotal: { amount: '5.95' }, applied: { amount: '5.95' } });
    expect(price.data!.issueCreditNote.number).toMatch(new RegExp(`^CN-${year}-\\d{6}$`));
    const back = await issue({ reason: 'RETURN', lines: [{ invoiceLineId: widgets!.id, quantity: '3' }] });
    expect(back.data!.issueCreditNote.grossTotal.amount).toBe('35.66'); // 29.97 + 5.6943 → 5.69
    const tooMany = await issue({
      reason: 'RETURN',
      lines: [
        { invoiceLineId: freight!.id, quantity: '1' },
        { invoiceLineId: widgets!.id, quantity: '7.001' },
      ],
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].quantity', reason: 'MORE_THAN_INVOICED' });
    const rest = await issue({ reason: 'OTHER', full: true });
    // What is left adds up to the invoice exactly: 134.93 − 5.95 − 35.66
    expect(rest.data!.issueCreditNote.grossTotal.amount).toBe('93.32');
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'CREDITED', balance: { amount: '0.00' } });
    const nothing = await issue({ reason: 'OTHER', full: true });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.full' });
  });

  it('keeps what a credit note could not apply as credit, refunds or applies it, never more than it holds', async () => {
    const invoice = await freeInvoice('60.00');
    await subgraph.must('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: invoice.id, amount: { amount: '60', currency: 'EUR' }, paidOn: dayFromToday(0) },
    });
    const note = (
      await subgraph.must<{ issueCreditNote: { id: string; unapplied: { amount: string } } }>(
        'mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id unapplied { amount } } }',
        { input: { invoiceId: invoice.id, reason: 'RETURN', lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: '0.5' }] } },
      )
    ).issueCreditNote;
    expect(note.unapplied.amount).toBe('30.00');
    const refund = (amount: string) =>
      subgraph.gql<{ refundCreditNote: { refunded: { amount: string }; unapplied: { amount: string } } }>(
        'mutation($input: RefundCreditNoteInput!) { refundCreditNote(input: $input) { refunded { amount } unapplied { amount } } }',
        { input: { creditNoteId: note.id, amount } },
      );
    expect((await refund('10')).data!.refundCreditNote).toEqual({ refunded: { amount: '10.00' }, unapplied: { amount: '20.00' } });
    expect((await refund('20.01')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount', reason: 'MORE_THAN_CREDIT' });
    const next = await freeInvoice('25.00');
    const applied = await subgraph.gql<{ applyCreditNote: { unapplied: { amount: string } } }>(
      'mutation($input: ApplyCreditNoteInput!) { applyCreditNote(input: $input) { unapplied { amount } } }',
      { input: { creditNoteId: note.id, invoiceId: next.id, amount: '20' } },
    );
    expect(applied.data!.applyCreditNote.unapplied.amount).toBe('0.00');
    expect(await readInvoice(next.id)).toMatchObject({ status: 'ISSUED', balance: { amount: '5.00' } }); // credited in part, nothing paid
  });
});

describe('receivables ageing', () => {
  const repId = randomUUID();
  const rep: TestPrincipal = { role: 'SALES_REP', userId: repId, teamIds: [randomUUID()] };
  const repsCustomer = randomUUID();

  it('sums open balances per currency in ageing buckets, over what the caller may see', async () => {
    await sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [repsCustomer, repId, null, '{}']);
    const issue = (amount: string, dueInDays: number, currency = 'EUR') =>
      freeInvoice(amount, { customerId: repsCustomer, currency, issueDate: dayFromToday(Math.min(dueInDays, 0) - 10), dueDate: dayFromToday(dueInDays) });
    await issue('1.00', 5);
    await issue('2.00', -1);
    await issue('3.00', -30);
    await issue('4.00', -31);
    await issue('5.00', -61);
    await issue('6.00', -90);
    await issue('7.00', -91);
    await issue('0.10', -200);
    await issue('0.20', -200);
    await issue('9.00', -5, 'USD');
    const query =
      'query($c: ID) { receivablesAgeing(customerId: $c) { currency current { amount } days1To30 { amount } days31To60 { amount } days61To90 { amount } over90 { amount } total { amount } invoiceCount } }';
    const asRep = await subgraph.gqlAs<{ receivablesAgeing: unknown[] }>(rep, query, {});
    expect(asRep.errors).toBeUndefined();
    expect(asRep.data!.receivablesAgeing).toEqual([
      {
        currency: 'EUR',
        current: { amount: '1.00' },
        days1To30: { amount: '5.00' },
        days31To60: { amount: '4.00' },
        days61To90: { amount: '11.00' },
        over90: { amount: '7.30' },
        total: { amount: '28.30' },
        invoiceCount: 9,
      },
      {
        currency: 'USD',
        current: { amount: '0.00' },
        days1To30: { amount: '9.00' },
        days31To60: { amount: '0.00' },
        days61To90: { amount: '0.00' },
        over90: { amount: '0.00' },
        total: { amount: '9.00' },
        invoiceCount: 1,
      },
    ]);
    // The accountant sees every customer's open invoices: more than the rep's.
    const all = await subgraph.gqlAs<{ receivablesAgeing: { currency: string; invoiceCount: number }[] }>({ role: 'ACCOUNTANT', userId: randomUUID() }, query, {});
    expect(all.data!.receivablesAgeing.find((r) => r.currency === 'EUR')!.invoiceCount).toBeGreaterThan(9);
    const one = await subgraph.gqlAs<{ receivablesAgeing: { invoiceCount: number }[] }>({ role: 'ACCOUNTANT', userId: randomUUID() }, query, { c: repsCustomer });
    expect(one.data!.receivablesAgeing.map((r) => r.invoiceCount)).toEqual([9, 1]);
    const warehouse = await subgraph.gqlAs({ role: 'WAREHOUSE_CLERK', userId: randomUUID() }, query, {});
    expect(warehouse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('who sees payments and credit notes', () => {
  const repId = randomUUID();
  const rep: TestPrincipal = { role: 'SALES_REP', userId: repId, teamIds: [randomUUID()] };
  const mine = randomUUID();
  const notMine = randomUUID();

  it("a rep reads their customers' payments and credit notes and nobody else's, and records none; warehouse sees none", async () => {
    await sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [mine, repId, null, '{}']);
    const pay = async (customer: string) => {
      const invoice = await freeInvoice('10.00', { customerId: customer });
      const payment = await subgraph.must<{ receivePayment: { id: string } }>('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
        input: {
          customerId: customer,
          amount: { amount: '10', currency: 'EUR' },
          method: 'CASH',
          receivedOn: dayFromToday(0),
          allocations: [{ invoiceId: invoice.id, amount: '10' }],
        },
      });
      const note = await subgraph.must<{ issueCreditNote: { id: string } }>('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', {
        input: { invoiceId: invoice.id, reason: 'OTHER', full: true },
      });
      return { payment: payment.receivePayment.id, note: note.issueCreditNote.id };
    };
    const own = await pay(mine);
    const other = await pay(notMine);
    const paymentQuery = 'query($id: ID!) { payment(id: $id) { id } }';
    const noteQuery = 'query($id: ID!) { creditNote(id: $id) { id } }';
    expect((await subgraph.gqlAs<{ payment: { id: string } }>(rep, paymentQuery, { id: own.payment })).data?.payment.id).toBe(own.payment);
    expect((await subgraph.gqlAs<{ creditNote: { id: string } }>(rep, noteQuery, { id: own.note })).data?.creditNote.id).toBe(own.note);
    expect((await subgraph.gqlAs(rep, paymentQuery, { id: other.payment })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.gqlAs(rep, noteQuery, { id: other.note })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await subgraph.gqlAs<{ payments: { edges: { node: { id: string } }[] } }>(rep, '{ payments(first: 100) { edges { node { id } } } }');
    expect(list.data!.payments.edges.map((e) => e.node.id)).toEqual([own.payment]);
    const write = await subgraph.gqlAs(rep, 'mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: { customerId: mine, amount: { amount: '1', currency: 'EUR' }, method: 'CASH', receivedOn: dayFromToday(0) },
    });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const warehouse: TestPrincipal = { role: 'WAREHOUSE_CLERK', userId: randomUUID() };
    expect((await subgraph.gqlAs(warehouse, paymentQuery, { id: own.payment })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.gqlAs(warehouse, noteQuery, { id: own.note })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('references', () => {
  it('resolves Payment and CreditNote references in one query each, null for unknown or malformed ids', async () => {
    const invoice = await freeInvoice('12.00');
    const payment = (
      await subgraph.must<{ receivePayment: { id: string } }>('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
        input: { customerId, amount: { amount: '12', currency: 'EUR' }, method: 'CHEQUE', receivedOn: dayFromToday(0), allocations: [{ invoiceId: invoice.id, amount: '2' }] },
      })
    ).receivePayment.id;
    const note = (
      await subgraph.must<{ issueCreditNote: { id: string } }>('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', {
        input: { invoiceId: invoice.id, reason: 'OTHER', full: true },
      })
    ).issueCreditNote.id;
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; method?: string; number?: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id method } ... on CreditNote { id number } } }',
      {
        r: [
          { __typename: 'Payment', id: payment },
          { __typename: 'Payment', id: randomUUID() },
          { __typename: 'Payment', id: 'PAY-1' },
          { __typename: 'CreditNote', id: note },
          { __typename: 'CreditNote', id: 'CN-1' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([{ id: payment, method: 'CHEQUE' }, null, null, { id: note, number: expect.stringMatching(/^CN-\d{4}-\d{6}$/) }, null]);
    expect(subgraph.queries.filter((q) => /from "payment"/.test(q))).toHaveLength(1);
    expect(subgraph.queries.filter((q) => /from "credit_note"/.test(q))).toHaveLength(1);
  });
});

describe("the customer's credit", () => {
  it('sums unallocated payments and unapplied credit notes per currency on the customer, through federation', async () => {
    const holder = randomUUID();
    const invoice = await freeInvoice('30.00', { customerId: holder });
    await subgraph.must('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: {
        customerId: holder,
        amount: { amount: '50', currency: 'EUR' },
        method: 'BANK_TRANSFER',
        receivedOn: dayFromToday(0),
        allocations: [{ invoiceId: invoice.id, amount: '30' }],
      },
    });
    await subgraph.must('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: { customerId: holder, amount: { amount: '7.5', currency: 'USD' }, method: 'CASH', receivedOn: dayFromToday(0) },
    });
    await subgraph.must('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', { input: { invoiceId: invoice.id, reason: 'OTHER', full: true } });
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { credit { amount currency } } } }';
    const result = await subgraph.gql<{ _entities: { credit: { amount: string; currency: string }[] }[] }>(query, {
      r: [
        { __typename: 'Customer', id: holder },
        { __typename: 'Customer', id: randomUUID() },
      ],
    });
    expect(result.errors).toBeUndefined();
    // 20 EUR not allocated + 30 EUR credited on a paid invoice; 7.50 USD advance.
    expect(result.data!._entities).toEqual([
      {
        credit: [
          { amount: '50.00', currency: 'EUR' },
          { amount: '7.50', currency: 'USD' },
        ],
      },
      { credit: [] },
    ]);
    const rep = await subgraph.gqlAs<{ _entities: { credit: unknown[] }[] }>({ role: 'SALES_REP', userId: randomUUID(), teamIds: [] }, query, {
      r: [{ __typename: 'Customer', id: holder }],
    });
    expect(rep.data!._entities).toEqual([{ credit: [] }]);
  });
});
