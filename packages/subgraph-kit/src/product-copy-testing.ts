import { randomUUID } from 'node:crypto';
import type { EventData, ProductChangedV1 } from '@rapport/contracts';
import { applyProductSnapshot } from './product-copy.js';
import type { TestSubgraph } from './test-client.js';

/** A product snapshot as inventory announces it (inventory.product.created.v2 / changed.v1). */
export type ProductSnapshotEvent = EventData<typeof ProductChangedV1>;

/**
 * A factory of product snapshots for a service's tests: a fresh id and code each time, the
 * service's usual product (`defaults`), then the test's `overrides`.
 */
export const productSnapshots =
  (defaults: Pick<ProductSnapshotEvent, 'name' | 'listPrice' | 'standardCost'>) =>
  (overrides: Partial<ProductSnapshotEvent> = {}): ProductSnapshotEvent => ({
    productId: randomUUID(),
    sku: `SKU-${randomUUID().slice(0, 8)}`,
    unit: 'pc',
    active: true,
    changedAt: new Date().toISOString(),
    ...defaults,
    ...overrides,
  });

/**
 * Puts products into a test service's catalogue copy through the same code its product-event
 * handlers run, for tests that run without Kafka (the catalogue tests deliver the real events).
 */
export async function seedCatalogue(subgraph: TestSubgraph, ...products: ProductSnapshotEvent[]): Promise<void> {
  await subgraph.service.orm.em.fork().transactional(async (tx) => {
    for (const product of products) await applyProductSnapshot(tx, product);
  });
}
