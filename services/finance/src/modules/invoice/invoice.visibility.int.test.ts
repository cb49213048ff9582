import { randomUUID } from 'node:crypto';
import { grantCustomerAccess, leanAndHydrated, testCast, type GraphQLResult, type TestPrincipal, useTwoRepsOwningCustomers } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';
import { leanSql } from '@rapport/subgraph-kit';
import { Invoice } from './invoice.entity.js';

const cast = testCast();
const { team: teamT1, head: managerOfT1, otherHead: managerOfOtherTeam, director, accountant } = cast;
const subgraph = useFinanceSubgraph();
const { repA, repB, customerA: customerOfA, customerB: customerOfB } = useTwoRepsOwningCustomers(() => subgraph, cast);
const [repAId, repBId] = [repA.userId, repB.userId];
/** Owned by rep B; shared with rep A during one test. */
const sharedLater = randomUUID();

const issueInvoiceMutation = 'mutation Issue($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id customer { id } } }';
const invoiceQuery = 'query One($id: ID!) { invoice(id: $id) { id customer { id } } }';
const invoicesQuery = 'query List($filter: InvoiceFilter) { invoices(filter: $filter, first: 100) { edges { node { id customer { id } } } } }';
const invoiceEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id number } } }';
const customerEntities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id overdueReceivables {
  totals { amount currency } invoices { id } } } } }`;

const invoiceInput = (customerId: string) => ({ customerId, total: { amount: '100.00', currency: 'EUR' }, issueDate: dayFromToday(-40), dueDate: dayFromToday(-10) });

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const counts = async () =>
  sql<{ invoices: number; events: number }>('select (select count(*)::int from invoice) as invoices, (select count(*)::int from outbox_message) as events');

/** Issues an invoice, already ten days overdue, as an ADMIN and returns its id. */
async function overdueInvoiceFor(customerId: string): Promise<string> {
  const result = await subgraph.gql<{ issueInvoice: { id: string } }>(issueInvoiceMutation, { input: invoiceInput(customerId) });
  expect(result.errors).toBeUndefined();
  return result.data!.issueInvoice.id;
}

type Listed = { id: string; customer: { id: string } };
async function listed(principal: TestPrincipal, filter: Record<string, unknown> = {}): Promise<Listed[]> {
  const result = await subgraph.gqlAs<{ invoices: { edges: { node: Listed }[] } }>(principal, invoicesQuery, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.invoices.edges.map((e) => e.node);
}
const listedIds = async (principal: TestPrincipal, filter: Record<string, unknown> = {}): Promise<string[]> => (await listed(principal, filter)).map((i) => i.id).sort();

async function invoiceRefs(principal: TestPrincipal, ids: string[]): Promise<(string | null)[]> {
  const result = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(principal, invoiceEntities, { r: ids.map((id) => ({ __typename: 'Invoice', id })) });
  expect(result.errors).toBeUndefined();
  return result.data!._entities.map((i) => i?.id ?? null);
}

type Receivables = { totals: { amount: string; currency: string }[]; invoices: { id: string }[] };
async function receivablesOf(principal: TestPrincipal, customerIds: string[]): Promise<Receivables[]> {
  const result = await subgraph.gqlAs<{ _entities: { id: string; overdueReceivables: Receivables }[] }>(principal, customerEntities, {
    r: customerIds.map((id) => ({ __typename: 'Customer', id })),
  });
  expect(result.errors).toBeUndefined();
  return result.data!._entities.map((c) => c.overdueReceivables);
}

const owing = (...invoiceIds: string[]): Receivables => ({
  totals: [{ amount: `${100 * invoiceIds.length}.00`, currency: 'EUR' }],
  invoices: invoiceIds.map((id) => ({ id })),
});
const nothingOwed: Receivables = { totals: [], invoices: [] };
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const invoiceQueries = () => subgraph.queries.filter((q) => /from "invoice"/.test(q));

let invoiceOfA: string;
let invoiceOfB: string;
let invoiceShared: string;

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: sharedLater, ownerId: repBId, teamId: teamT1 });
  invoiceOfA = await overdueInvoiceFor(customerOfA);
  invoiceOfB = await overdueInvoiceFor(customerOfB);
  invoiceShared = await overdueInvoiceFor(sharedLater);
});

describe('finance subgraph: who sees which invoices', () => {
  it('reads invoices as plain rows (overdue receivables) holding exactly what hydrated entities hold', async () => {
    const { lean, hydrated } = await leanAndHydrated(subgraph.service.orm.em.fork(), (em) =>
      em
        .createQueryBuilder(Invoice, 'i')
        .select('*')
        .where({ id: { $in: [invoiceOfA, invoiceOfB, invoiceShared] } })
        .orderBy({ id: 'asc' }),
    );
    expect(lean).toHaveLength(3);
    expect(lean).toEqual(hydrated);
    // The overdue loader's hand-written select (`leanSql`) gives the same rows.
    const ids = [invoiceOfA, invoiceOfB, invoiceShared];
    expect(await leanSql(subgraph.service.orm.em.fork(), Invoice, 'select "i".* from "invoice" as "i" where "i"."id" in (?, ?, ?) order by "i"."id"', ids)).toEqual(hydrated);
  });

  it("lists only the invoices of a rep's own customers", async () => {
    const invoices = await listed(repA);
    expect(invoices.map((i) => i.id)).toEqual([invoiceOfA]);
    expect(await listedIds(repA, { customerId: customerOfB })).toEqual([]);
  });

  it("answers a rep asking for another rep's invoice with NOT_FOUND, exactly like an unknown id", async () => {
    const own = await subgraph.gqlAs<{ invoice: { id: string } }>(repA, invoiceQuery, { id: invoiceOfA });
    expect(own.data!.invoice.id).toBe(invoiceOfA);
    const other = await subgraph.gqlAs(repA, invoiceQuery, { id: invoiceOfB });
    const unknown = await subgraph.gqlAs(repA, invoiceQuery, { id: randomUUID() });
    expect(other.errors?.[0]?.extensions).toEqual({ ...unknown.errors?.[0]?.extensions });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it("gives a rep nothing of another rep's customer through _entities, still in one SQL query each", async () => {
    subgraph.resetQueries();
    expect(await invoiceRefs(repA, [invoiceOfA, invoiceOfB])).toEqual([invoiceOfA, null]);
    expect(invoiceQueries()).toHaveLength(1);
    subgraph.resetQueries();
    expect(await receivablesOf(repA, [customerOfA, customerOfB])).toEqual([owing(invoiceOfA), nothingOwed]);
    expect(invoiceQueries()).toHaveLength(1);
  });

  it('lets sales only read invoices: issuing one, even for their own customer, is FORBIDDEN and writes nothing', async () => {
    const before = await counts();
    for (const caller of [repA, managerOfT1]) {
      for (const customerId of [customerOfA, customerOfB]) {
        const result = await subgraph.gqlAs(caller, issueInvoiceMutation, { input: invoiceInput(customerId) });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("shows a rep another rep's invoices once the customer is shared with them", async () => {
    expect(await listedIds(repA, { customerId: sharedLater })).toEqual([]);
    expect(codeOf(await subgraph.gqlAs(repA, invoiceQuery, { id: invoiceShared }))).toBe('NOT_FOUND');
    await sql('update customer_access set shared_with = ? where customer_id = ?', [`{${repAId}}`, sharedLater]);
    expect(await listedIds(repA)).toEqual([invoiceOfA, invoiceShared].sort());
    const one = await subgraph.gqlAs<{ invoice: { id: string } }>(repA, invoiceQuery, { id: invoiceShared });
    expect(one.data!.invoice.id).toBe(invoiceShared);
    expect(await invoiceRefs(repA, [invoiceShared])).toEqual([invoiceShared]);
    expect(await receivablesOf(repA, [sharedLater])).toEqual([owing(invoiceShared)]);
  });

  it('shows a sales manager the invoices of every customer of their team, and none of another team', async () => {
    expect(await listedIds(managerOfT1)).toEqual([invoiceOfA, invoiceOfB, invoiceShared].sort());
    expect(await invoiceRefs(managerOfT1, [invoiceOfA, invoiceOfB])).toEqual([invoiceOfA, invoiceOfB]);
    expect(await receivablesOf(managerOfT1, [customerOfA, customerOfB])).toEqual([owing(invoiceOfA), owing(invoiceOfB)]);
    expect(await listedIds(managerOfOtherTeam)).toEqual([]);
  });

  it('forbids roles without access to invoices the root fields, and gives them nothing through _entities without a query', async () => {
    for (const role of ['SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER'] as const) {
      const caller = { role, userId: randomUUID() };
      expect(codeOf(await subgraph.gqlAs(caller, invoicesQuery)), role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, invoiceQuery, { id: invoiceOfA })), role).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(caller, issueInvoiceMutation, { input: invoiceInput(customerOfA) })), role).toBe('FORBIDDEN');
      subgraph.resetQueries();
      expect(await invoiceRefs(caller, [invoiceOfA])).toEqual([null]);
      expect(await receivablesOf(caller, [customerOfA])).toEqual([nothingOwed]);
      expect(invoiceQueries()).toHaveLength(0);
    }
  });

  it('shows directors and accountants every invoice, and lets them issue one for any customer', async () => {
    for (const caller of [director, accountant]) {
      expect(await listedIds(caller)).toEqual(expect.arrayContaining([invoiceOfA, invoiceOfB, invoiceShared]));
      expect(await invoiceRefs(caller, [invoiceOfB])).toEqual([invoiceOfB]);
      expect(await receivablesOf(caller, [customerOfB])).toEqual([owing(invoiceOfB)]);
      const issued = await subgraph.gqlAs<{ issueInvoice: { customer: { id: string } } }>(caller, issueInvoiceMutation, {
        input: { ...invoiceInput(customerOfB), dueDate: dayFromToday(30), issueDate: null },
      });
      expect(issued.errors).toBeUndefined();
      expect(issued.data!.issueInvoice.customer.id).toBe(customerOfB);
    }
  });
});
