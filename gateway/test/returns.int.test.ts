import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStockedProductAndCustomer, type InvoiceableLine, startTestSystem, type TestSystem, timelineOf, untilInvoiceableLine } from './harness.js';

// A customer return end to end, through the gateway only and over real Kafka: a rep's order of 3 is
// shipped, delivered and invoiced in full; the customer sends 1 back (RESTOCK) and the warehouse
// receives it against the shipment; inventory's inventory.return.received.v1 makes sales show the
// line returned 1 (still delivered 3), finance credit 1 at the invoiced price (reason RETURN, nothing
// more to invoice), and the customer's timeline show the return and the credit note. Then a quotation
// made for an opportunity is accepted, and sales wins the opportunity. In between, an order of 6 of
// which 3 are delivered and invoiced gets 1 back: finance credits it at once (Odoo), though 3 are
// still to ship.

let system: TestSystem;
let clerk = '';
let rep = '';
let accountant = '';
let productId = '';
let warehouseId = '';
let customerId = '';
const order = { id: '', lineId: '', shipmentId: '', invoiceId: '' };

interface OrderView {
  status: string;
  lines: { deliveredQuantity: string; invoicedQuantity: string; returnedQuantity: string; toInvoiceQuantity: string }[];
  delivery: { shipments: { id: string; status: string; lines: { planned: string }[] }[] };
}
type FinanceLine = InvoiceableLine;
interface CreditNote {
  reason: string;
  grossTotal: { amount: string };
  lines: { orderLineId: string | null; quantity: string; unitPrice: { amount: string }; netAmount: { amount: string } }[];
}

const orderQuery = `query($id: ID!) { salesOrder(id: $id) {
  status lines { deliveredQuantity invoicedQuantity returnedQuantity toInvoiceQuantity } delivery { shipments { id status lines { planned } } }
} }`;
const untilOrder = (accept: (o: OrderView) => boolean, what: string): Promise<OrderView> =>
  waitFor(
    async () => {
      const { salesOrder } = await system.must<{ salesOrder: OrderView }>(rep, orderQuery, { id: order.id });
      return accept(salesOrder) ? salesOrder : undefined;
    },
    { what },
  );
/** The credit notes against an invoice, as the accountant reads them. */
const creditNotesOf = async (invoiceId: string): Promise<CreditNote[]> =>
  (
    await system.must<{ creditNotes: { edges: { node: CreditNote }[] } }>(
      accountant,
      'query($f: CreditNoteFilter) { creditNotes(filter: $f) { edges { node { reason grossTotal { amount } lines { orderLineId quantity unitPrice { amount } netAmount { amount } } } } } }',
      { f: { invoiceId } },
    )
  ).creditNotes.edges.map((e) => e.node);
const untilFinance = (accept: (l: FinanceLine) => boolean, what: string): Promise<FinanceLine> => untilInvoiceableLine(system, accountant, order.id, accept, what);

