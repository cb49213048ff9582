import { randomUUID } from 'node:crypto';
import { createEvent, CustomerMergedV1, type CloudEvent } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryService } from '../../create-inventory-service.js';
import { aProduct, aWarehouse, ledgerMismatches, oneUnitOrderConfirmed, receive } from '../../test-fixtures.js';

let subgraph: TestSubgraph;
let productId = '';

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> => subgraph.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const orderConfirmed = (customerId: string): CloudEvent => oneUnitOrderConfirmed(customerId, productId, { number: 'SO-000001' });

/** Confirms an order for `customerId` through Kafka and returns its planned shipment's id. */
async function planShipmentFor(customerId: string): Promise<{ shipmentId: string; orderId: string }> {
  const event = orderConfirmed(customerId);
  await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
  const [shipment] = await sql<{ id: string }>('select id from shipment where order_id = ?', [event.subject]);
  if (!shipment) throw new Error('no shipment was planned');
  return { shipmentId: shipment.id, orderId: event.subject };
}

const customerIdsOf = async (ids: string[]): Promise<string[]> =>
  (await sql<{ customer_id: string }>(`select customer_id from shipment where id in (${ids.map(() => '?').join(', ')}) order by id`, ids)).map((r) => r.customer_id);

beforeAll(async () => {
  subgraph = await startTestSubgraph('inventory', createInventoryService, { kafka: true });
  productId = await aProduct(subgraph);
  await receive(subgraph, productId, await aWarehouse(subgraph), '100');
});
afterAll(async () => {
  if (subgraph) expect(await ledgerMismatches(subgraph)).toEqual([]);
  await subgraph?.stop();
});

describe('shipment events', () => {
  it('writes inventory.shipment.delivered.v2 in the same flush as marking the shipment delivered', async () => {
    const customerId = randomUUID();
    const { shipmentId, orderId } = await planShipmentFor(customerId);
    const shipped = await subgraph.gql('mutation($id: ID!) { markShipped(shipmentId: $id, trackingNumber: "TRK-1") { id } }', { id: shipmentId });
    expect(shipped.errors).toBeUndefined();
    expect(await sql(`select 1 from outbox_message where type = 'inventory.shipment.delivered.v2' and message_key = ?`, [shipmentId])).toHaveLength(0);
    const delivered = await subgraph.gql<{ markDelivered: { deliveredAt: string } }>('mutation($id: ID!) { markDelivered(shipmentId: $id) { deliveredAt } }', { id: shipmentId });
    expect(delivered.errors).toBeUndefined();
    const outbox = await sql<{ topic: string; payload: { data: Record<string, unknown> } }>(
      `select topic, payload from outbox_message where type = 'inventory.shipment.delivered.v2' and message_key = ?`,
      [shipmentId],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.topic).toBe('inventory.shipment');
    expect(outbox[0]?.payload.data).toEqual({
      shipmentId,
      number: expect.stringMatching(/^DN-\d{6}$/),
      customerId,
      warehouseId: expect.any(String),
      lines: [{ orderId, orderLineId: expect.any(String), productId, quantity: '1' }],
      deliveredAt: delivered.data!.markDelivered.deliveredAt,
    });
  });

  it("moves the merged customer's shipments to the survivor on a customer merge, once even when the event is delivered twice", async () => {
    const survivorId = randomUUID();
    const mergedId = randomUUID();
    const bystanderId = randomUUID();
    const shipments = [(await planShipmentFor(mergedId)).shipmentId, (await planShipmentFor(mergedId)).shipmentId];
    const untouched = [(await planShipmentFor(bystanderId)).shipmentId];

    const event = createEvent(CustomerMergedV1, survivorId, { survivorId, mergedId, mergedAt: new Date().toISOString() });
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await customerIdsOf(shipments)).toEqual([survivorId, survivorId]);
    expect(await customerIdsOf(untouched)).toEqual([bystanderId]);

    // A redelivery of the same event does nothing: a shipment planned since stays with the merged customer.
    const late = [(await planShipmentFor(mergedId)).shipmentId];
    await subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
    expect(await customerIdsOf(late)).toEqual([mergedId]);
  });
});
