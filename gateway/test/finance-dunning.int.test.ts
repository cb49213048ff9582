import { readPdf } from '@rapport/print/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@rapport/testing';
import { day, startTestSystem, timelineOf, type TestSystem } from './harness.js';

// Dunning through the gateway: the accountant configures the levels, a rep's customer (from the
// customers service's events) has an invoice 20 days overdue, a run reminds it at level 1 then 2
// with the fee (proposed first, then owed as a fee invoice), the letter downloads as a PDF, the reminder
// reaches the customer's timeline over Kafka, the rep sees the reminders and another rep does not, and a
// block shows on the customer (federation) and stops the next reminders.

let system: TestSystem;
let accountant = '';
let rep = '';
let otherRep = '';
let customerId = '';
let invoice = { id: '', number: '' };

interface Reminder {
  id: string;
  number: string;
  level: number;
  pdfPath: string;
  fee: { amount: string };
  total: { amount: string };
  invoice: { number: string } | null;
  feeInvoice: { number: string; kind: string; total: { amount: string; currency: string } } | null;
}
const RUN =
  'mutation { runDunning { reminders { id number level pdfPath fee { amount } total { amount } invoice { number } feeInvoice { number kind total { amount currency } } } } }';
const get = (token: string, path: string): Promise<Response> => fetch(`${system.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  system = await startTestSystem('finance-dunning');
  accountant = (await system.createUser({ email: 'dora.dunning@rapport.example', role: 'ACCOUNTANT' })).token;
  rep = (await system.createUser({ email: 'ralf.dunning.rep@rapport.example', role: 'SALES_REP' })).token;
  otherRep = (await system.createUser({ email: 'olaf.dunning.rep@rapport.example', role: 'SALES_REP' })).token;
}, 240_000);
afterAll(async () => system?.stop());

describe('dunning through the gateway', () => {
  it('reminds an overdue invoice level by level, with the fee, and serves the letter', async () => {
    await system.must(accountant, 'mutation($l: [DunningLevelInput!]!) { setDunningLevels(levels: $l) { level } }', {
      l: [
        { daysAfterDue: 7, text: 'Friendly reminder: the invoice below is overdue.' },
        { daysAfterDue: 14, fee: '7.50', text: 'Second reminder: please pay immediately.' },
      ],
    });
    customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Mahnung Test GmbH", kind: COMPANY }) { id } }'))
      .createCustomer.id;
    invoice = (
      await system.mustOnceCustomerKnown<{ issueFreeInvoice: { id: string; number: string } }>(
        accountant,
        'mutation($i: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $i) { id number } }',
        { i: { customerId, currency: 'EUR', issueDate: day(-50), dueDate: day(-20), lines: [{ description: 'Maintenance', quantity: '1', unitPrice: '480.00', taxRate: '19' }] } },
      )
    ).issueFreeInvoice;

    const first = (await system.must<{ runDunning: { reminders: Reminder[] } }>(accountant, RUN)).runDunning.reminders.filter((r) => r.invoice?.number === invoice.number);
    expect(first.map((r) => [r.level, r.fee.amount, r.total.amount, r.feeInvoice])).toEqual([[1, '0.00', '571.20', null]]);
    // The run proposes before it sends: the second level with its fee, nothing written.
    const proposal = await system.must<{ dunningProposal: { invoice: { number: string } | null; level: number; fee: { amount: string }; total: { amount: string } }[] }>(
      accountant,
      'query { dunningProposal { invoice { number } level fee { amount } total { amount } } }',
    );
    expect(proposal.dunningProposal.filter((p) => p.invoice?.number === invoice.number)).toEqual([
      { invoice: { number: invoice.number }, level: 2, fee: { amount: '7.50' }, total: { amount: '578.70' } },
    ]);
    const second = (await system.must<{ runDunning: { reminders: Reminder[] } }>(accountant, RUN)).runDunning.reminders.filter((r) => r.invoice?.number === invoice.number);
    expect(second.map((r) => [r.level, r.fee.amount, r.total.amount])).toEqual([[2, '7.50', '578.70']]);
    // The fee is owed: an invoice of kind FEE, a receivable of the customer beside the invoice reminded.
    expect(second[0]!.feeInvoice).toMatchObject({ kind: 'FEE', total: { amount: '7.50', currency: 'EUR' } });
    expect(second[0]!.feeInvoice!.number).toMatch(/^FEE-\d{4}-\d{6}$/);
    const owed = await system.must<{ receivablesAgeing: { total: { amount: string }; invoiceCount: number }[] }>(
      accountant,
      'query($c: ID) { receivablesAgeing(customerId: $c) { total { amount } invoiceCount } }',
      { c: customerId },
    );
    expect(owed.receivablesAgeing).toEqual([{ total: { amount: '578.70' }, invoiceCount: 2 }]);

    const letter = await get(rep, second[0]!.pdfPath);
    expect(letter.status).toBe(200);
    const text = (await readPdf(new Uint8Array(await letter.arrayBuffer()))).pages.join('\n');
    for (const expected of [`Payment reminder ${second[0]!.number}`, invoice.number, 'Mahnung Test GmbH', 'Second reminder: please pay immediately.', 'Total   578.70 EUR']) {
      expect(text).toContain(expected);
    }
    expect((await get(otherRep, second[0]!.pdfPath)).status).toBe(404);
  });

  it("puts each reminder on the customer's timeline as REMINDER_SENT, over Kafka", async () => {
    const reminders = await waitFor(
      async () => {
        const entries = (await timelineOf(system, rep, customerId)).filter((e) => e.kind === 'REMINDER_SENT');
        return entries.length >= 2 ? entries : undefined;
      },
      { what: "both reminders on the customer's timeline" },
    );
    expect(reminders.map((e) => e.summary).sort()).toEqual([
      expect.stringMatching(new RegExp(`^Reminder REM-\\d{4}-\\d{6} \\(level 1\\) sent for invoice ${invoice.number}: 571\\.20 EUR owed, 20 days overdue$`)),
      expect.stringMatching(new RegExp(`^Reminder REM-\\d{4}-\\d{6} \\(level 2\\) sent for invoice ${invoice.number}: 578\\.70 EUR owed, 20 days overdue$`)),
    ]);
  });

  it("shows the rep their customer's reminders and another rep none", async () => {
    const query = 'query($f: ReminderFilter) { reminders(filter: $f, first: 10) { edges { node { level } } } }';
    const mine = await system.must<{ reminders: { edges: { node: { level: number } }[] } }>(rep, query, { f: { invoiceId: invoice.id } });
    expect(mine.reminders.edges.map((e) => e.node.level).sort()).toEqual([1, 2]);
    const theirs = await system.must<{ reminders: { edges: unknown[] } }>(otherRep, query, { f: { invoiceId: invoice.id } });
    expect(theirs.reminders.edges).toEqual([]);
  });

  it('shows a dunning block on the customer and sends nothing while it holds', async () => {
    await system.must(accountant, 'mutation($i: SetDunningBlockInput!) { setDunningBlock(input: $i) { reason } }', {
      i: { customerId, blocked: true, reason: 'Customer disputes the maintenance hours' },
    });
    const customer = await system.must<{ customer: { name: string; dunningBlock: { reason: string } | null } }>(
      rep,
      'query($id: ID!) { customer(id: $id) { name dunningBlock { reason } } }',
      {
        id: customerId,
      },
    );
    expect(customer.customer).toEqual({ name: 'Mahnung Test GmbH', dunningBlock: { reason: 'Customer disputes the maintenance hours' } });
    await system.must(
      accountant,
      'mutation { setDunningLevels(levels: [{ daysAfterDue: 7, text: "a" }, { daysAfterDue: 14, text: "b" }, { daysAfterDue: 19, text: "c" }]) { level } }',
    );
    const run = await system.must<{ runDunning: { reminders: Reminder[] } }>(accountant, RUN);
    expect(run.runDunning.reminders.filter((r) => r.invoice?.number === invoice.number)).toEqual([]);
  });
});
