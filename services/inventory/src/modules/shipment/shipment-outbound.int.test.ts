import { randomUUID } from 'node:crypto';
import { createEvent, OrderCancelledV2 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, applyReservationEvent, aProduct, aWarehouse, type ConfirmedOrderFixture, levelOf, receive, useCheckedInventorySubgraph } from '../../test-fixtures.js';

// Shipping notices per order line, through the schema: planned from reservations, shipped partly
// with backorders, from several warehouses, cut back by cancellations, planned by hand.

const subgraph = useCheckedInventorySubgraph();
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

interface Notice {
  id: string;
  number: string;
  status: string;
  orderId: string | null;
  warehouse: { id: string } | null;
  carrier: string | null;
  trackingNumber: string | null;
  backorderOf: { id: string } | null;
  lines: { orderId: string; orderLineId: string; planned: string; shipped: string; cancelled: string }[];
}
const noticeFields = 'id number status orderId warehouse { id } carrier trackingNumber backorderOf { id } lines { orderId orderLineId planned shipped cancelled }';

const must = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const result = await subgraph.gql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
};
const errorOf = async (query: string, variables: Record<string, unknown>) => (await subgraph.gql(query, variables)).errors?.[0]?.extensions;

const notice = async (id: string): Promise<Notice> => (await must<{ shipment: Notice }>(`query($id: ID!) { shipment(id: $id) { ${noticeFields} } }`, { id })).shipment;
const noticesOf = async (filter: Record<string, unknown>): Promise<Notice[]> =>
  (
    await must<{ shipments: { edges: { node: Notice }[] } }>(`query($f: ShipmentFilter) { shipments(filter: $f, first: 50) { edges { node { ${noticeFields} } } } }`, { f: filter })
  ).shipments.edges
    .map((e) => e.node)
    .reverse();

const shipMutation = `mutation($id: ID!, $lines: [ShipmentLineInput!], $carrier: String, $tracking: String!, $backorder: Boolean) {
  shipShipment(shipmentId: $id, lines: $lines, carrier: $carrier, trackingNumber: $tracking, backorder: $backorder) { ${noticeFields} } }`;
const ship = async (id: string, lines?: { orderLineId: string; quantity: string }[], backorder?: boolean): Promise<Notice> =>
  (await must<{ shipShipment: Notice }>(shipMutation, { id, lines, carrier: 'DHL', tracking: `TRK-${randomUUID().slice(0, 8)}`, backorder })).shipShipment;
const planMutation = `mutation($i: PlanShipmentInput!) { planShipment(input: $i) { ${noticeFields} } }`;

interface LineStock {
  orderLineId: string;
  reserved: string;
  planned: string;
  unplanned: string;
  shipped: string;
  toShip: string;
  cancelled: string;
}
const stockOf = async (orderId: string): Promise<LineStock[]> =>
  (
    await must<{ _entities: { stock: LineStock[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on SalesOrder { stock { orderLineId reserved planned unplanned shipped toShip cancelled } } } }',
      { r: [{ __typename: 'SalesOrder', id: orderId }] },
    )
  )._entities[0]!.stock;

const deliveryMoves = (shipmentId: string) =>
  sql<{ q: string; warehouse_id: string }>("select quantity::text as q, warehouse_id from stock_move where kind = 'DELIVERY' and reference_id = ? order by moved_at, id", [
    shipmentId,
  ]);

/** Cancels quantities of an order's lines, as sales.order.cancelled.v2 does (through the inbox, without Kafka). */
async function cancel(order: ConfirmedOrderFixture, lines: { lineId: string; productId: string; quantity: string }[]): Promise<void> {
  const event = createEvent(OrderCancelledV2, order.orderId, {
    orderId: order.orderId,
    customerId: order.customerId,
    number: 'SO-X',
    whole: false,
    lines,
    reason: 'customer changed their mind',
    cancelledAt: new Date().toISOString(),
  });
  await applyReservationEvent(subgraph, event);
}

/** A product with `quantity` in a new warehouse. */
async function stocked(quantity: string, warehouseCode?: string): Promise<{ productId: string; warehouseId: string }> {
  const productId = await aProduct(subgraph);
  const warehouseId = await aWarehouse(subgraph, warehouseCode ? { code: warehouseCode } : {});
  await receive(subgraph, productId, warehouseId, quantity);
  return { productId, warehouseId };
}

