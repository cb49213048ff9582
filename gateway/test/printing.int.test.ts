import { createHash, randomUUID } from 'node:crypto';
import { formatDecimalString } from '@rapport/print';
import { readPdf, solidPng } from '@rapport/print/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Printed documents end to end, through the gateway only and over real Kafka: the admin sets the
// company profile and uploads the logo (identity), sales learns it from identity's event, a rep's
// quotation and order print with it, and the quotation sent is filed with the customer's documents
// (customers learns it from sales' event) and downloads as the PDF sales stored when it was sent.

let system: TestSystem;
let clerk = '';
let rep = '';
let otherRep = '';
let customerId = '';
let productId = '';
let quotation = { id: '', number: '', net: '', tax: '', gross: '' };
const logo = solidPng(48, 16, [20, 90, 160]);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const eur = (amount: string): string => `${formatDecimalString(amount, 'en-GB', 2)} EUR`;

const get = (token: string | null, path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${system.baseUrl}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) } });

const salesProfileVersion = async (): Promise<number> => {
  const rows = await system.subgraphs.sales.service.orm.em.fork().getConnection().execute<{ version: number }[]>('select version from company_profile_copy');
  return rows[0]?.version ?? 0;
};

beforeAll(async () => {
  system = await startTestSystem('printing');
  clerk = (await system.createUser({ email: 'pia.print.clerk@rapport.example', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'paul.print.rep@rapport.example', role: 'SALES_REP' })).token;
  otherRep = (await system.createUser({ email: 'olga.other.rep@rapport.example', role: 'SALES_REP' })).token;
}, 240_000);
afterAll(async () => system?.stop());

