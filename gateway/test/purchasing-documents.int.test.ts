import { formatDecimalString } from '@rapport/print';
import { readPdf } from '@rapport/print/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './harness.js';

// Purchasing's documents through the gateway only, over real Kafka: an inquiry (RFQ) to two
// suppliers, their answers compared and the chosen ones ordered as draft purchase orders; the
// purchase order printed as a PDF with identity's company profile (copied by purchasing from its
// event) and the catalogue's product codes (copied from inventory's), for buyers and accountants,
// and answered 404 to sales.

let system: TestSystem;
let clerk = '';
let buyer = '';
let accountant = '';
let rep = '';
let valveId = '';
let pumpId = '';
let nord = '';
let sued = '';
let purchaseOrder = { id: '', number: '', pdfPath: '' };
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const printed = (amount: string): string => formatDecimalString(amount, 'en-GB', 2);

const get = (token: string | null, path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${system.baseUrl}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) } });
const purchasingSql = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => system.subgraphs.purchasing.service.orm.em.fork().getConnection().execute<T[]>(sql, params);

interface Comparison {
  line: { id: string; productId: string };
  best: { supplierId: string; unitPrice: { amount: string } } | null;
  answers: { supplierId: string; unitPrice: { amount: string }; leadTimeDays: number }[];
}

