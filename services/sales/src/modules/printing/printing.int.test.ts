import { createHash, randomUUID } from 'node:crypto';
import { CompanyProfileChangedV1, createEvent, CustomerAddressChangedV1, CustomerCreatedV1, type EventData } from '@rapport/contracts';
import { formatDecimalString } from '@rapport/print';
import { readPdf, solidPng } from '@rapport/print/testing';
import { startTestSubgraph, testToken, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';

let subgraph: TestSubgraph;
let origin = '';
const owner: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };
const stranger: TestPrincipal = { userId: randomUUID(), role: 'SALES_REP', teamIds: [randomUUID()] };
const customerId = randomUUID();
const pump = productSnapshot({ sku: 'PUMP-40', name: 'Pump P-40', unit: 'pc' });
const hose = productSnapshot({ sku: 'HOSE-2', name: 'Hose 2 m', unit: 'm', listPrice: { amount: '3.99', currency: 'EUR' }, standardCost: { amount: '2.10', currency: 'EUR' } });
const logo = solidPng(30, 12);

const profile = (version: number, overrides: Partial<EventData<typeof CompanyProfileChangedV1>> = {}): EventData<typeof CompanyProfileChangedV1> => ({
  profileId: '0191b3a0-0000-7000-8000-00000000c0de',
  version,
  name: 'Rapport Pumps GmbH',
  street: 'Hafenstraße 12',
  postalCode: '20457',
  city: 'Hamburg',
  country: 'DE',
  email: null,
  phone: null,
  website: null,
  vatId: 'DE123456789',
  taxNumber: null,
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
  headerText: null,
  footerText: 'Register court Hamburg HRB 12345',
  defaultTerms: 'Payment within 14 days net.',
  logo: { contentType: 'image/png', sizeBytes: logo.length, sha256: createHash('sha256').update(logo).digest('hex'), base64: logo.toString('base64') },
  changedFields: ['name'],
  changedAt: new Date().toISOString(),
  ...overrides,
});

const deliverAll = async (...events: Parameters<TestSubgraph['events']['deliver']>[0][]): Promise<void> => {
  for (const event of events) await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
};

const get = async (path: string, principal: TestPrincipal | null = owner): Promise<Response> =>
  fetch(`${origin}${path}`, { headers: principal ? { authorization: `Bearer ${await testToken(principal)}` } : {} });

const money = 'amount currency';
interface Totals {
  id: string;
  number: string;
  netTotal: { amount: string };
  taxTotal: { amount: string };
  grossTotal: { amount: string };
}

const lines = [
  { productId: pump.productId, quantity: '2', unitPrice: { amount: '1290.00', currency: 'EUR' }, discountPercent: '4', taxRate: '19' },
  { productId: hose.productId, description: 'Hose, food grade', quantity: '12.5', unitPrice: { amount: '3.99', currency: 'EUR' }, taxRate: '7' },
];

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService, { kafka: true });
  origin = new URL(subgraph.url).origin;
  await seedCatalogue(subgraph, pump, hose);
  await deliverAll(
    createEvent(CompanyProfileChangedV1, profile(1).profileId, profile(1)),
    createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Nordwind Logistics AG', kind: 'COMPANY', ownerId: owner.userId!, teamId: owner.teamIds![0]! }),
    createEvent(CustomerAddressChangedV1, customerId, {
      customerId,
      addressId: randomUUID(),
      change: 'ADDED',
      address: { kind: 'BILLING', street: 'Kaistraße 4', postalCode: '24103', city: 'Kiel', region: null, country: 'DE', deletedAt: null },
      changedAt: new Date().toISOString(),
    }),
  );
}, 120_000);
afterAll(async () => subgraph?.stop());

const eur = (amount: string): string => `${formatDecimalString(amount, 'en-GB', 2)} EUR`;

