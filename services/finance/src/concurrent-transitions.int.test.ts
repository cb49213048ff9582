import { randomUUID } from 'node:crypto';
import { countAuditEntries, countOutboxEvents, raceBehindRow } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from './testing.js';

const subgraph = useFinanceSubgraph();
const RACERS = 20;
const em = () => subgraph.service.orm.em.fork();

describe('concurrent payments of one invoice', () => {
  it('20 concurrent payments of the whole balance: one pays it, 19 get CONFLICT, one payment, one audit entry, one event', async () => {
    const issued = await subgraph.gql<{ issueInvoice: { id: string } }>('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }', {
      input: { customerId: randomUUID(), total: { amount: '250.00', currency: 'EUR' }, dueDate: '2027-01-31' },
    });
    expect(issued.errors).toBeUndefined();
    const id = issued.data!.issueInvoice.id;
    const outcome = await raceBehindRow(subgraph.database.url, 'invoice', id, () =>
      subgraph.gql('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id status } }', {
        input: { invoiceId: id, amount: { amount: '250.00', currency: 'EUR' }, paidOn: '2026-12-05' },
      }),
    );

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(outcome.conflicts[0]!.extensions).toMatchObject({ reason: 'INVOICE_PAID' });
    const payments = await em().getConnection().execute<{ n: string }[]>('select count(*) as n from payment where invoice_id = ?', [id]);
    expect(Number(payments[0]!.n)).toBe(1);
    expect(await countAuditEntries(em(), 'Invoice', id, 'UPDATE')).toBe(1);
    expect(await countOutboxEvents(em(), id, 'finance.invoice.issued.v2')).toBe(1);
    expect(await countOutboxEvents(em(), id, 'finance.payment.allocated.v2')).toBe(1);
    expect(await countOutboxEvents(em(), id, 'finance.invoice.paid.v1')).toBe(1);
    const recorded = await em().getConnection().execute<{ n: string }[]>(`select count(*) as n from outbox_message where type = 'finance.payment.recorded.v2'`);
    expect(Number(recorded[0]!.n)).toBe(1);
  });
});
