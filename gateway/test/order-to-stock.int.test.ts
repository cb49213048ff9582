import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startTestSystem, stockLevelOf, type TestSystem, timelineOf, untilStockLevel } from './harness.js';

// The order → stock chain end to end, through the gateway only and over real Kafka: the warehouse
// stocks a product, a rep sells it by quotation and by a direct order, inventory reserves (or
// reports short) from sales.order.confirmed.v2, sales shows what inventory reported per line,
// receiving more stock serves the shortage (onto the order's open shipping notice), a cancelled line
// releases its reservation and cancels its notice, and the other order's notice ships partly (DELIVERY
// moves out of its reservation), its rest goes onto a backorder notice that ships later, and both
// are delivered, with the customer's timeline told each step. Sales does not act on the per-line
// shipment events yet (another branch): this file asserts inventory's side and the timeline.

let system: TestSystem;
let clerk = '';
let rep = '';
let productId = '';
let warehouseId = '';
let customerId = '';
let firstOrder = { id: '', lineId: '' };
let secondOrder = { id: '', lineId: '' };

interface OrderView {
  salesOrder: {
    number: string;
    status: string;
    cancelledAt: string | null;
    completedAt: string | null;
    lines: { id: string; quantity: string; reservedQuantity: string; shortQuantity: string; cancelledQuantity: string; openQuantity: string; deliveredQuantity: string }[];
    stock: {
      orderLineId: string;
      ordered: string;
      cancelled: string;
      reserved: string;
      short: string;
      planned: string;
      shipped: string;
      toShip: string;
      reservations: { warehouse: { code: string } | null; quantity: string }[];
    }[];
    delivery: { status: string; shipments: Notice[] };
  };
}
interface Notice {
  id: string;
  number: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  backorderOf: { id: string } | null;
  warehouse: { code: string } | null;
  lines: { orderLineId: string; planned: string; shipped: string; cancelled: string }[];
}

const orderQuery = `query($id: ID!) { salesOrder(id: $id) {
  number status cancelledAt completedAt
  lines { id quantity reservedQuantity shortQuantity cancelledQuantity openQuantity deliveredQuantity }
  stock { orderLineId ordered cancelled reserved short planned shipped toShip reservations { warehouse { code } quantity } }
  delivery { status shipments { id number status carrier trackingNumber backorderOf { id } warehouse { code } lines { orderLineId planned shipped cancelled } } }
} }`;

/** Polls the order as the rep sees it until `accept` holds, then returns it. */
const untilOrder = (id: string, accept: (order: OrderView['salesOrder']) => boolean, what: string): Promise<OrderView['salesOrder']> =>
  waitFor(
    async () => {
      const { salesOrder } = await system.must<OrderView>(rep, orderQuery, { id });
      return accept(salesOrder) ? salesOrder : undefined;
    },
    { what },
  );

const receive = (quantity: string) =>
  system.must(clerk, 'mutation($p: ID!, $w: ID!, $q: String!) { receiveStock(input: { productId: $p, warehouseId: $w, quantity: $q }) { id } }', {
    p: productId,
    w: warehouseId,
    q: quantity,
  });

beforeAll(async () => {
  system = await startTestSystem('order-to-stock');
  clerk = (await system.createUser({ email: 'winnie.warehouse@rapport.example', displayName: 'Winnie Warehouse', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'sam.sales@rapport.example', displayName: 'Sam Sales', role: 'SALES_REP' })).token;
}, 240_000);
afterAll(async () => {
  if (!system) return;
  // Whatever happened above, the levels agree with the ledger and the reservations.
  await system.expectStockBalanced();
  await system.stop();
});