describe('printed quotations and order confirmations', () => {
  it('prints a quotation with its number, customer, company, lines and the totals GraphQL shows', async () => {
    const created = await subgraph.gqlAs(
      owner,
      `mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id number netTotal { ${money} } taxTotal { ${money} } grossTotal { ${money} } } }`,
      {
        input: { customerId, currency: 'EUR', terms: 'Delivery ex works Hamburg.', lines },
      },
    );
    expect(created.errors).toBeUndefined();
    const q = (created.data as { createQuotation: Totals }).createQuotation;

    const response = await get(`/print/quotations/${q.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`Quotation ${q.number}.pdf`);
    const { pages, imagesPerPage } = await readPdf(new Uint8Array(await response.arrayBuffer()));
    const text = pages.join('\n');
    for (const expected of [
      `Quotation ${q.number}`,
      'Nordwind Logistics AG',
      'Kaistraße 4',
      '24103 Kiel',
      'Rapport Pumps GmbH',
      'PUMP-40',
      'Hose, food grade',
      '12.5',
      '2,476.80',
      eur(q.netTotal.amount),
      eur(q.taxTotal.amount),
      eur(q.grossTotal.amount),
      'Net at 19 %',
      'Net at 7 %',
      'Delivery ex works Hamburg.',
      'IBAN DE89 3704 0044 0532 0130 00',
    ]) {
      expect(text).toContain(expected);
    }
    expect(imagesPerPage[0]).toBe(1);
  });

  it('stores the PDF of a quotation when it is sent, announces it for filing, and serves that PDF ever after', async () => {
    const created = await subgraph.gqlAs(owner, 'mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id number } }', {
      input: { customerId, currency: 'EUR', lines },
    });
    const q = (created.data as { createQuotation: Totals }).createQuotation;
    const sent = await subgraph.gqlAs(owner, 'mutation($id: ID!) { sendQuotation(id: $id) { status } }', { id: q.id });
    expect(sent.errors).toBeUndefined();

    const first = Buffer.from(await (await get(`/print/quotations/${q.id}.pdf`)).arrayBuffer());
    const [event] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ payload: { subject: string; data: Record<string, unknown> } }[]>(
        `select payload from outbox_message where payload->>'type' = 'sales.quotation.printed.v1' and payload->>'subject' = ?`,
        [q.id],
      );
    expect(event!.payload.data).toMatchObject({
      quotationId: q.id,
      customerId,
      number: q.number,
      fileName: `Quotation ${q.number}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: first.length,
      sha256: createHash('sha256').update(first).digest('hex'),
      downloadPath: `/files/sales/quotations/${q.id}.pdf`,
      printedBy: owner.userId,
    });

    // The company changes its letterhead: what was sent stays as it was.
    await deliverAll(createEvent(CompanyProfileChangedV1, profile(2).profileId, profile(2, { name: 'Renamed Pumps AG', logo: null })));
    const later = Buffer.from(await (await get(`/print/quotations/${q.id}.pdf`)).arrayBuffer());
    expect(later.equals(first)).toBe(true);
    expect((await readPdf(later)).pages[0]).toContain('Rapport Pumps GmbH');
    // …while a new draft prints the new one.
    const draft = await subgraph.gqlAs(owner, 'mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines },
    });
    const draftPdf = await readPdf(new Uint8Array(await (await get(`/print/quotations/${(draft.data as { createQuotation: Totals }).createQuotation.id}.pdf`)).arrayBuffer()));
    expect(draftPdf.pages[0]).toContain('Renamed Pumps AG');
    expect(draftPdf.imagesPerPage[0]).toBe(0);
    // An older snapshot arriving late changes nothing.
    await deliverAll(createEvent(CompanyProfileChangedV1, profile(1).profileId, profile(1)));
    const again = await readPdf(new Uint8Array(await (await get(`/print/quotations/${(draft.data as { createQuotation: Totals }).createQuotation.id}.pdf`)).arrayBuffer()));
    expect(again.pages[0]).toContain('Renamed Pumps AG');
  });

  it('prints an order confirmation with the totals GraphQL shows', async () => {
    const placed = await subgraph.gqlAs(
      owner,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id number total { ${money} } taxTotal { ${money} } grossTotal { ${money} } } }`,
      {
        input: { customerId, currency: 'EUR', lines },
      },
    );
    expect(placed.errors).toBeUndefined();
    const order = (placed.data as { placeOrder: { id: string; number: string; total: { amount: string }; taxTotal: { amount: string }; grossTotal: { amount: string } } })
      .placeOrder;
    const response = await get(`/print/orders/${order.id}.pdf`);
    expect(response.status).toBe(200);
    const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');
    for (const expected of [
      `Order confirmation ${order.number}`,
      'Nordwind Logistics AG',
      eur(order.total.amount),
      eur(order.taxTotal.amount),
      eur(order.grossTotal.amount),
      'Payment within 14 days net.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('answers 401 without a token and 404 for unknown ids and for records the caller may not see', async () => {
    const created = await subgraph.gqlAs(owner, 'mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines },
    });
    const id = (created.data as { createQuotation: Totals }).createQuotation.id;
    expect((await get(`/print/quotations/${id}.pdf`, null)).status).toBe(401);
    expect((await get(`/print/quotations/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(`/print/orders/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get('/print/orders/not-an-id.pdf')).status).toBe(400);
    const hidden = await get(`/print/quotations/${id}.pdf`, stranger);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect((await get(`/print/quotations/${id}.pdf`, { role: 'SUPPORT_AGENT' })).status).toBe(403);
  });
});