describe('partial shipments and backorders', () => {
  it('ships 2 of 5, puts the other 3 on a backorder notice, ships that, and the line has nothing left to ship', async () => {
    const { productId, warehouseId } = await stocked('10');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '5' }]);
    const lineId = order.lines[0]!.lineId;
    expect(order.shipmentIds).toHaveLength(1);
    const first = await notice(order.shipmentIds[0]!);
    expect(first).toMatchObject({ status: 'PLANNED', orderId: order.orderId, warehouse: { id: warehouseId }, lines: [{ orderLineId: lineId, planned: '5', shipped: '0' }] });
    expect(first.number).toMatch(/^DN-\d{6}$/);

    const shipped = await ship(first.id, [{ orderLineId: lineId, quantity: '2' }]);
    expect(shipped).toMatchObject({ status: 'SHIPPED', carrier: 'DHL', lines: [{ planned: '2', shipped: '2', cancelled: '0' }] });
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '8', reserved: '3', available: '5' });
    expect((await deliveryMoves(first.id)).map((m) => m.q)).toEqual(['-2.000']);

    const [, backorder] = await noticesOf({ orderId: order.orderId });
    expect(backorder).toMatchObject({
      status: 'PLANNED',
      backorderOf: { id: first.id },
      warehouse: { id: warehouseId },
      lines: [{ orderLineId: lineId, planned: '3', shipped: '0' }],
    });
    expect(await stockOf(order.orderId)).toEqual([{ orderLineId: lineId, reserved: '3', planned: '3', unplanned: '0', shipped: '2', toShip: '3', cancelled: '0' }]);

    await ship(backorder!.id);
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '5', reserved: '0', available: '5' });
    expect(await stockOf(order.orderId)).toEqual([{ orderLineId: lineId, reserved: '0', planned: '0', unplanned: '0', shipped: '5', toShip: '0', cancelled: '0' }]);
    expect(await noticesOf({ orderId: order.orderId, status: 'PLANNED' })).toEqual([]);

    const delivered = await must<{ markDelivered: { status: string; deliveredAt: string } }>(
      'mutation($id: ID!, $at: DateTime) { markDelivered(shipmentId: $id, deliveredAt: $at) { status deliveredAt } }',
      {
        id: backorder!.id,
        at: new Date(Date.now() + 1000).toISOString().replace(/\.\d+Z$/, '.000Z'),
      },
    );
    expect(delivered.markDelivered.status).toBe('DELIVERED');
  });

  it('without a backorder, takes the rest off the notice (cancelled) and keeps it reserved, to be planned by hand', async () => {
    const { productId, warehouseId } = await stocked('10');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '4' }]);
    const lineId = order.lines[0]!.lineId;
    const shipped = await ship(order.shipmentIds[0]!, [{ orderLineId: lineId, quantity: '1.5' }], false);
    expect(shipped).toMatchObject({ status: 'SHIPPED', lines: [{ planned: '1.5', shipped: '1.5', cancelled: '2.5' }] });
    expect(await noticesOf({ orderId: order.orderId })).toHaveLength(1);
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '8.5', reserved: '2.5', available: '6' });
    expect(await stockOf(order.orderId)).toEqual([{ orderLineId: lineId, reserved: '2.5', planned: '0', unplanned: '2.5', shipped: '1.5', toShip: '2.5', cancelled: '0' }]);
    const [cancelled] = await sql<{ data: { lines: { quantity: string }[]; reason: string } }>(
      "select payload->'data' as data from outbox_message where type = 'inventory.shipment.cancelled.v1' and message_key = ?",
      [shipped.id],
    );
    expect(cancelled?.data).toMatchObject({ lines: [{ orderLineId: lineId, quantity: '2.5' }], reason: expect.any(String) });

    const planned = await must<{ planShipment: Notice }>(planMutation, {
      i: { customerId: order.customerId, warehouseId, lines: [{ orderLineId: lineId, quantity: '2.5' }], plannedFor: '2026-12-24' },
    });
    expect(planned.planShipment).toMatchObject({ status: 'PLANNED', orderId: order.orderId, lines: [{ orderLineId: lineId, planned: '2.5' }] });
    expect(await stockOf(order.orderId)).toEqual([expect.objectContaining({ planned: '2.5', unplanned: '0' })]);
  });
});

