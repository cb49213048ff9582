import { waitFor } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStockedProductAndCustomer, day, type InvoiceableLine, startTestSystem, stockLevelOf, type TestSystem, untilInvoiceableLine, untilStockLevel } from './harness.js';

// Order to cash end to end, through the gateway only and over real Kafka, with every service real:
// a rep quotes within her discount limits and converts the accepted quotation into an order,
// inventory reserves it, the warehouse ships part of it (sales: PARTLY_DELIVERED), the accountant
// invoices exactly the delivered part (more is refused naming the field; sales: PARTLY_INVOICED),
// an advance received before the invoice and a second payment settle it (invoice PAID), the rest
// ships, is invoiced and paid, and the order is COMPLETED (the SDL's PAID is the state of an order
// paid before it is all shipped, which this flow never is). A second order is cancelled after part
// of it shipped: inventory releases the rest and cancels its open notice, finance's copy shows the
// cancelled quantity and credits nothing (nothing was invoiced beyond what shipped), sales shows
// the order by what was delivered, and once paid it completes. A third order is paid by an advance
// held on the order (applied by finance as soon as its first invoice is issued) and by dollars for
// its EUR invoice at the rate the accountant entered; a fourth, invoiced on what was ordered before
// all of it shipped, is cancelled and finance credits the undelivered part (CANCELLATION) from sales'
// event. Amounts are exact strings.

let system: TestSystem;
let clerk = '';
let rep = '';
let accountant = '';
let productId = '';
let warehouseId = '';
let customerId = '';
/** The quoted order: 6 × 100.00 less 5 %, 19 % tax. */
const first = { id: '', lineId: '', invoiceId: '', advanceId: '' };
/** The order cancelled after part of it shipped: 5 × 100.00, 19 % tax. */
const second = { id: '', lineId: '', invoiceId: '' };
/** Paid by an advance on the order and by dollars: 2 × 100.00, 19 % tax. */
const third = { id: '', lineId: '', invoiceId: '', advanceId: '' };
/** Invoiced on what was ordered, then cancelled after part shipped: 2 × 100.00, 19 % tax. */
const fourth = { id: '', lineId: '', invoiceId: '' };

interface Notice {
  id: string;
  status: string;
  backorderOf: { id: string } | null;
  lines: { orderLineId: string; planned: string; shipped: string; cancelled: string }[];
}
interface Order {
  status: string;
  deliveryStatus: string;
  invoiceStatus: string;
  deliveredAt: string | null;
  paidAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  total: { amount: string };
  grossTotal: { amount: string };
  lines: {
    quantity: string;
    reservedQuantity: string;
    cancelledQuantity: string;
    deliveredQuantity: string;
    invoicedQuantity: string;
    openQuantity: string;
    toInvoiceQuantity: string;
  }[];
  delivery: { status: string; shipments: Notice[] };
}
type FinanceLine = InvoiceableLine;
interface Invoice {
  id: string;
  status: string;
  netTotal: { amount: string };
  taxTotal: { amount: string };
  total: { amount: string };
  amountPaid: { amount: string };
  balance: { amount: string };
  lines: { orderLineId: string | null; quantity: string; netAmount: { amount: string } }[];
}

const orderQuery = `query($id: ID!) { salesOrder(id: $id) {
  status deliveryStatus invoiceStatus deliveredAt paidAt completedAt cancelledAt total { amount } grossTotal { amount }
  lines { quantity reservedQuantity cancelledQuantity deliveredQuantity invoicedQuantity openQuantity toInvoiceQuantity }
  delivery { status shipments { id status backorderOf { id } lines { orderLineId planned shipped cancelled } } }
} }`;
const invoiceFields =
  'id status netTotal { amount } taxTotal { amount } total { amount } amountPaid { amount } balance { amount } lines { orderLineId quantity netAmount { amount } }';
const invoiceMutation = `mutation($i: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $i) { ${invoiceFields} } }`;
const shipMutation = `mutation($id: ID!, $lines: [ShipmentLineInput!], $tracking: String!) { shipShipment(shipmentId: $id, lines: $lines, carrier: "DHL", trackingNumber: $tracking) { id status } }`;
const receivePayment = 'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id amount { amount } allocated { amount } unallocated { amount } } }';

