import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStockedProductAndCustomer, day, inventoryKnows, startTestSystem, type TestSystem } from './harness.js';

// Inventory's analyses end to end, through the gateway and over real Kafka: customers announces a
// customer's industry and region, sales the order, inventory ships part of it. Inventory then shows
// the undelivered rest of the order line, the outbound quantities by region and industry (a customer
// it knows nothing of in the unknown group), and the product lying unmoved as a slow mover.

let system: TestSystem;
let clerk = '';
let rep = '';
let otherRep = '';
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);

type Notices = { shipments: { edges: { node: { id: string; lines: { orderLineId: string; planned: string }[] } }[] } };

/** Places an order of `quantity` as the rep, waits for its notice and ships `ship` of it as the clerk; returns the order's number. */
async function orderAndShip(customerId: string, productId: string, quantity: string, planned: string, ship: string): Promise<string> {
  const placed = await system.mustOnceCustomerKnown<{ placeOrder: { number: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { number } }', {
    i: { customerId, currency: 'EUR', lines: [{ productId, quantity }] },
  });
  const notice = await waitFor(
    async () => {
      const { shipments } = await system.must<Notices>(clerk, 'query($c: ID!) { shipments(filter: { customerId: $c }) { edges { node { id lines { orderLineId planned } } } } }', {
        c: customerId,
      });
      const node = shipments.edges[0]?.node;
      return node?.lines[0]?.planned === planned ? node : undefined;
    },
    { what: `inventory to plan a notice for ${planned}` },
  );
  await system.must(
    clerk,
    'mutation($id: ID!, $l: ID!, $q: String!) { shipShipment(shipmentId: $id, lines: [{ orderLineId: $l, quantity: $q }], trackingNumber: "TRK-1") { id } }',
    {
      id: notice.id,
      l: notice.lines[0]!.orderLineId,
      q: ship,
    },
  );
  return placed.placeOrder.number;
}

let known = { productId: '', warehouseId: '', customerId: '', orderNumber: '' };
let stranger = { productId: '', customerId: '' };
let slowProductId = '';

beforeAll(async () => {
  system = await startTestSystem('inventory-analysis');
  clerk = (await system.createUser({ email: 'wanda.an.clerk@rapport.example', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'rolf.an.rep@rapport.example', role: 'SALES_REP' })).token;
  otherRep = (await system.createUser({ email: 'olga.an.other@rapport.example', role: 'SALES_REP' })).token;

  const stocked = await aStockedProductAndCustomer(
    system,
    { clerk, rep },
    {
      sku: 'AN-PUMP',
      name: 'Bilge pump',
      listPrice: '150',
      standardCost: '70.125',
      warehouseCode: 'AN-KIE',
      warehouseName: 'Kiel',
      quantity: '5',
      customerName: 'Nordsee Fisch GmbH',
    },
  );
  await system.must(rep, 'mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { id } }', { i: { id: stocked.customerId, industry: 'Fishing' } });
  await system.must(rep, 'mutation($i: AddAddressInput!) { addAddress(input: $i) { id } }', {
    i: { customerId: stocked.customerId, kind: 'SHIPPING', street: 'Kai 3', city: 'Husum', region: 'Schleswig-Holstein', country: 'DE' },
  });
  await waitFor(
    () =>
      inventoryKnows(system, "select count(*)::int as n from customer_profile where customer_id = ? and industry = 'Fishing' and region = 'Schleswig-Holstein'", [
        stocked.customerId,
      ]),
    { what: "inventory to copy the customer's industry and region" },
  );
  // A customer inventory has no industry or region for: its shipments fall in the unknown group.
  const other = await aStockedProductAndCustomer(
    system,
    { clerk, rep },
    { sku: 'AN-HOSE', name: 'Hose', listPrice: '20', standardCost: '4.5', warehouseCode: 'AN-HUS', warehouseName: 'Husum', quantity: '2', customerName: 'Unbekannt KG' },
  );
  stranger = { productId: other.productId, customerId: other.customerId };
  // A product that lies in Kiel and never goes out.
  slowProductId = (
    await system.must<{ createProduct: { id: string } }>(clerk, 'mutation($p: CreateProductInput!) { createProduct(input: $p) { id } }', {
      p: { sku: 'AN-ANCHOR', name: 'Anchor', listPrice: { amount: '400', currency: 'EUR' }, standardCost: { amount: '180.5', currency: 'EUR' } },
    })
  ).createProduct.id;
  await system.must(clerk, 'mutation($p: ID!, $w: ID!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: "1.5" }) { id } }', {
    p: slowProductId,
    w: stocked.warehouseId,
  });

  // 8 ordered, 5 in stock: 5 planned, 3 of them shipped; the stranger's 1 shipped in full.
  const orderNumber = await orderAndShip(stocked.customerId, stocked.productId, '8', '5', '3');
  known = { ...stocked, orderNumber };
  await orderAndShip(stranger.customerId, stranger.productId, '1', '1', '1');
}, 240_000);
afterAll(async () => system?.stop());

