import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { aRep, dayFromToday, handledBy, useFinanceSubgraphWithCustomers } from '../../testing.js';

// Opening balances: open items from a previous system imported all or nothing (errors naming the
// row and field, a dry run), then paid, aged and dunned like invoices, without an INV number, and
// moved with their reminders and dunning block when customers are merged.

const owner = aRep();
const [customer, other, survivor] = [randomUUID(), randomUUID(), randomUUID()];
const day = dayFromToday;
const subgraph = useFinanceSubgraphWithCustomers(owner, { [customer]: 'Altsystem AG', [other]: 'Andere GmbH', [survivor]: 'Survivor KG' });

interface Imported {
  importOpeningBalances: {
    dryRun: boolean;
    rowCount: number;
    imported: {
      id: string;
      number: string;
      kind: string;
      balance: { amount: string; currency: string };
      dueDate: string;
      rateToBase: string | null;
      baseTotal: { amount: string; currency: string } | null;
    }[];
  };
}
const IMPORT =
  'mutation($rows: [OpeningBalanceRowInput!]!, $dryRun: Boolean) { importOpeningBalances(rows: $rows, dryRun: $dryRun) { dryRun rowCount imported { id number kind balance { amount currency } dueDate rateToBase baseTotal { amount currency } } } }';
const row = (overrides: Record<string, unknown> = {}) => ({
  customerId: customer,
  reference: `OLD-${randomUUID().slice(0, 6)}`,
  date: day(-120),
  dueDate: day(-100),
  amount: { amount: '800.00', currency: 'EUR' },
  ...overrides,
});
const invoiceCount = async (): Promise<number> => (await subgraph.sql<{ n: number }>('select count(*)::int as n from invoice'))[0]!.n;

let eurBalance = { id: '', number: '' };

