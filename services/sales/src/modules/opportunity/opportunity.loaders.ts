import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader } from '@rapport/subgraph-kit';
import type { Caller, Viewer } from '../../context.js';
import { opportunityPolicy } from './opportunity.policy.js';
import { visibleOpportunities } from './opportunity.service.js';

/**
 * Per-request loaders: N opportunity references, or the open deals of N customers, cost one query,
 * narrowed to what the caller may see; none at all for a caller whose role sees no opportunities.
 */
export const createOpportunityLoaders = (em: SqlEntityManager, principal: Caller) => {
  const viewer: Viewer = { principal, access: principal ? opportunityPolicy[principal.role] : 'none' };
  return {
    opportunityById: byIdLoader(async (ids) =>
      viewer.access === 'none'
        ? []
        : visibleOpportunities(em, viewer)
            .andWhere({ id: { $in: [...ids] } })
            .getResultList(),
    ),
    openOpportunitiesByCustomerId: groupedLoader(
      async (customerIds) =>
        viewer.access === 'none'
          ? []
          : visibleOpportunities(em, viewer)
              .andWhere({ customerId: { $in: [...customerIds] }, status: 'OPEN' })
              .orderBy({ createdAt: 'desc', id: 'desc' })
              .getResultList(),
      (opportunity) => opportunity.customerId,
    ),
  };
};
