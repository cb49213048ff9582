import { randomUUID } from 'node:crypto';
import { createEvent, OrderConfirmedV2, QuotationAcceptedV1, QuotationSentV1, type CloudEvent } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { useTimelineSubgraph, type TimelineEntry } from './timeline.testing.js';

const { subgraph, createCustomer, deliverTwiceAndRead } = useTimelineSubgraph('Quoted Co');

/** Delivers each event twice and returns the customer's timeline entries from sales, oldest first: each event is recorded once. */
const deliverTwice = async (customerId: string, ...events: CloudEvent[]): Promise<TimelineEntry[]> =>
  (await deliverTwiceAndRead(customerId, events)).filter((n) => n.sourceService === 'sales').reverse();

describe("sales' quotations and orders on the customer timeline", () => {
  it('records "Quotation Q-… sent" and "accepted", and an order confirmed with the v2 event', async () => {
    const customerId = await createCustomer();
    const quotationId = randomUUID();
    const orderId = randomUUID();
    const totals = {
      currency: 'EUR',
      netTotal: { amount: '1000.00', currency: 'EUR' },
      taxTotal: { amount: '190.00', currency: 'EUR' },
      grossTotal: { amount: '1190.00', currency: 'EUR' },
    };
    // A second apart (the events' time, which the timeline orders by, newest first): made in the same
    // millisecond, two entries would be ordered by their random ids.
    const ago = (seconds: number): Date => new Date(Date.now() - seconds * 1000);
    const at = (seconds: number): string => ago(seconds).toISOString();
    const sent = createEvent(
      QuotationSentV1,
      quotationId,
      {
        quotationId,
        customerId,
        opportunityId: null,
        number: 'Q-000007',
        ...totals,
        validUntil: '2027-01-31',
        sentAt: at(3),
      },
      { time: ago(3) },
    );
    const accepted = createEvent(
      QuotationAcceptedV1,
      quotationId,
      {
        quotationId,
        customerId,
        opportunityId: null,
        number: 'Q-000007',
        ...totals,
        acceptedAt: at(2),
      },
      { time: ago(2) },
    );
    const confirmed = createEvent(
      OrderConfirmedV2,
      orderId,
      {
        orderId,
        customerId,
        number: 'SO-000042',
        currency: 'EUR',
        total: { amount: '1000.00', currency: 'EUR' },
        warehouseId: null,
        lines: [{ lineId: randomUUID(), productId: randomUUID(), quantity: '1', unitPrice: { amount: '1000', currency: 'EUR' }, discountPercent: '0', taxRate: '19' }],
        confirmedAt: at(1),
      },
      { time: ago(1) },
    );
    expect(await deliverTwice(customerId, sent, accepted, confirmed)).toEqual([
      { kind: 'QUOTATION_SENT', summary: 'Quotation Q-000007 sent for 1190.00 EUR, valid until 2027-01-31', sourceService: 'sales', subjectId: quotationId },
      { kind: 'QUOTATION_ACCEPTED', summary: 'Quotation Q-000007 accepted for 1190.00 EUR', sourceService: 'sales', subjectId: quotationId },
      { kind: 'ORDER_CONFIRMED', summary: 'Order SO-000042 confirmed for 1000.00 EUR', sourceService: 'sales', subjectId: orderId },
    ]);
  });
});
