import { randomUUID } from 'node:crypto';
import { normaliseAmount, dayFromToday } from '@rapport/errors';
import { graphqlRequest, testToken, type GraphQLResult, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';

const subgraph = useFinanceSubgraph();
const team = randomUUID();
const customerId = randomUUID();
const accountant: TestPrincipal = { userId: randomUUID(), role: 'ACCOUNTANT' };
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [team] };
const outsider: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };

interface Change {
  field: string;
  from: string | null;
  to: string | null;
}
interface Entry {
  action: string;
  actorId: string | null;
  requestId: string | null;
  changes: Change[];
}
interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  request_id: string | null;
  changes: Change[];
}
type History = { invoice: { history: Entry[] } };
const historyQuery = 'query($id: ID!) { invoice(id: $id) { history { action actorId requestId changes { field from to } } } }';
const issueMutation = 'mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id number } }';
const payMutation = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id status } }';

const today = (): string => dayFromToday();
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const auditCount = async () => (await sql<{ n: number }>('select count(*)::int as n from audit_entry'))[0]!.n;
/** A recorded money value (JSON text of a decimal string) in canonical form, so "100.0000" and "100.00" compare equal. */
const amountOf = (json: string | null | undefined): string | null => (json ? normaliseAmount(JSON.parse(json) as string) : null);
const change = (entry: Entry | AuditRow | undefined, field: string): Change | undefined => entry?.changes.find((c) => c.field === field);

