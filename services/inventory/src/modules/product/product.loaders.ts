import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import type { Caller } from '../../context.js';
import { productPolicy } from './product.policy.js';
import { productsByIds } from './product.service.js';

/** Per-request loaders: N product references cost one query (none for a caller whose role sees no products); deleted products resolve to null. */
export const createProductLoaders = (em: SqlEntityManager, principal: Caller) => {
  const access = principal ? productPolicy[principal.role] : 'none';
  return {
    productById: byIdLoader(async (ids) => (access === 'none' ? [] : productsByIds(em, ids))),
  };
};
