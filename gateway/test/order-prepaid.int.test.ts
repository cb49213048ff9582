import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStockedProductAndCustomer, day, startTestSystem, type TestSystem, untilInvoiceableLine, untilOrderLine } from './harness.js';

// A prepaid order end to end, through the gateway only and over real Kafka, with every service
// real: a rep places an order, inventory reserves it, the accountant invoices the ordered
// quantities before anything ships (basis ORDERED; a delivered-basis invoice has nothing to bill
// yet), the customer pays, sales shows the order PAID (paid before delivery, a state no other flow
// reaches); the warehouse ships it, the order is COMPLETED, and finance has nothing left to bill:
// the prepaid quantities are never invoiced twice. A second prepaid order, cancelled before it
// ships, is credited in full (CANCELLATION) and the payment stays as the customer's credit.
// Amounts are exact strings.

let system: TestSystem;
let rep = '';
let clerk = '';
let accountant = '';
let customerId = '';
let productId = '';
const order = { id: '', lineId: '', invoiceId: '' };

interface Order {
  status: string;
  deliveryStatus: string;
  invoiceStatus: string;
  paidAt: string | null;
  completedAt: string | null;
  lines: { deliveredQuantity: string; invoicedQuantity: string; toInvoiceQuantity: string }[];
  delivery: { shipments: { id: string; status: string }[] };
}
const orderQuery = `query($id: ID!) { salesOrder(id: $id) { status deliveryStatus invoiceStatus paidAt completedAt
  lines { deliveredQuantity invoicedQuantity toInvoiceQuantity } delivery { shipments { id status } } } }`;
const untilOrder = (accept: (o: Order) => boolean, what: string): Promise<Order> =>
  waitFor(
    async () => {
      const { salesOrder } = await system.must<{ salesOrder: Order }>(rep, orderQuery, { id: order.id });
      return accept(salesOrder) ? salesOrder : undefined;
    },
    { what },
  );
const invoiceMutation = 'mutation($i: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $i) { id status total { amount } lines { orderLineId quantity } } }';

