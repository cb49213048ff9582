import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, levelOf, receive, useCheckedInventorySubgraph } from '../../test-fixtures.js';

// Customer returns against a delivery, through the schema: restocked goods go back on the ledger,
// scrapped ones do not, and nothing more comes back than went out.

const subgraph = useCheckedInventorySubgraph();
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const receiveReturn = `mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) {
  id number reason warehouse { id } shipment { id } lines { orderLineId quantity condition } } }`;
interface Returned {
  id: string;
  number: string;
  reason: string;
  warehouse: { id: string };
  shipment: { id: string };
  lines: { orderLineId: string; quantity: string; condition: string }[];
}
const errorOf = async (input: Record<string, unknown>) => (await subgraph.gql(receiveReturn, { i: input })).errors?.[0]?.extensions;
const must = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
  const result = await subgraph.gql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
};

/** A delivered shipment of `quantity` of a product stocked with 10 in a new warehouse. */
async function delivered(quantity: string) {
  const productId = await aProduct(subgraph);
  const warehouseId = await aWarehouse(subgraph);
  await receive(subgraph, productId, warehouseId, '10');
  const order = await aConfirmedOrder(subgraph, [{ productId, quantity }]);
  const shipmentId = order.shipmentIds[0]!;
  await must('mutation($id: ID!) { shipShipment(shipmentId: $id, trackingNumber: "TRK-R") { id } }', { id: shipmentId });
  await must('mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: shipmentId });
  return { productId, warehouseId, shipmentId, lineId: order.lines[0]!.lineId, orderId: order.orderId };
}

describe('customer returns', () => {
  it('restocks what is fit to sell (a CUSTOMER_RETURN move), records scrap without a move, and announces both per line', async () => {
    const d = await delivered('5');
    expect(await levelOf(subgraph, d.productId, d.warehouseId)).toEqual({ onHand: '5', reserved: '0', available: '5' });
    const { receiveReturn: returned } = await must<{ receiveReturn: Returned }>(receiveReturn, {
      i: {
        shipmentId: d.shipmentId,
        reason: 'Wrong size ordered',
        lines: [
          { orderLineId: d.lineId, quantity: '2', condition: 'RESTOCK' },
          { orderLineId: d.lineId, quantity: '1', condition: 'SCRAP' },
        ],
      },
    });
    expect(returned).toMatchObject({ reason: 'Wrong size ordered', warehouse: { id: d.warehouseId }, shipment: { id: d.shipmentId } });
    expect(returned.number).toMatch(/^RT-\d{6}$/);
    expect(returned.lines).toEqual([
      { orderLineId: d.lineId, quantity: '2', condition: 'RESTOCK' },
      { orderLineId: d.lineId, quantity: '1', condition: 'SCRAP' },
    ]);
    expect(await levelOf(subgraph, d.productId, d.warehouseId)).toEqual({ onHand: '7', reserved: '0', available: '7' });
    expect(await sql('select kind, quantity::text as q from stock_move where reference_id = ? order by moved_at', [returned.id])).toEqual([
      { kind: 'CUSTOMER_RETURN', q: '2.000' },
    ]);
    const [event] = await sql<{ data: Record<string, unknown> }>(
      "select payload->'data' as data from outbox_message where type = 'inventory.return.received.v1' and message_key = ?",
      [returned.id],
    );
    expect(event?.data).toMatchObject({
      returnId: returned.id,
      shipmentId: d.shipmentId,
      warehouseId: d.warehouseId,
      reason: 'Wrong size ordered',
      lines: expect.arrayContaining([
        { orderId: d.orderId, orderLineId: d.lineId, productId: d.productId, quantity: '2', condition: 'RESTOCK' },
        { orderId: d.orderId, orderLineId: d.lineId, productId: d.productId, quantity: '1', condition: 'SCRAP' },
      ]),
    });
    const shown = await must<{ shipment: { returns: { number: string }[] } }>('query($id: ID!) { shipment(id: $id) { returns { number } } }', { id: d.shipmentId });
    expect(shown.shipment.returns).toEqual([{ number: returned.number }]);
  });

  it('refuses returning more than was delivered and not yet returned, naming the quantity, and takes the rest', async () => {
    const d = await delivered('3');
    await must(receiveReturn, { i: { shipmentId: d.shipmentId, reason: 'Damaged', lines: [{ orderLineId: d.lineId, quantity: '2', condition: 'SCRAP' }] } });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: 'More', lines: [{ orderLineId: d.lineId, quantity: '1.001', condition: 'RESTOCK' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
      reason: 'MORE_THAN_DELIVERED',
    });
    expect(
      await errorOf({
        shipmentId: d.shipmentId,
        reason: 'More',
        lines: [
          { orderLineId: d.lineId, quantity: '0.5', condition: 'RESTOCK' },
          { orderLineId: d.lineId, quantity: '0.6', condition: 'SCRAP' },
        ],
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].quantity' });
    await must(receiveReturn, { i: { shipmentId: d.shipmentId, reason: 'Rest', lines: [{ orderLineId: d.lineId, quantity: '1', condition: 'RESTOCK' }] } });
    expect(await levelOf(subgraph, d.productId, d.warehouseId)).toEqual({ onHand: '8', reserved: '0', available: '8' });
  });

  it('refuses a shipment not delivered, a line it did not deliver, bad quantities, a blank reason and an unknown warehouse, naming the field; nothing is written', async () => {
    const d = await delivered('2');
    const productId = await aProduct(subgraph);
    await receive(subgraph, productId, d.warehouseId, '1');
    const planned = await aConfirmedOrder(subgraph, [{ productId, quantity: '1' }]);
    const line = { orderLineId: d.lineId, quantity: '1', condition: 'RESTOCK' };
    expect(await errorOf({ shipmentId: planned.shipmentIds[0], reason: 'x', lines: [{ ...line, orderLineId: planned.lines[0]!.lineId }] })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.shipmentId',
    });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: 'x', lines: [{ ...line, orderLineId: randomUUID() }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].orderLineId',
    });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: 'x', lines: [{ ...line, quantity: '-1' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: 'x', lines: [{ ...line, quantity: '0' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: 'x', lines: [{ ...line, quantity: '0.0001' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: '  ', lines: [line] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(await errorOf({ shipmentId: d.shipmentId, reason: 'x', warehouseId: randomUUID(), lines: [line] })).toMatchObject({ code: 'NOT_FOUND', field: 'input.warehouseId' });
    expect(await errorOf({ shipmentId: randomUUID(), reason: 'x', lines: [line] })).toMatchObject({ code: 'NOT_FOUND', field: 'input.shipmentId' });
    expect(await sql('select id from customer_return where shipment_id = ?', [d.shipmentId])).toEqual([]);
    expect(await levelOf(subgraph, d.productId, d.warehouseId)).toEqual({ onHand: '8', reserved: '0', available: '8' });
  });

  it('serves a waiting shortage from restocked goods, oldest order first, onto a shipping notice', async () => {
    const d = await delivered('10');
    const waiting = await aConfirmedOrder(subgraph, [{ productId: d.productId, quantity: '2' }]);
    expect(waiting.shipmentIds).toEqual([]);
    await must(receiveReturn, { i: { shipmentId: d.shipmentId, reason: 'Surplus', lines: [{ orderLineId: d.lineId, quantity: '3', condition: 'RESTOCK' }] } });
    expect(await levelOf(subgraph, d.productId, d.warehouseId)).toEqual({ onHand: '3', reserved: '2', available: '1' });
    expect(await sql('select l.planned::text as planned from shipment_line l where l.order_id = ?', [waiting.orderId])).toEqual([{ planned: '2.000' }]);
  });
});
