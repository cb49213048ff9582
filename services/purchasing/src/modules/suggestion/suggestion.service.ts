import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { EventData, StockBelowSafetyV1, StockRecoveredV1 } from '@rapport/contracts';
import { badInput, conflict, formatQuantity, notFound, quantityUnits, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { draftPurchaseOrder, pricePurchaseLines } from '../order/order.service.js';
import type { IPurchaseOrder } from '../order/order.entity.js';
import { bestPriceKey, bestPrices, today } from '../price/price.service.js';
import { ReorderSuggestion, type IReorderSuggestion } from './suggestion.entity.js';

/**
 * A safety-stock alarm becomes a reorder suggestion (once per alarm): the reorder quantity, and the
 * supplier with the best current price for it. Products purchasing has no price for are suggested
 * without a supplier.
 */
export async function suggestReorder(em: SqlEntityManager, data: EventData<typeof StockBelowSafetyV1>): Promise<void> {
  if (await em.findOne(ReorderSuggestion, { alarmId: data.alarmId })) return;
  const quantity = formatQuantity(quantityUnits(data.reorderQuantity));
  if (quantityUnits(quantity) <= 0n) return;
  const best = (await bestPrices(em, [{ productId: data.productId, quantity }], today())).get(bestPriceKey(data.productId, quantity));
  em.create(ReorderSuggestion, {
    id: randomUUID(),
    alarmId: data.alarmId,
    productId: data.productId,
    warehouseId: data.warehouseId,
    quantity,
    supplierId: best?.supplierId ?? null,
    unitPrice: best?.price ?? null,
    currency: best?.currency ?? null,
    status: 'OPEN',
    purchaseOrderId: null,
    raisedAt: new Date(data.raisedAt),
    clearedAt: null,
  });
  await em.flush();
}

/** The stock recovered: the alarm's suggestion is cleared unless it was already ordered. */
export async function clearSuggestion(em: SqlEntityManager, data: EventData<typeof StockRecoveredV1>): Promise<void> {
  const suggestion = await em.findOne(ReorderSuggestion, { alarmId: data.alarmId });
  if (suggestion?.status !== 'OPEN') return;
  suggestion.status = 'CLEARED';
  suggestion.clearedAt = new Date(data.recoveredAt);
  await em.flush();
}

/** Suggestions in a state (OPEN by default), oldest first (at most 500). */
export async function listSuggestions(em: SqlEntityManager, viewer: Viewer, status: IReorderSuggestion['status'] | null | undefined): Promise<IReorderSuggestion[]> {
  return em.find(ReorderSuggestion, { status: status ?? 'OPEN' }, { orderBy: { raisedAt: 'asc', id: 'asc' }, limit: 500 });
}

/**
 * Turns open suggestions into draft purchase orders, one per supplier and warehouse, at each
 * supplier's price today; the suggestions become ORDERED. Under the suggestions' row locks, so two
 * buyers ordering one suggestion at once: one wins, the other is refused (CONFLICT). A suggestion
 * without a supplier is refused naming `ids.<i>` (set a price first).
 */
export async function createPurchaseOrdersFromSuggestions(em: SqlEntityManager, viewer: Viewer<WriteAccess>, ids: readonly string[]): Promise<IPurchaseOrder[]> {
  if (!ids.length || ids.length > 200) throw badInput('ids', 'ids must name 1 to 200 suggestions', 'INVALID_SUGGESTIONS');
  const wanted = ids.map((id, i) => requireUuid(`ids.${i}`, id));
  if (new Set(wanted).size !== wanted.length) throw badInput('ids', 'ids names a suggestion twice', 'DUPLICATE_SUGGESTION');
  return em.transactional(async (tx) => {
    await tx.execute('set local lock_timeout = 5000');
    const locked = await tx.execute<{ id: string }[]>('select id from reorder_suggestion where id in (?) order by id for update', [wanted]);
    const suggestions = await tx.find(ReorderSuggestion, { id: { $in: locked.map((r) => r.id) } });
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const groups = new Map<string, IReorderSuggestion[]>();
    wanted.forEach((id, i) => {
      const suggestion = byId.get(id);
      if (!suggestion) throw notFound('ReorderSuggestion', id, `ids.${i}`);
      if (suggestion.status !== 'OPEN') throw conflict('SUGGESTION_NOT_OPEN', `suggestion ${id} is ${suggestion.status.toLowerCase()}`, `ids.${i}`);
      if (!suggestion.supplierId) throw badInput(`ids.${i}`, `ids.${i}: no supplier offers the product; record a supplier price first`, 'NO_SUPPLIER_PRICE');
      const key = `${suggestion.supplierId}:${suggestion.warehouseId}`;
      groups.set(key, [...(groups.get(key) ?? []), suggestion]);
    });
    const orders: IPurchaseOrder[] = [];
    for (const group of groups.values()) {
      const [first] = group;
      const supplier = await tx.execute<{ currency: string }[]>('select currency from supplier where id = ? and deleted_at is null', [first!.supplierId]);
      if (!supplier[0]) throw badInput(`ids.${wanted.indexOf(first!.id)}`, 'the suggested supplier was deleted', 'SUPPLIER_DELETED');
      const lines = await pricePurchaseLines(
        tx,
        first!.supplierId!,
        supplier[0].currency,
        group.map((s) => ({ productId: s.productId, quantity: s.quantity })),
        (i) => `ids.${wanted.indexOf(group[i]!.id)}`,
      );
      const po = await draftPurchaseOrder(
        tx,
        viewer,
        { supplierId: first!.supplierId!, currency: supplier[0].currency, warehouseId: first!.warehouseId, copiedFromId: null },
        lines,
      );
      for (const suggestion of group) {
        suggestion.status = 'ORDERED';
        suggestion.purchaseOrderId = po.id;
      }
      orders.push(po);
    }
    await tx.flush();
    return orders;
  });
}
