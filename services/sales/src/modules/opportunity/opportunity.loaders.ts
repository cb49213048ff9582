import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanSql, notDeletedSql, ofVisibleCustomers, type Caller, type Viewer } from '@rapport/subgraph-kit';
import { Opportunity, type IOpportunity } from './opportunity.entity.js';
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
      async (customerIds) => (!viewer ? [] : openOpportunitiesOf(em, viewer, customerIds)),
      (opportunity) => opportunity.customerId,
    ),
  };
};

/**
 * The live open opportunities of `customerIds` the viewer may see, newest first: what
 * `visibleOpportunities(…).andWhere({ customerId: { $in }, status: 'OPEN' })` reads, as plain rows,
 * in SQL written once (the flagship's hot path; see `leanSql`). Same predicates, same indexes.
 */
function openOpportunitiesOf(em: SqlEntityManager, viewer: Viewer, customerIds: readonly string[]): Promise<IOpportunity[]> {
  const customers = ofVisibleCustomers(viewer, '"o"', customerIds);
  return leanSql(
    em,
    Opportunity,
    `select "o".* from "opportunity" as "o"
     where ${notDeletedSql('"o"')} and "o"."status" = 'OPEN' and ${customers.sql}
     order by "o"."created_at" desc, "o"."id" desc`,
    customers.params,
    { prepare: true },
  );
}
