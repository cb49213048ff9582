import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventData, ProductChangedV1 } from '@rapport/contracts';
import { badInput, normaliseAmount } from '@rapport/errors';
import { CatalogueProduct, type ICatalogueProduct } from './catalogue-product.entity.js';

export { CatalogueProduct };

/** A product snapshot; `standardCost` null when the event does not carry it (inventory.product.created.v1). */
export type ProductSnapshot = Omit<EventData<typeof ProductChangedV1>, 'standardCost'> & { standardCost: EventData<typeof ProductChangedV1>['standardCost'] | null };

/**
 * Writes a product snapshot into the catalogue copy unless the copy already holds a newer one
 * (by `changedAt`): events about one product may be redelivered or replayed late.
 */
export async function applyProductSnapshot(em: SqlEntityManager, data: ProductSnapshot): Promise<void> {
  const changedAt = new Date(data.changedAt);
  const fields = {
    sku: data.sku,
    name: data.name,
    unit: data.unit,
    listPrice: normaliseAmount(data.listPrice.amount),
    listPriceCurrency: data.listPrice.currency,
    standardCost: data.standardCost ? normaliseAmount(data.standardCost.amount) : null,
    standardCostCurrency: data.standardCost?.currency ?? null,
    active: data.active,
    changedAt,
  };
  const held = await em.findOne(CatalogueProduct, { id: data.productId });
  if (!held) em.create(CatalogueProduct, { id: data.productId, ...fields, deletedAt: null });
  // An equal time is the same state (e.g. a v1 and a v2 creation event of one product): the later event adds what the earlier lacked.
  else if (held.changedAt.getTime() <= changedAt.getTime()) Object.assign(held, fields);
  await em.flush();
}

/**
 * The catalogue products named by `productIds`, each required to exist and be sellable (active and
 * not retired): BAD_USER_INPUT naming `fieldOf(i)` (e.g. `lines[2].productId`) with PRODUCT_NOT_FOUND
 * or PRODUCT_INACTIVE otherwise. One query for all lines.
 */
export async function requireSellableProducts(em: SqlEntityManager, productIds: readonly string[], fieldOf: (index: number) => string): Promise<Map<string, ICatalogueProduct>> {
  const found = await em.find(CatalogueProduct, { id: { $in: [...new Set(productIds)] } });
  const byId = new Map(found.map((p) => [p.id, p]));
  productIds.forEach((id, i) => {
    const product = byId.get(id);
    if (!product) throw badInput(fieldOf(i), `${fieldOf(i)}: no product ${id} in the catalogue`, 'PRODUCT_NOT_FOUND');
    if (!product.active || product.deletedAt) throw badInput(fieldOf(i), `${fieldOf(i)}: product ${product.sku} is not sold any more`, 'PRODUCT_INACTIVE');
  });
  return byId;
}
