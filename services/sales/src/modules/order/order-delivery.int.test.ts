import { randomUUID } from 'node:crypto';
import { createEvent, CustomerCreatedV1, ShipmentDeliveredV1 } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { productSnapshot, seedCatalogue } from '../catalogue/catalogue.testing.js';
import { anOrder, useSalesSubgraph } from '../../testing.js';

const product = productSnapshot();
const subgraph = useSalesSubgraph({ kafka: true, seed: (started) => seedCatalogue(started, product) });

const placeOrder = (customerId: string): Promise<string> => anOrder(subgraph, customerId, product.productId);

type OrderState = { salesOrder: { status: string; deliveredAt: string | null; completedAt: string | null; cancelledAt: string | null } };
const orderState = async (id: string) =>
  (await subgraph.gql<OrderState>('query($id: ID!) { salesOrder(id: $id) { status deliveredAt completedAt cancelledAt } }', { id })).data!.salesOrder;

const delivered = (orderId: string, customerId: string, deliveredAt: string) =>
  createEvent(ShipmentDeliveredV1, randomUUID(), { shipmentId: randomUUID(), orderId, customerId, deliveredAt });

describe('an order whose goods are delivered (the old whole-order shipment.delivered.v1)', () => {
  it('is delivered at the delivery time and stays open (to invoice), and a redelivered event changes nothing', async () => {
    const customerId = randomUUID();
    await subgraph.events.waitUntilHandled(
      await subgraph.events.deliver(createEvent(CustomerCreatedV1, customerId, { customerId, name: 'Delivered GmbH', kind: 'COMPANY', ownerId: null, teamId: null })),
    );
    const orderId = await placeOrder(customerId);
    const event = delivered(orderId, customerId, '2026-12-01T10:00:00.000Z');
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await orderState(orderId)).toEqual({ status: 'DELIVERED', deliveredAt: '2026-12-01T10:00:00.000Z', completedAt: null, cancelledAt: null });

    const open = await subgraph.gql<{ _entities: { openOrders: { id: string; deliveryStatus: string; invoiceStatus: string; lines: { deliveredQuantity: string }[] }[] }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { openOrders { id deliveryStatus invoiceStatus lines { deliveredQuantity } } } } }',
      { r: [{ __typename: 'Customer', id: customerId }] },
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!._entities[0]!.openOrders).toEqual([
      { id: orderId, deliveryStatus: 'FULLY_DELIVERED', invoiceStatus: 'NOTHING_INVOICED', lines: [{ deliveredQuantity: '1' }] },
    ]);

    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(delivered(orderId, customerId, '2026-12-02T10:00:00.000Z')));
    expect((await orderState(orderId)).deliveredAt).toBe('2026-12-01T10:00:00.000Z');
    const history = await subgraph.gql<{ salesOrder: { history: { action: string }[] } }>('query($id: ID!) { salesOrder(id: $id) { history { action } } }', { id: orderId });
    expect(history.data!.salesOrder.history.map((h) => h.action)).toEqual(['UPDATE', 'CREATE']);
  });

  it('stays cancelled when the delivery is reported after a cancellation', async () => {
    const orderId = await placeOrder(randomUUID());
    const cancelled = await subgraph.gql('mutation($id: ID!) { cancelOrder(id: $id) { id } }', { id: orderId });
    expect(cancelled.errors).toBeUndefined();
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(delivered(orderId, randomUUID(), new Date().toISOString())));
    expect(await orderState(orderId)).toMatchObject({ status: 'CANCELLED', deliveredAt: null, completedAt: null });
  });
});
