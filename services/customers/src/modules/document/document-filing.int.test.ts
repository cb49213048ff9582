import { randomUUID } from 'node:crypto';
import { createEvent, QuotationPrintedV1, QuotationSentV1 } from '@rapport/contracts';
import { startTestSubgraph, testToken, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomersService } from '../../create-customers-service.js';

let subgraph: TestSubgraph;
let base = '';
const team = randomUUID();
const rep: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [team] };
const stranger: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };

interface Documents {
  customer: {
    documents: { edges: { node: { id: string; kind: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; downloadPath: string } }[] };
    timeline: { edges: { node: { kind: string; summary: string } }[] };
  };
}
const query = `query($id: ID!) { customer(id: $id) {
  documents(first: 10) { edges { node { id kind fileName contentType sizeBytes sha256 downloadPath } } }
  timeline(first: 20) { edges { node { kind summary } } } } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph('customers', createCustomersService, { kafka: true });
  base = new URL(subgraph.url).origin;
}, 120_000);
afterAll(async () => subgraph?.stop());

describe("a sent quotation's PDF filed with the customer's documents", () => {
  it('files it once as a QUOTATION whose download leads to the PDF sales stored, next to the one "sent" entry on the timeline', async () => {
    const created = await subgraph.gqlAs<{ createCustomer: { id: string } }>(rep, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
      i: { name: 'Filed GmbH', kind: 'COMPANY' },
    });
    expect(created.errors).toBeUndefined();
    const customerId = created.data!.createCustomer.id;
    const quotationId = randomUUID();
    const sentAt = new Date().toISOString();
    const money = (amount: string) => ({ amount, currency: 'EUR' });
    const sent = createEvent(QuotationSentV1, quotationId, {
      quotationId,
      customerId,
      opportunityId: null,
      number: 'Q-000077',
      currency: 'EUR',
      netTotal: money('100.00'),
      taxTotal: money('19.00'),
      grossTotal: money('119.00'),
      validUntil: '2099-01-31',
      sentAt,
    });
    const printed = createEvent(QuotationPrintedV1, quotationId, {
      quotationId,
      customerId,
      number: 'Q-000077',
      fileName: 'Quotation Q-000077.pdf',
      contentType: 'application/pdf',
      sizeBytes: 12345,
      sha256: 'a'.repeat(64),
      downloadPath: `/files/sales/quotations/${quotationId}.pdf`,
      printedBy: rep.userId!,
      printedAt: sentAt,
    });
    // Redelivered events file nothing twice.
    for (const event of [sent, printed, printed]) await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));

    const result = await subgraph.gqlAs<Documents>(rep, query, { id: customerId });
    expect(result.errors).toBeUndefined();
    const documents = result.data!.customer.documents.edges.map((e) => e.node);
    expect(documents).toEqual([
      {
        id: quotationId,
        kind: 'QUOTATION',
        fileName: 'Quotation Q-000077.pdf',
        contentType: 'application/pdf',
        sizeBytes: 12345,
        sha256: 'a'.repeat(64),
        downloadPath: `/files/documents/${quotationId}`,
      },
    ]);
    const entries = result.data!.customer.timeline.edges.map((e) => e.node).filter((e) => e.kind === 'QUOTATION_SENT');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toContain('Q-000077');

    const download = await fetch(`${base}/documents/${quotationId}`, { headers: { authorization: `Bearer ${await testToken(rep)}` }, redirect: 'manual' });
    expect(download.status).toBe(303);
    expect(download.headers.get('location')).toBe(`/files/sales/quotations/${quotationId}.pdf`);
    // Whoever may not see the customer learns nothing, not even where the file is.
    const hidden = await fetch(`${base}/documents/${quotationId}`, { headers: { authorization: `Bearer ${await testToken(stranger)}` }, redirect: 'manual' });
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('location')).toBeNull();
  });
});
