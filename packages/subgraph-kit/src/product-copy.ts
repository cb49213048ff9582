import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { ProductChangedV1, ProductCreatedV1, ProductCreatedV2, ProductDeletedV1, ProductRestoredV1, type EventData } from '@rapport/contracts';
import { badInput, normaliseAmount } from '@rapport/errors';
import { currency, deletedAt, money, timestamp } from './properties.js';

/**
 * A service's read copy of inventory's product catalogue (DESIGN.md, the document chain: sales and
 * purchasing keep one each): the full snapshot of the last `inventory.product.created.v2` /
 * `.changed.v1` (a snapshot older than the one held, by `changedAt`, is ignored), and whether
 * inventory retired it (`deletedAt`). Only inventory's events write it. A service using it registers
 * `CatalogueProduct` among its entities, `productCopyHandlers` among its handlers, and creates the
 * table `catalogue_product` in its own migration (as sales' Migration20261206100000 and purchasing's
 * Migration20261205120000 do; each service's schema-drift test checks they agree).
 */
export const CatalogueProduct = defineEntity({
  name: 'CatalogueProduct',
  tableName: 'catalogue_product',
  properties: {
    id: p.uuid().primary(),
    sku: p.text(),
    name: p.text(),
    unit: p.text(),
    listPrice: money(),
    listPriceCurrency: currency(),
    /** Null while only a v1 creation event (without cost) is known. */
    standardCost: money().nullable(),
    standardCostCurrency: currency().nullable(),
    active: p.boolean(),
    /** When inventory last changed the product: the snapshot held. */
    changedAt: timestamp(),
    deletedAt: deletedAt(),
  },
});
export type ICatalogueProduct = InferEntity<typeof CatalogueProduct>;

/** A product snapshot; `standardCost` null when the event does not carry it (inventory.product.created.v1). */
export type ProductSnapshot = Omit<EventData<typeof ProductChangedV1>, 'standardCost'> & { standardCost: EventData<typeof ProductChangedV1>['standardCost'] | null };

/**
 * Writes a product snapshot into the copy unless the copy already holds a newer one (by
 * `changedAt`): events about one product may be redelivered or replayed late.
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
 * Keeps the copy in step with inventory. Each handler runs inside the inbox transaction (a
 * redelivered event changes nothing). Retiring and restoring arrive on the same topic and key as
 * the snapshots, so in the order inventory made them.
 */
export const productCopyHandlers = [
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

/**
 * The products named by `productIds`, each required to exist and be in use (active and not
 * retired): BAD_USER_INPUT naming `fieldOf(i)` with PRODUCT_NOT_FOUND or PRODUCT_INACTIVE
 * otherwise. One query for all lines.
 */
export async function requireActiveProducts(em: SqlEntityManager, productIds: readonly string[], fieldOf: (index: number) => string): Promise<Map<string, ICatalogueProduct>> {
  const found = productIds.length ? await em.find(CatalogueProduct, { id: { $in: [...new Set(productIds)] } }) : [];
  const byId = new Map(found.map((product) => [product.id, product]));
  productIds.forEach((id, i) => {
    const product = byId.get(id);
    if (!product) throw badInput(fieldOf(i), `${fieldOf(i)}: no product ${id} in the catalogue`, 'PRODUCT_NOT_FOUND');
    if (!product.active || product.deletedAt) throw badInput(fieldOf(i), `${fieldOf(i)}: product ${product.sku} is not in use any more`, 'PRODUCT_INACTIVE');
  });
  return byId;
}