describe('several warehouses', () => {
  it('plans one notice per warehouse an order reserved in, ships each on its own, and tops up the open one when a shortage is reserved later', async () => {
    const productId = await aProduct(subgraph);
    const tag = randomUUID().slice(0, 6);
    const [w1, w2] = [await aWarehouse(subgraph, { code: `A-${tag}` }), await aWarehouse(subgraph, { code: `B-${tag}` })];
    await receive(subgraph, productId, w1, '5');
    await receive(subgraph, productId, w2, '5');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '12' }]);
    const lineId = order.lines[0]!.lineId;
    const notices = await noticesOf({ orderId: order.orderId });
    expect(notices.map((n) => [n.warehouse?.id, n.lines[0]?.planned]).sort()).toEqual(
      [
        [w1, '5'],
        [w2, '5'],
      ].sort(),
    );
    const inW1 = notices.find((n) => n.warehouse?.id === w1)!;
    const inW2 = notices.find((n) => n.warehouse?.id === w2)!;
    expect(await noticesOf({ warehouseId: w1 })).toEqual([inW1]);
    expect((await noticesOf({ customerId: order.customerId })).map((n) => n.id).sort()).toEqual([inW1.id, inW2.id].sort());

    await ship(inW1.id);
    expect((await deliveryMoves(inW1.id)).map((m) => [m.warehouse_id, m.q])).toEqual([[w1, '-5.000']]);
    // 2 are short; a receipt in W2 reserves them onto W2's notice, still open.
    await receive(subgraph, productId, w2, '2');
    expect((await notice(inW2.id)).lines).toEqual([expect.objectContaining({ orderLineId: lineId, planned: '7' })]);
    await ship(inW2.id, [{ orderLineId: lineId, quantity: '7' }]);
    expect(await levelOf(subgraph, productId, w2)).toEqual({ onHand: '0', reserved: '0', available: '0' });
    expect(await stockOf(order.orderId)).toEqual([expect.objectContaining({ shipped: '12', toShip: '0', reserved: '0' })]);
    expect(await noticesOf({ orderId: order.orderId, status: 'SHIPPED' })).toHaveLength(2);
  });

  it('puts stock reserved after the notice left on a new notice in that warehouse', async () => {
    const { productId, warehouseId } = await stocked('2');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '3' }]);
    await ship(order.shipmentIds[0]!);
    await receive(subgraph, productId, warehouseId, '1');
    const notices = await noticesOf({ orderId: order.orderId });
    expect(notices.map((n) => [n.status, n.lines[0]?.planned])).toEqual([
      ['SHIPPED', '2'],
      ['PLANNED', '1'],
    ]);
  });
});

describe('cancelled orders', () => {
  it('cancels the notice of an order cancelled in full and releases its reservation', async () => {
    const { productId, warehouseId } = await stocked('6');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '4' }]);
    await cancel(order, [{ lineId: order.lines[0]!.lineId, productId, quantity: '4' }]);
    const cancelled = await notice(order.shipmentIds[0]!);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', lines: [{ planned: '0', shipped: '0', cancelled: '4' }] });
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '6', reserved: '0', available: '6' });
    expect(await errorOf(shipMutation, { id: cancelled.id, tracking: 'TRK' })).toMatchObject({ code: 'CONFLICT', field: 'shipmentId' });
    const [event] = await sql<{ data: { lines: { quantity: string }[]; reason: string } }>(
      "select payload->'data' as data from outbox_message where type = 'inventory.shipment.cancelled.v1' and message_key = ?",
      [cancelled.id],
    );
    expect(event?.data).toMatchObject({ lines: [{ quantity: '4' }], reason: 'customer changed their mind' });
    expect(await noticesOf({ status: 'CANCELLED', customerId: order.customerId })).toHaveLength(1);
  });

  it('reduces an open notice by a partly cancelled line, and never cancels what was shipped', async () => {
    const { productId, warehouseId } = await stocked('10');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '5' }]);
    const lineId = order.lines[0]!.lineId;
    await ship(order.shipmentIds[0]!, [{ orderLineId: lineId, quantity: '2' }]);
    const [, backorder] = await noticesOf({ orderId: order.orderId });
    await cancel(order, [{ lineId, productId, quantity: '1' }]);
    expect((await notice(backorder!.id)).lines).toEqual([expect.objectContaining({ planned: '2', cancelled: '1' })]);
    // Sales cancels undelivered quantities only; inventory would not touch the shipped 2 anyway.
    await cancel(order, [{ lineId, productId, quantity: '2' }]);
    expect(await notice(backorder!.id)).toMatchObject({ status: 'CANCELLED', lines: [{ planned: '0', cancelled: '3' }] });
    expect(await notice(order.shipmentIds[0]!)).toMatchObject({ status: 'SHIPPED', lines: [{ shipped: '2', cancelled: '0' }] });
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '8', reserved: '0', available: '8' });
  });
});