describe('opening balances', () => {
  it('refuses the whole import when any row is wrong, naming each row and field', async () => {
    const before = await invoiceCount();
    const answer = await subgraph.gql(IMPORT, {
      rows: [
        row({ reference: 'OK-1' }),
        row({ dueDate: day(-130) }),
        row({ customerId: randomUUID() }),
        row({ amount: { amount: '0', currency: 'EUR' } }),
        row({ reference: 'OK-1' }),
        row({ amount: { amount: '10.001', currency: 'EUR' } }),
      ],
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_REFUSED', field: 'rows[1].dueDate' });
    const errors = (answer.errors?.[0]?.extensions?.details as { errors: { row: number; field: string }[] }).errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['rows[1].dueDate', 'rows[3].amount.amount', 'rows[5].amount.amount'].sort());
    expect(await invoiceCount()).toBe(before);
    // With the per-row problems fixed, the customers and references are checked: unknown customer, reference twice.
    const second = await subgraph.gql(IMPORT, { rows: [row({ reference: 'OK-1' }), row({ customerId: randomUUID() }), row({ reference: 'OK-1' })] });
    expect((second.errors?.[0]?.extensions?.details as { errors: { field: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'rows[1].customerId', code: 'CUSTOMER_NOT_FOUND' }),
      expect.objectContaining({ field: 'rows[2].reference', code: 'DUPLICATE_REFERENCE' }),
    ]);
    expect(await invoiceCount()).toBe(before);
  });

  it('checks without writing on a dry run, and refuses a rep', async () => {
    const before = await invoiceCount();
    const dry = await subgraph.must<Imported>(IMPORT, { rows: [row(), row()], dryRun: true });
    expect(dry.importOpeningBalances).toEqual({ dryRun: true, rowCount: 2, imported: [] });
    expect(await invoiceCount()).toBe(before);
    expect((await subgraph.gqlAs(owner, IMPORT, { rows: [row()] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports open items as receivables without an INV number, announced, and refuses importing a reference again', async () => {
    const usdRow = row({ customerId: other, reference: 'RE-4711', amount: { amount: '1234.56', currency: 'USD' }, dueDate: day(5) });
    // An item in a foreign currency keeps a rate to the base currency: without one (the row's or
    // finance's of its date) the import is refused, naming the row's rate.
    const before = await invoiceCount();
    const noRate = await subgraph.gql(IMPORT, { rows: [row({ reference: 'RE-4711' }), usdRow] });
    expect(noRate.errors?.[0]?.extensions).toMatchObject({ reason: 'IMPORT_REFUSED', field: 'rows[1].rateToBase' });
    expect((noRate.errors?.[0]?.extensions?.details as { errors: { code: string }[] }).errors).toEqual([expect.objectContaining({ code: 'RATE_MISSING' })]);
    expect((await subgraph.gql(IMPORT, { rows: [{ ...usdRow, rateToBase: '-1' }] })).errors?.[0]?.extensions).toMatchObject({ field: 'rows[0].rateToBase' });
    expect(await invoiceCount()).toBe(before);
    const imported = (await subgraph.must<Imported>(IMPORT, { rows: [row({ reference: 'RE-4711' }), { ...usdRow, rateToBase: '0.9' }] })).importOpeningBalances.imported;
    expect(imported.map((i) => [i.kind, i.balance, i.baseTotal])).toEqual([
      ['OPENING_BALANCE', { amount: '800.00', currency: 'EUR' }, { amount: '800.00', currency: 'EUR' }],
      // 1,234.56 USD at the previous system's 0.9: 1,111.104, half up to the cent.
      ['OPENING_BALANCE', { amount: '1234.56', currency: 'USD' }, { amount: '1111.10', currency: 'EUR' }],
    ]);
    expect(Number(imported[1]!.rateToBase)).toBe(0.9);
    for (const i of imported) expect(i.number).toMatch(/^OB-\d{4}-\d{6}$/);
    eurBalance = imported[0]!;
    const events = await subgraph.sql<{ data: Record<string, unknown> }>(
      `select payload->'data' as data from outbox_message where payload->>'type' = 'finance.opening-balance.imported.v1' and payload->>'subject' = ?`,
      [eurBalance.id],
    );
    expect(events[0]!.data).toMatchObject({ number: eurBalance.number, customerId: customer, reference: 'RE-4711', amount: { amount: '800.00', currency: 'EUR' } });
    const again = await subgraph.gql(IMPORT, { rows: [row({ reference: 'RE-4711' })] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ field: 'rows[0].reference' });
  });

  it('ages, takes payments and is dunned like an invoice', async () => {
    const ageing = await subgraph.must<{ receivablesAgeing: { currency: string; over90: { amount: string }; invoiceCount: number }[] }>(
      'query($c: ID) { receivablesAgeing(customerId: $c) { currency over90 { amount } invoiceCount } }',
      { c: customer },
    );
    expect(ageing.receivablesAgeing).toEqual([{ currency: 'EUR', over90: { amount: '800.00' }, invoiceCount: 1 }]);
    await subgraph.must('mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { id } }', {
      input: {
        customerId: customer,
        amount: { amount: '300.00', currency: 'EUR' },
        method: 'BANK_TRANSFER',
        receivedOn: day(0),
        allocations: [{ invoiceId: eurBalance.id, amount: '300.00' }],
      },
    });
    const paid = await subgraph.must<{ invoice: { status: string; balance: { amount: string } } }>('query($id: ID!) { invoice(id: $id) { status balance { amount } } }', {
      id: eurBalance.id,
    });
    expect(paid.invoice).toEqual({ status: 'PARTIALLY_PAID', balance: { amount: '500.00' } });
    await subgraph.must('mutation { setDunningLevels(levels: [{ daysAfterDue: 30, fee: "10", text: "Please settle the balance carried over." }]) { level } }');
    const run = await subgraph.must<{ runDunning: { reminders: { invoice: { id: string }; total: { amount: string } }[] } }>(
      'mutation { runDunning { reminders { invoice { id } total { amount } } } }',
    );
    expect(run.runDunning.reminders).toEqual([{ invoice: { id: eurBalance.id }, total: { amount: '510.00' } }]);
  });

  it("moves a merged customer's opening balances, reminders and dunning block to the survivor", async () => {
    await subgraph.must('mutation($input: SetDunningBlockInput!) { setDunningBlock(input: $input) { reason } }', {
      input: { customerId: customer, blocked: true, reason: 'Disputed' },
    });
    await handledBy(subgraph, createEvent(CustomerMergedV1, survivor, { survivorId: survivor, mergedId: customer, mergedAt: new Date().toISOString() }));
    const moved = await subgraph.sql<{ t: string; customer_id: string }>(
      `select 'balance' as t, customer_id from opening_balance where invoice_id = ? union all select 'reminder', customer_id from reminder where invoice_id = ?
       union all select 'block', customer_id from dunning_block where customer_id in (?, ?)`,
      [eurBalance.id, eurBalance.id, customer, survivor],
    );
    expect(moved.map((m) => [m.t, m.customer_id]).sort()).toEqual([
      ['balance', survivor],
      ['block', survivor],
      ['reminder', survivor],
    ]);
  });
});
