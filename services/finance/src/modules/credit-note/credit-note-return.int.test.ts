import { randomUUID } from 'node:crypto';
import { createEvent, OrderConfirmedV2, ReturnReceivedV1, ShipmentShippedV2, type CloudEvent } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinanceService } from '../../create-finance-service.js';

let subgraph: TestSubgraph;
const warehouseId = randomUUID();
const productId = randomUUID();
const now = () => new Date().toISOString();

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const handled = async (event: CloudEvent) => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));

interface Order {
  orderId: string;
  lineId: string;
  customerId: string;
}

/** A confirmed order of one line (`ordered` at 10.00 less 10 %, 19 % tax) with `shipped` of it shipped (all 5 by default). */
async function shippedOrder(ordered = '5', shipped = ordered): Promise<Order> {
  const order = { orderId: randomUUID(), lineId: randomUUID(), customerId: randomUUID() };
  await handled(
    createEvent(OrderConfirmedV2, order.orderId, {
      orderId: order.orderId,
      customerId: order.customerId,
      number: `SO-${order.orderId.slice(0, 6)}`,
      currency: 'EUR',
      total: { amount: `${Number(ordered) * 9}.00`, currency: 'EUR' },
      warehouseId: null,
      lines: [{ lineId: order.lineId, productId, quantity: ordered, unitPrice: { amount: '10.00', currency: 'EUR' }, discountPercent: '10', taxRate: '19' }],
      confirmedAt: now(),
    }),
  );
  await ship(order, shipped);
  return order;
}

async function ship(order: Order, quantity: string): Promise<void> {
  const shipmentId = randomUUID();
  await handled(
    createEvent(ShipmentShippedV2, shipmentId, {
      shipmentId,
      number: `SH-${shipmentId.slice(0, 6)}`,
      customerId: order.customerId,
      warehouseId,
      carrier: null,
      trackingNumber: null,
      lines: [{ orderId: order.orderId, orderLineId: order.lineId, productId, quantity }],
      shippedAt: now(),
    }),
  );
}

const returned = (order: Order, quantity: string, condition: 'RESTOCK' | 'SCRAP' = 'RESTOCK') => {
  const returnId = randomUUID();
  return createEvent(ReturnReceivedV1, returnId, {
    returnId,
    number: `RT-${returnId.slice(0, 6)}`,
    shipmentId: randomUUID(),
    shipmentNumber: 'SH-1',
    customerId: order.customerId,
    warehouseId,
    reason: 'damaged in transit',
    lines: [{ orderId: order.orderId, orderLineId: order.lineId, productId, quantity, condition }],
    receivedAt: now(),
  });
};

const invoice = async (order: Order, quantity: string): Promise<string> =>
  (
    await subgraph.must<{ invoiceDeliveredLines: { id: string } }>('mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id } }', {
      input: { orderId: order.orderId, lines: [{ orderLineId: order.lineId, quantity }] },
    })
  ).invoiceDeliveredLines.id;

const line = async (order: Order) =>
  (
    await subgraph.must<{ invoiceableLines: { delivered: string; returned: string; invoiced: string; invoiceable: string }[] }>(
      'query($id: ID!) { invoiceableLines(orderId: $id) { delivered returned invoiced invoiceable } }',
      { id: order.orderId },
    )
  ).invoiceableLines[0];

/** The credit note for 2 of the line returned: 2 × 10.00 less 10 % = 18.00, + 19 % = 21.42. */
const twoReturned = (order: Order) => ({
  reason: 'RETURN',
  lines: [{ orderLineId: order.lineId, quantity: '2', returnsQuantity: true, unitPrice: { amount: '10.00' }, netAmount: { amount: '18.00' } }],
  grossTotal: { amount: '21.42' },
});

interface Note {
  reason: string;
  lines: { orderLineId: string; quantity: string; returnsQuantity: boolean; unitPrice: { amount: string }; netAmount: { amount: string } }[];
  grossTotal: { amount: string };
}
const notes = async (invoiceId: string) =>
  (
    await subgraph.must<{ creditNotes: { edges: { node: Note }[] } }>(
      'query($f: CreditNoteFilter) { creditNotes(filter: $f) { edges { node { reason lines { orderLineId quantity returnsQuantity unitPrice { amount } netAmount { amount } } grossTotal { amount } } } } }',
      { f: { invoiceId } },
    )
  ).creditNotes.edges.map((e) => e.node);

