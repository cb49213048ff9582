import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanRows, type Caller } from '@rapport/subgraph-kit';
import { opportunityPolicy } from './opportunity.policy.js';
import { visibleOpportunities } from './opportunity.service.js';

/**
 * Per-request loaders: N opportunity references, or the open deals of N customers, cost one query,
 * narrowed to what the caller may see; none at all for a caller whose role sees no opportunities.
 */
export const createOpportunityLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(opportunityPolicy, 'lookup');
  return {
    opportunityById: byIdLoader(async (ids) =>
      !viewer
        ? []
        : visibleOpportunities(em, viewer)
            .andWhere({ id: { $in: [...ids] } })
            .getResultList(),
    ),
    openOpportunitiesByCustomerId: groupedLoader(
      async (customerIds) =>
        !viewer
          ? []
          : // Rows, not managed entities: a read path (the flagship's) needs no identity map or snapshot.
            leanRows(
              em,
              visibleOpportunities(em, viewer)
                .andWhere({ customerId: { $in: [...customerIds] }, status: 'OPEN' })
                .orderBy({ createdAt: 'desc', id: 'desc' }),
            ),
      (opportunity) => opportunity.customerId,
    ),
  };
};