describe('printed documents through the gateway', () => {
  it('lets the admin set the company profile and logo, refuses a rep, and sales keeps the copy', async () => {
    const updated = await system.must<{ updateCompanyProfile: { version: number; iban: string } }>(
      system.adminToken,
      'mutation($i: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $i) { version iban } }',
      {
        i: {
          name: 'Hanse Print Pumps GmbH',
          street: 'Hafenstraße 12',
          postalCode: '20457',
          city: 'Hamburg',
          country: 'DE',
          vatId: 'DE123456789',
          iban: 'DE89 3704 0044 0532 0130 00',
          bic: 'COBADEFFXXX',
          footerText: 'Register court Hamburg HRB 4711',
          defaultTerms: 'Payment within 14 days net.',
        },
      },
    );
    expect(updated.updateCompanyProfile).toEqual({ version: 1, iban: 'DE89370400440532013000' });
    const refused = await system.as(rep, 'mutation { updateCompanyProfile(input: { name: "Not mine" }) { version } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const put = (token: string | null, body: Buffer, type = 'image/png') => get(token, '/files/identity/company/logo', { method: 'PUT', body, headers: { 'content-type': type } });
    expect((await put(rep, logo)).status).toBe(403);
    expect((await put(null, logo)).status).toBe(401);
    const bad = await put(system.adminToken, Buffer.from('GIF89a not a png'), 'image/png');
    expect(bad.status).toBe(415);
    expect(((await bad.json()) as { errors: { extensions: { field: string } }[] }).errors[0]!.extensions.field).toBe('logo');
    const uploaded = await put(system.adminToken, logo);
    expect(uploaded.status).toBe(200);
    const served = await get(rep, '/files/identity/company/logo');
    expect(served.status).toBe(200);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(logo));

    await waitFor(async () => ((await salesProfileVersion()) >= 2 ? true : undefined), { what: 'sales to copy the company profile with its logo' });
  });

  it('prints a quotation with the profile, the customer and the totals GraphQL shows', async () => {
    productId = (
      await system.must<{ createProduct: { id: string } }>(
        clerk,
        'mutation { createProduct(input: { sku: "PRN-PUMP", name: "Print pump", listPrice: { amount: "1290", currency: "EUR" }, standardCost: { amount: "700", currency: "EUR" } }) { id } }',
      )
    ).createProduct.id;
    customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Nordwind Druck AG", kind: COMPANY }) { id } }'))
      .createCustomer.id;
    await system.must(rep, 'mutation($i: AddAddressInput!) { addAddress(input: $i) { id } }', {
      i: { customerId, kind: 'BILLING', street: 'Kaistraße 4', postalCode: '24103', city: 'Kiel', country: 'DE' },
    });
    await system.untilSellable(productId);
    const lines = [
      // Within a rep's discount limits (10 % a line, 5 % in total), so the rep may send it without approval.
      { productId, quantity: '3', unitPrice: { amount: '1290', currency: 'EUR' }, discountPercent: '4', taxRate: '19' },
      { productId, description: 'Spare seal kit', quantity: '2.5', unitPrice: { amount: '1290', currency: 'EUR' }, taxRate: '7' },
    ];
    const drafted = (
      await system.mustOnceCustomerKnown<{
        createQuotation: { id: string; number: string; pdfPath: string; netTotal: { amount: string }; taxTotal: { amount: string }; grossTotal: { amount: string } };
      }>(rep, 'mutation($i: CreateQuotationInput!) { createQuotation(input: $i) { id number pdfPath netTotal { amount } taxTotal { amount } grossTotal { amount } } }', {
        i: { customerId, currency: 'EUR', lines },
      })
    ).createQuotation;
    quotation = { id: drafted.id, number: drafted.number, net: drafted.netTotal.amount, tax: drafted.taxTotal.amount, gross: drafted.grossTotal.amount };
    expect(drafted.pdfPath).toBe(`/files/sales/quotations/${drafted.id}.pdf`);

    // The recipient's address comes by customers' events too: wait until the PDF shows it.
    const text = await waitFor(
      async () => {
        const response = await get(rep, drafted.pdfPath);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
        expect(pdf.imagesPerPage[0]).toBe(1);
        const all = pdf.pages.join('\n');
        return all.includes('Kaistraße 4') ? all : undefined;
      },
      { what: 'the quotation PDF to show the billing address' },
    );
    for (const expected of [
      `Quotation ${quotation.number}`,
      'Nordwind Druck AG',
      '24103 Kiel',
      'Hanse Print Pumps GmbH',
      'PRN-PUMP',
      'Spare seal kit',
      eur(quotation.net),
      eur(quotation.tax),
      eur(quotation.gross),
      'IBAN DE89 3704 0044 0532 0130 00',
      'Payment within 14 days net.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("files the quotation sent with the customer's documents, downloading the PDF stored when it was sent", async () => {
    await system.must(rep, 'mutation($id: ID!) { sendQuotation(id: $id) { status } }', { id: quotation.id });
    const sent = Buffer.from(await (await get(rep, `/files/sales/quotations/${quotation.id}.pdf`)).arrayBuffer());
    type Docs = { customer: { documents: { edges: { node: { kind: string; fileName: string; sha256: string; sizeBytes: number; downloadPath: string } }[] } } };
    const filed = await waitFor(
      async () => {
        const docs = await system.must<Docs>(
          rep,
          'query($id: ID!) { customer(id: $id) { documents(first: 5) { edges { node { kind fileName sha256 sizeBytes downloadPath } } } } }',
          { id: customerId },
        );
        return docs.customer.documents.edges[0]?.node;
      },
      { what: "customers to file the sent quotation's PDF" },
    );
    expect(filed).toMatchObject({ kind: 'QUOTATION', fileName: `Quotation ${quotation.number}.pdf`, sha256: sha256(sent), sizeBytes: sent.length });
    const download = await get(rep, filed.downloadPath);
    expect(download.status).toBe(200);
    expect(download.redirected).toBe(true);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(filed.sha256);
    // Whoever may not see the customer gets nothing, at either address.
    expect((await get(otherRep, filed.downloadPath)).status).toBe(404);
    expect((await get(otherRep, `/files/sales/quotations/${quotation.id}.pdf`)).status).toBe(404);
  });

  it('prints the order confirmation with the totals GraphQL shows', async () => {
    const order = await system.must<{
      placeOrder: { id: string; number: string; confirmationPdfPath: string; total: { amount: string }; taxTotal: { amount: string }; grossTotal: { amount: string } };
    }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number confirmationPdfPath total { amount } taxTotal { amount } grossTotal { amount } } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '4', unitPrice: { amount: '1290', currency: 'EUR' }, discountPercent: '4', taxRate: '19' }] },
    });
    expect(order.placeOrder.confirmationPdfPath).toBe(`/files/sales/orders/${order.placeOrder.id}.pdf`);
    const response = await get(rep, order.placeOrder.confirmationPdfPath);
    expect(response.status).toBe(200);
    const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');
    for (const expected of [
      `Order confirmation ${order.placeOrder.number}`,
      'Nordwind Druck AG',
      eur(order.placeOrder.total.amount),
      eur(order.placeOrder.taxTotal.amount),
      eur(order.placeOrder.grossTotal.amount),
    ]) {
      expect(text).toContain(expected);
    }
    expect((await get(otherRep, `/files/sales/orders/${order.placeOrder.id}.pdf`)).status).toBe(404);
  });

  it('answers 401 without a valid token and 404 for unknown documents', async () => {
    expect((await get(null, `/files/sales/quotations/${quotation.id}.pdf`)).status).toBe(401);
    expect((await get('not-a-token', `/files/sales/orders/${randomUUID()}.pdf`)).status).toBe(401);
    expect((await get(rep, `/files/sales/quotations/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(rep, `/files/sales/orders/${randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(rep, `/files/sales/orders/${randomUUID()}.pdf`, { method: 'DELETE' })).status).toBe(405);
  });
});
