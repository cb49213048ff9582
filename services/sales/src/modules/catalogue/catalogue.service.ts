import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventData, ProductChangedV1 } from '@rapport/contracts';
import { badInput, normaliseAmount } from '@rapport/errors';
import { CatalogueProduct, type ICatalogueProduct } from './catalogue-product.entity.js';

export { CatalogueProduct };

/**
 * Writes a product snapshot into the catalogue copy unless the copy already holds a newer one
 * (by `changedAt`): events about one product may be redelivered or replayed late.
 */
export async function applyProductSnapshot(em: SqlEntityManager, data: EventData<typeof ProductChangedV1>): Promise<void> {
  const changedAt = new Date(data.changedAt);
  const fields = {
    sku: data.sku,
    name: data.name,
    unit: data.unit,
    listPrice: normaliseAmount(data.listPrice.amount),
    listPriceCurrency: data.listPrice.currency,
    standardCost: normaliseAmount(data.standardCost.amount),
    standardCostCurrency: data.standardCost.currency,
    active: data.active,
    changedAt,
  };
  const held = await em.findOne(CatalogueProduct, { id: data.productId });
  if (!held) em.create(CatalogueProduct, { id: data.productId, ...fields, deletedAt: null });
  else if (held.changedAt.getTime() < changedAt.getTime()) Object.assign(held, fields);
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
