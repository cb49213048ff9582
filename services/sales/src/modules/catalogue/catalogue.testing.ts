import { randomUUID } from 'node:crypto';
import type { EventData, ProductChangedV1 } from '@rapport/contracts';
import type { TestSubgraph } from '@rapport/subgraph-kit/testing';
import { applyProductSnapshot } from './catalogue.service.js';

export type ProductSnapshot = EventData<typeof ProductChangedV1>;

/** A product snapshot as inventory announces it, with overrides (tests' factory). */
export const productSnapshot = (overrides: Partial<ProductSnapshot> = {}): ProductSnapshot => ({
  productId: randomUUID(),
  sku: `SKU-${randomUUID().slice(0, 8)}`,
  name: 'Centrifugal pump CP-40',
  unit: 'pc',
  listPrice: { amount: '1290.00', currency: 'EUR' },
  standardCost: { amount: '700.00', currency: 'EUR' },
  active: true,
  changedAt: new Date().toISOString(),
  ...overrides,
});

/**
 * Puts products into a test service's catalogue copy through the same code its product-event
 * handlers run, for tests that run without Kafka (the catalogue tests deliver the real events).
 */
export async function seedCatalogue(subgraph: TestSubgraph, ...products: ProductSnapshot[]): Promise<void> {
  const em = subgraph.service.orm.em.fork();
  await em.transactional(async (tx) => {
    for (const product of products) await applyProductSnapshot(tx, product);
  });
}
