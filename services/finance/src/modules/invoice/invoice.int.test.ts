import { expectGarbledCursorRefused, type GraphQLResult } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph, withRates } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useFinanceSubgraph();
const customerA = '0191b3a0-0000-7000-8000-00000000000a';
const customerB = '0191b3a0-0000-7000-8000-00000000000b';
const orderId = '0191b3a0-0000-7000-8000-0000000000f1';
const unknownId = '0191b3a0-0000-7000-8000-000000000999';

interface Money {
  amount: string;
  currency: string;
}
interface InvoiceView {
  id: string;
  number: string;
  customer: { id: string };
  orderId: string | null;
  issueDate: string;
  dueDate: string;
  total: Money;
  amountPaid: Money;
  balance: Money;
  status: string;
  overdue: boolean;
}
const invoiceFields = 'id number customer { id } orderId issueDate dueDate total { amount currency } amountPaid { amount currency } balance { amount currency } status overdue';

const issueInvoiceMutation = `mutation Issue($input: IssueInvoiceInput!) { issueInvoice(input: $input) { ${invoiceFields} } }`;
const recordPaymentMutation = `mutation Pay($input: RecordPaymentInput!) { recordPayment(input: $input) { ${invoiceFields} } }`;

const invoiceFactory = (overrides: Record<string, unknown> = {}) => ({
  customerId: customerA,
  total: { amount: '1250.50', currency: 'EUR' },
  dueDate: dayFromToday(30),
  ...overrides,
});

