import { randomUUID } from 'node:crypto';
import { countAuditEntries, countOutboxEvents, raceBehindRow } from '@rapport/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { aConfirmedOrder, aProduct, aWarehouse, levelOf, receive, useCheckedInventorySubgraph } from './test-fixtures.js';

const subgraph = useCheckedInventorySubgraph({ kafka: true });
const RACERS = 20;
const em = () => subgraph.service.orm.em.fork();

/** A shipping notice for 3 units in stock, as reserving a confirmed order raises it. */
async function plannedShipment(): Promise<{ id: string; productId: string; warehouseId: string; lineId: string }> {
  const productId = await aProduct(subgraph);
  const warehouseId = await aWarehouse(subgraph);
  await receive(subgraph, productId, warehouseId, '5');
  const order = await aConfirmedOrder(subgraph, [{ productId, quantity: '3' }]);
  return { id: order.shipmentIds[0]!, productId, warehouseId, lineId: order.lines[0]!.lineId };
}

describe('concurrent transitions of one shipment', () => {
  it('20 concurrent partial shipShipment, then 20 concurrent markDelivered: one of each wins, one DELIVERY move, one backorder, one audit entry and one event each', async () => {
    const { id, productId, warehouseId, lineId } = await plannedShipment();
    const shipped = await raceBehindRow(subgraph.database.url, 'shipment', id, (i) =>
      subgraph.gql('mutation($id: ID!, $tracking: String!, $lines: [ShipmentLineInput!]) { shipShipment(shipmentId: $id, lines: $lines, trackingNumber: $tracking) { id } }', {
        id,
        tracking: `TRK-${i}`,
        lines: [{ orderLineId: lineId, quantity: '1' }],
      }),
    );
    expect(shipped.other).toEqual([]);
    expect(shipped.won).toHaveLength(1);
    expect(shipped.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Shipment', id, 'UPDATE')).toBe(1);
    expect(await countOutboxEvents(em(), id, 'inventory.shipment.shipped.v2')).toBe(1);
    expect(await em().execute("select quantity::text as q from stock_move where reference_id = ? and kind = 'DELIVERY'", [id])).toEqual([{ q: '-1.000' }]);
    expect(await em().execute('select count(*)::int as n from shipment where backorder_of = ?', [id])).toEqual([{ n: 1 }]);
    expect(await levelOf(subgraph, productId, warehouseId)).toEqual({ onHand: '4', reserved: '2', available: '2' });

    const delivered = await raceBehindRow(subgraph.database.url, 'shipment', id, () => subgraph.gql('mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id }));
    expect(delivered.other).toEqual([]);
    expect(delivered.won).toHaveLength(1);
    expect(delivered.conflicts).toHaveLength(RACERS - 1);
    expect(await countAuditEntries(em(), 'Shipment', id, 'UPDATE')).toBe(2);
    expect(await countOutboxEvents(em(), id, 'inventory.shipment.delivered.v2')).toBe(1);
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
