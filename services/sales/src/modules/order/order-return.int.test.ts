import { randomUUID } from 'node:crypto';
import { createEvent, ReturnReceivedV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';
import { useSalesSubgraph } from '../../testing.js';
import { orderTestClient, shippedEvent } from './order.testing.js';

const pump = productSnapshot({ name: 'Return pump' });
const warehouseId = randomUUID();
const subgraph = useSalesSubgraph({ kafka: true, seed: (started) => seedCatalogue(started, pump) });

interface Line {
  id: string;
  productId: string;
  deliveredQuantity: string;
  returnedQuantity: string;
  toInvoiceQuantity: string;
}
interface Order {
  id: string;
  customerId: string;
  status: string;
  deliveryStatus: string;
  lines: Line[];
}
const orderFields = 'id status deliveryStatus lines { id productId deliveredQuantity returnedQuantity toInvoiceQuantity }';

const { read, deliver, ...orders } = orderTestClient<Order>(subgraph, orderFields);
const place = (customerId = randomUUID()): Promise<Order> => orders.place(customerId, [{ productId: pump.productId, quantity: '3', unitPrice: '100' }]);

const shipped = (order: Order, quantity: string) =>
  shippedEvent(
    order,
    order.lines.map((l) => [l, quantity] as const),
    { warehouseId },
  );
const returned = (order: Order, quantity: string, condition: 'RESTOCK' | 'SCRAP') => {
  const returnId = randomUUID();
  return createEvent(ReturnReceivedV1, returnId, {
    returnId,
    number: `RT-${returnId.slice(0, 6)}`,
    shipmentId: randomUUID(),
    shipmentNumber: 'SH-000001',
    customerId: order.customerId,
    warehouseId,
    reason: 'damaged',
    lines: order.lines.map((l) => ({ orderId: order.id, orderLineId: l.id, productId: l.productId, quantity, condition })),
    receivedAt: new Date().toISOString(),
  });
};

describe('customer returns against an order (inventory.return.received.v1)', () => {
  it('adds the returned quantities per line, keeps them delivered, and a redelivered return changes nothing', async () => {
    const order = await place();
    await deliver(shipped(order, '3'));
    const restock = returned(order, '1', 'RESTOCK');
    await deliver(restock);
    await deliver(restock);
    await deliver(returned(order, '0.5', 'SCRAP'));
    const after = await read(order.id);
    expect(after.lines.map((l) => [l.deliveredQuantity, l.returnedQuantity, l.toInvoiceQuantity])).toEqual([['3', '1.5', '1.5']]);
    expect(after).toMatchObject({ status: 'DELIVERED', deliveryStatus: 'FULLY_DELIVERED' });
  });

  it('counts a return that arrives before the shipment it is against (order across aggregates)', async () => {
    const order = await place();
    await deliver(returned(order, '2', 'RESTOCK'));
    expect((await read(order.id)).lines[0]!.returnedQuantity).toBe('2');
    await deliver(shipped(order, '3'));
    const after = await read(order.id);
    expect(after.lines.map((l) => [l.deliveredQuantity, l.returnedQuantity])).toEqual([['3', '2']]);
  });

  it('ignores a return of lines sales does not know', async () => {
    const order = await place();
    await deliver(returned({ ...order, id: randomUUID(), lines: [{ ...order.lines[0]!, id: randomUUID() }] }, '1', 'RESTOCK'));
    expect((await read(order.id)).lines[0]!.returnedQuantity).toBe('0');
  });
});