describe('notices planned by hand', () => {
  it("takes reserved, unplanned lines of two orders of one customer onto one notice, and refuses another customer's line, more than is unplanned, naming the field", async () => {
    const { productId, warehouseId } = await stocked('20');
    const customerId = randomUUID();
    const first = await aConfirmedOrder(subgraph, [{ productId, quantity: '3' }], { customerId });
    const second = await aConfirmedOrder(subgraph, [{ productId, quantity: '4' }], { customerId });
    const stranger = await aConfirmedOrder(subgraph, [{ productId, quantity: '1' }]);
    // Shipping 1 of each without a backorder leaves the rest reserved and on no notice.
    await ship(first.shipmentIds[0]!, [{ orderLineId: first.lines[0]!.lineId, quantity: '1' }], false);
    await ship(second.shipmentIds[0]!, [{ orderLineId: second.lines[0]!.lineId, quantity: '1' }], false);
    const lines = [
      { orderLineId: first.lines[0]!.lineId, quantity: '2' },
      { orderLineId: second.lines[0]!.lineId, quantity: '3' },
    ];

    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [...lines, { orderLineId: stranger.lines[0]!.lineId, quantity: '1' }] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[2].orderLineId',
    });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [lines[0], { ...lines[1], quantity: '3.001' }] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[1].quantity',
      reason: 'MORE_THAN_RESERVED',
    });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [{ ...lines[0], quantity: '-1' }] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [{ ...lines[0], quantity: '0.0001' }] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [lines[0], lines[0]] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[1].orderLineId',
    });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId: randomUUID(), lines } })).toMatchObject({ code: 'NOT_FOUND', field: 'input.warehouseId' });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [{ orderLineId: randomUUID(), quantity: '1' }] } })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.lines[0].orderLineId',
    });
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines, plannedFor: '2026-02-30' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.plannedFor' });
    expect(await noticesOf({ customerId, status: 'PLANNED' })).toEqual([]);

    const planned = (await must<{ planShipment: Notice }>(planMutation, { i: { customerId, warehouseId, lines } })).planShipment;
    expect(planned).toMatchObject({ status: 'PLANNED', orderId: null, warehouse: { id: warehouseId } });
    expect(planned.lines.map((l) => [l.orderId, l.planned]).sort()).toEqual(
      [
        [first.orderId, '2'],
        [second.orderId, '3'],
      ].sort(),
    );
    expect((await noticesOf({ orderId: second.orderId })).map((n) => n.id)).toContain(planned.id);
    expect(await errorOf(planMutation, { i: { customerId, warehouseId, lines: [{ ...lines[0], quantity: '0.001' }] } })).toMatchObject({ reason: 'MORE_THAN_RESERVED' });

    await ship(planned.id);
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '13', reserved: '1', available: '12' });
  });
});

describe('bad shipping input', () => {
  it('refuses more than planned, a line not on the notice, negative or over-precise quantities, nothing to ship and a delivery before shipping, naming the field; nothing changes', async () => {
    const { productId, warehouseId } = await stocked('5');
    const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '3' }]);
    const id = order.shipmentIds[0]!;
    const lineId = order.lines[0]!.lineId;
    const attempt = (lines: unknown[], tracking = 'TRK') => errorOf(shipMutation, { id, lines, tracking });
    expect(await attempt([{ orderLineId: lineId, quantity: '3.5' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines[0].quantity', reason: 'MORE_THAN_PLANNED' });
    expect(await attempt([{ orderLineId: lineId, quantity: '-1' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines[0].quantity' });
    expect(await attempt([{ orderLineId: lineId, quantity: '1.0005' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines[0].quantity' });
    expect(await attempt([{ orderLineId: randomUUID(), quantity: '1' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines[0].orderLineId' });
    expect(await attempt([{ orderLineId: lineId, quantity: '0' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines', reason: 'NOTHING_TO_SHIP' });
    expect(await attempt([{ orderLineId: lineId, quantity: '1' }], '  ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'trackingNumber' });
    expect(await notice(id)).toMatchObject({ status: 'PLANNED', lines: [{ planned: '3', shipped: '0' }] });
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '5', reserved: '3', available: '2' });

    await ship(id);
    expect(await errorOf('mutation($id: ID!, $at: DateTime) { markDelivered(shipmentId: $id, deliveredAt: $at) { id } }', { id, at: '2020-01-01T00:00:00.000Z' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'deliveredAt',
    });
    expect(await errorOf('query($f: ShipmentFilter) { shipments(filter: $f) { edges { cursor } } }', { f: { orderId: 'nope' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.orderId',
    });
  });
});