beforeAll(async () => {
  system = await startTestSystem('order-prepaid');
  clerk = (await system.createUser({ email: 'pia.picker@rapport.example', displayName: 'Pia Picker', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'paul.prepaid@rapport.example', displayName: 'Paul Prepaid', role: 'SALES_REP' })).token;
  accountant = (await system.createUser({ email: 'petra.books@rapport.example', displayName: 'Petra Books', role: 'ACCOUNTANT' })).token;
  const stocked = await aStockedProductAndCustomer(
    system,
    { clerk, rep },
    {
      sku: 'PRE-VALVE',
      name: 'Ball valve BV-50',
      listPrice: '80.00',
      standardCost: '40.00',
      warehouseCode: 'PRE-HAM',
      warehouseName: 'Hamburg',
      quantity: '10',
      customerName: 'Prepaid Pumpen AG',
    },
  );
  customerId = stocked.customerId;
  productId = stocked.productId;
  const placed = await system.mustOnceCustomerKnown<{ placeOrder: { id: string; lines: { id: string }[] } }>(
    rep,
    'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }',
    { i: { customerId, currency: 'EUR', lines: [{ productId: stocked.productId, quantity: '4', unitPrice: { amount: '80.00', currency: 'EUR' }, taxRate: '19' }] } },
  );
  order.id = placed.placeOrder.id;
  order.lineId = placed.placeOrder.lines[0]!.id;
  await untilOrderLine(system, rep, order.id, { shortQuantity: '0', reservedQuantity: '4' }, 'inventory to reserve the order');
}, 240_000);
afterAll(async () => {
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

describe('a prepaid order, over Kafka, as clients see it', () => {
  it('invoices the ordered quantities before delivery (nothing is delivered to bill yet), and a rep may not', async () => {
    await untilInvoiceableLine(system, accountant, order.id, (l) => l.ordered === '4', 'finance to learn the order');
    const delivered = await system.as(accountant, invoiceMutation, { i: { orderId: order.id } });
    expect(delivered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId', reason: 'NOTHING_TO_INVOICE' });
    const byRep = await system.as(rep, invoiceMutation, { i: { orderId: order.id, basis: 'ORDERED' } });
    expect(byRep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooMuch = await system.as(accountant, invoiceMutation, { i: { orderId: order.id, basis: 'ORDERED', lines: [{ orderLineId: order.lineId, quantity: '4.001' }] } });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity', reason: 'MORE_THAN_ORDERED' });

    const { invoiceDeliveredLines: invoice } = await system.must<{ invoiceDeliveredLines: { id: string; status: string; total: { amount: string }; lines: unknown[] } }>(
      accountant,
      invoiceMutation,
      { i: { orderId: order.id, basis: 'ORDERED' } },
    );
    // 4 × 80.00 = 320.00 net; 19 % = 60.80; 380.80.
    expect(invoice).toMatchObject({ status: 'ISSUED', total: { amount: '380.80' }, lines: [{ orderLineId: order.lineId, quantity: '4' }] });
    order.invoiceId = invoice.id;
    const invoiced = await untilOrder((o) => o.status === 'INVOICED', 'sales to count the prepaid invoice');
    expect(invoiced).toMatchObject({ deliveryStatus: 'NOTHING_DELIVERED', invoiceStatus: 'FULLY_INVOICED', paidAt: null });
    // Invoiced ahead of delivery: the line counts on what was ordered (as Odoo's "to invoice"), all of it invoiced.
    expect(invoiced.lines[0]).toMatchObject({ deliveredQuantity: '0', invoicedQuantity: '4', toInvoiceQuantity: '0' });
  });

  it('once paid, the undelivered order is PAID', async () => {
    await system.must(accountant, 'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id } }', {
      i: { customerId, amount: { amount: '380.80', currency: 'EUR' }, method: 'BANK_TRANSFER', receivedOn: day(), allocations: [{ invoiceId: order.invoiceId, amount: '380.80' }] },
    });
    const paid = await untilOrder((o) => o.status === 'PAID', 'sales to show the order paid before delivery');
    expect(paid).toMatchObject({ deliveryStatus: 'NOTHING_DELIVERED', invoiceStatus: 'PAID', paidAt: expect.any(String), completedAt: null });
  });

  it('shipped in full, the order is COMPLETED, and finance has nothing left to bill', async () => {
    const { delivery } = await untilOrder((o) => o.delivery.shipments.length > 0, 'inventory to plan the shipment');
    await system.must(clerk, 'mutation($id: ID!) { shipShipment(shipmentId: $id, carrier: "DHL", trackingNumber: "DHL-PRE-1") { id } }', { id: delivery.shipments[0]!.id });
    const completed = await untilOrder((o) => o.status === 'COMPLETED', 'sales to complete the order');
    expect(completed).toMatchObject({ deliveryStatus: 'FULLY_DELIVERED', invoiceStatus: 'PAID', completedAt: expect.any(String) });
    expect(completed.lines[0]).toMatchObject({ deliveredQuantity: '4', invoicedQuantity: '4', toInvoiceQuantity: '0' });

    expect(await untilInvoiceableLine(system, accountant, order.id, (l) => l.delivered === '4', 'finance to learn the shipment')).toMatchObject({
      invoiced: '4',
      invoiceable: '0',
    });
    const twice = await system.as(accountant, invoiceMutation, { i: { orderId: order.id } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId', reason: 'NOTHING_TO_INVOICE' });
  });

  it('cancelled before it ships, a prepaid and paid order is credited in full and the money stays as the customer’s credit', async () => {
    const placed = await system.must<{ placeOrder: { id: string } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '2', unitPrice: { amount: '80.00', currency: 'EUR' }, taxRate: '19' }] },
    });
    const secondId = placed.placeOrder.id;
    await untilInvoiceableLine(system, accountant, secondId, (l) => l.ordered === '2', 'finance to learn the second order');
    const { invoiceDeliveredLines: invoice } = await system.must<{ invoiceDeliveredLines: { id: string; total: { amount: string } } }>(accountant, invoiceMutation, {
      i: { orderId: secondId, basis: 'ORDERED' },
    });
    // 2 × 80.00 = 160.00 net; 19 % = 30.40; 190.40.
    expect(invoice.total).toEqual({ amount: '190.40' });
    await system.must(accountant, 'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id } }', {
      i: { customerId, amount: { amount: '190.40', currency: 'EUR' }, method: 'BANK_TRANSFER', receivedOn: day(), allocations: [{ invoiceId: invoice.id, amount: '190.40' }] },
    });
    await waitFor(
      async () => {
        const { salesOrder } = await system.must<{ salesOrder: { status: string } }>(rep, 'query($id: ID!) { salesOrder(id: $id) { status } }', { id: secondId });
        return salesOrder.status === 'PAID' ? true : undefined;
      },
      { what: 'the second order paid' },
    );
    const cancelled = await system.must<{ cancelOrder: { status: string } }>(rep, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "customer withdrew") { status } }', {
      id: secondId,
    });
    expect(cancelled.cancelOrder.status).toBe('CANCELLED');

    const notes = await waitFor(
      async () => {
        const { creditNotes } = await system.must<{ creditNotes: { edges: { node: { reason: string; grossTotal: { amount: string }; invoice: { id: string } } }[] } }>(
          accountant,
          'query($c: ID) { creditNotes(filter: { customerId: $c }) { edges { node { reason grossTotal { amount } invoice { id } } } } }',
          { c: customerId },
        );
        return creditNotes.edges.length > 0 ? creditNotes.edges.map((e) => e.node) : undefined;
      },
      { what: 'finance to credit the cancelled prepaid order' },
    );
    expect(notes).toEqual([{ reason: 'CANCELLATION', grossTotal: { amount: '190.40' }, invoice: { id: invoice.id } }]);
    const { customer } = await system.must<{ customer: { credit: { amount: string; currency: string }[] } }>(
      accountant,
      'query($id: ID!) { customer(id: $id) { credit { amount currency } } }',
      {
        id: customerId,
      },
    );
    expect(customer.credit).toEqual([{ amount: '190.40', currency: 'EUR' }]);
  });
});
