import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader } from '@rapport/subgraph-kit';
import { Opportunity } from './opportunity.entity.js';

/** Per-request loaders: N opportunity references, or the open deals of N customers, cost one query. */
export const createOpportunityLoaders = (em: SqlEntityManager) => ({
  opportunityById: byIdLoader((ids) => em.find(Opportunity, { id: { $in: [...ids] } })),
  openOpportunitiesByCustomerId: groupedLoader(
    (customerIds) => em.find(Opportunity, { customerId: { $in: [...customerIds] }, status: 'OPEN' }, { orderBy: { createdAt: 'desc', id: 'desc' } }),
    (opportunity) => opportunity.customerId,
  ),
});