/** Calls the subgraph as `principal` under a request id of our choosing. */
async function callAs<T>(principal: TestPrincipal, requestId: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResult<T>> {
  return graphqlRequest<T>(subgraph.url, query, variables, { authorization: `Bearer ${await testToken(principal)}`, 'x-request-id': requestId });
}

async function historyOf(principal: TestPrincipal, id: string): Promise<Entry[]> {
  const result = await subgraph.gqlAs<History>(principal, historyQuery, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.invoice.history;
}

async function pay(invoiceId: string, amount: string, requestId: string): Promise<void> {
  const result = await callAs(accountant, requestId, payMutation, { input: { invoiceId, amount: { amount, currency: 'EUR' }, paidOn: today() } });
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  await sql('insert into customer_access (customer_id, owner_id, team_id, shared_with) values (?, ?, ?, ?)', [customerId, rep.userId, team, '{}']);
});

describe('invoice audit trail', () => {
  let id = '';

  it('records who issued an invoice, under the request that did it, with every field from nothing', async () => {
    const requestId = `issue-${randomUUID()}`;
    const issued = await callAs<{ issueInvoice: { id: string; number: string } }>(accountant, requestId, issueMutation, {
      input: { customerId, total: { amount: '250.00', currency: 'EUR' }, dueDate: today() },
    });
    expect(issued.errors).toBeUndefined();
    id = issued.data!.issueInvoice.id;
    const history = await historyOf(accountant, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'CREATE', actorId: accountant.userId, requestId });
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'number', from: null, to: JSON.stringify(issued.data!.issueInvoice.number) },
        { field: 'customerId', from: null, to: JSON.stringify(customerId) },
        { field: 'status', from: null, to: '"ISSUED"' },
      ]),
    );
    expect(amountOf(change(history[0], 'total')?.to)).toBe('250.00');
    expect(amountOf(change(history[0], 'amountPaid')?.to)).toBe('0.00');
  });

  it('records a payment as an update of amountPaid and status, and audits the payment itself in the same request', async () => {
    const requestId = `pay-${randomUUID()}`;
    await pay(id, '100.00', requestId);
    const [latest] = await historyOf(accountant, id);
    expect(latest).toMatchObject({ action: 'UPDATE', actorId: accountant.userId, requestId });
    expect(change(latest, 'status')).toEqual({ field: 'status', from: '"ISSUED"', to: '"PARTIALLY_PAID"' });
    expect([amountOf(change(latest, 'amountPaid')?.from), amountOf(change(latest, 'amountPaid')?.to)]).toEqual(['0.00', '100.00']);

    const [payment] = await sql<{ id: string }>('select id from payment where invoice_id = ?', [id]);
    const entries = await sql<AuditRow>("select entity, entity_id, action, actor_id, request_id, changes from audit_entry where entity = 'Payment' and entity_id = ?", [
      payment!.id,
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'Payment', action: 'CREATE', actor_id: accountant.userId, request_id: requestId });
    expect(change(entries[0], 'invoiceId')).toEqual({ field: 'invoiceId', from: null, to: id });
    expect(amountOf(JSON.stringify(change(entries[0], 'amount')?.to))).toBe('100.00');
    expect(change(entries[0], 'currency')).toEqual({ field: 'currency', from: null, to: 'EUR' });
  });

  it('records the payment that settles the invoice as PARTIALLY_PAID to PAID, with one CREATE entry per payment', async () => {
    const requestId = `settle-${randomUUID()}`;
    await pay(id, '150.00', requestId);
    const history = await historyOf(accountant, id);
    expect(history.map((h) => h.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(history[0]!.requestId).toBe(requestId);
    expect(change(history[0], 'status')).toEqual({ field: 'status', from: '"PARTIALLY_PAID"', to: '"PAID"' });
    expect([amountOf(change(history[0], 'amountPaid')?.from), amountOf(change(history[0], 'amountPaid')?.to)]).toEqual(['100.00', '250.00']);

    const payments = await sql<{ request_id: string; actor_id: string }>(
      `select a.request_id, a.actor_id from audit_entry a join payment p on a.entity = 'Payment' and a.entity_id = p.id::text and a.action = 'CREATE'
       where p.invoice_id = ? order by a.at`,
      [id],
    );
    expect(payments).toHaveLength(2);
    expect(payments.at(-1)).toEqual({ request_id: requestId, actor_id: accountant.userId });
  });

  it('records nothing for a payment that is refused', async () => {
    const before = await auditCount();
    const overpaid = await subgraph.gqlAs(accountant, payMutation, { input: { invoiceId: id, amount: { amount: '0.01', currency: 'EUR' }, paidOn: today() } });
    // The invoice is paid: its state refuses any payment (CONFLICT), before the amount is looked at.
    expect(overpaid.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_PAID', field: 'input.invoiceId' });
    expect(await auditCount()).toBe(before);
  });

  it('shows the history to those who may see the invoice, also through references, and to nobody else', async () => {
    expect((await historyOf(rep, id)).map((h) => h.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    const refs = await subgraph.gqlAs<{ _entities: ({ history: { action: string }[] } | null)[] }>(
      rep,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { history(first: 1) { action } } } }',
      { r: [{ __typename: 'Invoice', id }] },
    );
    expect(refs.data!._entities).toEqual([{ history: [{ action: 'UPDATE' }] }]);
    expect(codeOf(await subgraph.gqlAs(outsider, historyQuery, { id }))).toBe('NOT_FOUND');
    expect(codeOf(await subgraph.gqlAs({ userId: randomUUID(), role: 'SUPPORT_AGENT' }, historyQuery, { id }))).toBe('FORBIDDEN');
  });

  it('offers no way to delete an invoice: corrections come as credit notes', async () => {
    const schema = await subgraph.gql<{ mutation: { fields: { name: string }[] }; invoice: { fields: { name: string }[] } }>(
      '{ mutation: __type(name: "Mutation") { fields { name } } invoice: __type(name: "Invoice") { fields { name } } }',
    );
    expect(schema.errors).toBeUndefined();
    // The only delete in finance is a claimant's own draft expense claim (never a document of the ledger).
    expect(schema.data!.mutation.fields.map((f) => f.name).filter((n) => /delete|restore/i.test(n))).toEqual(['deleteExpense']);
    expect(schema.data!.invoice.fields.map((f) => f.name)).not.toContain('deletedAt');
  });
});
