import { randomUUID } from 'node:crypto';
import { createEvent, OrderConfirmedV1 } from '@rapport/contracts';
import { countAuditEntries, countOutboxEvents, raceBehindRow, startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from './create-inventory-service.js';

let subgraph: TestSubgraph;
const RACERS = 20;
const em = () => subgraph.service.orm.em.fork();

/** Confirms an order through Kafka; inventory plans its shipment. */
async function plannedShipment(): Promise<string> {
  const orderId = randomUUID();
  const event = createEvent(OrderConfirmedV1, orderId, {
    orderId,
    customerId: randomUUID(),
    number: 'SO-000001',
    total: { amount: '10', currency: 'EUR' },
    lines: [{ productId: randomUUID(), quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }],
    confirmedAt: new Date().toISOString(),
  });
  await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
  const [shipment] = await em().getConnection().execute<{ id: string }[]>('select id from shipment where order_id = ?', [orderId]);
  return shipment!.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe('concurrent transitions of one shipment', () => {
  it('20 concurrent markShipped, then 20 concurrent markDelivered: one of each wins, one audit entry and one delivered event', async () => {
    const id = await plannedShipment();
    const shipped = await raceBehindRow(subgraph.database.url, 'shipment', id, (i) =>
      subgraph.gql('mutation($id: ID!, $tracking: String!) { markShipped(shipmentId: $id, trackingNumber: $tracking) { id } }', { id, tracking: `TRK-${i}` }),
    );
    expect(shipped.other).toEqual([]);
    expect(shipped.won).toHaveLength(1);
    expect(shipped.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Shipment', id, 'UPDATE')).toBe(1);

    const delivered = await raceBehindRow(subgraph.database.url, 'shipment', id, () => subgraph.gql('mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id }));
    expect(delivered.other).toEqual([]);
    expect(delivered.won).toHaveLength(1);
    expect(delivered.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Shipment', id, 'UPDATE')).toBe(2);
    expect(await countOutboxEvents(em(), id, 'inventory.shipment.delivered.v1')).toBe(1);
  });
});

describe('concurrent transitions of one product', () => {
  it('20 concurrent deleteProduct calls: one wins, 19 get CONFLICT, one audit entry', async () => {
    const created = await subgraph.gql<{ createProduct: { id: string } }>('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { sku: `RACE-${randomUUID().slice(0, 8)}`, name: 'Raced pump', listPrice: { amount: '10', currency: 'EUR' } },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProduct.id;
    const outcome = await raceBehindRow(subgraph.database.url, 'product', id, () => subgraph.gql('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id }));

    expect(outcome.other).toEqual([]);
    expect(outcome.won).toHaveLength(1);
    expect(outcome.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Product', id, 'DELETE')).toBe(1);
  });
});
