import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import type { Caller } from '../../context.js';
import { Product } from './product.entity.js';
import { productPolicy } from './product.policy.js';

/** Per-request loaders: N product references cost one query (none for a caller whose role sees no products). */
export const createProductLoaders = (em: SqlEntityManager, principal: Caller) => {
  const access = principal ? productPolicy[principal.role] : 'none';
  return {
    productById: byIdLoader(async (ids) => (access === 'none' ? [] : em.find(Product, { id: { $in: [...ids] } }))),
  };
};
