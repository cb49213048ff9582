import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller, type DataLoader } from '@rapport/subgraph-kit';
import { activityPolicy } from './activity.policy.js';
import type { IActivity } from './activity.entity.js';
import { latestActivitiesOf } from './activity.service.js';

/**
 * Per-request loaders: the latest `first` activities of N customers cost one query (one loader
 * per distinct `first`), narrowed to the customers the caller may see.
 */
export const createActivityLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(activityPolicy, 'lookup');
  const byFirst = new Map<number, DataLoader<string, IActivity[]>>();
  return {
    latestActivitiesByCustomer(first: number): DataLoader<string, IActivity[]> {
      let loader = byFirst.get(first);
      if (!loader) {
        loader = groupedLoader(
          async (customerIds) => (viewer ? latestActivitiesOf(em, viewer, customerIds, first) : []),
          (activity) => activity.customerId,
        );
        byFirst.set(first, loader);
      }
      return loader;
    },
  };
};
