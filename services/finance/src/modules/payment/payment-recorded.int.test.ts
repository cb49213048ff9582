import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph } from '../../testing.js';
import { dayFromToday } from '@rapport/errors';

const subgraph = useFinanceSubgraph();
const today = (): string => dayFromToday();

type OutboxRow = { type: string; message_key: string; payload: { data: Record<string, unknown> } };
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

describe('recording a payment', () => {
  it('writes finance.payment.recorded.v2 and finance.payment.allocated.v2 in the same transaction as the payment', async () => {
    const customerId = randomUUID();
    const issued = await subgraph.gql<{ issueInvoice: { id: string; number: string } }>('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id number } }', {
      input: { customerId, total: { amount: '300.00', currency: 'EUR' }, issueDate: today(), dueDate: today() },
    });
    expect(issued.errors).toBeUndefined();
    const invoice = issued.data!.issueInvoice;
    const paid = await subgraph.gql('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: invoice.id, amount: { amount: '120.5', currency: 'EUR' }, paidOn: today() },
    });
    expect(paid.errors).toBeUndefined();
    const [payment] = await sql<{ id: string }>('select id from payment where invoice_id = ?', [invoice.id]);
    const outbox = await sql<OutboxRow>(`select type, message_key, payload from outbox_message where type = 'finance.payment.recorded.v2'`);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.message_key).toBe(payment!.id);
    expect(outbox[0]?.payload.data).toMatchObject({
      paymentId: payment!.id,
      customerId,
      amount: { amount: '120.50', currency: 'EUR' },
      method: 'BANK_TRANSFER',
      reference: invoice.number,
      receivedOn: today(),
    });
    const allocated = await sql<OutboxRow>(`select type, message_key, payload from outbox_message where type = 'finance.payment.allocated.v2'`);
    expect(allocated).toHaveLength(1);
    expect(allocated[0]?.message_key).toBe(invoice.id);
    expect(allocated[0]?.payload.data).toMatchObject({
      paymentId: payment!.id,
      creditNoteId: null,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      amount: { amount: '120.50', currency: 'EUR' },
      outstanding: { amount: '179.50', currency: 'EUR' },
    });
  });

  it('writes no event when the payment is refused', async () => {
    const issued = await subgraph.gql<{ issueInvoice: { id: string } }>('mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }', {
      input: { customerId: randomUUID(), total: { amount: '10.00', currency: 'EUR' }, issueDate: today(), dueDate: today() },
    });
    const before = await sql<{ n: number }>(`select count(*)::int as n from outbox_message where type like 'finance.payment.%'`);
    const overpaid = await subgraph.gql('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: issued.data!.issueInvoice.id, amount: { amount: '11.00', currency: 'EUR' }, paidOn: today() },
    });
    expect(overpaid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount' });
    expect(await sql<{ n: number }>(`select count(*)::int as n from outbox_message where type like 'finance.payment.%'`)).toEqual(before);
  });
});