/** Polls the order as the rep sees it until `accept` holds. */
const untilOrder = (id: string, accept: (order: Order) => boolean, what: string): Promise<Order> =>
  waitFor(
    async () => {
      const { salesOrder } = await system.must<{ salesOrder: Order }>(rep, orderQuery, { id });
      return accept(salesOrder) ? salesOrder : undefined;
    },
    { what },
  );

/** Polls finance's copy of the order's (one) line, as the accountant sees it, until `accept` holds. */
const untilFinance = (orderId: string, accept: (line: FinanceLine) => boolean, what: string): Promise<FinanceLine> =>
  untilInvoiceableLine(system, accountant, orderId, accept, what);

const invoiceOf = async (id: string): Promise<Invoice> =>
  (await system.must<{ invoice: Invoice }>(accountant, `query($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`, { id })).invoice;

beforeAll(async () => {
  system = await startTestSystem('order-to-cash');
  clerk = (await system.createUser({ email: 'wanda.warehouse@rapport.example', displayName: 'Wanda Warehouse', role: 'WAREHOUSE_CLERK' })).token;
  rep = (await system.createUser({ email: 'rosa.rep@rapport.example', displayName: 'Rosa Rep', role: 'SALES_REP' })).token;
  accountant = (await system.createUser({ email: 'abe.accounts@rapport.example', displayName: 'Abe Accounts', role: 'ACCOUNTANT' })).token;
  ({ productId, warehouseId, customerId } = await aStockedProductAndCustomer(
    system,
    { clerk, rep },
    {
      sku: 'O2C-PUMP',
      name: 'Dosing pump DP-6',
      listPrice: '100.00',
      standardCost: '55.00',
      warehouseCode: 'O2C-BER',
      warehouseName: 'Berlin',
      quantity: '12',
      customerName: 'Kassel Klärwerk GmbH',
    },
  ));
}, 240_000);
afterAll(async () => {
  if (!system) return;
  await system.expectStockBalanced();
  await system.stop();
});

