import { randomUUID } from 'node:crypto';
import { createEvent, WarehouseChangedV1, WarehouseCreatedV1, type CloudEvent } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurchasingService } from '../../create-purchasing-service.js';
import { as, createSupplier, productSnapshot, seedCatalogue } from '../order/order.testing.js';

let subgraph: TestSubgraph;
const buyer = as('BUYER');
const valve = productSnapshot({ name: 'Ball valve DN50' });
let supplierId = '';

const deliver = async (event: CloudEvent): Promise<void> => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const created = (warehouseId: string, code: string) =>
  createEvent(WarehouseCreatedV1, warehouseId, { warehouseId, code, name: `Warehouse ${code}`, active: true, createdAt: at(0) });
const changed = (warehouseId: string, code: string, active: boolean, changedAt: string) =>
  createEvent(WarehouseChangedV1, warehouseId, { warehouseId, code, name: `Warehouse ${code}`, active, changedAt });
const order = (warehouseId: string) =>
  subgraph.gqlAs<{ createPurchaseOrder: { warehouseId: string } }>(buyer, 'mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { warehouseId } }', {
    input: { supplierId, warehouseId, lines: [{ productId: valve.productId, quantity: '1', unitPrice: { amount: '10', currency: 'EUR' } }] },
  });

beforeAll(async () => {
  subgraph = await startTestSubgraph('purchasing', createPurchasingService, { kafka: true });
  await seedCatalogue(subgraph, valve);
  supplierId = await createSupplier(subgraph, buyer, 'Warehouse Check GmbH');
}, 60_000);
afterAll(async () => subgraph?.stop());

describe("purchasing's copy of inventory's warehouses", () => {
  it('accepts a warehouse inventory announced, and refuses an unknown one naming the field', async () => {
    const berlin = randomUUID();
    await deliver(created(berlin, 'BER-1'));
    const ok = await order(berlin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createPurchaseOrder.warehouseId).toBe(berlin);
    expect((await order(randomUUID())).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.warehouseId', reason: 'WAREHOUSE_NOT_FOUND' });
  });

  it('refuses a warehouse once inventory took it out of use, ignores an older snapshot arriving late, and accepts it again when back in use', async () => {
    const hamburg = randomUUID();
    await deliver(created(hamburg, 'HAM-1'));
    await deliver(changed(hamburg, 'HAM-1', false, at(1_000)));
    expect((await order(hamburg)).errors?.[0]?.extensions).toMatchObject({ field: 'input.warehouseId', reason: 'WAREHOUSE_INACTIVE' });
    // A replayed, older snapshot (still active) changes nothing.
    await deliver(changed(hamburg, 'HAM-1', true, at(500)));
    expect((await order(hamburg)).errors?.[0]?.extensions).toMatchObject({ reason: 'WAREHOUSE_INACTIVE' });
    await deliver(changed(hamburg, 'HAM-1', true, at(2_000)));
    expect((await order(hamburg)).errors).toBeUndefined();
  });
});
