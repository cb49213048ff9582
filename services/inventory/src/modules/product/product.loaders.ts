import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import { Product } from './product.entity.js';

/** Per-request loaders: N product references cost one query. */
export const createProductLoaders = (em: SqlEntityManager) => ({
  productById: byIdLoader((ids) => em.find(Product, { id: { $in: [...ids] } })),
});
