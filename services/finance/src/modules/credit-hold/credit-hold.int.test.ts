import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1 } from '@rapport/contracts';
import type { TestPrincipal } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { aRep, dayFromToday, useFinanceSubgraphWithCustomers } from '../../testing.js';

// Credit hold through finance's schema: on when a reminder at the last dunning level goes out,
// off when every invoice that reached it is paid or credited, or released by an accountant with a
// comment (reps may not); each change announced with finance.credit-hold.changed.v1.

const owner = aRep();
const accountant: TestPrincipal = { role: 'ACCOUNTANT' };
const [customerA, customerB, customerC, customerD] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const day = dayFromToday;
const subgraph = useFinanceSubgraphWithCustomers(owner, { [customerA]: 'Haltbar GmbH', [customerB]: 'Freigabe AG', [customerC]: 'Verschmolzen KG', [customerD]: 'Bleibt GmbH' });

async function invoiceDue(customerId: string, dueInDays: number, amount = '100.00'): Promise<{ id: string; number: string }> {
  const answer = await subgraph.must<{ issueFreeInvoice: { id: string; number: string } }>(
    'mutation($input: IssueFreeInvoiceInput!) { issueFreeInvoice(input: $input) { id number } }',
    { input: { customerId, currency: 'EUR', issueDate: day(dueInDays - 30), dueDate: day(dueInDays), lines: [{ description: 'Service', quantity: '1', unitPrice: amount }] } },
  );
  return answer.issueFreeInvoice;
}
const runDunning = async (): Promise<number[]> =>
  (await subgraph.must<{ runDunning: { reminders: { level: number }[] } }>('mutation { runDunning { reminders { level } } }')).runDunning.reminders.map((r) => r.level);

interface Hold {
  onHold: boolean;
  reason: string | null;
  since: string | null;
  releasedAt: string | null;
  releaseComment: string | null;
}
const holdOf = async (customerId: string, principal: TestPrincipal = accountant): Promise<Hold | null> => {
  const answer = await subgraph.gqlAs<{ _entities: { creditHold: Hold | null }[] }>(
    principal,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { creditHold { onHold reason since releasedAt releaseComment } } } }',
    { r: [{ __typename: 'Customer', id: customerId }] },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!._entities[0]!.creditHold;
};
const holdEvents = async (customerId: string) =>
  (
    await subgraph.sql<{ data: { onHold: boolean; reason: string | null } }>(
      `select payload->'data' as data from outbox_message where type = 'finance.credit-hold.changed.v1' and message_key = ? order by position`,
      [customerId],
    )
  ).map((r) => r.data);
const pay = (invoiceId: string, amount: string) =>
  subgraph.must('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', { input: { invoiceId, amount: { amount, currency: 'EUR' }, paidOn: day(0) } });
const release = (input: Record<string, unknown>, principal: TestPrincipal = accountant) =>
  subgraph.gqlAs<{ releaseCreditHold: Hold }>(
    principal,
    'mutation($input: ReleaseCreditHoldInput!) { releaseCreditHold(input: $input) { onHold reason releasedAt releaseComment } }',
    {
      input,
    },
  );

const setThreeLevels = () =>
  subgraph.must('mutation($levels: [DunningLevelInput!]!) { setDunningLevels(levels: $levels) { level } }', {
    levels: [
      { daysAfterDue: 7, text: 'Friendly reminder' },
      { daysAfterDue: 14, fee: '5.00', text: 'Second reminder' },
      { daysAfterDue: 30, fee: '10.00', text: 'Final notice' },
    ],
  });

