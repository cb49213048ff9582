import { randomUUID } from 'node:crypto';
import { createEvent, StockReleasedV1, StockReservedV1, StockShortageReportedV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { orderTestClient, usePumpAndValveOrders } from './order.testing.js';

const { subgraph, pump, valve, warehouseId } = usePumpAndValveOrders();

interface Line {
  id: string;
  productId: string;
  quantity: string;
  reservedQuantity: string;
  shortQuantity: string;
  cancelledQuantity: string;
  openQuantity: string;
}
interface Order {
  id: string;
  status: string;
  lines: Line[];
}
const orderFields = 'id status lines { id productId quantity reservedQuantity shortQuantity cancelledQuantity openQuantity }';

const { read, deliver, ...orders } = orderTestClient<Order>(subgraph, orderFields);
const place = (): Promise<Order> =>
  orders.place(randomUUID(), [
    { productId: pump.productId, quantity: '10', unitPrice: '100' },
    { productId: valve.productId, quantity: '2.5', unitPrice: '10' },
  ]);
const quantities = (order: Order) => order.lines.map((l) => [l.reservedQuantity, l.shortQuantity, l.cancelledQuantity, l.openQuantity]);
const stock = (line: Line, quantity: string) => ({ orderLineId: line.id, productId: line.productId, warehouseId, quantity });

describe("an order line's reserved and short quantities, from inventory's events", () => {
  it('adds reservations, shows a shortage less what was reserved since, subtracts releases, and counts a redelivered event once', async () => {
    const order = await place();
    const [pumpLine, valveLine] = order.lines as [Line, Line];
    const reserved = createEvent(StockReservedV1, order.id, { orderId: order.id, lines: [stock(pumpLine, '6'), stock(valveLine, '2.5')], reservedAt: new Date().toISOString() });
    await deliver(reserved);
    await deliver(reserved);
    await deliver(
      createEvent(StockShortageReportedV1, order.id, {
        orderId: order.id,
        lines: [{ orderLineId: pumpLine.id, productId: pump.productId, quantity: '4' }],
        reportedAt: new Date().toISOString(),
      }),
    );
    expect(quantities(await read(order.id))).toEqual([
      ['6', '4', '0', '10'],
      ['2.5', '0', '0', '2.5'],
    ]);
    // Stock arrived for part of the shortage.
    await deliver(createEvent(StockReservedV1, order.id, { orderId: order.id, lines: [stock(pumpLine, '3')], reservedAt: new Date().toISOString() }));
    expect(quantities(await read(order.id))[0]).toEqual(['9', '1', '0', '10']);
    await deliver(createEvent(StockReleasedV1, order.id, { orderId: order.id, lines: [stock(valveLine, '2.5')], releasedAt: new Date().toISOString() }));
    expect(quantities(await read(order.id))[1]).toEqual(['0', '0', '0', '2.5']);
  });

  it('ignores a shortage report older than the one held, and events for lines or orders it does not know', async () => {
    const order = await place();
    const pumpLine = order.lines[0]!;
    const report = (quantity: string, reportedAt: string) =>
      createEvent(StockShortageReportedV1, order.id, { orderId: order.id, lines: [{ orderLineId: pumpLine.id, productId: pump.productId, quantity }], reportedAt });
    await deliver(report('7', '2026-12-05T10:00:00.000Z'));
    await deliver(report('9', '2026-12-05T09:00:00.000Z'));
    await deliver(
      createEvent(StockReservedV1, order.id, { orderId: order.id, lines: [{ ...stock(pumpLine, '1'), orderLineId: randomUUID() }], reservedAt: new Date().toISOString() }),
    );
    const unknownOrder = randomUUID();
    await deliver(createEvent(StockReservedV1, unknownOrder, { orderId: unknownOrder, lines: [stock(pumpLine, '1')], reservedAt: new Date().toISOString() }));
    expect(quantities(await read(order.id))[0]).toEqual(['0', '7', '0', '10']);
  });
});

describe('cancelling an order line', () => {
  it("cancels one line's open rest (sales.order.cancelled.v2 with the line and quantity), then the whole order with what is left", async () => {
    const order = await place();
    const [pumpLine, valveLine] = order.lines as [Line, Line];
    const cancelLine = `mutation($o: ID!, $l: ID!) { cancelOrderLine(orderId: $o, lineId: $l, reason: "Customer changed plans") { ${orderFields} } }`;
    const first = await subgraph.gql<{ cancelOrderLine: Order }>(cancelLine, { o: order.id, l: valveLine.id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.cancelOrderLine.status).toBe('CONFIRMED');
    expect(quantities(first.data!.cancelOrderLine)[1]).toEqual(['0', '0', '2.5', '0']);
    const again = await subgraph.gql(cancelLine, { o: order.id, l: valveLine.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_LINE_NOT_CANCELLABLE' });

    const whole = await subgraph.gql<{ cancelOrder: Order }>(`mutation($id: ID!) { cancelOrder(id: $id) { ${orderFields} } }`, { id: order.id });
    expect(whole.data!.cancelOrder.status).toBe('CANCELLED');
    const events = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ data: { whole: boolean; reason: string | null; lines: { lineId: string; quantity: string }[] } }[]>(
        `select payload->'data' as data from outbox_message where message_key = ? and payload->>'type' = 'sales.order.cancelled.v2' order by position`,
        [order.id],
      );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ whole: false, reason: 'Customer changed plans', lines: [{ lineId: valveLine.id, productId: valve.productId, quantity: '2.5' }] }),
      expect.objectContaining({ whole: true, reason: null, lines: [{ lineId: pumpLine.id, productId: pump.productId, quantity: '10' }] }),
    ]);
  });
});