describe('an order through stock, over Kafka, as clients see it', () => {
  it('reserves a quoted, accepted and converted order’s units, and sales shows the line reserved', async () => {
    const stocked = await system.must<{ createProduct: { id: string }; createWarehouse: { id: string } }>(
      clerk,
      `mutation {
        createProduct(input: { sku: "E2E-VALVE", name: "Ball valve DN50", listPrice: { amount: "80", currency: "EUR" }, standardCost: { amount: "35", currency: "EUR" } }) { id }
        createWarehouse(input: { code: "E2E-HAM", name: "Hamburg", address: "Kaiweg 3, 20457 Hamburg" }) { id }
      }`,
    );
    productId = stocked.createProduct.id;
    warehouseId = stocked.createWarehouse.id;
    await receive('10');
    expect(await stockLevelOf(system, clerk, productId)).toEqual({ onHand: '10', reserved: '0', available: '10' });

    customerId = (await system.must<{ createCustomer: { id: string } }>(rep, `mutation { createCustomer(input: { name: "Hanse Pumpen GmbH", kind: COMPANY }) { id } }`))
      .createCustomer.id;
    await system.untilSellable(productId);
    // Sales learns that the rep owns the new customer from customers' event: until then the rep's
    // draft is refused as CUSTOMER_NOT_FOUND (and writes nothing), so retry on exactly that answer.
    const drafted = await system.mustOnceCustomerKnown<{ createQuotation: { id: string; status: string; netTotal: { amount: string } } }>(
      rep,
      `mutation($i: CreateQuotationInput!) { createQuotation(input: $i) { id status netTotal { amount } } }`,
      { i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '4', unitPrice: { amount: '80', currency: 'EUR' }, discountPercent: '5', taxRate: '19' }] } },
    );
    expect(drafted.createQuotation).toMatchObject({ status: 'DRAFT', netTotal: { amount: '304.00' } });
    const quotationId = drafted.createQuotation.id;
    await system.must(rep, 'mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: quotationId });
    await system.must(rep, 'mutation($id: ID!) { acceptQuotation(id: $id) { id } }', { id: quotationId });
    // Converting an accepted quotation is what confirms the order: there is no separate confirm step.
    const converted = await system.must<{ convertQuotation: { id: string; status: string; total: { amount: string }; lines: { id: string }[] } }>(
      rep,
      'mutation($id: ID!) { convertQuotation(id: $id) { id status total { amount } lines { id } } }',
      { id: quotationId },
    );
    expect(converted.convertQuotation).toMatchObject({ status: 'CONFIRMED', total: { amount: '304.00' } });
    firstOrder = { id: converted.convertQuotation.id, lineId: converted.convertQuotation.lines[0]!.id };

    await untilStockLevel(system, clerk, productId, { onHand: '10', reserved: '4', available: '6' }, 'inventory to reserve the first order');
    const order = await untilOrder(firstOrder.id, (o) => o.lines[0]?.reservedQuantity === '4', 'sales to show the first order’s line reserved');
    expect(order.lines).toEqual([
      { id: firstOrder.lineId, quantity: '4', reservedQuantity: '4', shortQuantity: '0', cancelledQuantity: '0', openQuantity: '4', deliveredQuantity: '0' },
    ]);
    expect(order.stock).toEqual([
      {
        orderLineId: firstOrder.lineId,
        ordered: '4',
        cancelled: '0',
        reserved: '4',
        short: '0',
        planned: '4',
        shipped: '0',
        toShip: '4',
        reservations: [{ warehouse: { code: 'E2E-HAM' }, quantity: '4' }],
      },
    ]);
    expect(order.status).toBe('CONFIRMED');
  });

  it('reserves what is left for a second order, reports the rest short, and serves the shortage from a receipt', async () => {
    const placed = await system.must<{ placeOrder: { id: string; lines: { id: string }[] } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '8' }] },
    });
    secondOrder = { id: placed.placeOrder.id, lineId: placed.placeOrder.lines[0]!.id };

    await untilStockLevel(system, clerk, productId, { onHand: '10', reserved: '10', available: '0' }, 'inventory to reserve what is left for the second order');
    const short = await untilOrder(secondOrder.id, (o) => o.lines[0]?.shortQuantity === '2', 'sales to show the second order’s line short');
    expect(short.lines[0]).toMatchObject({ quantity: '8', reservedQuantity: '6', shortQuantity: '2' });
    expect(short.stock[0]).toMatchObject({ reserved: '6', short: '2' });

    await receive('5');
    await untilStockLevel(system, clerk, productId, { onHand: '15', reserved: '12', available: '3' }, 'the receipt to serve the shortage');
    const served = await untilOrder(secondOrder.id, (o) => o.lines[0]?.shortQuantity === '0', 'sales to show the shortage served');
    expect(served.lines[0]).toMatchObject({ reservedQuantity: '8', shortQuantity: '0' });
    expect(served.stock[0]).toMatchObject({ reserved: '8', short: '0' });
  });

  it('releases a cancelled line’s reservation, and the order with nothing left open shows cancelled', async () => {
    const cancelled = await system.must<{ cancelOrderLine: { status: string; lines: { cancelledQuantity: string; openQuantity: string }[] } }>(
      rep,
      'mutation($o: ID!, $l: ID!) { cancelOrderLine(orderId: $o, lineId: $l, reason: "customer changed their mind") { status lines { cancelledQuantity openQuantity } } }',
      { o: firstOrder.id, l: firstOrder.lineId },
    );
    expect(cancelled.cancelOrderLine).toEqual({ status: 'CANCELLED', lines: [{ cancelledQuantity: '4', openQuantity: '0' }] });

    await untilStockLevel(system, clerk, productId, { onHand: '15', reserved: '8', available: '7' }, 'inventory to release the cancelled line');
    const order = await untilOrder(firstOrder.id, (o) => o.lines[0]?.reservedQuantity === '0', 'sales to show the cancelled line released');
    expect(order).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(String), completedAt: null });
    expect(order.lines[0]).toMatchObject({ reservedQuantity: '0', shortQuantity: '0', cancelledQuantity: '4', openQuantity: '0' });
    expect(order.stock[0]).toMatchObject({ ordered: '4', cancelled: '4', reserved: '0', short: '0', reservations: [] });
  });

  it('cancels the shipping notice of the order cancelled in full, so it can no longer be shipped', async () => {
    const order = await untilOrder(firstOrder.id, (o) => o.delivery.shipments[0]?.status === 'CANCELLED', 'inventory to cancel the first order’s shipping notice');
    expect(order.delivery.status).toBe('NOT_PLANNED');
    const [notice] = order.delivery.shipments;
    expect(notice).toMatchObject({ status: 'CANCELLED', lines: [{ orderLineId: firstOrder.lineId, planned: '0', shipped: '0', cancelled: '4' }] });
    const refused = await system.as(clerk, 'mutation($id: ID!) { shipShipment(shipmentId: $id, trackingNumber: "DHL-1") { id } }', { id: notice!.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'shipmentId' });
    const cancelledNotices = await system.must<{ shipments: { edges: { node: { id: string } }[] } }>(
      clerk,
      'query($c: ID!) { shipments(filter: { customerId: $c, status: CANCELLED }) { edges { node { id } } } }',
      { c: customerId },
    );
    expect(cancelledNotices.shipments.edges.map((e) => e.node.id)).toEqual([notice!.id]);
  });

  it('ships 5 of the second order’s 8 units, the other 3 on a backorder notice, then those, and delivers both', async () => {
    // 6 were reserved at confirmation and 2 when the receipt served the shortage: both on the one open notice.
    const planned = await untilOrder(secondOrder.id, (o) => o.delivery.shipments[0]?.lines[0]?.planned === '8', 'the second order’s notice to plan all 8 units');
    expect(planned.delivery).toMatchObject({
      status: 'PLANNED',
      shipments: [{ status: 'PLANNED', warehouse: { code: 'E2E-HAM' }, lines: [{ orderLineId: secondOrder.lineId, planned: '8' }] }],
    });
    const noticeId = planned.delivery.shipments[0]!.id;
    expect(planned.delivery.shipments[0]!.number).toMatch(/^DN-\d{6}$/);

    const shipped = await system.must<{ shipShipment: { status: string; carrier: string; trackingNumber: string; lines: { shipped: string }[] } }>(
      clerk,
      `mutation($id: ID!, $line: ID!) { shipShipment(shipmentId: $id, lines: [{ orderLineId: $line, quantity: "5" }], carrier: "DHL", trackingNumber: "DHL-00340434161094042557") {
        status carrier trackingNumber lines { shipped } } }`,
      { id: noticeId, line: secondOrder.lineId },
    );
    expect(shipped.shipShipment).toEqual({ status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'DHL-00340434161094042557', lines: [{ shipped: '5' }] });
    // The moves are written with the shipment itself: no event to wait for.
    expect(await stockLevelOf(system, clerk, productId)).toEqual({ onHand: '10', reserved: '3', available: '7' });
    const afterFirst = await untilOrder(secondOrder.id, (o) => o.delivery.shipments.length === 2, 'the backorder notice');
    const backorder = afterFirst.delivery.shipments.find((n) => n.id !== noticeId)!;
    expect(backorder).toMatchObject({ status: 'PLANNED', backorderOf: { id: noticeId }, lines: [{ orderLineId: secondOrder.lineId, planned: '3', shipped: '0' }] });
    expect(afterFirst.stock[0]).toMatchObject({ reserved: '3', planned: '3', shipped: '5', toShip: '3' });

    await system.must(clerk, 'mutation($id: ID!) { shipShipment(shipmentId: $id, carrier: "UPS", trackingNumber: "1Z999AA10123456784") { id } }', { id: backorder.id });
    expect(await stockLevelOf(system, clerk, productId)).toEqual({ onHand: '7', reserved: '0', available: '7' });
    const moves = await system.must<{ stockMoves: { edges: { node: { kind: string; quantity: string; referenceType: string | null; referenceId: string | null } }[] } }>(
      clerk,
      'query($p: ID!) { stockMoves(filter: { productId: $p, kind: DELIVERY }) { edges { node { kind quantity referenceType referenceId } } } }',
      { p: productId },
    );
    expect(moves.stockMoves.edges.map((e) => e.node)).toEqual([
      { kind: 'DELIVERY', quantity: '-3', referenceType: 'SHIPMENT', referenceId: backorder.id },
      { kind: 'DELIVERY', quantity: '-5', referenceType: 'SHIPMENT', referenceId: noticeId },
    ]);

    for (const id of [noticeId, backorder.id]) await system.must(clerk, 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id });
    const delivered = await untilOrder(secondOrder.id, (o) => o.delivery.shipments.every((n) => n.status === 'DELIVERED'), 'both notices delivered');
    expect(delivered.delivery.status).toBe('DELIVERED');
    expect(delivered.stock[0]).toMatchObject({ ordered: '8', reserved: '0', planned: '0', shipped: '8', toShip: '0' });

    // The customer's timeline hears of it over Kafka: both notices planned, shipped and delivered, and the first order's notice cancelled.
    const summaries = await waitFor(
      async () => {
        const entries = (await timelineOf(system, rep, customerId)).filter((n) => n.kind.startsWith('SHIPMENT_'));
        return entries.filter((n) => n.kind === 'SHIPMENT_DELIVERED').length === 2 ? entries.map((n) => n.summary) : undefined;
      },
      { what: 'the customer timeline to record both deliveries' },
    );
    expect(summaries.filter((t) => t.includes(` shipped for order ${secondOrder.id}`))).toHaveLength(2);
    expect(summaries.filter((t) => t.includes(` cancelled for order ${firstOrder.id}`))).toHaveLength(1);
    expect(summaries.filter((t) => t.includes(` delivered for order ${secondOrder.id}`))).toHaveLength(2);
    // Sales derives the order's state from the shipped quantities (shipment.shipped.v2): delivered in full, not yet invoiced.
    const completed = await untilOrder(secondOrder.id, (o) => o.status === 'DELIVERED', 'sales to mark the order delivered');
    expect(completed.lines[0]).toMatchObject({ quantity: '8', shortQuantity: '0', cancelledQuantity: '0', deliveredQuantity: '8' });
  });

  it('takes back 1 unit of the delivered backorder fit to sell and 1 scrapped, refusing more than was delivered', async () => {
    const order = await untilOrder(secondOrder.id, (o) => o.delivery.shipments.length === 2, 'the second order’s notices');
    const backorder = order.delivery.shipments.find((n) => n.backorderOf)!;
    const receiveReturn = 'mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { number lines { quantity condition } } }';
    const tooMuch = await system.as(clerk, receiveReturn, {
      i: { shipmentId: backorder.id, reason: 'Too many', lines: [{ orderLineId: secondOrder.lineId, quantity: '4', condition: 'RESTOCK' }] },
    });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity' });
    const returned = await system.must<{ receiveReturn: { number: string; lines: { quantity: string; condition: string }[] } }>(clerk, receiveReturn, {
      i: {
        shipmentId: backorder.id,
        reason: 'One arrived dented, one not needed',
        lines: [
          { orderLineId: secondOrder.lineId, quantity: '1', condition: 'RESTOCK' },
          { orderLineId: secondOrder.lineId, quantity: '1', condition: 'SCRAP' },
        ],
      },
    });
    expect(returned.receiveReturn.number).toMatch(/^RT-\d{6}$/);
    expect(await stockLevelOf(system, clerk, productId)).toEqual({ onHand: '8', reserved: '0', available: '8' });
  });
  it('plans one notice by hand taking lines of two orders of one customer, and ships it: both orders delivered', async () => {
    const before = (await stockLevelOf(system, clerk, productId))!;
    const place = async (): Promise<{ id: string; lineId: string }> => {
      const placed = await system.must<{ placeOrder: { id: string; lines: { id: string }[] } }>(
        rep,
        'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }',
        {
          i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '2', unitPrice: { amount: '80', currency: 'EUR' } }] },
        },
      );
      return { id: placed.placeOrder.id, lineId: placed.placeOrder.lines[0]!.id };
    };
    const orders = [await place(), await place()];
    // Each is reserved and planned on a notice of its own; 1 of each ships without a backorder, so 1 of each stays reserved, unplanned.
    for (const order of orders) {
      const planned = await untilOrder(order.id, (o) => o.delivery.shipments[0]?.lines[0]?.planned === '2', 'the order’s own notice');
      await system.must(
        clerk,
        'mutation($id: ID!, $line: ID!) { shipShipment(shipmentId: $id, lines: [{ orderLineId: $line, quantity: "1" }], trackingNumber: "TRK-1", backorder: false) { id } }',
        { id: planned.delivery.shipments[0]!.id, line: order.lineId },
      );
      expect((await untilOrder(order.id, () => true, 'the order')).stock[0]).toMatchObject({ reserved: '1', planned: '0', shipped: '1', toShip: '1' });
    }

    const { planShipment: notice } = await system.must<{
      planShipment: { id: string; number: string; status: string; plannedFor: string | null; lines: { orderLineId: string; planned: string }[] };
    }>(clerk, 'mutation($i: PlanShipmentInput!) { planShipment(input: $i) { id number status plannedFor lines { orderLineId planned } } }', {
      i: { customerId, warehouseId, plannedFor: day(2), lines: orders.map((o) => ({ orderLineId: o.lineId, quantity: '1' })) },
    });
    expect(notice).toMatchObject({ number: expect.stringMatching(/^DN-\d{6}$/), status: 'PLANNED', plannedFor: day(2) });
    expect(notice.lines).toEqual(expect.arrayContaining(orders.map((o) => ({ orderLineId: o.lineId, planned: '1' }))));
    expect(notice.lines).toHaveLength(2);
    // Nothing is left to plan: a second notice for the same lines is refused naming the line.
    const again = await system.as(clerk, 'mutation($i: PlanShipmentInput!) { planShipment(input: $i) { id } }', {
      i: { customerId, warehouseId, lines: [{ orderLineId: orders[0]!.lineId, quantity: '1' }] },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity' });

    await system.must(clerk, 'mutation($id: ID!) { shipShipment(shipmentId: $id, carrier: "DHL", trackingNumber: "TRK-2") { id } }', { id: notice.id });
    for (const order of orders) {
      const shipped = await untilOrder(order.id, (o) => o.status === 'DELIVERED', 'sales to see both units of the order shipped');
      expect(shipped.delivery.shipments.map((n) => n.id)).toContain(notice.id);
      expect(shipped.stock[0]).toMatchObject({ ordered: '2', reserved: '0', planned: '0', shipped: '2', toShip: '0' });
    }
    const after = (await stockLevelOf(system, clerk, productId))!;
    expect(Number(before.onHand) - Number(after.onHand)).toBe(4);
    expect(after.reserved).toBe(before.reserved);
  });
});
