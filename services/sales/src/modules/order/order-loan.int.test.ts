import { randomUUID } from 'node:crypto';
import { createEvent, LoanConvertedV2 } from '@rapport/contracts';
import { countOutboxEvents } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { orderTestClient, shippedEvent, usePumpAndValveOrders } from './order.testing.js';

const { subgraph, pump, valve, warehouseId } = usePumpAndValveOrders();
const fields =
  'id number status origin loanNumber customer { id } total { amount currency } lines { id productId description quantity unitPrice { amount currency } deliveredQuantity toInvoiceQuantity }';
interface LoanOrder {
  id: string;
  number: string;
  status: string;
  origin: string;
  loanNumber: string | null;
  total: { amount: string; currency: string };
  lines: {
    id: string;
    productId: string;
    description: string;
    quantity: string;
    unitPrice: { amount: string; currency: string };
    deliveredQuantity: string;
    toInvoiceQuantity: string;
  }[];
}
const orders = orderTestClient<LoanOrder>(subgraph, fields);

const converted = (overrides: { productId: string; quantity: string; unitPrice: { amount: string; currency: string } | null; ownerId?: string | null }) => {
  const loanId = randomUUID();
  return createEvent(LoanConvertedV2, loanId, {
    loanId,
    number: 'LN-000042',
    orderId: randomUUID(),
    shipmentId: randomUUID(),
    customerId: randomUUID(),
    ownerId: overrides.ownerId ?? null,
    productId: overrides.productId,
    warehouseId,
    quantity: overrides.quantity,
    unitPrice: overrides.unitPrice,
    unitCost: null,
    open: '0',
    convertedAt: new Date().toISOString(),
  });
};

describe('a loan the customer keeps (inventory.loan.converted.v2)', () => {
  it('becomes a confirmed order of the kept quantity at the agreed price, made by the loan owner, once', async () => {
    const ownerId = randomUUID();
    const event = converted({ productId: pump.productId, quantity: '2.5', unitPrice: { amount: '80.00', currency: 'EUR' }, ownerId });
    const { orderId, customerId } = event.data;
    await orders.deliver(event);
    await orders.deliver(event);
    const order = await orders.read(orderId);
    expect(order).toMatchObject({ id: orderId, status: 'CONFIRMED', origin: 'LOAN', loanNumber: 'LN-000042', total: { amount: '200.00', currency: 'EUR' } });
    expect(order.lines).toEqual([
      expect.objectContaining({ productId: pump.productId, description: 'Pump', quantity: '2.5', unitPrice: { amount: '80.00', currency: 'EUR' }, deliveredQuantity: '0' }),
    ]);
    const em = subgraph.service.orm.em.fork();
    expect(await countOutboxEvents(em, orderId, 'sales.order.confirmed.v2')).toBe(1);
    const [confirmed] = await em.execute<{ payload: { actor?: string; data: { customerId: string; lines: { lineId: string; quantity: string }[] } } }[]>(
      `select payload from outbox_message where payload->>'type' = 'sales.order.confirmed.v2' and payload->>'subject' = ?`,
      [orderId],
    );
    expect(confirmed!.payload.data).toMatchObject({ customerId, lines: [{ lineId: order.lines[0]!.id, quantity: '2.5' }] });
    expect(JSON.stringify(confirmed!.payload)).toContain(ownerId);

    // Inventory reports the kept goods shipped: the order is delivered and all of it to invoice.
    await orders.deliver(shippedEvent({ id: orderId, customerId }, [[order.lines[0]!, '2.5']], { warehouseId }));
    expect(await orders.read(orderId)).toMatchObject({ status: 'DELIVERED', lines: [{ deliveredQuantity: '2.5', toInvoiceQuantity: '2.5' }] });
  });

  it('takes the list price when no price was agreed', async () => {
    const event = converted({ productId: valve.productId, quantity: '1', unitPrice: null });
    await orders.deliver(event);
    const order = await orders.read(event.data.orderId);
    expect(order).toMatchObject({ origin: 'LOAN', lines: [{ quantity: '1', unitPrice: { amount: '1290.00', currency: 'EUR' } }] });
  });

  it('shows DIRECT for an order entered directly', async () => {
    const placed = await orders.place(randomUUID(), [{ productId: pump.productId, quantity: '1', unitPrice: '10' }]);
    expect(placed).toMatchObject({ origin: 'DIRECT', loanNumber: null });
  });
});
