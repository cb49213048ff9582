import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { byIdLoader, DataLoader } from '@rapport/subgraph-kit';
import { sharedWithByCustomer, visibleCustomersByIds } from './customer.service.js';

/** Per-request loaders: N customer references cost one query, narrowed to what the caller may see. */
export const createCustomerLoaders = (em: SqlEntityManager, principal: Principal | null) => ({
  customerById: byIdLoader((ids) => visibleCustomersByIds(em, principal, ids)),
  /** Who each customer is shared with: a page of N customers costs one query, not N. */
  sharedWith: new DataLoader<string, string[]>((ids) => sharedWithByCustomer(em, ids)),
});
