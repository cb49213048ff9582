import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Caller } from '@rapport/subgraph-kit';
import { productPolicy } from './product.policy.js';
import { productsByIds } from './product.service.js';

/** Per-request loaders: N product references cost one query (none for a caller whose role sees no products); deleted products resolve to null. */
export const createProductLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(productPolicy, 'lookup');
  return {
    productById: byIdLoader(async (ids) => (viewer ? productsByIds(em, viewer, ids) : [])),
  };
};
