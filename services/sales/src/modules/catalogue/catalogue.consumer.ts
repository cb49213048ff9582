import { on } from '@rapport/bus';
import { ProductChangedV1, ProductCreatedV1, ProductCreatedV2, ProductDeletedV1, ProductRestoredV1 } from '@rapport/contracts';
import { applyProductSnapshot, CatalogueProduct } from './catalogue.service.js';

/**
 * Keeps sales' catalogue copy in step with inventory. Each handler runs inside the inbox
 * transaction (a redelivered event changes nothing). Snapshots carry the whole product, so any one
 * of them rebuilds the copy; one older than the copy held (`changedAt`) is ignored. Retiring and
 * restoring arrive on the same topic and key as the snapshots, so in the order inventory made them.
 */
export const catalogueHandlers = [
  // Products created before inventory announced full snapshots: active, cost unknown until a snapshot brings it.
  on(ProductCreatedV1, async (data, _event, em) =>
    applyProductSnapshot(em, {
      productId: data.productId,
      sku: data.sku,
      name: data.name,
      unit: data.unit,
      listPrice: data.listPrice,
      standardCost: null,
      active: true,
      changedAt: data.createdAt,
    }),
  ),
  on(ProductCreatedV2, async (data, _event, em) => applyProductSnapshot(em, data)),
  on(ProductChangedV1, async (data, _event, em) => applyProductSnapshot(em, data)),
  on(ProductDeletedV1, async (data, _event, em) => {
    const product = await em.findOne(CatalogueProduct, { id: data.productId });
    if (product) product.deletedAt = new Date(data.deletedAt);
    await em.flush();
  }),
  on(ProductRestoredV1, async (data, _event, em) => {
    const product = await em.findOne(CatalogueProduct, { id: data.productId });
    if (product) product.deletedAt = null;
    await em.flush();
  }),
];
