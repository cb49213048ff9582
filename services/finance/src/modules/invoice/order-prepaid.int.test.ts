import { randomUUID } from 'node:crypto';
import { createEvent, OrderCancelledV2, OrderConfirmedV2, ReturnReceivedV1, ShipmentShippedV2 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { aRep, handledBy, useFinanceSubgraph } from '../../testing.js';

// Invoicing on ordered quantities (prepayment, Odoo's "invoice policy: ordered quantities"):
// billed before delivery, never billed twice, credited when cancelled undelivered.
const subgraph = useFinanceSubgraph({ kafka: true });
const customerId = randomUUID();
const orderId = randomUUID();
const [lineA, lineB, productA, productB, warehouseId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const now = () => new Date().toISOString();
const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const count = async (table: string) => (await sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

const mutation =
  'mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id kind total { amount } lines { orderLineId quantity netAmount { amount } } } }';
type Issued = { id: string; kind: string; total: { amount: string }; lines: { orderLineId: string; quantity: string; netAmount: { amount: string } }[] };
const invoice = (input: Record<string, unknown>) => subgraph.gql<{ invoiceDeliveredLines: Issued }>(mutation, { input: { orderId, ...input } });

type Quantities = { orderLineId: string; cancelled: string; delivered: string; returned: string; invoiced: string; invoiceable: string; invoiceableOrdered: string };
const quantities = async () =>
  (
    await subgraph.must<{ invoiceableLines: Quantities[] }>(
      'query($id: ID!) { invoiceableLines(orderId: $id) { orderLineId cancelled delivered returned invoiced invoiceable invoiceableOrdered } }',
      { id: orderId },
    )
  ).invoiceableLines;

type Note = { reason: string; invoice: { id: string }; lines: { orderLineId: string; quantity: string }[]; grossTotal: { amount: string } };
const creditNotes = async () =>
  (
    await subgraph.must<{ creditNotes: { edges: { node: Note }[] } }>(
      'query($f: CreditNoteFilter) { creditNotes(filter: $f) { edges { node { reason invoice { id } lines { orderLineId quantity } grossTotal { amount } } } } }',
      { f: { customerId } },
    )
  ).creditNotes.edges.map((e) => e.node);

const shipmentId = randomUUID();
let first: Issued;
let rest: Issued;

describe('invoicing an order on ordered quantities (prepayment)', () => {
  it('bills ordered quantities before any delivery, up to what is ordered and not invoiced, naming the line when asked for more', async () => {
    await handledBy(
      subgraph,
      createEvent(OrderConfirmedV2, orderId, {
        orderId,
        customerId,
        number: 'SO-2001',
        currency: 'EUR',
        total: { amount: '160.00', currency: 'EUR' },
        warehouseId: null,
        lines: [
          { lineId: lineA, productId: productA, quantity: '5', unitPrice: { amount: '20.00', currency: 'EUR' }, discountPercent: '0', taxRate: '0' },
          { lineId: lineB, productId: productB, quantity: '3', unitPrice: { amount: '20.00', currency: 'EUR' }, discountPercent: '0', taxRate: '0' },
        ],
        confirmedAt: now(),
      }),
    );
    const delivered = await invoice({});
    expect(delivered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId', reason: 'NOTHING_TO_INVOICE' });
    const tooMuch = await invoice({ basis: 'ORDERED', lines: [{ orderLineId: lineA, quantity: '5.001' }] });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'MORE_THAN_ORDERED' });
    const rep = await subgraph.gqlAs(aRep(), mutation, { input: { orderId, basis: 'ORDERED' } });
    expect(rep.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await count('invoice')).toBe(0);

    const issued = await invoice({ basis: 'ORDERED', lines: [{ orderLineId: lineA, quantity: '3' }] });
    expect(issued.errors).toBeUndefined();
    first = issued.data!.invoiceDeliveredLines;
    expect(first).toMatchObject({ kind: 'STANDARD', total: { amount: '60.00' }, lines: [{ orderLineId: lineA, quantity: '3' }] });
    const again = await invoice({ basis: 'ORDERED', lines: [{ orderLineId: lineA, quantity: '2.001' }] });
    expect(again.errors?.[0]?.extensions).toMatchObject({ field: 'input.lines[0].quantity', reason: 'MORE_THAN_ORDERED' });
    rest = (await subgraph.must<{ invoiceDeliveredLines: Issued }>(mutation, { input: { orderId, basis: 'ORDERED' } })).invoiceDeliveredLines;
    expect(rest.lines).toEqual([
      { orderLineId: lineA, quantity: '2', netAmount: { amount: '40.00' } },
      { orderLineId: lineB, quantity: '3', netAmount: { amount: '60.00' } },
    ]);
    const nothing = await invoice({ basis: 'ORDERED' });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ field: 'input.orderId', reason: 'NOTHING_TO_INVOICE' });
  });

  it('announces the order lines and quantities in finance.invoice.issued.v2, as for a delivered invoice', async () => {
    const [row] = await sql<{ payload: { data: { orderId: string; lines: { orderLineId: string; quantity: string }[] } } }>(
      `select payload from outbox_message where type = 'finance.invoice.issued.v2' and message_key = ?`,
      [rest.id],
    );
    expect(row!.payload.data.orderId).toBe(orderId);
    expect(row!.payload.data.lines.map((l) => [l.orderLineId, l.quantity])).toEqual([
      [lineA, '2'],
      [lineB, '3'],
    ]);
  });

  it('never bills the prepaid quantities again once delivered', async () => {
    await handledBy(
      subgraph,
      createEvent(ShipmentShippedV2, shipmentId, {
        shipmentId,
        number: 'SH-2001',
        customerId,
        warehouseId,
        carrier: null,
        trackingNumber: null,
        lines: [{ orderId, orderLineId: lineA, productId: productA, quantity: '2' }],
        shippedAt: now(),
      }),
    );
    expect(await quantities()).toEqual([
      { orderLineId: lineA, cancelled: '0', delivered: '2', returned: '0', invoiced: '5', invoiceable: '0', invoiceableOrdered: '0' },
      { orderLineId: lineB, cancelled: '0', delivered: '0', returned: '0', invoiced: '3', invoiceable: '0', invoiceableOrdered: '0' },
    ]);
    const twice = await invoice({ lines: [{ orderLineId: lineA, quantity: '1' }] });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ field: 'input.lines[0].quantity', reason: 'MORE_THAN_DELIVERED' });
  });

  it('on a return of prepaid goods credits what was returned, not the prepaid units still to be delivered', async () => {
    const returnId = randomUUID();
    await handledBy(
      subgraph,
      createEvent(ReturnReceivedV1, returnId, {
        returnId,
        number: 'RT-2001',
        shipmentId,
        shipmentNumber: 'SH-2001',
        customerId,
        warehouseId,
        reason: 'damaged',
        lines: [{ orderId, orderLineId: lineA, productId: productA, quantity: '1', condition: 'SCRAP' }],
        receivedAt: now(),
      }),
    );
    expect(await creditNotes()).toEqual([{ reason: 'RETURN', invoice: { id: rest.id }, lines: [{ orderLineId: lineA, quantity: '1' }], grossTotal: { amount: '20.00' } }]);
    expect((await quantities())[0]).toMatchObject({ returned: '1', invoiced: '4', invoiceable: '0', invoiceableOrdered: '0' });
  });

  it('credits a prepaid line cancelled undelivered (CANCELLATION), and only that line', async () => {
    await handledBy(
      subgraph,
      createEvent(OrderCancelledV2, orderId, {
        orderId,
        customerId,
        number: 'SO-2001',
        whole: false,
        lines: [{ lineId: lineB, productId: productB, quantity: '3' }],
        reason: 'customer no longer needs it',
        cancelledAt: now(),
      }),
    );
    const notes = await creditNotes();
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => n.reason === 'CANCELLATION')).toEqual({
      reason: 'CANCELLATION',
      invoice: { id: rest.id },
      lines: [{ orderLineId: lineB, quantity: '3' }],
      grossTotal: { amount: '60.00' },
    });
    expect(await quantities()).toEqual([
      { orderLineId: lineA, cancelled: '0', delivered: '2', returned: '1', invoiced: '4', invoiceable: '0', invoiceableOrdered: '0' },
      { orderLineId: lineB, cancelled: '3', delivered: '0', returned: '0', invoiced: '0', invoiceable: '0', invoiceableOrdered: '0' },
    ]);
  });
});
