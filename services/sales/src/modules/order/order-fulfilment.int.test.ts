import { randomUUID } from 'node:crypto';
import { createEvent, CreditNoteIssuedV1, InvoiceIssuedV2, InvoicePaidV1, ShipmentDeliveredV2 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { orderTestClient, usePumpAndValveOrders, shippedEvent } from './order.testing.js';

const { subgraph, pump, valve, warehouseId } = usePumpAndValveOrders();

interface Line {
  id: string;
  productId: string;
  deliveredQuantity: string;
  invoicedQuantity: string;
  cancelledQuantity: string;
  openQuantity: string;
  toInvoiceQuantity: string;
}
interface Order {
  id: string;
  customerId: string;
  status: string;
  deliveryStatus: string;
  invoiceStatus: string;
  deliveredAt: string | null;
  paidAt: string | null;
  completedAt: string | null;
  lines: Line[];
}
const orderFields =
  'id status deliveryStatus invoiceStatus deliveredAt paidAt completedAt lines { id productId deliveredQuantity invoicedQuantity cancelledQuantity openQuantity toInvoiceQuantity }';

const { read, deliver, ...orders } = orderTestClient<Order>(subgraph, orderFields);
const place = (customerId = randomUUID()): Promise<Order> =>
  orders.place(customerId, [
    { productId: pump.productId, quantity: '10', unitPrice: '100' },
    { productId: valve.productId, quantity: '2.5', unitPrice: '10' },
  ]);
/** Per line: delivered, invoiced, open. */
const quantities = (order: Order) => order.lines.map((l) => [l.deliveredQuantity, l.invoicedQuantity, l.openQuantity]);

const shipped = (order: Order, quantities: [Line, string][], shippedAt = new Date().toISOString()) =>
  shippedEvent(order, quantities, { warehouseId, carrier: 'DHL', trackingNumber: '00340434', shippedAt });
const money = (amount: string) => ({ amount, currency: 'EUR' });
const invoice = (order: Order, quantities: [Line, string][], invoiceId = randomUUID(), issuedAt = new Date().toISOString()) =>
  createEvent(InvoiceIssuedV2, invoiceId, {
    invoiceId,
    number: `INV-${invoiceId.slice(0, 6)}`,
    kind: 'STANDARD',
    customerId: order.customerId,
    orderId: order.id,
    currency: 'EUR',
    lines: quantities.map(([line, quantity]) => ({
      invoiceLineId: randomUUID(),
      orderLineId: line.id,
      productId: line.productId,
      description: 'goods',
      quantity,
      unitPrice: money('1'),
      discountPercent: '0',
      taxRate: '0',
      netAmount: money(quantity),
    })),
    netTotal: money('1'),
    taxTotal: money('0'),
    grossTotal: money('1'),
    issuedOn: issuedAt.slice(0, 10),
    dueDate: issuedAt.slice(0, 10),
    issuedAt,
  });
const paid = (order: Order, invoiceId: string, paidAt = new Date().toISOString()) =>
  createEvent(InvoicePaidV1, invoiceId, { invoiceId, number: `INV-${invoiceId.slice(0, 6)}`, customerId: order.customerId, orderId: order.id, paidAt });
const credit = (order: Order, invoiceId: string, quantities: [Line, string][]) => {
  const creditNoteId = randomUUID();
  return createEvent(CreditNoteIssuedV1, creditNoteId, {
    creditNoteId,
    number: `CN-${creditNoteId.slice(0, 6)}`,
    invoiceId,
    invoiceNumber: `INV-${invoiceId.slice(0, 6)}`,
    customerId: order.customerId,
    orderId: order.id,
    reason: 'CANCELLATION',
    currency: 'EUR',
    lines: quantities.map(([line, quantity]) => ({ orderLineId: line.id, productId: line.productId, quantity, netAmount: money(quantity) })),
    netTotal: money('1'),
    taxTotal: money('0'),
    grossTotal: money('1'),
    issuedAt: new Date().toISOString(),
  });
};

describe("an order's state follows what inventory ships and finance invoices and is paid", () => {
  it('goes confirmed → partly delivered → delivered → partly invoiced → invoiced → completed, counting each event once', async () => {
    const order = await place();
    const [pumpLine, valveLine] = order.lines as [Line, Line];
    expect(order).toMatchObject({ status: 'CONFIRMED', deliveryStatus: 'NOTHING_DELIVERED', invoiceStatus: 'NOTHING_INVOICED' });

    const first = shipped(order, [[pumpLine, '4']], '2026-12-01T08:00:00.000Z');
    await deliver(first);
    await deliver(first);
    expect(await read(order.id)).toMatchObject({ status: 'PARTLY_DELIVERED', deliveryStatus: 'PARTLY_DELIVERED', deliveredAt: null });
    expect(quantities(await read(order.id))).toEqual([
      ['4', '0', '6'],
      ['0', '0', '2.5'],
    ]);

    await deliver(
      shipped(
        order,
        [
          [pumpLine, '6'],
          [valveLine, '2.5'],
        ],
        '2026-12-02T08:00:00.000Z',
      ),
    );
    // The arrival of a shipment changes no quantity: sales counts what left the warehouse.
    await deliver(
      createEvent(ShipmentDeliveredV2, randomUUID(), {
        shipmentId: randomUUID(),
        number: 'SH-X',
        customerId: order.customerId,
        warehouseId,
        lines: [{ orderId: order.id, orderLineId: pumpLine.id, productId: pump.productId, quantity: '6' }],
        deliveredAt: new Date().toISOString(),
      }),
    );
    expect(await read(order.id)).toMatchObject({ status: 'DELIVERED', deliveryStatus: 'FULLY_DELIVERED', deliveredAt: '2026-12-02T08:00:00.000Z' });

    const invoiceA = randomUUID();
    const issuedA = invoice(order, [[pumpLine, '10']], invoiceA);
    await deliver(issuedA);
    await deliver(issuedA);
    let now = await read(order.id);
    expect(now).toMatchObject({ status: 'PARTLY_INVOICED', invoiceStatus: 'PARTLY_INVOICED' });
    expect(now.lines.map((l) => l.toInvoiceQuantity)).toEqual(['0', '2.5']);
    await deliver(paid(order, invoiceA));
    expect((await read(order.id)).status).toBe('PARTLY_INVOICED');

    const invoiceB = randomUUID();
    await deliver(invoice(order, [[valveLine, '2.5']], invoiceB));
    expect(await read(order.id)).toMatchObject({ status: 'INVOICED', invoiceStatus: 'FULLY_INVOICED', paidAt: null });

    await deliver(paid(order, invoiceB, '2026-12-20T10:00:00.000Z'));
    now = await read(order.id);
    expect(now).toMatchObject({ status: 'COMPLETED', invoiceStatus: 'PAID', paidAt: '2026-12-20T10:00:00.000Z', completedAt: '2026-12-20T10:00:00.000Z' });
    expect(quantities(now)).toEqual([
      ['10', '10', '0'],
      ['2.5', '2.5', '0'],
    ]);

    const open = await subgraph.gql<{ _entities: { openOrders: { id: string }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { openOrders { id } } } }',
      { r: [{ __typename: 'Customer', id: order.customerId }] },
    );
    expect(open.data!._entities[0]!.openOrders).toEqual([]);
  });

  it('takes a credit note arriving before its invoice (any order across aggregates) and ends at the same quantities', async () => {
    const order = await place();
    const [pumpLine, valveLine] = order.lines as [Line, Line];
    await deliver(
      shipped(order, [
        [pumpLine, '10'],
        [valveLine, '2.5'],
      ]),
    );
    const invoiceId = randomUUID();
    await deliver(credit(order, invoiceId, [[pumpLine, '3']]));
    await deliver(
      invoice(
        order,
        [
          [pumpLine, '10'],
          [valveLine, '2.5'],
        ],
        invoiceId,
      ),
    );
    const now = await read(order.id);
    expect(quantities(now)).toEqual([
      ['10', '7', '0'],
      ['2.5', '2.5', '0'],
    ]);
    expect(now.status).toBe('PARTLY_INVOICED');
    expect(now.lines.map((l) => l.toInvoiceQuantity)).toEqual(['3', '0']);
  });

  it('is PAID when invoiced and paid in advance, before anything ships', async () => {
    const order = await place();
    const [pumpLine, valveLine] = order.lines as [Line, Line];
    const invoiceId = randomUUID();
    await deliver(
      invoice(
        order,
        [
          [pumpLine, '10'],
          [valveLine, '2.5'],
        ],
        invoiceId,
      ),
    );
    await deliver(paid(order, invoiceId));
    expect(await read(order.id)).toMatchObject({ status: 'PAID', deliveryStatus: 'NOTHING_DELIVERED', invoiceStatus: 'PAID', completedAt: null });
    await deliver(
      shipped(order, [
        [pumpLine, '10'],
        [valveLine, '2.5'],
      ]),
    );
    expect((await read(order.id)).status).toBe('COMPLETED');
  });
});