async function issueInvoice(overrides: Record<string, unknown> = {}): Promise<InvoiceView> {
  const result = await subgraph.gql<{ issueInvoice: InvoiceView }>(issueInvoiceMutation, { input: invoiceFactory(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.issueInvoice;
}

/** An invoice already `daysLate` days past its due date, issued a month before that. */
const overdueInvoice = (daysLate: number, overrides: Record<string, unknown> = {}) =>
  issueInvoice({ issueDate: dayFromToday(-daysLate - 30), dueDate: dayFromToday(-daysLate), ...overrides });

async function pay(invoiceId: string, amount: Money): Promise<InvoiceView> {
  const result = await subgraph.gql<{ recordPayment: InvoiceView }>(recordPaymentMutation, { input: { invoiceId, amount, paidOn: dayFromToday(0) } });
  expect(result.errors).toBeUndefined();
  return result.data!.recordPayment;
}

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const counts = async () =>
  sql<{ invoices: number; events: number }>('select (select count(*)::int from invoice) as invoices, (select count(*)::int from outbox_message) as events');

describe('finance subgraph: invoices', () => {
  it('issues a numbered invoice dated today and writes finance.invoice.issued.v2 in the same flush', async () => {
    const dueDate = dayFromToday(30);
    const invoice = await issueInvoice({ total: { amount: '1250.5', currency: 'eur' }, dueDate });
    expect(invoice).toMatchObject({
      number: `INV-${dayFromToday(0).slice(0, 4)}-000001`,
      customer: { id: customerA },
      orderId: null,
      issueDate: dayFromToday(0),
      dueDate,
      total: { amount: '1250.50', currency: 'EUR' },
      amountPaid: { amount: '0.00', currency: 'EUR' },
      balance: { amount: '1250.50', currency: 'EUR' },
      status: 'ISSUED',
      overdue: false,
    });
    const outbox = await sql<{ type: string; payload: { data: Record<string, unknown> } }>('select type, payload from outbox_message where message_key = ?', [invoice.id]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.type).toBe('finance.invoice.issued.v2');
    expect(outbox[0]!.payload.data).toMatchObject({
      invoiceId: invoice.id,
      customerId: customerA,
      kind: 'FREE',
      orderId: null,
      number: invoice.number,
      lines: [{ description: 'Invoice', quantity: '1', unitPrice: { amount: '1250.50', currency: 'EUR' }, taxRate: '0.00', netAmount: { amount: '1250.50', currency: 'EUR' } }],
      grossTotal: { amount: '1250.50', currency: 'EUR' },
      dueDate,
    });
  });

  it('numbers invoices per year without gaps, and no longer bills an order it never checked', async () => {
    const year = dayFromToday(0).slice(0, 4);
    const refused = await subgraph.gql(issueInvoiceMutation, { input: invoiceFactory({ orderId }) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId' });
    const invoice = await issueInvoice();
    expect(invoice.number).toBe(`INV-${year}-000002`);
    expect(invoice.orderId).toBeNull();
    const lastYear = await issueInvoice({ issueDate: `${Number(year) - 1}-12-31`, dueDate: `${Number(year) - 1}-12-31` });
    expect(lastYear.number).toBe(`INV-${Number(year) - 1}-000001`);
  });

  it('rejects a due date before the issue date, naming input.dueDate, and writes nothing', async () => {
    const before = await counts();
    const result = await subgraph.gql(issueInvoiceMutation, { input: invoiceFactory({ issueDate: '2026-11-10', dueDate: '2026-11-09' }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    expect(await counts()).toEqual(before);
  });

  it('rejects malformed money, dates and ids with the field named', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ total: { amount: '10.12345', currency: 'EUR' } }, 'input.total.amount'],
      [{ total: { amount: '0', currency: 'EUR' } }, 'input.total.amount'],
      [{ total: { amount: '-5', currency: 'EUR' } }, 'input.total.amount'],
      [{ total: { amount: '10', currency: 'EURO' } }, 'input.total.currency'],
      [{ dueDate: '2026-02-30' }, 'input.dueDate'],
      [{ issueDate: '23/11/2026' }, 'input.issueDate'],
      [{ customerId: 'acme' }, 'input.customerId'],
      [{ orderId: 'SO-1' }, 'input.orderId'],
    ];
    const before = await counts();
    for (const [overrides, field] of cases) {
      const result = await subgraph.gql(issueInvoiceMutation, { input: invoiceFactory(overrides) });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown invoice id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await subgraph.gql(`query { invoice(id: "${unknownId}") { id } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await subgraph.gql('query { invoice(id: "INV-1") { id } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('counts an unpaid invoice as overdue only once its due date has passed (UTC)', async () => {
    const late = await overdueInvoice(1);
    const dueToday = await issueInvoice({ issueDate: dayFromToday(-30), dueDate: dayFromToday(0) });
    expect(late.overdue).toBe(true);
    expect(dueToday.overdue).toBe(false);
    const read = await subgraph.gql<{ invoice: InvoiceView }>(`query($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`, { id: late.id });
    expect(read.data!.invoice).toEqual(late);
  });

  it('pages invoices newest issue date first by cursor and filters by customer, status and overdue', async () => {
    const issued = [];
    for (const days of [-40, -10, -30, -20]) issued.push(await issueInvoice({ customerId: customerB, issueDate: dayFromToday(days), dueDate: dayFromToday(days + 15) }));
    await pay(issued[0]!.id, { amount: '1250.50', currency: 'EUR' });
    await pay(issued[1]!.id, { amount: '50', currency: 'EUR' });
    type Page = { invoices: { edges: { node: InvoiceView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const page = `query Page($filter: InvoiceFilter, $after: String) { invoices(filter: $filter, first: 3, after: $after) {
      edges { node { ${invoiceFields} } } pageInfo { hasNextPage endCursor } } }`;
    const one: GraphQLResult<Page> = await subgraph.gql<Page>(page, { filter: { customerId: customerB } });
    expect(one.data!.invoices.edges.map((e) => e.node.issueDate)).toEqual([dayFromToday(-10), dayFromToday(-20), dayFromToday(-30)]);
    expect(one.data!.invoices.pageInfo.hasNextPage).toBe(true);
    const two = await subgraph.gql<Page>(page, { filter: { customerId: customerB }, after: one.data!.invoices.pageInfo.endCursor });
    expect(two.data!.invoices.edges.map((e) => e.node.issueDate)).toEqual([dayFromToday(-40)]);
    expect(two.data!.invoices.pageInfo.hasNextPage).toBe(false);

    const ids = async (filter: Record<string, unknown>) =>
      (await subgraph.gql<Page>(page, { filter: { customerId: customerB, ...filter } })).data!.invoices.edges.map((e) => e.node.id);
    expect(await ids({ status: 'PAID' })).toEqual([issued[0]!.id]);
    expect(await ids({ status: 'PARTIALLY_PAID' })).toEqual([issued[1]!.id]);
    // due dates: -25 (paid), +5, -15, -5: overdue are the unpaid ones already due
    expect(await ids({ overdue: true })).toEqual([issued[3]!.id, issued[2]!.id]);
    expect(await ids({ overdue: false })).toEqual([issued[1]!.id, issued[0]!.id]);

    await expectGarbledCursorRefused(subgraph, page);
  });

  it('resolves N Invoice references with one SQL query (_entities batches)', async () => {
    const list = await subgraph.gql<{ invoices: { edges: { node: { id: string } }[] } }>('{ invoices(first: 10) { edges { node { id } } } }');
    const ids = list.data!.invoices.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: ({ id: string; number: string; balance: Money } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id number balance { amount currency } } } }',
      { r: [...ids, unknownId, 'INV-1'].map((id) => ({ __typename: 'Invoice', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, ids.length).map((i) => i?.id)).toEqual(ids);
    expect(result.data!._entities.slice(ids.length)).toEqual([null, null]);
    expect(subgraph.queries.filter((q) => /from "invoice"/.test(q))).toHaveLength(1);
  });

  it("adds each customer's overdue receivables, exact per currency, for N customers in one SQL query", async () => {
    const customerX = '0191b3a0-0000-7000-8000-0000000000c1';
    const customerY = '0191b3a0-0000-7000-8000-0000000000c2';
    const nothingOwed = '0191b3a0-0000-7000-8000-0000000000c3';
    await withRates(subgraph, { USD: '0.9', GBP: '1.15' });
    const dime = await overdueInvoice(10, { customerId: customerX, total: { amount: '0.10', currency: 'EUR' } });
    const twoDimes = await overdueInvoice(20, { customerId: customerX, total: { amount: '0.20', currency: 'EUR' } });
    const dollars = await overdueInvoice(5, { customerId: customerX, total: { amount: '100.00', currency: 'USD' } });
    await pay(dollars.id, { amount: '40.0001', currency: 'USD' });
    const settled = await overdueInvoice(30, { customerId: customerX, total: { amount: '50.00', currency: 'EUR' } });
    await pay(settled.id, { amount: '50.00', currency: 'EUR' });
    await issueInvoice({ customerId: customerX, total: { amount: '100.00', currency: 'EUR' }, dueDate: dayFromToday(5) });
    const pounds = await overdueInvoice(3, { customerId: customerY, total: { amount: '1.00', currency: 'GBP' } });
    await issueInvoice({ customerId: nothingOwed, dueDate: dayFromToday(1) });

    type Receivables = { totals: Money[]; invoices: { id: string; overdue: boolean; balance: Money }[] };
    subgraph.resetQueries();
    const result = await subgraph.gql<{ _entities: { id: string; overdueReceivables: Receivables }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id overdueReceivables {
        totals { amount currency } invoices { id overdue balance { amount currency } } } } } }`,
      { r: [customerX, customerY, nothingOwed, 'not-a-uuid'].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(result.errors).toBeUndefined();
    const [x, y, none, malformed] = result.data!._entities;
    expect(x!.overdueReceivables.totals).toEqual([
      { amount: '0.30', currency: 'EUR' },
      { amount: '59.9999', currency: 'USD' },
    ]);
    expect(x!.overdueReceivables.invoices.map((i) => i.id)).toEqual([twoDimes.id, dime.id, dollars.id]);
    expect(x!.overdueReceivables.invoices.every((i) => i.overdue)).toBe(true);
    expect(y!.overdueReceivables).toEqual({
      totals: [{ amount: '1.00', currency: 'GBP' }],
      invoices: [{ id: pounds.id, overdue: true, balance: { amount: '1.00', currency: 'GBP' } }],
    });
    expect(none!.overdueReceivables).toEqual({ totals: [], invoices: [] });
    expect(malformed!.overdueReceivables).toEqual({ totals: [], invoices: [] });
    expect(subgraph.queries.filter((q) => /from "invoice"/.test(q))).toHaveLength(1);
  });
});
