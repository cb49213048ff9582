import { randomUUID } from 'node:crypto';
import { readPdf } from '@rapport/print/testing';
import { testToken, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { waitFor } from '@rapport/testing';
import { describe, expect, it } from 'vitest';
import { aRep, dayFromToday, useFinanceSubgraphWithCustomers, withRates } from '../../testing.js';
import { startDailyDunning } from './dunning.schedule.js';
import { runScheduledDunning } from './dunning.service.js';

// Dunning through finance's schema: levels configured by accountants, runs that remind each overdue
// invoice at the next level it reached (never the same level twice, none for paid, credited or
// blocked customers' invoices), exact fees, the events, the letter, who sees what, and the daily run.

const [owner, stranger] = [aRep(), aRep()];
const accountant: TestPrincipal = { role: 'ACCOUNTANT' };
const [customerA, customerB, customerC] = [randomUUID(), randomUUID(), randomUUID()];
const day = dayFromToday;
const subgraph = useFinanceSubgraphWithCustomers(owner, { [customerA]: 'Kunde A', [customerB]: 'Kunde B', [customerC]: '株式会社C' });

/** An invoice of `amount` in `currency` (EUR unless given; one untaxed line) due `dueInDays` from today. */
async function invoiceDue(customerId: string, dueInDays: number, amount = '100.00', currency = 'EUR'): Promise<{ id: string; number: string }> {
  const answer = await subgraph.must<{ issueFreeInvoice: { id: string; number: string } }>(
    'mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id number } }',
    {
      input: {
        customerId,
        currency,
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
  it('makes each fee owed: an invoice of kind FEE in its own series, issued with the reminder, due at once, paid like any invoice', async () => {
    const reminders = await subgraph.must<{
      reminders: { edges: { node: { level: number; fee: { amount: string }; feeInvoice: Record<string, unknown> | null } }[] };
    }>(
      `query($f: ReminderFilter) { reminders(filter: $f, first: 10) { edges { node { level fee { amount }
         feeInvoice { id number kind status dueDate issueDate customer { id } total { amount currency } taxTotal { amount } lines { description } } } } } }`,
      { f: { invoiceId: overdue40.id } },
    );
    const byLevel = new Map(reminders.reminders.edges.map((e) => [e.node.level, e.node]));
    expect(byLevel.get(1)!.feeInvoice).toBeNull();
    const fee2 = byLevel.get(2)!.feeInvoice!;
    const fee3 = byLevel.get(3)!.feeInvoice!;
    expect(fee2).toMatchObject({ kind: 'FEE', status: 'ISSUED', customer: { id: customerA }, total: { amount: '5.00', currency: 'EUR' }, taxTotal: { amount: '0.00' } });
    expect(fee3).toMatchObject({ kind: 'FEE', total: { amount: '12.50', currency: 'EUR' }, dueDate: fee3.issueDate });
    expect(fee2.number).toMatch(/^FEE-\d{4}-\d{6}$/);
    expect(String((fee3.lines as { description: string }[])[0]!.description)).toContain(overdue40.number);
    const events = await subgraph.sql<{ data: { invoiceId: string; grossTotal: { amount: string } } }>(
      `select payload->'data' as data from outbox_message where payload->>'type' = 'finance.reminder.fee-invoiced.v1' and payload->'data'->>'remindedInvoiceId' = ?`,
      [overdue40.id],
    );
    expect(events.map((e) => [e.data.invoiceId, e.data.grossTotal.amount]).sort()).toEqual(
      [
        [fee2.id, '5.00'],
        [fee3.id, '12.50'],
      ].sort(),
    );
    // Owed like any invoice: it is a receivable, and a payment settles it.
    await subgraph.must('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: fee2.id, amount: { amount: '5.00', currency: 'EUR' }, paidOn: day(0) },
    });
    const paid = await subgraph.must<{ invoice: { status: string } }>('query($id: ID!) { invoice(id: $id) { status } }', { id: fee2.id });
    expect(paid.invoice.status).toBe('PAID');
  });

  it('proposes before it sends: what a run would send, writing nothing; a run of the chosen invoices; a JPY fee half up at the yen, taxed when configured, and no fee on a fee', async () => {
    await withRates(subgraph, { JPY: '0.0062' });
    const set = await setLevels([
      { daysAfterDue: 7, fee: '2.50', feeTaxRate: '19', text: 'Please pay.' },
      { daysAfterDue: 14, fee: '5', text: 'Please pay now.' },
    ]);
    expect(set.errors).toBeUndefined();
    expect((await setLevels([{ daysAfterDue: 7, fee: '1', feeTaxRate: '101', text: 'a' }])).errors?.[0]?.extensions).toMatchObject({ field: 'levels[0].feeTaxRate' });
    const yen = await invoiceDue(customerC, -20, '10000', 'JPY');
    type Item = {
      invoice: { id: string } | null;
      customer: { id: string };
      level: number;
      daysOverdue: number;
      openAmount: { amount: string; currency: string };
      fee: { amount: string };
      total: { amount: string };
    };
    const propose = async (asOf?: string, principal: TestPrincipal = accountant) =>
      subgraph.gqlAs<{ dunningProposal: Item[] }>(
        principal,
        'query($asOf: String) { dunningProposal(asOf: $asOf) { invoice { id } customer { id } level daysOverdue openAmount { amount currency } fee { amount } total { amount } } }',
        { asOf },
      );
    const countReminders = async () => (await subgraph.sql<{ n: number }>('select count(*)::int as n from reminder'))[0]!.n;
    const before = await countReminders();
    const proposed = (await propose(day(-10))).data!.dunningProposal.filter((p) => p.customer.id === customerC);
    // 2.50 JPY half up at the yen is 3; 19 % tax on 3 is 0.57, half up 1: the fee is 4.
    expect(proposed).toEqual([
      {
        invoice: { id: yen.id },
        customer: { id: customerC },
        level: 1,
        daysOverdue: 10,
        openAmount: { amount: '10000.00', currency: 'JPY' },
        fee: { amount: '4.00' },
        total: { amount: '10004.00' },
      },
    ]);
    expect(await countReminders()).toBe(before);
    expect((await propose(undefined, owner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await propose(day(1))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });

    const runChosen = (asOf: string | undefined, invoiceIds: string[]) =>
      subgraph.gqlAs<{
        runDunning: {
          reminders: (SentReminder & {
            feeInvoice: { id: string; kind: string; netTotal: { amount: string }; taxTotal: { amount: string }; total: { amount: string }; dueDate: string } | null;
          })[];
        };
      }>(
        accountant,
        `mutation($asOf: String, $ids: [ID!]) { runDunning(asOf: $asOf, invoiceIds: $ids) { reminders { ${REMINDER} feeInvoice { id kind netTotal { amount } taxTotal { amount } total { amount } dueDate } } } }`,
        { asOf, ids: invoiceIds },
      );
    const unknown = randomUUID();
    expect((await runChosen(day(-10), [yen.id, unknown])).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invoiceIds[1]' });
    expect(await countReminders()).toBe(before);
    const first = await runChosen(day(-10), [yen.id]);
    expect(first.errors).toBeUndefined();
    const [sent] = first.data!.runDunning.reminders;
    expect(first.data!.runDunning.reminders).toHaveLength(1);
    expect(sent).toMatchObject({ level: 1, openAmount: { amount: '10000.00', currency: 'JPY' }, fee: { amount: '4.00' }, total: { amount: '10004.00' } });
    expect(sent!.feeInvoice).toMatchObject({ kind: 'FEE', netTotal: { amount: '3.00' }, taxTotal: { amount: '1.00' }, total: { amount: '4.00' }, dueDate: day(-10) });
    const feeInvoiceId = sent!.feeInvoice!.id;

    // Today: the yen invoice reached level 2 (fee 5), its fee invoice level 1, without a further fee.
    const today = (await propose()).data!.dunningProposal.filter((p) => p.customer.id === customerC);
    expect(today.map((p) => [p.invoice?.id, p.level, p.fee.amount])).toEqual([
      [yen.id, 2, '5.00'],
      [feeInvoiceId, 1, '0.00'],
    ]);
    const second = await runChosen(undefined, [feeInvoiceId]);
    expect(second.data!.runDunning.reminders.map((r) => [r.invoice?.id, r.level, r.fee.amount, r.feeInvoice])).toEqual([[feeInvoiceId, 1, '0.00', null]]);
    expect((await propose()).data!.dunningProposal.filter((p) => p.customer.id === customerC).map((p) => p.invoice?.id)).toEqual([yen.id]);

    // The fee is a receivable of the customer in yen.
    const ageing = await subgraph.must<{ receivablesAgeing: { currency: string; total: { amount: string }; invoiceCount: number }[] }>(
      'query($c: ID) { receivablesAgeing(customerId: $c) { currency total { amount } invoiceCount } }',
      { c: customerC },
    );
    expect(ageing.receivablesAgeing).toEqual([{ currency: 'JPY', total: { amount: '10004.00' }, invoiceCount: 2 }]);
  });
});
