import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, DataLoader, type Caller } from '@rapport/subgraph-kit';
import { customerPolicy } from './customer.policy.js';
import { sharedWithByCustomer, visibleCustomersByIds } from './customer.service.js';

/** Per-request loaders: N customer references cost one query, narrowed to what the caller may see. */
export const createCustomerLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(customerPolicy, 'lookup');
  return {
    customerById: byIdLoader(async (ids) => (viewer ? visibleCustomersByIds(em, viewer, ids) : [])),
    /** Who each customer is shared with: a page of N customers costs one query, not N. */
    sharedWith: new DataLoader<string, string[]>((ids) => sharedWithByCustomer(em, ids)),
  };
};