beforeAll(async () => {
  subgraph = await startTestSubgraph('finance', createFinanceService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe('customer returns in finance (inventory.return.received.v1)', () => {
  it('credits a return of invoiced goods at the invoiced price (RETURN), once however often the return is delivered', async () => {
    const order = await shippedOrder();
    const invoiceId = await invoice(order, '5');
    const event = returned(order, '2');
    await handled(event);
    await handled(event);
    await handled({ ...event, id: randomUUID() }); // the same return under another event id: still counted once
    expect(await notes(invoiceId)).toEqual([twoReturned(order)]);
    expect(await line(order)).toEqual({ delivered: '5', returned: '2', invoiced: '3', invoiceable: '0' });
    const published = await sql<{ payload: { data: { reason: string; orderId: string; lines: { quantity: string }[] } } }>(
      `select payload from outbox_message where type = 'finance.credit-note.issued.v1' and payload->'data'->>'invoiceId' = ?`,
      [invoiceId],
    );
    expect(published.map((p) => [p.payload.data.reason, p.payload.data.orderId, p.payload.data.lines.map((l) => l.quantity)])).toEqual([['RETURN', order.orderId, ['2']]]);
  });

  it('takes a returned, not yet invoiced quantity off what may be invoiced, and credits only what was invoiced beyond what the customer kept', async () => {
    const order = await shippedOrder();
    const invoiceId = await invoice(order, '3');
    await handled(returned(order, '1', 'SCRAP'));
    expect(await notes(invoiceId)).toEqual([]);
    expect(await line(order)).toEqual({ delivered: '5', returned: '1', invoiced: '3', invoiceable: '1' });
    const tooMuch = await subgraph.gql('mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id } }', {
      input: { orderId: order.orderId, lines: [{ orderLineId: order.lineId, quantity: '2' }] },
    });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity' });

    await handled(returned(order, '3'));
    expect((await notes(invoiceId)).map((n) => [n.reason, n.lines.map((l) => l.quantity)])).toEqual([['RETURN', ['2']]]);
    expect(await line(order)).toEqual({ delivered: '5', returned: '4', invoiced: '1', invoiceable: '0' });
  });

  it('credits at once what was invoiced as delivered and came back, though more of the line is still to ship (Odoo)', async () => {
    // 10 ordered, 5 delivered and invoiced, 2 returned: a credit note for 2 now, not when the rest ships.
    const order = await shippedOrder('10', '5');
    const invoiceId = await invoice(order, '5');
    const [billed] = (await subgraph.must<{ invoice: { lines: { basis: string | null }[] } }>('query($id: ID!) { invoice(id: $id) { lines { basis } } }', { id: invoiceId }))
      .invoice.lines;
    expect(billed).toEqual({ basis: 'DELIVERED' });
    await handled(returned(order, '2'));
    expect(await notes(invoiceId)).toEqual([twoReturned(order)]);
    expect(await line(order)).toEqual({ delivered: '5', returned: '2', invoiced: '3', invoiceable: '0' });
    // The other 5 ship and are invoiced as usual; a redelivery of the returned 2 would be invoiceable again too.
    await ship(order, '5');
    expect(await line(order)).toEqual({ delivered: '10', returned: '2', invoiced: '3', invoiceable: '5' });
    await invoice(order, '5');
    expect(await line(order)).toEqual({ delivered: '10', returned: '2', invoiced: '8', invoiceable: '0' });
  });

  it('keeps a return of goods never invoiced and credits nothing', async () => {
    const order = await shippedOrder();
    await handled(returned(order, '5'));
    expect(await line(order)).toEqual({ delivered: '5', returned: '5', invoiced: '0', invoiceable: '0' });
    expect((await sql<{ n: number }>('select count(*)::int as n from credit_note where order_id = ?', [order.orderId]))[0]!.n).toBe(0);
  });

  it('counts what earlier credit notes took back of the line: never credits more than the line has left uncredited', async () => {
    const order = await shippedOrder();
    const invoiceId = await invoice(order, '5');
    const { invoice: held } = await subgraph.must<{ invoice: { lines: { id: string }[] } }>('query($id: ID!) { invoice(id: $id) { lines { id } } }', { id: invoiceId });
    // The accountant already took 1 back by hand (a return booked before inventory reported it).
    await subgraph.must('mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { id } }', {
      input: { invoiceId, reason: 'RETURN', lines: [{ invoiceLineId: held.lines[0]!.id, quantity: '1' }] },
    });
    await handled(returned(order, '3'));
    // Kept 2, invoiced 5 less 1 credited: 2 more are credited, 3 in all.
    expect(
      (await notes(invoiceId))
        .map((n) => n.lines.map((l) => l.quantity))
        .flat()
        .sort(),
    ).toEqual(['1', '2']);
    expect(await line(order)).toEqual({ delivered: '5', returned: '3', invoiced: '2', invoiceable: '0' });
    await handled(returned(order, '2'));
    expect(
      (await notes(invoiceId))
        .map((n) => n.lines.map((l) => l.quantity))
        .flat()
        .sort(),
    ).toEqual(['1', '2', '2']);
    expect(await line(order)).toEqual({ delivered: '5', returned: '5', invoiced: '0', invoiceable: '0' });
  });
});
