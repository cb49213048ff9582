import { randomUUID } from 'node:crypto';
import { grantCustomerAccess, testPrincipal, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, useFinanceSubgraph, withRates } from '../../testing.js';

// Receivables per owner rep and per team through finance's schema: finance sees every rep and team,
// a team head the reps and team they head, a rep their own customers (not those shared with them).

const subgraph = useFinanceSubgraph();
const day = dayFromToday;
const [teamOne, teamTwo] = [randomUUID(), randomUUID()];
const head: TestPrincipal = testPrincipal('SALES_MANAGER', [teamOne]);
const [repOne, repTwo] = [testPrincipal('SALES_REP', [teamOne]), testPrincipal('SALES_REP', [teamOne])];
const repThree = testPrincipal('SALES_REP', [teamTwo]);
const [c1, c2, c3] = [randomUUID(), randomUUID(), randomUUID()];

async function invoice(customerId: string, amount: string, currency: string, dueInDays: number): Promise<void> {
  await subgraph.must('mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id } }', {
    input: { customerId, currency, issueDate: day(dueInDays - 30), dueDate: day(dueInDays), lines: [{ description: 'Service', quantity: '1', unitPrice: amount }] },
  });
}

interface Group {
  repId: string | null;
  teamId: string | null;
  byCurrency: { currency: string; current: { amount: string }; days1To30: { amount: string }; days31To60: { amount: string }; over90: { amount: string } }[];
  inBase: { currency: string; total: { amount: string }; invoiceCount: number };
}
const grouped = (who: TestPrincipal, by: 'REP' | 'TEAM') =>
  subgraph.gqlAs<{ receivablesGrouped: Group[] }>(
    who,
    `query($by: ReceivablesGrouping!) { receivablesGrouped(by: $by) { repId teamId
       byCurrency { currency current { amount } days1To30 { amount } days31To60 { amount } over90 { amount } }
       inBase { currency total { amount } invoiceCount } } }`,
    { by },
  );
const totals = (groups: Group[], key: 'repId' | 'teamId') => groups.map((g) => [g[key], g.inBase.total.amount, g.inBase.invoiceCount]);

beforeAll(async () => {
  await withRates(subgraph, { USD: '0.9' });
  await grantCustomerAccess(
    subgraph,
    { customerId: c1, ownerId: repOne.userId, teamId: teamOne },
    { customerId: c2, ownerId: repTwo.userId, teamId: teamOne },
    { customerId: c3, ownerId: repThree.userId, teamId: teamTwo, sharedWith: [repOne.userId] },
  );
  await invoice(c1, '100.00', 'EUR', -10);
  await invoice(c1, '50.00', 'USD', 5);
  await invoice(c2, '200.00', 'EUR', -45);
  await invoice(c3, '300.00', 'EUR', -100);
});

describe('receivables per rep and team', () => {
  it('gives finance every rep and every team, per currency in ageing buckets and in base, largest first', async () => {
    const accountant = testPrincipal('ACCOUNTANT');
    const byRep = await grouped(accountant, 'REP');
    expect(byRep.errors).toBeUndefined();
    expect(totals(byRep.data!.receivablesGrouped, 'repId')).toEqual([
      [repThree.userId, '300.00', 1],
      [repTwo.userId, '200.00', 1],
      [repOne.userId, '145.00', 2],
    ]);
    const one = byRep.data!.receivablesGrouped.find((g) => g.repId === repOne.userId)!;
    expect(one.teamId).toBeNull();
    expect(one.byCurrency).toEqual([
      { currency: 'EUR', current: { amount: '0.00' }, days1To30: { amount: '100.00' }, days31To60: { amount: '0.00' }, over90: { amount: '0.00' } },
      { currency: 'USD', current: { amount: '50.00' }, days1To30: { amount: '0.00' }, days31To60: { amount: '0.00' }, over90: { amount: '0.00' } },
    ]);
    expect(byRep.data!.receivablesGrouped[0]!.byCurrency[0]!.over90.amount).toBe('300.00');
    const byTeam = await grouped(testPrincipal('DIRECTOR'), 'TEAM');
    expect(totals(byTeam.data!.receivablesGrouped, 'teamId')).toEqual([
      [teamOne, '345.00', 3],
      [teamTwo, '300.00', 1],
    ]);
  });

  it('shows a team head the reps and the team they head only, and a rep their own customers, not those shared with them', async () => {
    expect(totals((await grouped(head, 'REP')).data!.receivablesGrouped, 'repId')).toEqual([
      [repTwo.userId, '200.00', 1],
      [repOne.userId, '145.00', 2],
    ]);
    expect(totals((await grouped(head, 'TEAM')).data!.receivablesGrouped, 'teamId')).toEqual([[teamOne, '345.00', 3]]);
    expect(totals((await grouped(repOne, 'REP')).data!.receivablesGrouped, 'repId')).toEqual([[repOne.userId, '145.00', 2]]);
    expect(totals((await grouped(repOne, 'TEAM')).data!.receivablesGrouped, 'teamId')).toEqual([[teamOne, '145.00', 2]]);
    expect(totals((await grouped(repThree, 'REP')).data!.receivablesGrouped, 'repId')).toEqual([[repThree.userId, '300.00', 1]]);
    expect((await grouped(testPrincipal('WAREHOUSE_CLERK'), 'REP')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reads the open invoices of a rep through the indexes, not a scan of every invoice', async () => {
    // 20,000 other customers of other reps, each with an open invoice: enough that a scan would cost more.
    await subgraph.sql(
      `insert into customer_access (customer_id, owner_id, team_id, shared_with)
       select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '{}' from generate_series(1, 20000)`,
    );
    await subgraph.sql(
      `insert into invoice (id, number, customer_id, kind, issue_date, due_date, currency, net_total, total, status)
       select gen_random_uuid(), 'BULK-' || row_number() over (), customer_id, 'FREE', current_date - 40, current_date - 10, 'EUR', 10, 10, 'ISSUED'
         from customer_access where customer_id not in (?, ?, ?)`,
      [c1, c2, c3],
    );
    await subgraph.sql('analyze invoice');
    await subgraph.sql('analyze customer_access');
    const plan = await subgraph.sql<{ 'QUERY PLAN': string }>(
      `explain select ca.owner_id, i.currency, i.due_date, sum(i.total - i.amount_paid - i.amount_credited)
         from invoice i left join customer_access ca on ca.customer_id = i.customer_id
        where i.amount_paid + i.amount_credited < i.total and ca.owner_id = ? group by ca.owner_id, i.currency, i.due_date`,
      [repOne.userId],
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/customer_access_owner_idx/);
    expect(text).toMatch(/invoice_customer_unpaid_due_idx/);
    expect(text).not.toMatch(/Seq Scan on invoice/);
  });
});
