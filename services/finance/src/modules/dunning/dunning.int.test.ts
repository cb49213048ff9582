import { randomUUID } from 'node:crypto';
import { readPdf } from '@rapport/print/testing';
import { testToken, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { describe, expect, it } from 'vitest';
import { aRep, dayFromToday, useFinanceSubgraphWithCustomers } from '../../testing.js';
import { startDailyDunning } from './dunning.schedule.js';
import { runScheduledDunning } from './dunning.service.js';

// Dunning through finance's schema: levels configured by accountants, runs that remind each overdue
// invoice at the next level it reached (never the same level twice, none for paid, credited or
// blocked customers' invoices), exact fees, the events, the letter, who sees what, and the daily run.

const [owner, stranger] = [aRep(), aRep()];
const accountant: TestPrincipal = { role: 'ACCOUNTANT' };
const [customerA, customerB] = [randomUUID(), randomUUID()];
const day = dayFromToday;
const subgraph = useFinanceSubgraphWithCustomers(owner, { [customerA]: 'Kunde A', [customerB]: 'Kunde B' });

/** An invoice of `amount` EUR (one untaxed line) due `dueInDays` from today. */
async function invoiceDue(customerId: string, dueInDays: number, amount = '100.00'): Promise<{ id: string; number: string }> {
  const answer = await subgraph.must<{ issueFreeInvoice: { id: string; number: string } }>(
    'mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id number } }',
    {
      input: {
        customerId,
        currency: 'EUR',
        issueDate: day(dueInDays - 30),
        dueDate: day(dueInDays),
        lines: [{ description: 'Service', quantity: '1', unitPrice: amount, taxRate: '0' }],
      },
    },
  );
  return answer.issueFreeInvoice;
}

interface SentReminder {
  id: string;
  number: string;
  level: number;
  invoice: { id: string } | null;
  openAmount: { amount: string; currency: string };
  fee: { amount: string };
  total: { amount: string };
  daysOverdue: number;
  text: string;
  pdfPath: string;
}
const REMINDER = 'id number level invoice { id } openAmount { amount currency } fee { amount } total { amount } daysOverdue text pdfPath';

const run = async (principal: TestPrincipal = accountant, asOf?: string) =>
  subgraph.gqlAs<{ runDunning: { trigger: string; reminders: SentReminder[] } }>(
    principal,
    `mutation($asOf: String) { runDunning(asOf: $asOf) { trigger reminders { ${REMINDER} } } }`,
    { asOf },
  );
const mustRun = async (): Promise<SentReminder[]> => {
  const answer = await run();
  expect(answer.errors).toBeUndefined();
  return answer.data!.runDunning.reminders;
};
const levelsOf = (reminders: SentReminder[], invoiceId: string): number[] => reminders.filter((r) => r.invoice?.id === invoiceId).map((r) => r.level);

const setLevels = (levels: unknown[], principal: TestPrincipal = accountant) =>
  subgraph.gqlAs<{ setDunningLevels: { level: number; daysAfterDue: number; fee: string }[] }>(
    principal,
    'mutation($levels: [DunningLevelInput!]!) { setDunningLevels(levels: $levels) { level daysAfterDue fee } }',
    { levels },
  );
const block = (input: Record<string, unknown>) =>
  subgraph.gqlAs<{ setDunningBlock: { reason: string } | null }>(accountant, 'mutation($input: SetDunningBlockInput!) { setDunningBlock(input: $input) { reason } }', { input });

let overdue40 = { id: '', number: '' };
let overdue10 = { id: '', number: '' };
let blockedInvoice = { id: '', number: '' };

describe('dunning', () => {
  it('refuses a procedure with levels out of order, a negative or sub-cent fee or no text, naming the entry, and lets no rep configure it', async () => {
    const cases: [unknown[], string][] = [
      [
        [
          { daysAfterDue: 14, text: 'a' },
          { daysAfterDue: 7, text: 'b' },
        ],
        'levels[1].daysAfterDue',
      ],
      [[{ daysAfterDue: 0, text: 'a' }], 'levels[0].daysAfterDue'],
      [[{ daysAfterDue: 7, fee: '-1', text: 'a' }], 'levels[0].fee'],
      [[{ daysAfterDue: 7, fee: '2.505', text: 'a' }], 'levels[0].fee'],
      [[{ daysAfterDue: 7, text: '  ' }], 'levels[0].text'],
    ];
    for (const [levels, field] of cases) {
      const answer = await setLevels(levels);
      expect(answer.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await setLevels([{ daysAfterDue: 7, text: 'a' }], owner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const set = await setLevels([
      { daysAfterDue: 7, text: 'Our invoice is overdue. Please pay it within 7 days.' },
      { daysAfterDue: 14, fee: '5', text: 'Second reminder: please pay now.' },
      { daysAfterDue: 30, fee: '12.50', text: 'Final reminder before collection.' },
    ]);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setDunningLevels).toEqual([
      { level: 1, daysAfterDue: 7, fee: '0.00' },
      { level: 2, daysAfterDue: 14, fee: '5.00' },
      { level: 3, daysAfterDue: 30, fee: '12.50' },
    ]);
  });

  it('reminds each overdue invoice at the next level it reached, one level a run, never twice, none for paid, credited or not yet due ones', async () => {
    overdue40 = await invoiceDue(customerA, -40, '1000.00');
    overdue10 = await invoiceDue(customerA, -10, '250.00');
    const notYet = await invoiceDue(customerA, -3);
    const paid = await invoiceDue(customerA, -40);
    const credited = await invoiceDue(customerA, -40);
    await subgraph.must('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: paid.id, amount: { amount: '100.00', currency: 'EUR' }, paidOn: day(-1) },
    });
    await subgraph.must('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: overdue10.id, amount: { amount: '100.01', currency: 'EUR' }, paidOn: day(-1) },
    });
    await subgraph.must('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', { input: { invoiceId: credited.id, reason: 'OTHER', full: true } });

    const first = await mustRun();
    expect(levelsOf(first, overdue40.id)).toEqual([1]);
    expect(levelsOf(first, overdue10.id)).toEqual([1]);
    for (const none of [notYet, paid, credited]) expect(levelsOf(first, none.id)).toEqual([]);
    const partly = first.find((r) => r.invoice?.id === overdue10.id)!;
    expect(partly).toMatchObject({ openAmount: { amount: '149.99', currency: 'EUR' }, fee: { amount: '0.00' }, total: { amount: '149.99' }, daysOverdue: 10 });
    expect(partly.number).toMatch(/^REM-\d{4}-\d{6}$/);

    const second = await mustRun();
    expect(levelsOf(second, overdue40.id)).toEqual([2]);
    expect(levelsOf(second, overdue10.id)).toEqual([]);
    expect(second.find((r) => r.invoice?.id === overdue40.id)).toMatchObject({ fee: { amount: '5.00' }, total: { amount: '1005.00' }, text: 'Second reminder: please pay now.' });

    const third = await mustRun();
    expect(third.map((r) => [r.invoice?.id, r.level])).toEqual([[overdue40.id, 3]]);
    expect(third[0]).toMatchObject({ openAmount: { amount: '1000.00' }, fee: { amount: '12.50' }, total: { amount: '1012.50' }, daysOverdue: 40 });
    expect(await mustRun()).toEqual([]);

    const rows = await subgraph.sql<{ invoice_id: string; level: number }>('select invoice_id, level from reminder order by invoice_id, level');
    expect(new Set(rows.map((r) => `${r.invoice_id}:${r.level}`)).size).toBe(rows.length);
    const events = await subgraph.sql<{ data: Record<string, unknown> }>(
      `select payload->'data' as data from outbox_message where payload->>'type' = 'finance.reminder.sent.v1' and payload->'data'->>'invoiceId' = ? order by payload->'data'->>'level'`,
      [overdue40.id],
    );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        level: 1,
        invoiceNumber: overdue40.number,
        customerId: customerA,
        fee: { amount: '0.00', currency: 'EUR' },
        total: { amount: '1000.00', currency: 'EUR' },
      }),
      expect.objectContaining({ level: 2, fee: { amount: '5.00', currency: 'EUR' }, total: { amount: '1005.00', currency: 'EUR' } }),
      expect.objectContaining({ level: 3, fee: { amount: '12.50', currency: 'EUR' }, total: { amount: '1012.50', currency: 'EUR' }, daysOverdue: 40, dueDate: day(-40) }),
    ]);
  });

  it('sends nothing for a blocked customer until released, and shows the block on the customer', async () => {
    blockedInvoice = await invoiceDue(customerB, -20);
    expect((await block({ customerId: customerB, blocked: true })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect((await block({ customerId: customerB, blocked: true, reason: 'Disputes the delivery' })).data!.setDunningBlock).toEqual({ reason: 'Disputes the delivery' });
    const shown = await subgraph.gqlAs<{ _entities: { dunningBlock: { reason: string } | null }[] }>(
      owner,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { dunningBlock { reason } } } }',
      {
        r: [
          { __typename: 'Customer', id: customerB },
          { __typename: 'Customer', id: customerA },
        ],
      },
    );
    expect(shown.data!._entities).toEqual([{ dunningBlock: { reason: 'Disputes the delivery' } }, { dunningBlock: null }]);
    expect(levelsOf(await mustRun(), blockedInvoice.id)).toEqual([]);
    expect((await block({ customerId: customerB, blocked: false })).data!.setDunningBlock).toBeNull();
    expect(levelsOf(await mustRun(), blockedInvoice.id)).toEqual([1]);
    const changes = await subgraph.sql<{ blocked: boolean }>(
      `select (payload->'data'->>'blocked')::boolean as blocked from outbox_message where payload->>'type' = 'finance.dunning-block.changed.v1' order by position`,
    );
    expect(changes).toEqual([{ blocked: true }, { blocked: false }]);
  });

  it('refuses a run as of a later day naming asOf, and a run by a rep', async () => {
    expect((await run(accountant, day(1))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
    expect((await run(owner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows a rep their customers' reminders and no one else's", async () => {
    const list = (principal: TestPrincipal) =>
      subgraph.gqlAs<{ reminders: { edges: { node: { id: string } }[] } }>(principal, 'query($f: ReminderFilter) { reminders(filter: $f, first: 50) { edges { node { id } } } }', {
        f: { invoiceId: overdue40.id },
      });
    const mine = (await list(owner)).data!.reminders.edges;
    expect(mine).toHaveLength(3);
    expect((await list(stranger)).data!.reminders.edges).toEqual([]);
    const hidden = await subgraph.gqlAs(stranger, 'query($id: ID!) { reminder(id: $id) { id } }', { id: mine[0]!.node.id });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('prints the reminder letter with the invoice, the level text, the fee and the total', async () => {
    const [letter] = (
      await subgraph.must<{ reminders: { edges: { node: SentReminder }[] } }>(`query($f: ReminderFilter) { reminders(filter: $f, first: 1) { edges { node { ${REMINDER} } } } }`, {
        f: { invoiceId: overdue40.id },
      })
    ).reminders.edges.map((e) => e.node);
    expect(letter!.level).toBe(3);
    const path = letter!.pdfPath.replace('/files/finance', '/print');
    const response = await fetch(`${new URL(subgraph.url).origin}${path}`, { headers: { authorization: `Bearer ${await testToken(owner)}` } });
    expect(response.status).toBe(200);
    const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');
    for (const expected of [
      `Payment reminder ${letter!.number}`,
      overdue40.number,
      'Final reminder before collection.',
      'Reminder fee',
      '2   Reminder fee   1   12.50   12.50',
      '1   1,000.00   1,000.00',
      'Total   1,012.50 EUR',
    ]) {
      expect(text).toContain(expected);
    }
    const hidden = await fetch(`${new URL(subgraph.url).origin}${path}`, { headers: { authorization: `Bearer ${await testToken(stranger)}` } });
    expect(hidden.status).toBe(404);
  });

  it('runs once a day by itself, however often it checks', async () => {
    await invoiceDue(customerA, -8);
    const daily = startDailyDunning(subgraph.service.orm, subgraph.service.logger, 20);
    try {
      await waitFor(async () => {
        const [row] = await subgraph.sql<{ n: number }>(`select count(*)::int as n from dunning_run where trigger = 'SCHEDULE'`);
        return row!.n > 0 ? row : undefined;
      });
      // A later check the same day (another tick, another instance) sends nothing.
      expect(await runScheduledDunning(subgraph.service.orm.em.fork())).toBeNull();
    } finally {
      await daily.stop();
    }
    const runs = await subgraph.sql<{ as_of: string; reminder_count: number }>(`select as_of::text, reminder_count from dunning_run where trigger = 'SCHEDULE'`);
    // The new invoice's first reminder, and the second of the one blocked before (20 days overdue).
    expect(runs).toEqual([{ as_of: day(0), reminder_count: 2 }]);
  });
});
