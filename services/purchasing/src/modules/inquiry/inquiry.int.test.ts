import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { seedWarehouse } from '../warehouse-copy/warehouse-copy.testing.js';
import { as, createSupplier, must, outboxOf, PO_FIELDS, productSnapshot, seedCatalogue, type PoView } from '../order/order.testing.js';

let subgraph: TestSubgraph;
const buyer = as('BUYER');
const rep = as('SALES_REP');
const accountant = as('ACCOUNTANT');
const valve = productSnapshot({ name: 'Ball valve DN50' });
const pump = productSnapshot({ name: 'Pump CP-40' });
const gasket = productSnapshot({ name: 'Gasket DN50' });
let alpha = '';
let beta = '';
let gamma = '';
let sek = '';

const INQUIRY = `id number status respondBy closedAt
  lines { id productId description quantity }
  suppliers { supplierId answeredAt purchaseOrder { id } }
  comparison { line { id productId } best { supplierId unitPrice { amount currency } leadTimeDays } unansweredSupplierIds
    answers { supplierId unitPrice { amount currency } lineAmount { amount } taxRate unitPriceInBase { amount currency } rateMissing leadTimeDays validUntil expired chosen } }
  purchaseOrders { ${PO_FIELDS} }`;

interface InquiryView {
  id: string;
  number: string;
  status: string;
  respondBy: string | null;
  closedAt: string | null;
  lines: { id: string; productId: string; description: string; quantity: string }[];
  suppliers: { supplierId: string; answeredAt: string | null; purchaseOrder: { id: string } | null }[];
  comparison: {
    line: { id: string; productId: string };
    best: { supplierId: string; unitPrice: { amount: string; currency: string }; leadTimeDays: number } | null;
    unansweredSupplierIds: string[];
    answers: {
      supplierId: string;
      unitPrice: { amount: string; currency: string };
      lineAmount: { amount: string };
      taxRate: string;
      unitPriceInBase: { amount: string; currency: string } | null;
      rateMissing: boolean;
      leadTimeDays: number;
      validUntil: string | null;
      expired: boolean;
      chosen: boolean;
    }[];
  }[];
  purchaseOrders: PoView[];
}

const errorOf = async (principal: TestPrincipal, query: string, variables: Record<string, unknown>) => (await subgraph.gqlAs(principal, query, variables)).errors?.[0]?.extensions;
const SEND = `mutation($input: SendPurchaseInquiryInput!) { sendPurchaseInquiry(input: $input) { ${INQUIRY} } }`;
const ANSWER = `mutation($input: RecordPurchaseInquiryAnswerInput!) { recordPurchaseInquiryAnswer(input: $input) { ${INQUIRY} } }`;
const ORDER = `mutation($id: ID!, $input: OrderFromPurchaseInquiryInput!) { orderFromPurchaseInquiry(id: $id, input: $input) { ${INQUIRY} } }`;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

async function send(
  supplierIds: string[],
  lines = [
    { productId: valve.productId, quantity: '10' },
    { productId: pump.productId, quantity: '2.5' },
  ],
): Promise<InquiryView> {
  return (await must<{ sendPurchaseInquiry: InquiryView }>(subgraph, buyer, SEND, { input: { supplierIds, lines, respondBy: '2030-01-15' } })).sendPurchaseInquiry;
}
async function answer(inquiryId: string, supplierId: string, lines: Record<string, unknown>[]): Promise<InquiryView> {
  return (await must<{ recordPurchaseInquiryAnswer: InquiryView }>(subgraph, buyer, ANSWER, { input: { inquiryId, supplierId, lines } })).recordPurchaseInquiryAnswer;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService);
  await seedCatalogue(subgraph, valve, pump, gasket);
  alpha = await createSupplier(subgraph, buyer, 'Alpha Valves');
  beta = await createSupplier(subgraph, buyer, 'Beta Valves');
  gamma = await createSupplier(subgraph, buyer, 'Gamma Valves');
  sek = await createSupplier(subgraph, buyer, 'Svenska Ventiler AB', 'SEK');
});
afterAll(async () => subgraph?.stop());

