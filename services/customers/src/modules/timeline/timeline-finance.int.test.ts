import { randomUUID } from 'node:crypto';
import { createEvent, CreditNoteIssuedV1, InvoiceIssuedV2, InvoicePaidV1, PaymentRecordedV2, ReminderSentV1, type CloudEvent } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { useTimelineSubgraph, type TimelineEntry } from './timeline.testing.js';

const { subgraph, createCustomer, deliverTwiceAndRead } = useTimelineSubgraph('Finance Co');
const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** Delivers each event twice and returns the customer's timeline entries of finance: each event is recorded once. */
const deliverTwice = async (customerId: string, events: CloudEvent[]): Promise<TimelineEntry[]> =>
  (await deliverTwiceAndRead(customerId, events)).filter((n) => n.sourceService === 'finance');

describe("the customer timeline records finance's v2 events", () => {
  it('records an invoice issued, a payment, the invoice paid and a credit note, once each', async () => {
    const customerId = await createCustomer();
    const invoiceId = randomUUID();
    const paymentId = randomUUID();
    const creditNoteId = randomUUID();
    const now = new Date().toISOString();
    const issued = createEvent(InvoiceIssuedV2, invoiceId, {
      invoiceId,
      number: 'INV-2026-000007',
      kind: 'STANDARD',
      customerId,
      orderId: null,
      currency: 'EUR',
      lines: [
        {
          invoiceLineId: randomUUID(),
          orderLineId: null,
          productId: null,
          description: 'Service',
          quantity: '1',
          unitPrice: eur('100.00'),
          discountPercent: '0',
          taxRate: '19',
          netAmount: eur('100.00'),
        },
      ],
      netTotal: eur('100.00'),
      taxTotal: eur('19.00'),
      grossTotal: eur('119.00'),
      issuedOn: '2026-12-01',
      dueDate: '2026-12-31',
      issuedAt: now,
    });
    const paid = createEvent(PaymentRecordedV2, paymentId, {
      paymentId,
      customerId,
      amount: eur('119.00'),
      method: 'BANK_TRANSFER',
      reference: 'TX-1',
      receivedOn: '2026-12-03',
      recordedAt: now,
    });
    const settled = createEvent(InvoicePaidV1, invoiceId, { invoiceId, number: 'INV-2026-000007', customerId, orderId: null, paidAt: now });
    const credited = createEvent(CreditNoteIssuedV1, creditNoteId, {
      creditNoteId,
      number: 'CN-2026-000001',
      invoiceId,
      invoiceNumber: 'INV-2026-000007',
      customerId,
      orderId: null,
      reason: 'PRICE_CORRECTION',
      currency: 'EUR',
      lines: [{ orderLineId: null, productId: null, quantity: '1', netAmount: eur('10.00') }],
      netTotal: eur('10.00'),
      taxTotal: eur('1.90'),
      grossTotal: eur('11.90'),
      issuedAt: now,
    });
    const entries = await deliverTwice(customerId, [issued, paid, settled, credited]);
    expect(entries.sort((a, b) => a.summary.localeCompare(b.summary))).toEqual([
      { kind: 'CREDIT_NOTE_ISSUED', summary: 'Credit note CN-2026-000001 issued for 11.90 EUR against invoice INV-2026-000007', sourceService: 'finance', subjectId: creditNoteId },
      { kind: 'INVOICE_ISSUED', summary: 'Invoice INV-2026-000007 issued for 119.00 EUR, due 2026-12-31', sourceService: 'finance', subjectId: invoiceId },
      { kind: 'PAYMENT_RECEIVED', summary: 'Invoice INV-2026-000007 paid in full', sourceService: 'finance', subjectId: invoiceId },
      { kind: 'PAYMENT_RECEIVED', summary: 'Payment of 119.00 EUR received by bank transfer on 2026-12-03 (TX-1)', sourceService: 'finance', subjectId: paymentId },
    ]);
  });

  it("records a payment reminder of finance's dunning, once, where invoices may be read", async () => {
    const customerId = await createCustomer();
    const reminderId = randomUUID();
    const reminder = createEvent(ReminderSentV1, reminderId, {
      reminderId,
      number: 'REM-2026-000003',
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000042',
      customerId,
      level: 2,
      daysOverdue: 15,
      openAmount: eur('119.00'),
      fee: eur('5.00'),
      total: eur('124.00'),
      dueDate: '2026-11-20',
      sentOn: '2026-12-05',
      downloadPath: `/files/finance/reminders/${reminderId}.pdf`,
    });
    expect(await deliverTwice(customerId, [reminder])).toEqual([
      {
        kind: 'REMINDER_SENT',
        summary: 'Reminder REM-2026-000003 (level 2) sent for invoice INV-2026-000042: 124.00 EUR owed, 15 days overdue',
        sourceService: 'finance',
        subjectId: reminderId,
      },
    ]);
  });
});
