import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@rapport/testing';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Receivables per rep and per team through the gateway: two teams' reps own customers (the customers
// service's events tell finance who owns which, and in which team), finance invoices them; the
// accountant reads every rep and team, the team head only their team's reps, a rep only their own.

let system: TestSystem;
let accountant = '';
let head = '';
const reps = {} as Record<'anna' | 'bert' | 'carl', { id: string; token: string }>;
const teams = { north: '', south: '' };

interface Group {
  repId: string | null;
  teamId: string | null;
  byCurrency: { currency: string; days1To30: { amount: string }; days31To60: { amount: string }; total: { amount: string } }[];
  inBase: { currency: string; total: { amount: string }; invoiceCount: number };
}
const GROUPED = `query($by: ReceivablesGrouping!) { receivablesGrouped(by: $by) { repId teamId
  byCurrency { currency days1To30 { amount } days31To60 { amount } total { amount } } inBase { currency total { amount } invoiceCount } } }`;
const grouped = async (token: string, by: 'REP' | 'TEAM'): Promise<Group[]> => (await system.must<{ receivablesGrouped: Group[] }>(token, GROUPED, { by })).receivablesGrouped;
const totals = (groups: Group[], key: 'repId' | 'teamId') => groups.map((g) => [g[key], g.inBase.total.amount, g.inBase.invoiceCount]);

/** A customer of `owner`'s and an invoice of `amount` EUR on it, due `dueInDays` from today. */
async function owes(owner: { token: string }, name: string, amount: string, dueInDays: number): Promise<void> {
  const customerId = (
    await system.must<{ createCustomer: { id: string } }>(owner.token, 'mutation($n: String!) { createCustomer(input: { name: $n, kind: COMPANY }) { id } }', { n: name })
  ).createCustomer.id;
  // The accountant sees every customer, so finance takes the invoice whether or not the customer's
  // event has reached it; the grouping reads finance's copy of the owner: wait until it is there.
  await waitFor(
    async () => {
      const [row] = await system.subgraphs.finance.service.orm.em
        .fork()
        .getConnection()
        .execute<{ owner_id: string | null }[]>('select owner_id from customer_access where customer_id = ?', [customerId]);
      return row?.owner_id ? true : undefined;
    },
    { what: "finance to learn the customer's owner" },
  );
  await system.mustOnceCustomerKnown(accountant, 'mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { id } }', {
    i: { customerId, currency: 'EUR', issueDate: day(dueInDays - 30), dueDate: day(dueInDays), lines: [{ description: 'Service', quantity: '1', unitPrice: amount }] },
  });
}

beforeAll(async () => {
  system = await startTestSystem('finance-receivables');
  const team = async (name: string) =>
    (await system.must<{ createTeam: { id: string } }>(system.adminToken, 'mutation($n: String!) { createTeam(input: { name: $n }) { id } }', { n: name })).createTeam.id;
  teams.north = await team('Receivables North');
  teams.south = await team('Receivables South');
  accountant = (await system.createUser({ email: 'rita.receivables@rapport.example', role: 'ACCOUNTANT' })).token;
  head = (await system.createUser({ email: 'nora.north.head@rapport.example', role: 'SALES_MANAGER', teamId: teams.north })).token;
  reps.anna = await system.createUser({ email: 'anna.north@rapport.example', role: 'SALES_REP', teamId: teams.north });
  reps.bert = await system.createUser({ email: 'bert.north@rapport.example', role: 'SALES_REP', teamId: teams.north });
  reps.carl = await system.createUser({ email: 'carl.south@rapport.example', role: 'SALES_REP', teamId: teams.south });
  await owes(reps.anna, 'Anna Kunde GmbH', '100.00', -10);
  await owes(reps.bert, 'Bert Kunde GmbH', '200.00', -45);
  await owes(reps.carl, 'Carl Kunde GmbH', '250.00', -45);
}, 240_000);
afterAll(async () => system?.stop());

describe('receivables per rep and team through the gateway', () => {
  it('gives the accountant every rep and every team in ageing buckets, per currency and in base', async () => {
    const byRep = await grouped(accountant, 'REP');
    expect(totals(byRep, 'repId')).toEqual([
      [reps.carl.id, '250.00', 1],
      [reps.bert.id, '200.00', 1],
      [reps.anna.id, '100.00', 1],
    ]);
    expect(byRep.find((g) => g.repId === reps.anna.id)!.byCurrency).toEqual([
      { currency: 'EUR', days1To30: { amount: '100.00' }, days31To60: { amount: '0.00' }, total: { amount: '100.00' } },
    ]);
    expect(totals(await grouped(accountant, 'TEAM'), 'teamId')).toEqual([
      [teams.north, '300.00', 2],
      [teams.south, '250.00', 1],
    ]);
  });

  it("shows the team head their team's reps only, and a rep their own", async () => {
    expect(totals(await grouped(head, 'REP'), 'repId')).toEqual([
      [reps.bert.id, '200.00', 1],
      [reps.anna.id, '100.00', 1],
    ]);
    expect(totals(await grouped(head, 'TEAM'), 'teamId')).toEqual([[teams.north, '300.00', 2]]);
    expect(totals(await grouped(reps.anna.token, 'REP'), 'repId')).toEqual([[reps.anna.id, '100.00', 1]]);
    expect(totals(await grouped(reps.carl.token, 'TEAM'), 'teamId')).toEqual([[teams.south, '250.00', 1]]);
  });
});
