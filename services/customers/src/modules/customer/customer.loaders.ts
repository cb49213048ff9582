import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import { Customer } from './customer.entity.js';

/** Per-request loaders: N customer references cost one query. */
export const createCustomerLoaders = (em: SqlEntityManager) => ({
  customerById: byIdLoader((ids) => em.find(Customer, { id: { $in: [...ids] } })),
});
