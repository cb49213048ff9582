import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useFinanceSubgraph, withRates } from '../../testing.js';

// Advances received before invoicing, held on an order: a payment names the order, and when an
// invoice of that order is issued what the order's advances still hold is applied to it first
// (oldest first, in the same transaction), as ERPNext's "allocate advances automatically".
const subgraph = useFinanceSubgraph({ seed: () => withRates(subgraph, { USD: '0.9' }) });
const customerId = randomUUID();
const day = '2026-03-02';

/** A confirmed EUR order of one line (5 at 10.00, 19 % tax), as finance's read copy holds it after sales' event. */
async function confirmedOrder(customer = customerId): Promise<{ orderId: string; lineId: string }> {
  const orderId = randomUUID();
  const lineId = randomUUID();
  await subgraph.sql(`insert into sales_order (id, customer_id, number, currency, confirmed_at) values (?, ?, ?, 'EUR', now())`, [orderId, customer, `SO-${orderId.slice(0, 8)}`]);
  await subgraph.sql(`insert into order_line (id, order_id, position, product_id, quantity, unit_price, discount_percent, tax_rate) values (?, ?, 1, ?, 5, 10, 0, 19)`, [
    lineId,
    orderId,
    randomUUID(),
  ]);
  return { orderId, lineId };
}
/** Inventory shipped `quantity` of the line (as inventory.shipment.shipped.v2 tells finance). */
const shipped = (order: { orderId: string; lineId: string }, quantity: string) =>
  subgraph.sql(`insert into shipped_line (id, shipment_id, order_line_id, order_id, product_id, quantity, shipped_at) values (?, ?, ?, ?, ?, ?, now())`, [
    randomUUID(),
    randomUUID(),
    order.lineId,
    order.orderId,
    randomUUID(),
    quantity,
  ]);

const paymentFields =
  'id orderId amount { amount currency } unallocated { amount currency } allocations { amount { amount currency } sourceAmount { amount currency } invoice { id } }';
interface PaymentView {
  id: string;
  orderId: string | null;
  unallocated: { amount: string; currency: string };
  allocations: { amount: { amount: string; currency: string }; sourceAmount: { amount: string; currency: string }; invoice: { id: string } }[];
}
const receive = (input: Record<string, unknown>) =>
  subgraph.gql<{ receivePayment: PaymentView }>(`mutation($input: ReceivePaymentInput!) { receivePayment(input: $input) { ${paymentFields} } }`, {
    input: { customerId, method: 'BANK_TRANSFER', receivedOn: day, ...input },
  });
const readPayment = async (id: string) => (await subgraph.must<{ payment: PaymentView }>(`query($id: ID!) { payment(id: $id) { ${paymentFields} } }`, { id })).payment;
const paymentsOf = async (orderId: string) =>
  (
    await subgraph.must<{ payments: { edges: { node: { id: string } }[] } }>('query($o: ID) { payments(filter: { orderId: $o }) { edges { node { id } } } }', { o: orderId })
  ).payments.edges
    .map((e) => e.node.id)
    .sort();
const invoiceDelivered = async (orderId: string) =>
  (
    await subgraph.must<{ invoiceDeliveredLines: { id: string; status: string; total: { amount: string }; balance: { amount: string } } }>(
      'mutation($input: InvoiceDeliveredLinesInput!) { invoiceDeliveredLines(input: $input) { id status total { amount } balance { amount } } }',
      { input: { orderId, issueDate: day } },
    )
  ).invoiceDeliveredLines;

describe('advances held on an order', () => {
  it('holds a payment on an order finance knows, refusing an unknown order or another customer’s, naming input.orderId', async () => {
    const unknown = await receive({ orderId: randomUUID(), amount: { amount: '10.00', currency: 'EUR' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orderId' });
    const theirs = await confirmedOrder(randomUUID());
    const other = await receive({ orderId: theirs.orderId, amount: { amount: '10.00', currency: 'EUR' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orderId', reason: 'OTHER_CUSTOMER' });
    const order = await confirmedOrder();
    const held = await receive({ orderId: order.orderId, amount: { amount: '30.00', currency: 'EUR' } });
    expect(held.data?.receivePayment).toMatchObject({ orderId: order.orderId, unallocated: { amount: '30.00', currency: 'EUR' }, allocations: [] });
    expect(await paymentsOf(order.orderId)).toEqual([held.data!.receivePayment.id]);
  });

  it('applies the order’s advances first to each invoice of the order, oldest first, in any currency, and lists every payment of the order', async () => {
    const order = await confirmedOrder();
    const euros = (await receive({ orderId: order.orderId, amount: { amount: '30.00', currency: 'EUR' }, receivedOn: '2026-03-01' })).data!.receivePayment;
    const dollars = (await receive({ orderId: order.orderId, amount: { amount: '10.00', currency: 'USD' } })).data!.receivePayment;
    await shipped(order, '2');
    // 2 × 10.00 + 19 % = 23.80: paid from the EUR advance alone.
    const first = await invoiceDelivered(order.orderId);
    expect(first).toMatchObject({ status: 'PAID', total: { amount: '23.80' }, balance: { amount: '0.00' } });
    expect((await readPayment(euros.id)).unallocated.amount).toBe('6.20');
    expect((await readPayment(dollars.id)).unallocated.amount).toBe('10.00');
    await shipped(order, '3');
    // 3 × 10.00 + 19 % = 35.70: 6.20 EUR left of the first advance, then 10 USD at 0.9 = 9.00 EUR; 20.50 still owed.
    const second = await invoiceDelivered(order.orderId);
    expect(second).toMatchObject({ status: 'PARTIALLY_PAID', total: { amount: '35.70' }, balance: { amount: '20.50' } });
    expect((await readPayment(euros.id)).allocations.map((a) => [a.invoice.id, a.amount.amount])).toEqual([
      [first.id, '23.80'],
      [second.id, '6.20'],
    ]);
    expect((await readPayment(dollars.id)).allocations).toEqual([
      { invoice: { id: second.id }, amount: { amount: '9.00', currency: 'EUR' }, sourceAmount: { amount: '10.00', currency: 'USD' } },
    ]);
    const allocated = await subgraph.sql<{ n: number }>(`select count(*)::int as n from outbox_message where type = 'finance.payment.allocated.v2' and message_key in (?, ?)`, [
      first.id,
      second.id,
    ]);
    expect(allocated).toEqual([{ n: 3 }]);
    // The rest is paid without naming the order: still one of the order's payments, by its allocation.
    const rest = (await receive({ amount: { amount: '20.50', currency: 'EUR' }, allocations: [{ invoiceId: second.id, amount: '20.50' }] })).data!.receivePayment;
    expect(rest.orderId).toBeNull();
    expect(await paymentsOf(order.orderId)).toEqual([euros.id, dollars.id, rest.id].sort());
  });
});
