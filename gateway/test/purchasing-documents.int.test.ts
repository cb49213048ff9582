import { formatDate, formatDecimalString } from '@rapport/print';
import { readPdf } from '@rapport/print/testing';
import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, type TestSystem } from './harness.js';

// Purchasing's documents through the gateway only, over real Kafka: an inquiry (RFQ) to two
// suppliers, their answers compared and the chosen ones ordered as draft purchase orders; the
// purchase order printed as a PDF with identity's company profile (copied by purchasing from its
// event) and the catalogue's product codes (copied from inventory's), for buyers and accountants,
// and answered 404 to sales; the inquiry's letter to each supplier printed too; answers in USD, GBP
// and EUR compared in the base currency at the rate an accountant set in finance (copied by purchasing
// from finance.rate.set.v1), the GBP one without a rate flagged and ranked last.

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
let letter = { number: '', pdfPath: '', respondBy: '' };
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
    const sent = await system.must<{
      sendPurchaseInquiry: { id: string; number: string; lines: { id: string; productId: string }[]; suppliers: { supplierId: string; letterPdfPath: string }[] };
    }>(buyer, 'mutation($i: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $i) { id number lines { id productId } suppliers { supplierId letterPdfPath } } }', {
      i: {
        supplierIds: [nord, sued],
        lines: [
          { productId: valveId, quantity: '20' },
          { productId: pumpId, quantity: '2' },
        ],
        respondBy: '2030-01-31',
      },
    });
    const inquiry = sent.sendPurchaseInquiry;
    expect(inquiry.number).toMatch(/^RFQ-\d{6}$/);
    letter = { number: inquiry.number, pdfPath: inquiry.suppliers.find((s) => s.supplierId === sued)!.letterPdfPath, respondBy: '2030-01-31' };
    expect(letter.pdfPath).toMatch(/^\/files\/purchasing\/inquiry-letters\/[0-9a-f-]{36}\.pdf$/);
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

describe('answers in several currencies', () => {
  it('compares them in the base currency at the rate finance set: the USD answer wins over a dearer EUR one, a GBP one without a rate is flagged last', async () => {
    const supplier = async (name: string, currency: string) =>
      (
        await system.must<{ createSupplier: { id: string } }>(buyer, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
          i: { name, currency, paymentTermsDays: 30 },
        })
      ).createSupplier.id;
    const usd = await supplier('Valves of Ohio Inc.', 'USD');
    const gbp = await supplier('Sheffield Valves Ltd', 'GBP');
    await system.must(accountant, 'mutation($i: SetExchangeRateInput!) { setExchangeRate(input: $i) { id } }', {
      i: { fromCurrency: 'USD', toCurrency: 'EUR', validOn: day(-1), rate: '0.9' },
    });
    await waitFor(async () => ((await purchasingSql<{ n: number }>("select count(*)::int as n from rate_copy where from_currency = 'USD'"))[0]!.n === 1 ? true : undefined), {
      what: "purchasing to copy finance's USD rate",
    });
    const sent = await system.must<{ sendPurchaseInquiry: { id: string; lines: { id: string }[] } }>(
      buyer,
      'mutation($i: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $i) { id lines { id } } }',
      { i: { supplierIds: [nord, usd, gbp], lines: [{ productId: valveId, quantity: '10' }] } },
    );
    const lineId = sent.sendPurchaseInquiry.lines[0]!.id;
    const answer = (supplierId: string, amount: string, currency: string, leadTimeDays: number) =>
      system.must(buyer, 'mutation($i: RecordPurchaseInquiryAnswerInput!) { recordPurchaseInquiryAnswer(input: $i) { id } }', {
        i: { inquiryId: sent.sendPurchaseInquiry.id, supplierId, lines: [{ lineId, unitPrice: { amount, currency }, leadTimeDays }] },
      });
    await answer(nord, '88.40', 'EUR', 5);
    await answer(usd, '95.00', 'USD', 30);
    await answer(gbp, '60.00', 'GBP', 2);
    type Answer = {
      supplierId: string;
      unitPrice: { amount: string; currency: string };
      unitPriceInBase: { amount: string; currency: string } | null;
      lineAmountInBase: { amount: string } | null;
      rateMissing: boolean;
    };
    const compared = await system.must<{ purchaseInquiry: { comparison: { best: { supplierId: string } | null; answers: Answer[] }[] } }>(
      buyer,
      'query($id: ID!) { purchaseInquiry(id: $id) { comparison { best { supplierId } answers { supplierId unitPrice { amount currency } unitPriceInBase { amount currency } lineAmountInBase { amount } rateMissing } } } }',
      { id: sent.sendPurchaseInquiry.id },
    );
    const [valves] = compared.purchaseInquiry.comparison;
    // 95.00 USD × 0.9 = 85.50 EUR beats 88.40 EUR despite the longer lead time; 60 GBP cannot be compared without a rate.
    expect(valves!.answers).toEqual([
      {
        supplierId: usd,
        unitPrice: { amount: '95.00', currency: 'USD' },
        unitPriceInBase: { amount: '85.50', currency: 'EUR' },
        lineAmountInBase: { amount: '855.00' },
        rateMissing: false,
      },
      {
        supplierId: nord,
        unitPrice: { amount: '88.40', currency: 'EUR' },
        unitPriceInBase: { amount: '88.40', currency: 'EUR' },
        lineAmountInBase: { amount: '884.00' },
        rateMissing: false,
      },
      { supplierId: gbp, unitPrice: { amount: '60.00', currency: 'GBP' }, unitPriceInBase: null, lineAmountInBase: null, rateMissing: true },
    ]);
    expect(valves!.best).toEqual({ supplierId: usd });
  });
});

describe('the printed inquiry letter', () => {
  it('prints the letter to one supplier with the company, the supplier, the lines and quantities asked and the reply-by day, no prices', async () => {
    const response = await get(buyer, letter.pdfPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`Request for quotation ${letter.number}`);
    const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages.join('\n');
    for (const expected of [
      'Request for quotation',
      letter.number,
      'Hanse Einkauf GmbH',
      'Armaturen Süd GmbH',
      'Industriestr. 7',
      '28195 Bremen',
      'RFQ-VALVE',
      'Valve RFQ',
      'RFQ-PUMP',
      formatDate(letter.respondBy, 'en-GB'),
      'Deliveries to our Hamburg warehouse only.',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // No prices are printed: neither the answers recorded since nor any amount.
    expect(text).not.toContain(printed('86.90'));
    expect(text).not.toContain('XXX');
    expect((await get(accountant, letter.pdfPath)).status).toBe(200);
    expect((await get(rep, letter.pdfPath)).status).toBe(404);
    expect((await get(buyer, `/files/purchasing/inquiry-letters/${crypto.randomUUID()}.pdf`)).status).toBe(404);
    expect((await get(null, letter.pdfPath)).status).toBe(401);
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