describe('credit hold after the last dunning level', () => {
  it('puts the customer on hold when a reminder at the last level goes out, once, and takes it off when every invoice at that level is settled', async () => {
    await setThreeLevels();
    const first = await invoiceDue(customerA, -40);
    const second = await invoiceDue(customerA, -35, '50.00');
    expect(await runDunning()).toEqual([1, 1]);
    expect(await runDunning()).toEqual([2, 2]);
    expect(await holdOf(customerA)).toBeNull();
    expect(await holdEvents(customerA)).toEqual([]);
    expect(await runDunning()).toEqual([3, 3]);
    const hold = await holdOf(customerA);
    expect(hold).toMatchObject({ onHold: true, reason: `${first.number} reached reminder level 3, the last`, releasedAt: null });
    expect(Date.parse(hold!.since!)).toBeGreaterThan(Date.now() - 60_000);
    // Two invoices reached the last level in one run: one change, one event.
    expect(await holdEvents(customerA)).toEqual([{ customerId: customerA, onHold: true, reason: hold!.reason, changedAt: expect.any(String) }]);
    // The owner's rep reads it too.
    expect(await holdOf(customerA, owner)).toMatchObject({ onHold: true });

    await pay(first.id, '100.00');
    expect(await holdOf(customerA)).toMatchObject({ onHold: true });
    await pay(second.id, '20.00');
    expect(await holdOf(customerA)).toMatchObject({ onHold: true });
    // Crediting the rest settles the last invoice at level 3: the hold comes off by itself.
    await subgraph.must('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', { input: { invoiceId: second.id, reason: 'OTHER', full: true } });
    expect(await holdOf(customerA)).toMatchObject({ onHold: false, reason: null, since: null, releaseComment: 'every invoice that reached the last reminder level is settled' });
    expect((await holdEvents(customerA)).map((e) => [e.onHold, e.reason])).toEqual([
      [true, hold!.reason],
      [false, null],
    ]);
  });

  it('lets an accountant release a hold with a comment; a rep may not, a comment is required, and a customer not on hold is refused', async () => {
    const invoice = await invoiceDue(customerB, -45);
    for (let run = 0; run < 3; run++) await runDunning();
    expect(await holdOf(customerB)).toMatchObject({ onHold: true, reason: `${invoice.number} reached reminder level 3, the last` });
    const asRep = await release({ customerId: customerB, comment: 'He promised' }, owner);
    expect(asRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noComment = await release({ customerId: customerB, comment: '  ' });
    expect(noComment.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comment' });
    expect(await holdOf(customerB)).toMatchObject({ onHold: true });
    const released = await release({ customerId: customerB, comment: 'Bank guarantee received' });
    expect(released.errors).toBeUndefined();
    expect(released.data!.releaseCreditHold).toMatchObject({ onHold: false, reason: null, releaseComment: 'Bank guarantee received' });
    expect((await holdEvents(customerB)).map((e) => e.onHold)).toEqual([true, false]);
    const again = await release({ customerId: customerB, comment: 'Twice' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.customerId' });
    // The released invoice stays at the last level: no new reminder, no new hold.
    expect(await runDunning()).toEqual([]);
    expect(await holdOf(customerB)).toMatchObject({ onHold: false });
  });

  it("moves a merged customer's hold to the survivor, which comes off it when the moved invoice is paid; a redelivery changes nothing", async () => {
    await setThreeLevels();
    const invoice = await invoiceDue(customerC, -45, '80.00');
    for (let run = 0; run < 3; run++) await runDunning();
    const hold = await holdOf(customerC);
    expect(hold).toMatchObject({ onHold: true, reason: `${invoice.number} reached reminder level 3, the last` });
    expect(await holdOf(customerD)).toBeNull();

    const merged = createEvent(CustomerMergedV1, customerD, { survivorId: customerD, mergedId: customerC, mergedAt: new Date().toISOString() });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(merged));
    expect(await holdOf(customerD)).toMatchObject({ onHold: true, reason: hold!.reason, since: hold!.since });
    expect(await holdOf(customerC)).toBeNull();
    expect((await holdEvents(customerD)).map((e) => [e.onHold, e.reason])).toEqual([[true, hold!.reason]]);
    expect((await holdEvents(customerC)).map((e) => e.onHold)).toEqual([true, false]);

    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(merged));
    expect((await holdEvents(customerD)).length).toBe(1);

    // The invoice moved with the hold: paying it releases the survivor.
    await pay(invoice.id, '80.00');
    expect(await holdOf(customerD)).toMatchObject({ onHold: false, releaseComment: 'every invoice that reached the last reminder level is settled' });
  });
});
