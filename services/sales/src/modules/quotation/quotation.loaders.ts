import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, DataLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { lastPriceKey, lastPrices, type LastPrice, type LastPriceQuery } from '../pricing/last-price.js';
import { QuotationLine, today, type QuotationStatus } from './quotation.entity.js';
import { quotationPolicy } from './quotation.policy.js';
import { visibleQuotations } from './quotation.service.js';

/** Stored states of a quotation still in play (SENT only within validity and not superseded; see openQuotationsByCustomerId). */
const OPEN: QuotationStatus[] = ['DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'SENT', 'ACCEPTED'];

/**
 * Per-request loaders: N quotation references, the lines of N quotations, the open quotations of N
 * customers, the quotations of N opportunities, and N last prices cost one query each, narrowed to
 * what the caller may see (nothing for a role that sees no quotations).
 */
export const createQuotationLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(quotationPolicy, 'lookup');
  return {
    quotationById: byIdLoader(async (ids) =>
      !viewer
        ? []
        : visibleQuotations(em, viewer)
            .andWhere({ id: { $in: [...ids] } })
            .getResultList(),
    ),
    linesByQuotationId: groupedLoader(
      (ids) => em.find(QuotationLine, { quotationId: { $in: [...ids] } }, { orderBy: { quotationId: 'asc', position: 'asc' } }),
      (line) => line.quotationId,
    ),
    openQuotationsByCustomerId: groupedLoader(
      async (customerIds) =>
        !viewer
          ? []
          : visibleQuotations(em, viewer)
              .andWhere({ customerId: { $in: [...customerIds] }, status: { $in: OPEN }, supersededById: null })
              .andWhere({ $or: [{ status: { $ne: 'SENT' } }, { validUntil: { $gte: today() } }] })
              .orderBy({ createdAt: 'desc', id: 'desc' })
              .getResultList(),
      (q) => q.customerId,
    ),
    quotationsByOpportunityId: groupedLoader(
      async (opportunityIds) =>
        !viewer
          ? []
          : visibleQuotations(em, viewer)
              .andWhere({ opportunityId: { $in: [...opportunityIds] } })
              .orderBy({ createdAt: 'desc', id: 'desc' })
              .getResultList(),
      (q) => q.opportunityId ?? '',
    ),
    /** Keyed by `lastPriceKey(customerId, productId, before)`. */
    lastPrice: new DataLoader<LastPriceQuery, LastPrice | null, string>(
      async (queries) => {
        const found = await lastPrices(em, queries);
        return queries.map((q) => found.get(lastPriceKey(q.customerId, q.productId, q.before ?? null)) ?? null);
      },
      { cacheKeyFn: (q) => lastPriceKey(q.customerId, q.productId, q.before ?? null) },
    ),
  };
};