describe('sending an inquiry', () => {
  it('numbers it RFQ-… without gaps, keeps its lines and suppliers, and announces it', async () => {
    const first = await send([alpha, beta]);
    const second = await send([gamma]);
    expect(first.number).toMatch(/^RFQ-\d{6}$/);
    expect(Number(second.number.slice(4))).toBe(Number(first.number.slice(4)) + 1);
    expect(first).toMatchObject({ status: 'SENT', respondBy: '2030-01-15' });
    expect(first.lines.map((l) => [l.description, l.quantity])).toEqual([
      ['Ball valve DN50', '10'],
      ['Pump CP-40', '2.5'],
    ]);
    expect(first.suppliers.map((s) => [s.supplierId, s.answeredAt])).toEqual([
      [alpha, null],
      [beta, null],
    ]);
    const [event] = await outboxOf(subgraph, first.id);
    expect(event).toMatchObject({ type: 'purchasing.inquiry.sent.v1' });
    expect(event!.payload.data).toMatchObject({ number: first.number, supplierIds: [alpha, beta], lines: [{ productId: valve.productId, quantity: '10' }, { quantity: '2.5' }] });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () => (await subgraph.service.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from purchase_inquiry'))[0]!.n;
    const before = await count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ supplierIds: [], lines: [{ productId: valve.productId, quantity: '1' }] }, 'input.supplierIds', 'INVALID_COUNT'],
      [{ supplierIds: [alpha, alpha], lines: [{ productId: valve.productId, quantity: '1' }] }, 'input.supplierIds.1', 'DUPLICATE_SUPPLIER'],
      [{ supplierIds: [alpha], lines: [{ productId: randomUUID(), quantity: '1' }] }, 'input.lines.0.productId', 'PRODUCT_NOT_FOUND'],
      [
        {
          supplierIds: [alpha],
          lines: [
            { productId: valve.productId, quantity: '1' },
            { productId: valve.productId, quantity: '2' },
          ],
        },
        'input.lines.1.productId',
        'DUPLICATE_PRODUCT',
      ],
      [{ supplierIds: [alpha], lines: [{ productId: valve.productId, quantity: '0' }] }, 'input.lines.0.quantity', ''],
      [{ supplierIds: [alpha], lines: [{ productId: valve.productId, quantity: '1' }], respondBy: '2030-13-01' }, 'input.respondBy', ''],
    ];
    for (const [input, field, reason] of cases) {
      const error = await errorOf(buyer, SEND, { input });
      expect(error, field).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
    }
    // An unknown supplier is NOT_FOUND, naming the field, as on purchase orders.
    const unknown = { supplierIds: [alpha, randomUUID()], lines: [{ productId: valve.productId, quantity: '1' }] };
    expect(await errorOf(buyer, SEND, { input: unknown })).toMatchObject({ code: 'NOT_FOUND', field: 'input.supplierIds.1' });
    expect(await count()).toBe(before);
  });

  it('is not for sales: a rep may neither send nor read inquiries; an accountant reads but does not send', async () => {
    const inquiry = await send([alpha]);
    expect(await errorOf(rep, SEND, { input: { supplierIds: [alpha], lines: [{ productId: valve.productId, quantity: '1' }] } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(rep, 'query($id: ID!) { purchaseInquiry(id: $id) { id } }', { id: inquiry.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(accountant, SEND, { input: { supplierIds: [alpha], lines: [{ productId: valve.productId, quantity: '1' }] } })).toMatchObject({ code: 'FORBIDDEN' });
    const read = await must<{ purchaseInquiry: { number: string } }>(subgraph, accountant, 'query($id: ID!) { purchaseInquiry(id: $id) { number } }', { id: inquiry.id });
    expect(read.purchaseInquiry.number).toBe(inquiry.number);
  });
});

describe('answers and their comparison', () => {
  it('records partial answers, compares them per line (price, then lead time) and replaces a line answered again', async () => {
    const inquiry = await send([alpha, beta, gamma]);
    const [valveLine, pumpLine] = inquiry.lines;
    await answer(inquiry.id, alpha, [
      { lineId: valveLine!.id, unitPrice: eur('95.50'), leadTimeDays: 10, validUntil: '2030-12-31' },
      { lineId: pumpLine!.id, unitPrice: eur('400'), leadTimeDays: 20 },
    ]);
    // Beta answers only the valve, at the same price as Alpha but faster.
    await answer(inquiry.id, beta, [{ lineId: valveLine!.id, unitPrice: eur('95.5'), leadTimeDays: 4 }]);
    let view = await answer(inquiry.id, gamma, [{ lineId: pumpLine!.id, unitPrice: eur('410'), leadTimeDays: 2 }]);
    const [valves, pumps] = view.comparison;
    expect(valves!.answers.map((a) => [a.supplierId, a.unitPrice.amount, a.leadTimeDays])).toEqual([
      [beta, '95.50', 4],
      [alpha, '95.50', 10],
    ]);
    expect(valves!.best).toMatchObject({ supplierId: beta });
    expect(valves!.unansweredSupplierIds).toEqual([gamma]);
    expect(pumps!.best).toMatchObject({ supplierId: alpha, unitPrice: { amount: '400.00' } });
    expect(pumps!.answers[0]!.lineAmount.amount).toBe('1000.00');
    // Gamma lowers its pump price: its answer is replaced, not doubled, and now wins.
    view = await answer(inquiry.id, gamma, [{ lineId: pumpLine!.id, unitPrice: eur('399.99'), taxRate: '19', leadTimeDays: 2 }]);
    expect(view.comparison[1]!.answers.map((a) => [a.supplierId, a.unitPrice.amount])).toEqual([
      [gamma, '399.99'],
      [alpha, '400.00'],
    ]);
    expect(view.suppliers.every((s) => s.answeredAt !== null)).toBe(true);
    const answered = (await outboxOf(subgraph, inquiry.id)).filter((e) => e.type === 'purchasing.inquiry.answered.v2');
    expect(answered).toHaveLength(4);
    expect(answered[3]!.payload.data).toMatchObject({
      supplierId: gamma,
      lines: [{ lineId: pumpLine!.id, unitPrice: { amount: '399.99', currency: 'EUR' }, taxRate: '19', leadTimeDays: 2 }],
    });
  });

  it('refuses an answer from a supplier not asked, in a foreign currency, for a foreign line, or valid until yesterday', async () => {
    const inquiry = await send([alpha, sek]);
    const lineId = inquiry.lines[0]!.id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ inquiryId: inquiry.id, supplierId: beta, lines: [{ lineId, unitPrice: eur('1') }] }, 'input.supplierId', 'NOT_ASKED'],
      [{ inquiryId: inquiry.id, supplierId: sek, lines: [{ lineId, unitPrice: eur('1') }] }, 'input.lines.0.unitPrice.currency', 'CURRENCY_MISMATCH'],
      [{ inquiryId: inquiry.id, supplierId: alpha, lines: [{ lineId: randomUUID(), unitPrice: eur('1') }] }, 'input.lines.0.lineId', 'LINE_NOT_FOUND'],
      [{ inquiryId: inquiry.id, supplierId: alpha, lines: [{ lineId, unitPrice: eur('1'), validUntil: '2020-01-01' }] }, 'input.lines.0.validUntil', 'INVALID_VALIDITY'],
      [{ inquiryId: inquiry.id, supplierId: alpha, lines: [{ lineId, unitPrice: eur('1'), leadTimeDays: -1 }] }, 'input.lines.0.leadTimeDays', 'INVALID_LEAD_TIME'],
      [{ inquiryId: inquiry.id, supplierId: alpha, lines: [{ lineId, unitPrice: eur('1'), taxRate: '101' }] }, 'input.lines.0.taxRate', 'INVALID_TAX_RATE'],
      [
        {
          inquiryId: inquiry.id,
          supplierId: alpha,
          lines: [
            { lineId, unitPrice: eur('1') },
            { lineId, unitPrice: eur('2') },
          ],
        },
        'input.lines.1.lineId',
        'DUPLICATE_LINE',
      ],
    ];
    for (const [input, field, reason] of cases) expect(await errorOf(buyer, ANSWER, { input }), field).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    // A SEK supplier answers in SEK, cheaper by its number; finance set no SEK rate, so the answer is flagged and ranked after
    // the EUR one instead of being compared as if 50 SEK were 50 EUR, and it is not the best.
    await answer(inquiry.id, sek, [{ lineId, unitPrice: { amount: '50', currency: 'SEK' }, leadTimeDays: 1 }]);
    const view = await answer(inquiry.id, alpha, [{ lineId, unitPrice: eur('99') }]);
    expect(view.comparison[0]!.answers.map((a) => [a.unitPrice.currency, a.rateMissing, a.unitPriceInBase])).toEqual([
      ['EUR', false, { amount: '99.00', currency: 'EUR' }],
      ['SEK', true, null],
    ]);
    expect(view.comparison[0]!.best).toMatchObject({ supplierId: alpha });
  });
});