describe('cancelling a partly delivered order', () => {
  it('cancels only the undelivered rest and refuses a fully delivered line: delivered goods can only be returned', async () => {
    const order = await place();
    const [pumpLine, valveLine] = order.lines as [Line, Line];
    await deliver(
      shipped(order, [
        [pumpLine, '4'],
        [valveLine, '2.5'],
      ]),
    );

    const valveCancel = await subgraph.gql('mutation($o: ID!, $l: ID!) { cancelOrderLine(orderId: $o, lineId: $l) { id } }', { o: order.id, l: valveLine.id });
    expect(valveCancel.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_LINE_NOT_CANCELLABLE' });

    const cancelled = await subgraph.gql<{ cancelOrder: Order }>(`mutation($id: ID!) { cancelOrder(id: $id, reason: "rest not needed") { ${orderFields} } }`, { id: order.id });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelOrder).toMatchObject({ status: 'DELIVERED', deliveryStatus: 'FULLY_DELIVERED' });
    expect(cancelled.data!.cancelOrder.lines.map((l) => [l.deliveredQuantity, l.cancelledQuantity, l.openQuantity])).toEqual([
      ['4', '6', '0'],
      ['2.5', '0', '0'],
    ]);
    const again = await subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: order.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELLABLE' });

    const [event] = await subgraph.service.orm.em
      .fork()
      .getConnection()
      .execute<{ data: { whole: boolean; lines: { lineId: string; quantity: string }[] } }[]>(
        `select payload->'data' as data from outbox_message where message_key = ? and payload->>'type' = 'sales.order.cancelled.v2'`,
        [order.id],
      );
    expect(event!.data).toMatchObject({ whole: false, lines: [{ lineId: pumpLine.id, productId: pump.productId, quantity: '6' }] });
  });
});