const undelivered = `query($f: UndeliveredOrderLineFilter) { undeliveredOrderLines(filter: $f) { edges { node {
  orderNumber customer { id name } product { sku } orderedQuantity deliveredQuantity cancelledQuantity undeliveredQuantity reservedQuantity shortQuantity } } } }`;
const outbound =
  'query($from: String!, $to: String!, $by: [OutboundGrouping!]!) { outboundSummary(from: $from, to: $to, by: $by) { product { sku } region industry month quantity value { amount currency } } }';
const slow =
  'query($days: Int!, $w: ID) { slowMovers(days: $days, warehouseId: $w) { product { sku } warehouse { code } onHandQuantity lastOutboundAt value { amount currency } } }';

describe('inventory analyses through the gateway', () => {
  it('shows the undelivered rest of an order line with its order number, customer, reserved and short quantities', async () => {
    const lines = await waitFor(
      async () => {
        const { undeliveredOrderLines } = await system.must<{ undeliveredOrderLines: { edges: { node: Record<string, unknown> }[] } }>(clerk, undelivered, { f: {} });
        return undeliveredOrderLines.edges.length === 1 && undeliveredOrderLines.edges[0]!.node.orderNumber ? undeliveredOrderLines.edges.map((e) => e.node) : undefined;
      },
      { what: 'the order number to reach inventory' },
    );
    expect(lines).toEqual([
      {
        orderNumber: known.orderNumber,
        customer: { id: known.customerId, name: 'Nordsee Fisch GmbH' },
        product: { sku: 'AN-PUMP' },
        orderedQuantity: '8',
        deliveredQuantity: '3',
        cancelledQuantity: '0',
        undeliveredQuantity: '5',
        reservedQuantity: '2',
        shortQuantity: '3',
      },
    ]);
    // The rep who owns the customer sees it; another rep sees none of it.
    expect(
      (await system.must<{ undeliveredOrderLines: { edges: unknown[] } }>(rep, undelivered, { f: { customerId: known.customerId } })).undeliveredOrderLines.edges,
    ).toHaveLength(1);
    expect((await system.must<{ undeliveredOrderLines: { edges: unknown[] } }>(otherRep, undelivered, { f: {} })).undeliveredOrderLines.edges).toEqual([]);
  });

  it('sums what was shipped by customer region and industry, the unknown customer in its own group, valued at standard cost for the warehouse only', async () => {
    const byRegion = await system.must<{ outboundSummary: unknown[] }>(clerk, outbound, { from: today, to: today, by: ['REGION', 'INDUSTRY'] });
    expect(byRegion.outboundSummary).toEqual([
      { product: null, region: 'Schleswig-Holstein', industry: 'Fishing', month: null, quantity: '3', value: [{ amount: '210.375', currency: 'EUR' }] },
      { product: null, region: null, industry: null, month: null, quantity: '1', value: [{ amount: '4.50', currency: 'EUR' }] },
    ]);
    const byProduct = await system.must<{ outboundSummary: unknown[] }>(clerk, outbound, { from: today, to: today, by: ['PRODUCT', 'MONTH'] });
    expect(byProduct.outboundSummary).toEqual([
      { product: { sku: 'AN-HOSE' }, region: null, industry: null, month, quantity: '1', value: [{ amount: '4.50', currency: 'EUR' }] },
      { product: { sku: 'AN-PUMP' }, region: null, industry: null, month, quantity: '3', value: [{ amount: '210.375', currency: 'EUR' }] },
    ]);
    // Sales see their customers' quantities but no cost; another rep sees nothing of them.
    const asRep = await system.must<{ outboundSummary: { quantity: string; value: unknown }[] }>(rep, outbound, { from: today, to: today, by: [] });
    expect(asRep.outboundSummary).toEqual([{ product: null, region: null, industry: null, month: null, quantity: '4', value: null }]);
    expect((await system.must<{ outboundSummary: unknown[] }>(otherRep, outbound, { from: today, to: today, by: [] })).outboundSummary).toEqual([]);
  });

  it('lists the product lying unmoved as a slow mover, not the one shipped today', async () => {
    const { slowMovers } = await system.must<{ slowMovers: unknown[] }>(clerk, slow, { days: 30, w: known.warehouseId });
    expect(slowMovers).toEqual([
      { product: { sku: 'AN-ANCHOR' }, warehouse: { code: 'AN-KIE' }, onHandQuantity: '1.5', lastOutboundAt: null, value: { amount: '270.75', currency: 'EUR' } },
    ]);
    const asRep = await system.must<{ slowMovers: { value: unknown }[] }>(rep, slow, { days: 30, w: known.warehouseId });
    expect(asRep.slowMovers.map((row) => row.value)).toEqual([null]);
  });

  it('sums the movements of a period from the ledger: opening, in, out and closing after a receipt and a delivery', async () => {
    const summary = `query($from: String!, $to: String!, $p: ID) { stockMovementSummary(from: $from, to: $to, productId: $p) {
      product { sku } warehouse { code } openingQuantity inQuantity outQuantity closingQuantity } }`;
    // Today: 5 received into Kiel, 3 of them delivered.
    const todays = await system.must<{ stockMovementSummary: unknown[] }>(clerk, summary, { from: today, to: today, p: known.productId });
    expect(todays.stockMovementSummary).toEqual([
      { product: { sku: 'AN-PUMP' }, warehouse: { code: 'AN-KIE' }, openingQuantity: '0', inQuantity: '5', outQuantity: '3', closingQuantity: '2' },
    ]);
    // A later period opens with what today closed with and moves nothing; a sales rep reads the same quantities.
    const tomorrow = day(1);
    const later = await system.must<{ stockMovementSummary: unknown[] }>(rep, summary, { from: tomorrow, to: day(2), p: known.productId });
    expect(later.stockMovementSummary).toEqual([
      { product: { sku: 'AN-PUMP' }, warehouse: { code: 'AN-KIE' }, openingQuantity: '2', inQuantity: '0', outQuantity: '0', closingQuantity: '2' },
    ]);
    // Every product of the day, by code then warehouse.
    const all = await system.must<{ stockMovementSummary: { product: { sku: string }; closingQuantity: string }[] }>(clerk, summary, { from: today, to: today });
    expect(all.stockMovementSummary.map((row) => [row.product.sku, row.closingQuantity])).toEqual([
      ['AN-ANCHOR', '1.5'],
      ['AN-HOSE', '1'],
      ['AN-PUMP', '2'],
    ]);
  });

  it("shows the warehouse the order's quantities but no prices or totals (its role sees no prices beyond cost); the rep who sold it sees them", async () => {
    const orders = '{ salesOrders(first: 50) { edges { node { number total { amount } grossTotal { amount } lines { quantity unitPrice { amount } lineTotal { amount } } } } } }';
    type Orders = {
      salesOrders: { edges: { node: { number: string; total: unknown; grossTotal: unknown; lines: { quantity: string; unitPrice: unknown; lineTotal: unknown }[] } }[] };
    };
    const find = async (token: string) => (await system.must<Orders>(token, orders)).salesOrders.edges.map((e) => e.node).find((o) => o.number === known.orderNumber);
    expect(await find(clerk)).toEqual({ number: known.orderNumber, total: null, grossTotal: null, lines: [{ quantity: '8', unitPrice: null, lineTotal: null }] });
    expect(await find(rep)).toEqual({
      number: known.orderNumber,
      total: { amount: '1200.00' },
      grossTotal: { amount: expect.any(String) },
      lines: [{ quantity: '8', unitPrice: { amount: '150.00' }, lineTotal: { amount: '1200.00' } }],
    });
    // The product's list price likewise: null to the clerk, shown to the rep.
    const price = 'query($id: ID!) { product(id: $id) { listPrice { amount } standardCost { amount } } }';
    expect((await system.must<{ product: unknown }>(clerk, price, { id: known.productId })).product).toEqual({ listPrice: null, standardCost: { amount: '70.125' } });
    expect((await system.must<{ product: unknown }>(rep, price, { id: known.productId })).product).toEqual({ listPrice: { amount: '150.00' }, standardCost: null });
  });

  it('refuses bad input naming the field', async () => {
    for (const [query, variables, field] of [
      [slow, { days: 0 }, 'days'],
      [slow, { days: 3651 }, 'days'],
      [outbound, { from: '2026-02-30', to: today, by: [] }, 'from'],
      [outbound, { from: today, to: '2020-01-01', by: ['MONTH'] }, 'to'],
      [undelivered, { f: { productId: 'not-an-id' } }, 'filter.productId'],
    ] as const) {
      const result = await system.as(clerk, query, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
