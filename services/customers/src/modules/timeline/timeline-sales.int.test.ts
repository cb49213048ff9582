import { randomUUID } from 'node:crypto';
import { createEvent, OrderConfirmedV2, QuotationAcceptedV1, QuotationSentV1, type CloudEvent } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';

let subgraph: TestSubgraph;
type Entry = { kind: string; summary: string; sourceService: string; subjectId: string };
type Timeline = { customer: { timeline: { edges: { node: Entry }[] } } };
const timeline = `query($id: ID!) { customer(id: $id) { timeline(first: 50) { edges { node { kind summary sourceService subjectId } } } } }`;

async function createCustomer(): Promise<string> {
  const created = await subgraph.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Quoted Co", kind: COMPANY }) { id } }`);
  expect(created.errors).toBeUndefined();
  return created.data!.createCustomer.id;
}

/** Delivers each event twice and returns the customer's timeline entries from sales, oldest first: each event is recorded once. */
async function deliverTwice(customerId: string, ...events: CloudEvent[]): Promise<Entry[]> {
  for (const event of events) {
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
  }
  const result = await subgraph.gql<Timeline>(timeline, { id: customerId });
  expect(result.errors).toBeUndefined();
  return result
    .data!.customer.timeline.edges.map((e) => e.node)
    .filter((n) => n.sourceService === 'sales')
    .reverse();
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

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
    const sent = createEvent(QuotationSentV1, quotationId, {
      quotationId,
      customerId,
      opportunityId: null,
      number: 'Q-000007',
      ...totals,
      validUntil: '2027-01-31',
      sentAt: new Date().toISOString(),
    });
    const accepted = createEvent(QuotationAcceptedV1, quotationId, {
      quotationId,
      customerId,
      opportunityId: null,
      number: 'Q-000007',
      ...totals,
      acceptedAt: new Date().toISOString(),
    });
    const confirmed = createEvent(OrderConfirmedV2, orderId, {
      orderId,
      customerId,
      number: 'SO-000042',
      currency: 'EUR',
      total: { amount: '1000.00', currency: 'EUR' },
      warehouseId: null,
      lines: [{ lineId: randomUUID(), productId: randomUUID(), quantity: '1', unitPrice: { amount: '1000', currency: 'EUR' }, discountPercent: '0', taxRate: '19' }],
      confirmedAt: new Date().toISOString(),
    });
    expect(await deliverTwice(customerId, sent, accepted, confirmed)).toEqual([
      { kind: 'QUOTATION_SENT', summary: 'Quotation Q-000007 sent for 1190.00 EUR, valid until 2027-01-31', sourceService: 'sales', subjectId: quotationId },
      { kind: 'QUOTATION_ACCEPTED', summary: 'Quotation Q-000007 accepted for 1190.00 EUR', sourceService: 'sales', subjectId: quotationId },
      { kind: 'ORDER_CONFIRMED', summary: 'Order SO-000042 confirmed for 1000.00 EUR', sourceService: 'sales', subjectId: orderId },
    ]);
  });
});
