import { randomUUID } from 'node:crypto';
import { createKafka } from '@rapport/bus';
import { createEvent, PurchaseOrderApprovedV1, type CloudEvent } from '@rapport/contracts';
import { testKafkaBrokers, waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, untilOrderLine, type TestSystem } from './harness.js';

// Inbound stock end to end, through the gateway and over real Kafka: purchasing's approval of a
// purchase order (fed onto Kafka here as purchasing would publish it; its own events come when its
// purchase orders do) becomes expected receipts and incoming stock; the warehouse receives part of
// it, a shortage of a sales order is reserved from it and sales shows so, the receipt is announced
// on Kafka for purchasing's matching, more than the tolerance is refused, and part of the stock is
// transferred to another warehouse and received there.

let system: TestSystem;
let clerk = '';
let buyer = '';
let rep = '';
let productId = '';
let hamburg = '';
let munich = '';
type Kafka = ReturnType<typeof createKafka>;
let producer: ReturnType<Kafka['producer']>;
let consumer: ReturnType<Kafka['consumer']>;
/** What arrived on inventory's receipt topic, with each message's key. */
const receiptMessages: { key: string | undefined; event: CloudEvent }[] = [];
const po = { id: randomUUID(), lineId: randomUUID(), supplierId: randomUUID(), number: 'PO-E2E-1' };
let orderId = '';

interface Level {
  warehouse: { code: string } | null;
  onHand: string;
  reserved: string;
  incoming: string;
  inTransit: string;
}
const levelsQuery = 'query($id: ID!) { product(id: $id) { stock { warehouse { code } onHand reserved incoming inTransit } } }';
const levels = async (): Promise<Level[]> => (await system.must<{ product: { stock: Level[] } }>(clerk, levelsQuery, { id: productId })).product.stock;
const levelIn = async (code: string): Promise<Level | undefined> => (await levels()).find((l) => l.warehouse?.code === code);