describe('order to cash, over Kafka, as clients see it', () => {
  it('converts a quotation within the rep’s limits into an order that inventory reserves, and takes an advance on it', async () => {
    // Sales learns the rep owns the new customer from customers' event: until then the draft is refused as CUSTOMER_NOT_FOUND (nothing written).
    const drafted = (
      await system.mustOnceCustomerKnown<{ createQuotation: { id: string; status: string; netTotal: { amount: string }; grossTotal: { amount: string } } }>(
        rep,
        'mutation($i: CreateQuotationInput!) { createQuotation(input: $i) { id status netTotal { amount } grossTotal { amount } } }',
        { i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '6', unitPrice: { amount: '100.00', currency: 'EUR' }, discountPercent: '5', taxRate: '19' }] } },
      )
    ).createQuotation;
    // 6 × 100.00 × 0.95 = 570.00 net; 19 % = 108.30; gross 678.30. 5 % is within a rep's limits (10 % a line, 5 % in total).
    expect(drafted).toMatchObject({ status: 'DRAFT', netTotal: { amount: '570.00' }, grossTotal: { amount: '678.30' } });
    await system.must(rep, 'mutation($id: ID!) { sendQuotation(id: $id) { id } }', { id: drafted.id });
    await system.must(rep, 'mutation($id: ID!) { acceptQuotation(id: $id) { id } }', { id: drafted.id });
    const converted = await system.must<{ convertQuotation: { id: string; status: string; lines: { id: string }[] } }>(
      rep,
      'mutation($id: ID!) { convertQuotation(id: $id) { id status lines { id } } }',
      { id: drafted.id },
    );
    expect(converted.convertQuotation.status).toBe('CONFIRMED');
    first.id = converted.convertQuotation.id;
    first.lineId = converted.convertQuotation.lines[0]!.id;

    await untilStockLevel(system, clerk, productId, { onHand: '12', reserved: '6', available: '6' }, 'inventory to reserve the order');
    const reserved = await untilOrder(first.id, (o) => o.lines[0]?.reservedQuantity === '6' && o.delivery.status === 'PLANNED', 'sales to show the line reserved and planned');
    expect(reserved).toMatchObject({
      status: 'CONFIRMED',
      deliveryStatus: 'NOTHING_DELIVERED',
      invoiceStatus: 'NOTHING_INVOICED',
      total: { amount: '570.00' },
      grossTotal: { amount: '678.30' },
    });

    // Money before any invoice: an advance, held as the customer's credit.
    const advance = await system.must<{ receivePayment: { id: string; amount: { amount: string }; allocated: { amount: string }; unallocated: { amount: string } } }>(
      accountant,
      receivePayment,
      { i: { customerId, amount: { amount: '200.00', currency: 'EUR' }, method: 'BANK_TRANSFER', reference: 'ADVANCE SO', receivedOn: day(-1) } },
    );
    expect(advance.receivePayment).toMatchObject({ amount: { amount: '200.00' }, allocated: { amount: '0.00' }, unallocated: { amount: '200.00' } });
    first.advanceId = advance.receivePayment.id;
    const credit = await system.must<{ customer: { credit: { amount: string; currency: string }[] } }>(
      accountant,
      'query($id: ID!) { customer(id: $id) { credit { amount currency } } }',
      {
        id: customerId,
      },
    );
    expect(credit.customer.credit).toEqual([{ amount: '200.00', currency: 'EUR' }]);
  });

  it('ships 4 of 6 (the rest on a backorder notice): sales shows it PARTLY_DELIVERED and finance may invoice exactly 4', async () => {
    const { delivery } = await untilOrder(first.id, (o) => o.delivery.shipments[0]?.lines[0]?.planned === '6', 'the notice to plan all 6');
    const noticeId = delivery.shipments[0]!.id;
    await system.must(clerk, shipMutation, { id: noticeId, lines: [{ orderLineId: first.lineId, quantity: '4' }], tracking: 'DHL-O2C-1' });
    expect(await stockLevelOf(system, clerk, productId)).toEqual({ onHand: '8', reserved: '2', available: '6' });

    const partly = await untilOrder(first.id, (o) => o.status === 'PARTLY_DELIVERED', 'sales to show the order partly delivered');
    expect(partly).toMatchObject({ deliveryStatus: 'PARTLY_DELIVERED', invoiceStatus: 'NOTHING_INVOICED', deliveredAt: null });
    expect(partly.lines[0]).toMatchObject({ quantity: '6', deliveredQuantity: '4', invoicedQuantity: '0', openQuantity: '2', toInvoiceQuantity: '4' });
    const backorder = partly.delivery.shipments.find((n) => n.id !== noticeId);
    expect(backorder).toMatchObject({ status: 'PLANNED', backorderOf: { id: noticeId }, lines: [{ orderLineId: first.lineId, planned: '2', shipped: '0' }] });

    expect(await untilFinance(first.id, (l) => l.delivered === '4', 'finance to learn what shipped')).toEqual({
      ordered: '6',
      cancelled: '0',
      returned: '0',
      delivered: '4',
      invoiced: '0',
      invoiceable: '4',
    });
  });

  it('invoices exactly the delivered part, refusing more naming the field; sales shows it PARTLY_INVOICED', async () => {
    const tooMuch = await system.as(accountant, invoiceMutation, { i: { orderId: first.id, lines: [{ orderLineId: first.lineId, quantity: '5' }] } });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].quantity' });

    const { invoiceDeliveredLines: invoice } = await system.must<{ invoiceDeliveredLines: Invoice }>(accountant, invoiceMutation, {
      i: { orderId: first.id, lines: [{ orderLineId: first.lineId, quantity: '4' }], paymentTermsDays: 14 },
    });
    // 4 × 100.00 less 5 % = 380.00; 19 % = 72.20; 452.20.
    expect(invoice).toMatchObject({
      status: 'ISSUED',
      netTotal: { amount: '380.00' },
      taxTotal: { amount: '72.20' },
      total: { amount: '452.20' },
      balance: { amount: '452.20' },
      lines: [{ orderLineId: first.lineId, quantity: '4', netAmount: { amount: '380.00' } }],
    });
    first.invoiceId = invoice.id;
    expect(await untilFinance(first.id, (l) => l.invoiced === '4', 'finance to count the invoice')).toMatchObject({ invoiceable: '0' });
    const again = await system.as(accountant, invoiceMutation, { i: { orderId: first.id } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId' });

    const order = await untilOrder(first.id, (o) => o.status === 'PARTLY_INVOICED', 'sales to show the order partly invoiced');
    expect(order).toMatchObject({ deliveryStatus: 'PARTLY_DELIVERED', invoiceStatus: 'PARTLY_INVOICED', paidAt: null });
    expect(order.lines[0]).toMatchObject({ deliveredQuantity: '4', invoicedQuantity: '4', toInvoiceQuantity: '0' });
  });

  it('settles the invoice with the advance and a second payment: the invoice is PAID, the order still partly invoiced', async () => {
    const applied = await system.must<{ allocatePayment: { unallocated: { amount: string }; allocations: { invoice: { status: string; balance: { amount: string } } }[] } }>(
      accountant,
      'mutation($i: AllocatePaymentInput!) { allocatePayment(input: $i) { unallocated { amount } allocations { invoice { status balance { amount } } } } }',
      { i: { paymentId: first.advanceId, allocations: [{ invoiceId: first.invoiceId, amount: '200.00' }] } },
    );
    expect(applied.allocatePayment).toEqual({ unallocated: { amount: '0.00' }, allocations: [{ invoice: { status: 'PARTIALLY_PAID', balance: { amount: '252.20' } } }] });

    const overpaid = await system.as(accountant, receivePayment, {
      i: {
        customerId,
        amount: { amount: '300.00', currency: 'EUR' },
        method: 'CARD',
        receivedOn: day(),
        allocations: [{ invoiceId: first.invoiceId, amount: '252.21' }],
      },
    });
    // A cent more than the invoice owes is refused naming the allocation, and nothing is recorded.
    expect(overpaid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount' });

    const paid = await system.must<{ receivePayment: { allocated: { amount: string }; unallocated: { amount: string } } }>(accountant, receivePayment, {
      i: { customerId, amount: { amount: '252.20', currency: 'EUR' }, method: 'CARD', receivedOn: day(), allocations: [{ invoiceId: first.invoiceId, amount: '252.20' }] },
    });
    expect(paid.receivePayment).toMatchObject({ allocated: { amount: '252.20' }, unallocated: { amount: '0.00' } });
    expect(await invoiceOf(first.invoiceId)).toMatchObject({ status: 'PAID', amountPaid: { amount: '452.20' }, balance: { amount: '0.00' } });

    // Sales hears of the paid invoice; the order is not all invoiced, so it stays PARTLY_INVOICED.
    await waitFor(
      async () => {
        const { customer } = await system.must<{ customer: { timeline: { edges: { node: { summary: string } }[] } } }>(
          rep,
          'query($id: ID!) { customer(id: $id) { timeline(first: 100) { edges { node { summary } } } } }',
          { id: customerId },
        );
        return customer.timeline.edges.some((e) => e.node.summary.endsWith('paid in full')) ? true : undefined;
      },
      { what: 'the paid invoice on the timeline' },
    );
    const order = await untilOrder(first.id, () => true, 'the order');
    expect(order).toMatchObject({ status: 'PARTLY_INVOICED', invoiceStatus: 'PARTLY_INVOICED', paidAt: null, completedAt: null });
  });

  it('ships, invoices and collects the rest: the order is INVOICED, then COMPLETED once paid', async () => {
    const before = await untilOrder(first.id, () => true, 'the order');
    const backorder = before.delivery.shipments.find((n) => n.backorderOf)!;
    await system.must(clerk, shipMutation, { id: backorder.id, lines: null, tracking: 'DHL-O2C-2' });
    expect(await stockLevelOf(system, clerk, productId)).toEqual({ onHand: '6', reserved: '0', available: '6' });
    for (const notice of before.delivery.shipments) await system.must(clerk, 'mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: notice.id });

    // The order's row and its lines are read one after the other: wait on the order's own field, the lines are as new or newer.
    const delivered = await untilOrder(first.id, (o) => o.deliveredAt !== null, 'sales to count all 6 delivered');
    expect(delivered.lines[0]).toMatchObject({ deliveredQuantity: '6', openQuantity: '0', toInvoiceQuantity: '2' });
    // Delivered in full with 4 of 6 invoiced: invoices take precedence over deliveries in the state.
    expect(delivered).toMatchObject({ status: 'PARTLY_INVOICED', deliveryStatus: 'FULLY_DELIVERED', deliveredAt: expect.any(String), delivery: { status: 'DELIVERED' } });

    await untilFinance(first.id, (l) => l.invoiceable === '2', 'finance to learn the backorder shipped');
    const { invoiceDeliveredLines: rest } = await system.must<{ invoiceDeliveredLines: Invoice }>(accountant, invoiceMutation, { i: { orderId: first.id } });
    // 2 × 100.00 less 5 % = 190.00; 19 % = 36.10; 226.10. Both invoices: 570.00 net, 678.30 gross — the order's totals.
    expect(rest).toMatchObject({ netTotal: { amount: '190.00' }, taxTotal: { amount: '36.10' }, total: { amount: '226.10' }, lines: [{ quantity: '2' }] });
    const invoiced = await untilOrder(first.id, (o) => o.status === 'INVOICED', 'sales to show the order invoiced');
    expect(invoiced).toMatchObject({ invoiceStatus: 'FULLY_INVOICED', paidAt: null });
    expect(invoiced.lines[0]).toMatchObject({ invoicedQuantity: '6', toInvoiceQuantity: '0' });

    await system.must(accountant, receivePayment, {
      i: { customerId, amount: { amount: '226.10', currency: 'EUR' }, method: 'BANK_TRANSFER', receivedOn: day(), allocations: [{ invoiceId: rest.id, amount: '226.10' }] },
    });
    const completed = await untilOrder(first.id, (o) => o.status === 'COMPLETED', 'sales to complete the order');
    expect(completed).toMatchObject({ invoiceStatus: 'PAID', deliveryStatus: 'FULLY_DELIVERED', paidAt: expect.any(String), completedAt: expect.any(String), cancelledAt: null });
    const listed = await system.must<{ salesOrders: { edges: { node: { id: string } }[] } }>(
      rep,
      'query($c: ID!) { salesOrders(filter: { customerId: $c, status: COMPLETED }) { edges { node { id } } } }',
      { c: customerId },
    );
    expect(listed.salesOrders.edges.map((e) => e.node.id)).toEqual([first.id]);
  });

  it('cancels the undelivered rest after a partial delivery: inventory releases it and cancels the open notice, finance credits nothing', async () => {
    const placed = await system.must<{ placeOrder: { id: string; lines: { id: string }[]; grossTotal: { amount: string } } }>(
      rep,
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } grossTotal { amount } } }',
      { i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '5', unitPrice: { amount: '100.00', currency: 'EUR' }, taxRate: '19' }] } },
    );
    expect(placed.placeOrder.grossTotal.amount).toBe('595.00');
    second.id = placed.placeOrder.id;
    second.lineId = placed.placeOrder.lines[0]!.id;
    await untilStockLevel(system, clerk, productId, { onHand: '6', reserved: '5', available: '1' }, 'inventory to reserve the second order');
    const { delivery } = await untilOrder(second.id, (o) => o.delivery.shipments[0]?.lines[0]?.planned === '5', 'the second order’s notice');
    const noticeId = delivery.shipments[0]!.id;
    await system.must(clerk, shipMutation, { id: noticeId, lines: [{ orderLineId: second.lineId, quantity: '2' }], tracking: 'DHL-O2C-3' });
    await untilFinance(second.id, (l) => l.invoiceable === '2', 'finance to learn the 2 shipped');
    const { invoiceDeliveredLines: invoice } = await system.must<{ invoiceDeliveredLines: Invoice }>(accountant, invoiceMutation, { i: { orderId: second.id } });
    expect(invoice).toMatchObject({ netTotal: { amount: '200.00' }, taxTotal: { amount: '38.00' }, total: { amount: '238.00' } });
    second.invoiceId = invoice.id;
    await untilOrder(second.id, (o) => o.status === 'PARTLY_INVOICED', 'sales to show the second order partly invoiced');

    const cancelled = await system.must<{ cancelOrder: { status: string; lines: { cancelledQuantity: string; openQuantity: string }[] } }>(
      rep,
      'mutation($id: ID!) { cancelOrder(id: $id, reason: "the customer bought the rest elsewhere") { status lines { cancelledQuantity openQuantity } } }',
      { id: second.id },
    );
    expect(cancelled.cancelOrder.lines).toEqual([{ cancelledQuantity: '3', openQuantity: '0' }]);
    // Nothing is left to deliver and the 2 delivered are invoiced: the order is INVOICED, not CANCELLED.
    expect(cancelled.cancelOrder.status).toBe('INVOICED');
    const again = await system.as(rep, 'mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: second.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    await untilStockLevel(system, clerk, productId, { onHand: '4', reserved: '0', available: '4' }, 'inventory to release the cancelled rest');
    const order = await untilOrder(second.id, (o) => o.delivery.shipments.some((n) => n.status === 'CANCELLED'), 'inventory to cancel the backorder notice');
    const backorder = order.delivery.shipments.find((n) => n.id !== noticeId)!;
    expect(backorder).toMatchObject({ status: 'CANCELLED', backorderOf: { id: noticeId }, lines: [{ orderLineId: second.lineId, planned: '0', shipped: '0', cancelled: '3' }] });
    expect(order).toMatchObject({ status: 'INVOICED', deliveryStatus: 'FULLY_DELIVERED', invoiceStatus: 'FULLY_INVOICED', cancelledAt: null, delivery: { status: 'SHIPPED' } });
    expect(order.lines[0]).toMatchObject({ quantity: '5', cancelledQuantity: '3', deliveredQuantity: '2', invoicedQuantity: '2', openQuantity: '0', toInvoiceQuantity: '0' });
    const refused = await system.as(clerk, shipMutation, { id: backorder.id, lines: null, tracking: 'DHL-O2C-4' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'shipmentId' });

    expect(await untilFinance(second.id, (l) => l.cancelled === '3', 'finance to learn the cancellation')).toEqual({
      ordered: '5',
      cancelled: '3',
      returned: '0',
      delivered: '2',
      invoiced: '2',
      invoiceable: '0',
    });
    const notes = await system.must<{ creditNotes: { edges: unknown[] } }>(accountant, 'query($c: ID) { creditNotes(filter: { customerId: $c }) { edges { cursor } } }', {
      c: customerId,
    });
    expect(notes.creditNotes.edges).toEqual([]);
    expect(await invoiceOf(second.invoiceId)).toMatchObject({ status: 'ISSUED', balance: { amount: '238.00' } });
  });

  it('completes the cancelled-after-delivery order once its invoice is paid', async () => {
    await system.must(accountant, receivePayment, {
      i: { customerId, amount: { amount: '238.00', currency: 'EUR' }, method: 'CASH', receivedOn: day(), allocations: [{ invoiceId: second.invoiceId, amount: '238.00' }] },
    });
    const order = await untilOrder(second.id, (o) => o.status === 'COMPLETED', 'sales to complete the second order');
    expect(order).toMatchObject({ invoiceStatus: 'PAID', paidAt: expect.any(String), completedAt: expect.any(String), cancelledAt: null });
    const receivables = await system.must<{ customer: { credit: unknown[]; overdueReceivables: { totals: unknown[] } } }>(
      accountant,
      'query($id: ID!) { customer(id: $id) { credit { amount currency } overdueReceivables { totals { amount currency } } } }',
      { id: customerId },
    );
    expect(receivables.customer).toEqual({ credit: [], overdueReceivables: { totals: [] } });
  });

  /** Places a 2 × 100.00 (19 % tax) order as the rep, waits for inventory to reserve it and finance to learn it, and ships 1 of it. */
  async function placedAndHalfShipped(target: { id: string; lineId: string }, tracking: string): Promise<void> {
    const placed = await system.must<{ placeOrder: { id: string; lines: { id: string }[] } }>(rep, 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }', {
      i: { customerId, currency: 'EUR', lines: [{ productId, quantity: '2', unitPrice: { amount: '100.00', currency: 'EUR' }, taxRate: '19' }] },
    });
    target.id = placed.placeOrder.id;
    target.lineId = placed.placeOrder.lines[0]!.id;
    const { delivery } = await untilOrder(target.id, (o) => o.delivery.shipments[0]?.lines[0]?.planned === '2', 'inventory to plan the order');
    await untilFinance(target.id, (l) => l.ordered === '2', 'finance to learn the order');
    await system.must(clerk, shipMutation, { id: delivery.shipments[0]!.id, lines: [{ orderLineId: target.lineId, quantity: '1' }], tracking });
    await untilFinance(target.id, (l) => l.delivered === '1', 'finance to learn the 1 shipped');
  }

  it('pays the delivered part with an advance held on the order and with dollars at the rate entered, and completes the order once the rest is cancelled', async () => {
    await placedAndHalfShipped(third, 'DHL-O2C-5');
    // Before any invoice: 50.00 EUR received as an advance on this order.
    const advance = await system.must<{ receivePayment: { id: string; orderId: string; unallocated: { amount: string } } }>(
      accountant,
      'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { id orderId unallocated { amount } } }',
      { i: { customerId, orderId: third.id, amount: { amount: '50.00', currency: 'EUR' }, method: 'BANK_TRANSFER', reference: 'ADVANCE SO 3', receivedOn: day(-1) } },
    );
    expect(advance.receivePayment).toMatchObject({ orderId: third.id, unallocated: { amount: '50.00' } });
    third.advanceId = advance.receivePayment.id;

    // The delivered 1 of 2: 100.00 + 19 % = 119.00, the order's advance applied to it at once.
    const { invoiceDeliveredLines: invoice } = await system.must<{ invoiceDeliveredLines: Invoice }>(accountant, invoiceMutation, { i: { orderId: third.id } });
    expect(invoice).toMatchObject({
      status: 'PARTIALLY_PAID',
      total: { amount: '119.00' },
      amountPaid: { amount: '50.00' },
      balance: { amount: '69.00' },
      lines: [{ quantity: '1' }],
    });
    third.invoiceId = invoice.id;

    // The customer pays the rest in dollars: the accountant enters the day's rate through the gateway (1 USD = 0.80 EUR).
    const noRate = await system.as(accountant, receivePayment, {
      i: { customerId, amount: { amount: '86.25', currency: 'USD' }, method: 'BANK_TRANSFER', receivedOn: day(), allocations: [{ invoiceId: third.invoiceId, amount: '86.25' }] },
    });
    expect(noRate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency', reason: 'RATE_MISSING' });
    await system.must(accountant, 'mutation($i: SetExchangeRateInput!) { setExchangeRate(input: $i) { id } }', {
      i: { fromCurrency: 'USD', toCurrency: 'EUR', validOn: day(-1), rate: '0.80' },
    });
    const tooMuch = await system.as(accountant, receivePayment, {
      i: { customerId, amount: { amount: '100.00', currency: 'USD' }, method: 'BANK_TRANSFER', receivedOn: day(), allocations: [{ invoiceId: third.invoiceId, amount: '86.27' }] },
    });
    // 86.27 USD is 69.02 EUR: more than the 69.00 owed, named on the allocation.
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allocations[0].amount', reason: 'MORE_THAN_OWED' });
    const dollars = await system.must<{
      receivePayment: {
        amount: { amount: string; currency: string };
        baseAmount: { amount: string };
        allocations: { amount: { amount: string; currency: string }; sourceAmount: { amount: string }; rate: string; exchangeDifference: { amount: string } }[];
      };
    }>(
      accountant,
      'mutation($i: ReceivePaymentInput!) { receivePayment(input: $i) { amount { amount currency } baseAmount { amount } allocations { amount { amount currency } sourceAmount { amount } rate exchangeDifference { amount } } } }',
      {
        i: { customerId, amount: { amount: '86.25', currency: 'USD' }, method: 'BANK_TRANSFER', receivedOn: day(), allocations: [{ invoiceId: third.invoiceId, amount: '86.25' }] },
      },
    );
    expect(dollars.receivePayment).toEqual({
      amount: { amount: '86.25', currency: 'USD' },
      baseAmount: { amount: '69.00' },
      allocations: [{ amount: { amount: '69.00', currency: 'EUR' }, sourceAmount: { amount: '86.25' }, rate: '0.8', exchangeDifference: { amount: '0.00' } }],
    });
    expect(await invoiceOf(third.invoiceId)).toMatchObject({ status: 'PAID', amountPaid: { amount: '119.00' }, balance: { amount: '0.00' } });
    const ofOrder = await system.must<{ payments: { edges: { node: { orderId: string | null; amount: { currency: string } } }[] } }>(
      accountant,
      'query($o: ID) { payments(filter: { orderId: $o }) { edges { node { orderId amount { currency } } } } }',
      { o: third.id },
    );
    // The advance held on the order, and the dollars that paid its invoice without naming it.
    expect(ofOrder.payments.edges.map((e) => [e.node.amount.currency, e.node.orderId]).sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual([
      ['EUR', third.id],
      ['USD', null],
    ]);
    // Half delivered, half invoiced and that paid: sales keeps it PARTLY_INVOICED until the rest is settled one way or another.
    await waitFor(
      async () => {
        const { salesOrder } = await system.must<{ salesOrder: { lines: { invoicedQuantity: string }[] } }>(
          rep,
          'query($id: ID!) { salesOrder(id: $id) { lines { invoicedQuantity } } }',
          {
            id: third.id,
          },
        );
        return salesOrder.lines[0]?.invoicedQuantity === '1' ? true : undefined;
      },
      { what: 'sales to count the invoice' },
    );
    await system.must(rep, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "the second unit is no longer needed") { id } }', { id: third.id });
    const completed = await untilOrder(third.id, (o) => o.status === 'COMPLETED', 'sales to complete the order delivered, invoiced and paid for what it kept');
    expect(completed).toMatchObject({ invoiceStatus: 'PAID', deliveryStatus: 'FULLY_DELIVERED', paidAt: expect.any(String), cancelledAt: null });
    expect(completed.lines[0]).toMatchObject({ cancelledQuantity: '1', deliveredQuantity: '1', invoicedQuantity: '1' });
  });

  it('credits the undelivered part of an order invoiced on what was ordered when the rest is cancelled (CANCELLATION over Kafka), and completes it once paid', async () => {
    await placedAndHalfShipped(fourth, 'DHL-O2C-6');
    const { invoiceDeliveredLines: invoice } = await system.must<{ invoiceDeliveredLines: Invoice }>(accountant, invoiceMutation, { i: { orderId: fourth.id, basis: 'ORDERED' } });
    // Both units billed though 1 shipped: 200.00 + 19 % = 238.00.
    expect(invoice).toMatchObject({ status: 'ISSUED', total: { amount: '238.00' }, lines: [{ quantity: '2' }] });
    fourth.invoiceId = invoice.id;
    await untilOrder(fourth.id, (o) => o.lines[0]?.invoicedQuantity === '2', 'sales to count the ordered-basis invoice');

    await system.must(rep, 'mutation($id: ID!) { cancelOrder(id: $id, reason: "the customer cancelled the rest") { id } }', { id: fourth.id });
    const notes = await waitFor(
      async () => {
        const { creditNotes } = await system.must<{
          creditNotes: { edges: { node: { reason: string; grossTotal: { amount: string }; invoice: { id: string }; lines: { quantity: string }[] } }[] };
        }>(accountant, 'query($i: ID) { creditNotes(filter: { invoiceId: $i }) { edges { node { reason grossTotal { amount } invoice { id } lines { quantity } } } } }', {
          i: fourth.invoiceId,
        });
        return creditNotes.edges.length > 0 ? creditNotes.edges.map((e) => e.node) : undefined;
      },
      { what: 'finance to credit the cancelled, invoiced and undelivered unit' },
    );
    expect(notes).toEqual([{ reason: 'CANCELLATION', grossTotal: { amount: '119.00' }, invoice: { id: fourth.invoiceId }, lines: [{ quantity: '1' }] }]);
    // Credited, not paid: the invoice stays ISSUED, owing the delivered unit.
    expect(await invoiceOf(fourth.invoiceId)).toMatchObject({ status: 'ISSUED', balance: { amount: '119.00' } });
    expect(await untilFinance(fourth.id, (l) => l.cancelled === '1' && l.invoiced === '1', 'finance to net the credit')).toMatchObject({ delivered: '1', invoiceable: '0' });
    // The cancellation alone already makes the order INVOICED (2 billed ≥ 1 kept); the credit note's event nets it after.
    const invoiced = await untilOrder(fourth.id, (o) => o.status === 'INVOICED' && o.lines[0]?.invoicedQuantity === '1', 'sales to net the credit note');
    expect(invoiced.lines[0]).toMatchObject({ cancelledQuantity: '1', deliveredQuantity: '1', invoicedQuantity: '1' });

    await system.must(accountant, receivePayment, {
      i: { customerId, amount: { amount: '119.00', currency: 'EUR' }, method: 'CASH', receivedOn: day(), allocations: [{ invoiceId: fourth.invoiceId, amount: '119.00' }] },
    });
    const completed = await untilOrder(fourth.id, (o) => o.status === 'COMPLETED', 'sales to complete the order');
    expect(completed).toMatchObject({ invoiceStatus: 'PAID', paidAt: expect.any(String), completedAt: expect.any(String) });
  });
});
