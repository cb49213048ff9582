import { randomUUID } from 'node:crypto';
import { createEvent, ProductChangedV1, ProductCreatedV1, ProductCreatedV2, ProductDeletedV1, ProductRestoredV1, type CloudEvent } from '@rapport/contracts';
import { startTestSubgraph, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesService } from '../../create-sales-service.js';
import { productSnapshot, type ProductSnapshot } from './catalogue.testing.js';

let subgraph: TestSubgraph;
const customerId = randomUUID();

/** Publishes inventory's event through Kafka and waits until sales' consumer committed past it. */
const deliver = async (event: CloudEvent): Promise<void> => subgraph.events.waitUntilHandled(await subgraph.events.deliver(event));
const created = (p: ProductSnapshot) => createEvent(ProductCreatedV2, p.productId, p);
const changed = (p: ProductSnapshot) => createEvent(ProductChangedV1, p.productId, p);

const quote = 'mutation($input: CreateQuotationInput!) { createQuotation(input: $input) { lines { description unitPrice { amount currency } } } }';
/** What a new quotation line for `productId` without a price shows: the catalogue's name and list price, or the refusal. */
async function offered(productId: string) {
  const result = await subgraph.gql<{ createQuotation: { lines: { description: string; unitPrice: { amount: string } }[] } }>(quote, {
    input: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1' }] },
  });
  return result.errors ? { error: result.errors[0]!.extensions } : result.data!.createQuotation.lines[0];
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('sales', createSalesService, { kafka: true });
});
afterAll(async () => subgraph?.stop());

describe("sales' copy of inventory's catalogue", () => {
  it('learns a product from inventory.product.created.v2 and offers its name and list price', async () => {
    const pump = productSnapshot({ name: 'Pump P-1', listPrice: { amount: '1290.00', currency: 'EUR' } });
    expect(await offered(pump.productId)).toEqual({ error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.lines.0.productId', reason: 'PRODUCT_NOT_FOUND' }) });
    await deliver(created(pump));
    expect(await offered(pump.productId)).toEqual({ description: 'Pump P-1', unitPrice: { amount: '1290.00', currency: 'EUR' } });
  });

  it('takes a newer snapshot and ignores an older one delivered late', async () => {
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    const valve = productSnapshot({ name: 'Valve V-1', changedAt: new Date(t0).toISOString() });
    await deliver(created(valve));
    await deliver(changed({ ...valve, name: 'Valve V-2', listPrice: { amount: '99.5', currency: 'EUR' }, changedAt: new Date(t0 + 60_000).toISOString() }));
    await deliver(changed({ ...valve, name: 'Valve stale', listPrice: { amount: '1.00', currency: 'EUR' }, changedAt: new Date(t0 + 30_000).toISOString() }));
    expect(await offered(valve.productId)).toEqual({ description: 'Valve V-2', unitPrice: { amount: '99.50', currency: 'EUR' } });
  });

  it('refuses a product inventory made inactive, and takes it again once active', async () => {
    const seal = productSnapshot({ name: 'Seal S-1', changedAt: '2026-12-01T10:00:00.000Z' });
    await deliver(created(seal));
    await deliver(changed({ ...seal, active: false, changedAt: '2026-12-01T11:00:00.000Z' }));
    expect(await offered(seal.productId)).toEqual({ error: expect.objectContaining({ field: 'input.lines.0.productId', reason: 'PRODUCT_INACTIVE' }) });
    await deliver(changed({ ...seal, active: true, changedAt: '2026-12-01T12:00:00.000Z' }));
    expect(await offered(seal.productId)).toMatchObject({ description: 'Seal S-1' });
  });

  it('refuses a product inventory retired (deleted), and takes it again once restored', async () => {
    const gasket = productSnapshot({ name: 'Gasket G-1' });
    await deliver(created(gasket));
    await deliver(createEvent(ProductDeletedV1, gasket.productId, { productId: gasket.productId, sku: gasket.sku, deletedAt: new Date().toISOString() }));
    const order = await subgraph.gql('mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines: [{ productId: gasket.productId, quantity: '1', unitPrice: { amount: '5', currency: 'EUR' } }] },
    });
    expect(order.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.productId', reason: 'PRODUCT_INACTIVE' });
    await deliver(createEvent(ProductRestoredV1, gasket.productId, { productId: gasket.productId, sku: gasket.sku, restoredAt: new Date().toISOString() }));
    expect(await offered(gasket.productId)).toMatchObject({ description: 'Gasket G-1' });
  });

  it('changes nothing when an event is delivered twice', async () => {
    const bolt = productSnapshot({ name: 'Bolt B-1' });
    const event = created(bolt);
    await deliver(event);
    await deliver(event);
    const rows = await subgraph.service.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from catalogue_product where id = ?', [bolt.productId]);
    expect(rows[0]?.n).toBe(1);
  });
});

describe('products created before inventory announced snapshots', () => {
  it('learns a product from inventory.product.created.v1 (cost unknown) and completes it from a later snapshot', async () => {
    const old = productSnapshot({ name: 'Legacy pump', changedAt: '2026-11-01T10:00:00.000Z' });
    await deliver(
      createEvent(ProductCreatedV1, old.productId, { productId: old.productId, sku: old.sku, name: old.name, unit: old.unit, listPrice: old.listPrice, createdAt: old.changedAt }),
    );
    expect(await offered(old.productId)).toMatchObject({ description: 'Legacy pump' });
    const cost = () =>
      subgraph.service.orm.em.fork().getConnection().execute<{ standard_cost: string | null }[]>('select standard_cost from catalogue_product where id = ?', [old.productId]);
    expect((await cost())[0]?.standard_cost).toBeNull();
    await deliver(created(old));
    expect((await cost())[0]?.standard_cost).toBe('700.0000');
  });
});