beforeAll(async () => {
  system = await startTestSystem('receipts');
  clerk = (await system.createUser({ email: 'rita.receiving@rapport.example', displayName: 'Rita Receiving', role: 'WAREHOUSE_CLERK' })).token;
  buyer = (await system.createUser({ email: 'bruno.buyer@rapport.example', displayName: 'Bruno Buyer', role: 'BUYER' })).token;
  rep = (await system.createUser({ email: 'sara.sales@rapport.example', displayName: 'Sara Sales', role: 'SALES_REP' })).token;
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'receipts-test', logger: system.logger });
  producer = kafka.producer();
  await producer.connect();
  const prefix = system.subgraphs.inventory.topicPrefix;
  consumer = kafka.consumer({ groupId: `${prefix}receipts-test` });
  await consumer.connect();
  await consumer.subscribe({ topic: `${prefix}inventory.receipt`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.value) receiptMessages.push({ key: message.key?.toString(), event: JSON.parse(message.value.toString()) as CloudEvent });
    },
  });
}, 240_000);
afterAll(async () => {
  await consumer?.disconnect();
  await producer?.disconnect();
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

/** Publishes an event onto Kafka as its producing service's relay would (keyed by its subject). */
async function publishOnKafka(event: CloudEvent): Promise<void> {
  const topic = `${system.subgraphs.inventory.topicPrefix}${event.type.split('.').slice(0, 2).join('.')}`;
  await producer.send({
    topic,
    acks: -1,
    messages: [{ key: event.subject, value: JSON.stringify(event), headers: { ce_type: event.type, ce_id: event.id, correlation_id: event.correlationid } }],
  });
}

describe('goods in from a purchase order, over Kafka, as clients see it', () => {
  it('reports a sales order short of a product nobody has yet', async () => {
    const created = await system.must<{ createProduct: { id: string }; ham: { id: string }; muc: { id: string } }>(
      clerk,
      `mutation {
        createProduct(input: { sku: "E2E-PUMP", name: "Centrifugal pump", listPrice: { amount: "120", currency: "EUR" }, standardCost: { amount: "70", currency: "EUR" } }) { id }
        ham: createWarehouse(input: { code: "RCV-HAM", name: "Hamburg" }) { id }
        muc: createWarehouse(input: { code: "RCV-MUC", name: "Munich" }) { id }
      }`,
    );
    [productId, hamburg, munich] = [created.createProduct.id, created.ham.id, created.muc.id];
    const customerId = (await system.must<{ createCustomer: { id: string } }>(rep, 'mutation { createCustomer(input: { name: "Nordsee Werft AG", kind: COMPANY }) { id } }'))
      .createCustomer.id;
    await system.untilSellable(productId);
    const placed = await system.mustOnceCustomerKnown<{ placeOrder: { id: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '3' }] },
    });
    orderId = placed.placeOrder.id;
    const short = await untilOrderLine(system, rep, orderId, { shortQuantity: '3', reservedQuantity: '0' }, 'sales to show the order short');
    expect(short).toEqual({ shortQuantity: '3', reservedQuantity: '0' });
  });

  it('expects an approved purchase order: expected receipts per line, incoming on the level', async () => {
    await publishOnKafka(
      createEvent(PurchaseOrderApprovedV1, po.id, {
        purchaseOrderId: po.id,
        number: po.number,
        supplierId: po.supplierId,
        currency: 'EUR',
        warehouseId: hamburg,
        lines: [{ lineId: po.lineId, productId, quantity: '10', unitPrice: { amount: '68.5', currency: 'EUR' }, expectedDate: day(-1) }],
        approvedAt: new Date().toISOString(),
      }),
    );
    const expected = await waitFor(
      async () => {
        const data = await system.must<{ expectedReceipts: { edges: { node: Record<string, unknown> }[] } }>(
          buyer,
          `query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node {
            id purchaseOrderNumber supplierId product { sku } warehouse { code } ordered received stillExpected overdue unitPrice { amount currency }
          } } } }`,
          { f: { supplierId: po.supplierId, overdue: true } },
        );
        return data.expectedReceipts.edges[0]?.node;
      },
      { what: 'inventory to expect the approved purchase order' },
    );
    expect(expected).toEqual({
      id: po.lineId,
      purchaseOrderNumber: po.number,
      supplierId: po.supplierId,
      product: { sku: 'E2E-PUMP' },
      warehouse: { code: 'RCV-HAM' },
      ordered: '10',
      received: '0',
      stillExpected: '10',
      overdue: true,
      unitPrice: { amount: '68.50', currency: 'EUR' },
    });
    // The warehouse's role sees no prices beyond cost (the kit's POLICIES.prices): the agreed price is null to the clerk.
    const asClerk = await system.must<{ expectedReceipts: { edges: { node: { id: string; unitPrice: unknown } }[] } }>(
      clerk,
      'query($f: ExpectedReceiptFilter) { expectedReceipts(filter: $f) { edges { node { id unitPrice { amount } } } } }',
      { f: { supplierId: po.supplierId } },
    );
    expect(asClerk.expectedReceipts.edges.map((e) => e.node)).toEqual([{ id: po.lineId, unitPrice: null }]);
    expect(await levelIn('RCV-HAM')).toMatchObject({ onHand: '0', incoming: '10' });
  });

  it('receives part of it: stock up, the shortage reserved (sales shows it), the receipt announced on Kafka', async () => {
    const received = await system.must<{ receiveGoods: { id: string; number: string; lines: { quantity: string; unitCost: { amount: string } | null }[] } }>(
      clerk,
      'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id number lines { quantity unitCost { amount } } } }',
      { i: { purchaseOrderId: po.id, warehouseId: hamburg, lines: [{ purchaseOrderLineId: po.lineId, quantity: '4' }] } },
    );
    expect(received.receiveGoods).toMatchObject({ number: 'GR-000001', lines: [{ quantity: '4', unitCost: { amount: '68.50' } }] });
    expect(await levelIn('RCV-HAM')).toMatchObject({ onHand: '4', reserved: '3', incoming: '6' });
    await untilOrderLine(system, rep, orderId, { shortQuantity: '0', reservedQuantity: '3' }, 'sales to show the shortage reserved from the receipt');
    const message = await waitFor(async () => receiptMessages.find((m) => (m.event.data as { receiptId?: string }).receiptId === received.receiveGoods.id), {
      what: 'inventory.receipt.posted.v1 on Kafka',
    });
    expect(message.key).toBe(po.id);
    expect(message.event).toMatchObject({
      type: 'inventory.receipt.posted.v1',
      data: {
        number: 'GR-000001',
        warehouseId: hamburg,
        purchaseOrderId: po.id,
        supplierId: po.supplierId,
        lines: [{ purchaseOrderLineId: po.lineId, productId, quantity: '4', unitCost: { amount: '68.50', currency: 'EUR' } }],
      },
    });
  });

  it('refuses more than the rest plus the tolerance, naming the line', async () => {
    const refused = await system.as(clerk, 'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id } }', {
      i: { purchaseOrderId: po.id, warehouseId: hamburg, lines: [{ purchaseOrderLineId: po.lineId, quantity: '6.501' }] },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'OVER_RECEIPT', details: { receivable: '6.5' } });
    expect(await levelIn('RCV-HAM')).toMatchObject({ onHand: '4', incoming: '6' });
  });

  it('reads and changes the over-receipt tolerance: a wider one lets more in, and it is put back', async () => {
    type Settings = { overReceiptTolerance: string; updatedAt: string };
    const before = (await system.must<{ receiptSettings: Settings }>(buyer, 'query { receiptSettings { overReceiptTolerance updatedAt } }')).receiptSettings;
    expect(before.overReceiptTolerance).toBe('5');
    const set = (percent: string) =>
      system.as<{ setReceiptTolerance: Settings }>(clerk, 'mutation($p: String!) { setReceiptTolerance(percent: $p) { overReceiptTolerance updatedAt } }', { p: percent });
    const bad = await set('100.001');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const wider = await set('10');
    expect(wider.errors).toBeUndefined();
    expect(wider.data!.setReceiptTolerance.overReceiptTolerance).toBe('10');
    expect((await system.must<{ receiptSettings: Settings }>(clerk, 'query { receiptSettings { overReceiptTolerance } }')).receiptSettings.overReceiptTolerance).toBe('10');
    // 6 still open of 10 ordered: now up to 6 + 10 % of 10 may come in.
    const refused = await system.as(clerk, 'mutation($i: ReceiveGoodsInput!) { receiveGoods(input: $i) { id } }', {
      i: { purchaseOrderId: po.id, warehouseId: hamburg, lines: [{ purchaseOrderLineId: po.lineId, quantity: '7.001' }] },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'OVER_RECEIPT', details: { receivable: '7' } });
    expect((await set('5')).data!.setReceiptTolerance.overReceiptTolerance).toBe('5');
    expect(await levelIn('RCV-HAM')).toMatchObject({ onHand: '4', incoming: '6' });
  });

  it('transfers stock to another warehouse: in transit there, then received partly', async () => {
    const sent = await system.must<{ transferStock: { id: string; state: string } }>(clerk, 'mutation($i: TransferStockInput!) { transferStock(input: $i) { id state } }', {
      i: { fromWarehouseId: hamburg, toWarehouseId: munich, lines: [{ productId, quantity: '1' }] },
    });
    expect(sent.transferStock.state).toBe('IN_TRANSIT');
    const tooMuch = await system.as(clerk, 'mutation($i: TransferStockInput!) { transferStock(input: $i) { id } }', {
      i: { fromWarehouseId: hamburg, toWarehouseId: munich, lines: [{ productId, quantity: '0.001' }] },
    });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ field: 'input.lines[0].quantity', reason: 'INSUFFICIENT_STOCK' });
    expect(await levelIn('RCV-MUC')).toMatchObject({ onHand: '0', inTransit: '1' });

    const partly = await system.must<{ receiveTransfer: { state: string; lines: { received: string; inTransit: string }[] } }>(
      clerk,
      'mutation($i: ReceiveTransferInput!) { receiveTransfer(input: $i) { state lines { received inTransit } } }',
      { i: { transferId: sent.transferStock.id, lines: [{ productId, quantity: '0.4' }] } },
    );
    expect(partly.receiveTransfer).toEqual({ state: 'PARTLY_RECEIVED', lines: [{ received: '0.4', inTransit: '0.6' }] });
    expect(await levelIn('RCV-HAM')).toMatchObject({ onHand: '3', reserved: '3', inTransit: '0' });
    expect(await levelIn('RCV-MUC')).toMatchObject({ onHand: '0.4', inTransit: '0.6' });
    const listed = await system.must<{ transfers: { edges: { node: { number: string; fromWarehouse: { code: string }; toWarehouse: { code: string } } }[] } }>(
      rep,
      'query { transfers(filter: { state: PARTLY_RECEIVED }) { edges { node { number fromWarehouse { code } toWarehouse { code } } } } }',
    );
    expect(listed.transfers.edges.map((e) => e.node)).toEqual([{ number: 'TR-000001', fromWarehouse: { code: 'RCV-HAM' }, toWarehouse: { code: 'RCV-MUC' } }]);
  });
});