beforeAll(async () => {
  system = await startTestSystem('returns');
  clerk = (await system.createUser({ email: 'rita.returns@rapport.example', displayName: 'Rita Returns', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'rex.rep@rapport.example', displayName: 'Rex Rep', role: 'SALES_REP' })).token;
  accountant = (await system.createUser({ email: 'ada.accounts@rapport.example', displayName: 'Ada Accounts', role: 'ACCOUNTANT' })).token;
  ({ productId, warehouseId, customerId } = await aStockedProductAndCustomer(
    system,
    { clerk, rep },
    {
      sku: 'RET-VALVE',
      name: 'Ball valve BV-2',
      listPrice: '100.00',
      standardCost: '40.00',
      warehouseCode: 'RET-HAM',
      warehouseName: 'Hamburg',
      quantity: '5',
      customerName: 'Elbe Armaturen KG',
    },
  ));
}, 240_000);
afterAll(async () => {
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

describe('a customer return, over Kafka, as clients see it', () => {
  it('orders 3, ships, delivers and invoices them all', async () => {
    const placed = await system.mustOnceCustomerKnown<{ placeOrder: { id: string; lines: { id: string }[] } }>(
      rep,
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }',
      { i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '3', unitPrice: { amount: '100.00', currency: 'EUR' }, taxRate: '19' }] } },
    );
    order.id = placed.placeOrder.id;
    order.lineId = placed.placeOrder.lines[0]!.id;
    const planned = await untilOrder((o) => o.delivery.shipments[0]?.lines[0]?.planned === '3', 'the notice to plan all 3');
    order.shipmentId = planned.delivery.shipments[0]!.id;
    await system.must(clerk, 'mutation($id: ID!) { shipShipment(shipmentId: $id, carrier: "DHL", trackingNumber: "DHL-RET-1") { id } }', { id: order.shipmentId });
    await system.must(clerk, 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: order.shipmentId });
    await untilFinance((l) => l.delivered === '3', 'finance to learn what shipped');
    const invoiced = await system.must<{ invoiceDeliveredLines: { id: string; total: { amount: string } } }>(
      accountant,
      'mutation($i: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $i) { id total { amount } } }',
      { i: { orderId: order.id } },
    );
    expect(invoiced.invoiceDeliveredLines.total).toEqual({ amount: '357.00' });
    order.invoiceId = invoiced.invoiceDeliveredLines.id;
    const delivered = await untilOrder((o) => o.lines[0]?.invoicedQuantity === '3', 'sales to count the invoice');
    expect(delivered.lines[0]).toEqual({ deliveredQuantity: '3', invoicedQuantity: '3', returnedQuantity: '0', toInvoiceQuantity: '0' });
    expect(delivered.status).toBe('INVOICED');
  });

  it('receives 1 back (RESTOCK): sales shows it returned, finance credits it at the invoiced price, the timeline shows both', async () => {
    const returned = await system.must<{ receiveReturn: { number: string } }>(clerk, 'mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { number } }', {
      i: { shipmentId: order.shipmentId, reason: 'wrong size', lines: [{ orderLineId: order.lineId, quantity: '1', condition: 'RESTOCK' }] },
    });

    // Sales: returned 1, still delivered 3; the credit note takes 1 off what is invoiced.
    const inSales = await untilOrder((o) => o.lines[0]?.returnedQuantity === '1' && o.lines[0]?.invoicedQuantity === '2', 'sales to show the return and the credit');
    expect(inSales.lines[0]).toEqual({ deliveredQuantity: '3', invoicedQuantity: '2', returnedQuantity: '1', toInvoiceQuantity: '0' });
    // A return does not reopen the order: the returned unit is credited, so the order stays INVOICED.
    expect(inSales.status).toBe('INVOICED');

    // Finance: one credit note, reason RETURN, for 1 at 100.00 (+19 %), and nothing left to invoice.
    expect(await untilFinance((l) => l.returned === '1', 'finance to learn of the return')).toEqual({
      ordered: '3',
      cancelled: '0',
      delivered: '3',
      returned: '1',
      invoiced: '2',
      invoiceable: '0',
    });
    const creditNotes = await creditNotesOf(order.invoiceId);
    expect(creditNotes).toEqual([
      {
        reason: 'RETURN',
        grossTotal: { amount: '119.00' },
        lines: [{ orderLineId: order.lineId, quantity: '1', unitPrice: { amount: '100.00' }, netAmount: { amount: '100.00' } }],
      },
    ]);

    // The timeline, as the rep sees it: the return and the credit note, each under its own kind.
    const kinds = await waitFor(
      async () => {
        const nodes = (await timelineOf(system, rep, customerId)).filter((n) => n.kind === 'RETURN_RECEIVED' || n.kind === 'CREDIT_NOTE_ISSUED');
        return nodes.length === 2 ? nodes.sort((a, b) => a.kind.localeCompare(b.kind)) : undefined;
      },
      { what: 'the return and the credit note on the timeline' },
    );
    expect(kinds.map((k) => k.kind)).toEqual(['CREDIT_NOTE_ISSUED', 'RETURN_RECEIVED']);
    expect(kinds[0]!.summary).toMatch(/^Credit note CN-\d{4}-\d{6} issued for 119\.00 EUR against invoice INV-/);
    expect(kinds[1]!.summary).toMatch(new RegExp(`^Return ${returned.receiveReturn.number} received against shipment \\S+: 1 restocked \\(wrong size\\)$`));
  });

  it('credits at once a return of what was invoiced as delivered while the rest of the line is still to ship (Odoo): 6 ordered, 3 delivered and invoiced, 1 back', async () => {
    const placed = await system.must<{ placeOrder: { id: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '6', unitPrice: { amount: '100.00', currency: 'EUR' }, taxRate: '19' }] },
    });
    const orderId = placed.placeOrder.id;
    const view = (): Promise<OrderView> => system.must<{ salesOrder: OrderView }>(rep, orderQuery, { id: orderId }).then((r) => r.salesOrder);
    // 3 are in stock (5 received, 3 shipped above, 1 restocked): the notice plans 3, the rest waits.
    const planned = await waitFor(async () => (await view()).delivery.shipments.find((s) => s.lines[0]?.planned === '3') ?? undefined, { what: 'a notice for the 3 in stock' });
    await system.must(clerk, 'mutation($id: ID!) { shipShipment(shipmentId: $id, carrier: "DHL", trackingNumber: "DHL-RET-2") { id } }', { id: planned.id });
    await system.must(clerk, 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: planned.id });
    await untilInvoiceableLine(system, accountant, orderId, (l) => l.delivered === '3', 'finance to learn the 3 shipped');
    const invoiced = await system.must<{ invoiceDeliveredLines: { id: string; lines: { basis: string; quantity: string }[] } }>(
      accountant,
      'mutation($i: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $i) { id lines { basis quantity } } }',
      { i: { orderId } },
    );
    expect(invoiced.invoiceDeliveredLines.lines).toEqual([{ basis: 'DELIVERED', quantity: '3' }]);
    const orderLineId = (await system.must<{ salesOrder: { lines: { id: string }[] } }>(rep, 'query($id: ID!) { salesOrder(id: $id) { lines { id } } }', { id: orderId }))
      .salesOrder.lines[0]!.id;
    await system.must(clerk, 'mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { number } }', {
      i: { shipmentId: planned.id, reason: 'scratched', lines: [{ orderLineId, quantity: '1', condition: 'SCRAP' }] },
    });

    // Finance credits the 1 now, though 3 are still to ship; nothing more to invoice until they do.
    expect(await untilInvoiceableLine(system, accountant, orderId, (l) => l.returned === '1' && l.invoiced === '2', 'finance to credit the return')).toEqual({
      ordered: '6',
      cancelled: '0',
      delivered: '3',
      returned: '1',
      invoiced: '2',
      invoiceable: '0',
    });
    const creditNotes = await creditNotesOf(invoiced.invoiceDeliveredLines.id);
    expect(creditNotes).toEqual([
      { reason: 'RETURN', grossTotal: { amount: '119.00' }, lines: [{ orderLineId, quantity: '1', unitPrice: { amount: '100.00' }, netAmount: { amount: '100.00' } }] },
    ]);
    // Sales counts the credit: 2 invoiced of 3 delivered, 1 returned.
    const inSales = await waitFor(
      async () => {
        const o = await view();
        return o.lines[0]?.invoicedQuantity === '2' && o.lines[0]?.returnedQuantity === '1' ? o : undefined;
      },
      { what: 'sales to count the return and the credit' },
    );
    expect(inSales.lines[0]).toMatchObject({ deliveredQuantity: '3', invoicedQuantity: '2', returnedQuantity: '1' });
  });

  it('wins the opportunity a quotation was made for once the customer accepts it, and the timeline says so', async () => {
    const opened = await system.must<{ openOpportunity: { id: string } }>(rep, 'mutation($i: OpenOpportunityInput!) { openOpportunity(input: $i) { id } }', {
      i: { customerId, title: 'Valves for the new line', amount: { amount: '500.00', currency: 'EUR' } },
    });
    const opportunityId = opened.openOpportunity.id;
    const quoted = await system.must<{ createQuotation: { id: string } }>(rep, 'mutation($i: CreateQuotationInput!) { createQuotation(input: $i) { id } }', {
      i: { customerId, opportunityId, currency: 'EUR', lines: [{ productId, quantity: '5', unitPrice: { amount: '100.00', currency: 'EUR' }, taxRate: '19' }] },
    });
    await system.must(rep, 'mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: quoted.createQuotation.id });
    await system.must(rep, 'mutation($id: ID!) { acceptQuotation(id: $id) { id } }', { id: quoted.createQuotation.id });
    const won = await waitFor(
      async () => {
        const { opportunity } = await system.must<{ opportunity: { status: string; stage: { name: string } } }>(
          rep,
          'query($id: ID!) { opportunity(id: $id) { status stage { name } } }',
          {
            id: opportunityId,
          },
        );
        return opportunity.status === 'OPEN' ? undefined : opportunity;
      },
      { what: 'sales to win the opportunity from the accepted quotation' },
    );
    expect(won).toEqual({ status: 'WON', stage: { name: 'Won' } });
    const entry = await waitFor(
      async () => {
        const { customer } = await system.must<{ customer: { timeline: { edges: { node: { kind: string; subjectId: string } }[] } } }>(
          rep,
          'query($id: ID!) { customer(id: $id) { timeline(first: 100) { edges { node { kind subjectId } } } } }',
          { id: customerId },
        );
        return customer.timeline.edges.map((e) => e.node).find((n) => n.kind === 'OPPORTUNITY_WON');
      },
      { what: 'the won opportunity on the timeline' },
    );
    expect(entry).toEqual({ kind: 'OPPORTUNITY_WON', subjectId: opportunityId });
  });
});
