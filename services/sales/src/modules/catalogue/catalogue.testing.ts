import { productSnapshots, type ProductSnapshotEvent } from '@rapport/subgraph-kit/testing';

export { seedCatalogue } from '@rapport/subgraph-kit/testing';
export type ProductSnapshot = ProductSnapshotEvent;

/** A product snapshot as inventory announces it, with overrides (sales tests' usual product: a pump). */
export const productSnapshot = productSnapshots({
  name: 'Centrifugal pump CP-40',
  listPrice: { amount: '1290.00', currency: 'EUR' },
  standardCost: { amount: '700.00', currency: 'EUR' },
});