describe('ordering the chosen answers', () => {
  it('drafts one purchase order per supplier at the answered prices, records them as supplier prices, and closes the inquiry', async () => {
    const inquiry = await send([alpha, beta]);
    const [valveLine, pumpLine] = inquiry.lines;
    await answer(inquiry.id, alpha, [
      { lineId: valveLine!.id, unitPrice: eur('95'), leadTimeDays: 10, validUntil: '2030-06-30' },
      { lineId: pumpLine!.id, unitPrice: eur('400'), leadTimeDays: 20 },
    ]);
    await answer(inquiry.id, beta, [{ lineId: valveLine!.id, unitPrice: eur('90'), taxRate: '19', leadTimeDays: 7 }]);
    const warehouseId = await seedWarehouse(subgraph);
    const ordered = (
      await must<{ orderFromPurchaseInquiry: InquiryView }>(subgraph, buyer, ORDER, {
        id: inquiry.id,
        input: {
          warehouseId,
          choices: [
            { lineId: valveLine!.id, supplierId: beta },
            { lineId: pumpLine!.id, supplierId: alpha },
          ],
        },
      })
    ).orderFromPurchaseInquiry;
    expect(ordered.status).toBe('CLOSED');
    expect(ordered.closedAt).not.toBeNull();
    const bySupplier = new Map(ordered.purchaseOrders.map((po) => [po.supplierId, po]));
    expect(ordered.purchaseOrders).toHaveLength(2);
    const betaPo = bySupplier.get(beta)!;
    const alphaPo = bySupplier.get(alpha)!;
    // Each line carries the tax rate its answer quoted (0 when it said none), as a line entered directly carries the one given.
    expect(betaPo).toMatchObject({ status: 'DRAFT', currency: 'EUR', netTotal: { amount: '900.00' }, taxTotal: { amount: '171.00' }, grossTotal: { amount: '1071.00' } });
    expect(betaPo.lines).toMatchObject([{ productId: valve.productId, quantity: '10', unitPrice: { amount: '90.00' }, taxRate: '19' }]);
    expect(alphaPo.lines).toMatchObject([{ productId: pump.productId, quantity: '2.5', unitPrice: { amount: '400.00' }, taxRate: '0' }]);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    expect(betaPo.lines[0]!.expectedDate).toBe(inDays(7));
    expect(ordered.suppliers.map((s) => s.purchaseOrder?.id)).toEqual([alphaPo.id, betaPo.id]);
    expect(ordered.comparison[0]!.answers.find((a) => a.supplierId === beta)!.chosen).toBe(true);
    expect(ordered.comparison[0]!.answers.find((a) => a.supplierId === alpha)!.chosen).toBe(false);
    // The warehouse is on the orders.
    const [row] = await subgraph.service.orm.em.fork().getConnection().execute<{ warehouse_id: string }[]>('select warehouse_id from purchase_order where id = ?', [betaPo.id]);
    expect(row!.warehouse_id).toBe(warehouseId);
    // The chosen price is now the supplier's price, from the quantity asked.
    const prices = await must<{ supplierPrices: { price: { amount: string }; minimumQuantity: string; leadTimeDays: number }[] }>(
      subgraph,
      buyer,
      'query($s: ID!, $p: ID!) { supplierPrices(supplierId: $s, productId: $p) { price { amount } minimumQuantity leadTimeDays } }',
      { s: beta, p: valve.productId },
    );
    expect(prices.supplierPrices).toMatchObject([{ price: { amount: '90.00' }, minimumQuantity: '10', leadTimeDays: 7 }]);
    const events = await outboxOf(subgraph, inquiry.id);
    const closed = events.find((e) => e.type === 'purchasing.inquiry.closed.v1');
    expect(closed!.payload.data.chosen).toEqual(
      expect.arrayContaining([
        { lineId: valveLine!.id, supplierId: beta, purchaseOrderId: betaPo.id },
        { lineId: pumpLine!.id, supplierId: alpha, purchaseOrderId: alphaPo.id },
      ]),
    );
    // Closed: no more answers, no second order.
    expect(await errorOf(buyer, ANSWER, { input: { inquiryId: inquiry.id, supplierId: alpha, lines: [{ lineId: valveLine!.id, unitPrice: eur('1') }] } })).toMatchObject({
      code: 'CONFLICT',
      reason: 'INQUIRY_CLOSED',
    });
    expect(await errorOf(buyer, ORDER, { id: inquiry.id, input: { choices: [{ lineId: valveLine!.id, supplierId: alpha }] } })).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a supplier that did not answer the line, naming the choice, and drafts nothing', async () => {
    const inquiry = await send([alpha, beta]);
    const [valveLine, pumpLine] = inquiry.lines;
    await answer(inquiry.id, alpha, [{ lineId: valveLine!.id, unitPrice: eur('95') }]);
    const countOrders = async () => (await subgraph.service.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from purchase_order'))[0]!.n;
    const before = await countOrders();
    const error = await errorOf(buyer, ORDER, {
      id: inquiry.id,
      input: {
        choices: [
          { lineId: valveLine!.id, supplierId: alpha },
          { lineId: pumpLine!.id, supplierId: beta },
        ],
      },
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.choices.1.supplierId', reason: 'NO_ANSWER' });
    expect(await countOrders()).toBe(before);
    const view = await must<{ purchaseInquiry: InquiryView }>(subgraph, buyer, `query($id: ID!) { purchaseInquiry(id: $id) { ${INQUIRY} } }`, { id: inquiry.id });
    expect(view.purchaseInquiry.status).toBe('SENT');
  });

  it('closes an inquiry without ordering, and lists inquiries by state', async () => {
    const inquiry = await send([gamma], [{ productId: gasket.productId, quantity: '100' }]);
    const closed = await must<{ closePurchaseInquiry: { status: string } }>(subgraph, buyer, 'mutation($id: ID!) { closePurchaseInquiry(id: $id) { status } }', { id: inquiry.id });
    expect(closed.closePurchaseInquiry.status).toBe('CLOSED');
    const event = (await outboxOf(subgraph, inquiry.id)).find((e) => e.type === 'purchasing.inquiry.closed.v1');
    expect(event!.payload.data).toMatchObject({ chosen: [] });
    const list = await must<{ purchaseInquiries: { edges: { node: { id: string; status: string } }[] } }>(
      subgraph,
      buyer,
      'query { purchaseInquiries(status: CLOSED, first: 100) { edges { node { id status } } } }',
    );
    expect(list.purchaseInquiries.edges.map((e) => e.node.id)).toContain(inquiry.id);
    expect(list.purchaseInquiries.edges.every((e) => e.node.status === 'CLOSED')).toBe(true);
  });
});