beforeAll(async () => {
  system = await startTestSystem('purchasing-documents');
  const user = async (role: string) => (await system.createUser({ email: `${role.toLowerCase()}-${crypto.randomUUID().slice(0, 6)}@rapport.example`, role })).token;
  [clerk, buyer, accountant, rep] = (await Promise.all(['WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'SALES_REP'].map(user))) as [string, string, string, string];
  await system.must(system.adminToken, 'mutation($i: UpdateCompanyProfileInput!) { updateCompanyProfile(input: $i) { version } }', {
    i: { name: 'Hanse Einkauf GmbH', street: 'Speicherstadt 3', postalCode: '20457', city: 'Hamburg', country: 'DE', defaultTerms: 'Deliveries to our Hamburg warehouse only.' },
  });
  const made = await system.must<{ valve: { id: string }; pump: { id: string } }>(
    clerk,
    `mutation {
      valve: createProduct(input: { sku: "RFQ-VALVE", name: "Valve RFQ", unit: "pc", listPrice: { amount: "200", currency: "EUR" }, standardCost: { amount: "90", currency: "EUR" } }) { id }
      pump: createProduct(input: { sku: "RFQ-PUMP", name: "Pump RFQ", unit: "pc", listPrice: { amount: "900", currency: "EUR" }, standardCost: { amount: "400", currency: "EUR" } }) { id }
    }`,
  );
  valveId = made.valve.id;
  pumpId = made.pump.id;
  const supplier = async (name: string) =>
    (
      await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
        i: { name, currency: 'EUR', paymentTermsDays: 30 },
      })
    ).createSupplier.id;
  nord = await supplier('Armaturen Nord GmbH');
  sued = await supplier('Armaturen Süd GmbH');
  await system.must(
    buyer,
    'mutation($s: ID!) { addSupplierAddress(supplierId: $s, input: { kind: OFFICE, street: "Industriestr. 7", postalCode: "28195", city: "Bremen", country: "DE" }) { id } }',
    { s: sued },
  );
  // Purchasing learns the products from inventory's events and the company profile from identity's.
  await waitFor(
    async () => ((await purchasingSql<{ n: number }>('select count(*)::int as n from catalogue_product where id in (?, ?)', [valveId, pumpId]))[0]!.n === 2 ? true : undefined),
    {
      what: 'purchasing to learn the products',
    },
  );
  await waitFor(async () => ((await purchasingSql<{ n: number }>('select count(*)::int as n from company_profile_copy'))[0]!.n === 1 ? true : undefined), {
    what: 'purchasing to copy the company profile',
  });
}, 240_000);
afterAll(async () => system?.stop());

describe('an inquiry to two suppliers through the gateway', () => {
  it('sends it, records both answers, compares them per line and orders the best of each as drafts', async () => {
    const sent = await system.must<{ sendPurchaseInquiry: { id: string; number: string; lines: { id: string; productId: string }[] } }>(
      buyer,
      'mutation($i: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $i) { id number lines { id productId } } }',
      {
        i: {
          supplierIds: [nord, sued],
          lines: [
            { productId: valveId, quantity: '20' },
            { productId: pumpId, quantity: '2' },
          ],
          respondBy: '2030-01-31',
        },
      },
    );
    const inquiry = sent.sendPurchaseInquiry;
    expect(inquiry.number).toMatch(/^RFQ-\d{6}$/);
    const [valveLine, pumpLine] = inquiry.lines;
    const answer = (supplierId: string, lines: Record<string, unknown>[]) =>
      system.must(buyer, 'mutation($i: RecordPurchaseInquiryAnswerInput!) { recordPurchaseInquiryAnswer(input: $i) { id } }', { i: { inquiryId: inquiry.id, supplierId, lines } });
    await answer(nord, [
      { lineId: valveLine!.id, unitPrice: eur('88.40'), leadTimeDays: 12 },
      { lineId: pumpLine!.id, unitPrice: eur('395'), leadTimeDays: 20 },
    ]);
    await answer(sued, [
      { lineId: valveLine!.id, unitPrice: eur('86.90'), leadTimeDays: 5, validUntil: '2030-06-30' },
      { lineId: pumpLine!.id, unitPrice: eur('410'), leadTimeDays: 3 },
    ]);
    const compared = await system.must<{ purchaseInquiry: { comparison: Comparison[] } }>(
      accountant,
      'query($id: ID!) { purchaseInquiry(id: $id) { comparison { line { id productId } best { supplierId unitPrice { amount } } answers { supplierId unitPrice { amount } leadTimeDays } } } }',
      { id: inquiry.id },
    );
    const [valves, pumps] = compared.purchaseInquiry.comparison;
    expect(valves!.best).toEqual({ supplierId: sued, unitPrice: { amount: '86.90' } });
    expect(pumps!.best).toEqual({ supplierId: nord, unitPrice: { amount: '395.00' } });
    expect(pumps!.answers.map((a) => a.supplierId)).toEqual([nord, sued]);
    // Sales has no business with inquiries.
    const refused = await system.as(rep, 'query($id: ID!) { purchaseInquiry(id: $id) { id } }', { id: inquiry.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const ordered = await system.must<{
      orderFromPurchaseInquiry: {
        status: string;
        purchaseOrders: { id: string; number: string; pdfPath: string; supplierId: string; status: string; netTotal: { amount: string } }[];
      };
    }>(
      buyer,
      'mutation($id: ID!, $i: OrderFromPurchaseInquiryInput!) { orderFromPurchaseInquiry(id: $id, input: $i) { status purchaseOrders { id number pdfPath supplierId status netTotal { amount } } } }',
      {
        id: inquiry.id,
        i: {
          choices: [
            { lineId: valveLine!.id, supplierId: sued },
            { lineId: pumpLine!.id, supplierId: nord },
          ],
        },
      },
    );
    expect(ordered.orderFromPurchaseInquiry.status).toBe('CLOSED');
    const orders = new Map(ordered.orderFromPurchaseInquiry.purchaseOrders.map((po) => [po.supplierId, po]));
    expect(orders.get(sued)).toMatchObject({ status: 'DRAFT', netTotal: { amount: '1738.00' } });
    expect(orders.get(nord)).toMatchObject({ status: 'DRAFT', netTotal: { amount: '790.00' } });
    const suedPo = orders.get(sued)!;
    purchaseOrder = { id: suedPo.id, number: suedPo.number, pdfPath: suedPo.pdfPath };
    expect(purchaseOrder.pdfPath).toBe(`/files/purchasing/orders/${suedPo.id}.pdf`);
    // The chosen answer is now Süd's price for the valve: the best price for 20 of them.
    const best = await system.must<{ bestPrice: { supplier: { id: string }; price: { amount: string } } | null }>(
      buyer,
      'query($p: ID!) { bestPrice(productId: $p, quantity: "20") { supplier { id } price { amount } } }',
      { p: valveId },
    );
    expect(best.bestPrice).toEqual({ supplier: { id: sued }, price: { amount: '86.90' } });
  });
});

describe('the printed purchase order', () => {
  it('prints the order with the company, the supplier, the product codes and the totals GraphQL shows', async () => {
    await system.must(buyer, 'mutation($id: ID!, $l: ID!) { updatePurchaseOrderLine(id: $id, lineId: $l, input: { taxRate: "19" }) { id } }', {
      id: purchaseOrder.id,
      l: (await system.must<{ purchaseOrder: { lines: { id: string }[] } }>(buyer, 'query($id: ID!) { purchaseOrder(id: $id) { lines { id } } }', { id: purchaseOrder.id }))
        .purchaseOrder.lines[0]!.id,
    });
    const totals = (
      await system.must<{ purchaseOrder: { netTotal: { amount: string }; taxTotal: { amount: string }; grossTotal: { amount: string } } }>(
        accountant,
        'query($id: ID!) { purchaseOrder(id: $id) { netTotal { amount } taxTotal { amount } grossTotal { amount } } }',
        { id: purchaseOrder.id },
      )
    ).purchaseOrder;
    const response = await get(buyer, purchaseOrder.pdfPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`Purchase order ${purchaseOrder.number}.pdf`);
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    const text = pdf.pages.join('\n');
    for (const expected of [
      'Hanse Einkauf GmbH',
      'Armaturen Süd GmbH',
      'Industriestr. 7',
      '28195 Bremen',
      purchaseOrder.number,
      'RFQ-VALVE',
      'Valve RFQ',
      '30 days net',
      printed('86.90'),
      printed(totals.netTotal.amount),
      printed(totals.taxTotal.amount),
      printed(totals.grossTotal.amount),
      'Deliveries to our Hamburg warehouse only.',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(totals).toEqual({ netTotal: { amount: '1738.00' }, taxTotal: { amount: '330.22' }, grossTotal: { amount: '2068.22' } });
    // Not approved yet: the title says so.
    expect(text).toContain('not approved');

    // The same bytes again: 304 on the ETag; HEAD without a body.
    const etag = response.headers.get('etag')!;
    expect((await get(buyer, purchaseOrder.pdfPath, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await get(buyer, purchaseOrder.pdfPath, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
  });

  it('serves accountants, answers 404 to sales and to an unknown order, 401 without a token', async () => {
    expect((await get(accountant, purchaseOrder.pdfPath)).status).toBe(200);
    const forRep = await get(rep, purchaseOrder.pdfPath);
    expect(forRep.status).toBe(404);
    expect(((await forRep.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect((await get(buyer, `/files/purchasing/orders/${crypto.randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(null, purchaseOrder.pdfPath)).status).toBe(401);
  });
});
