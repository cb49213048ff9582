import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@rapport/subgraph-kit';
import type { Caller } from '../../context.js';
import { stockPolicy } from '../warehouse/warehouse.policy.js';
import { levelsOfProducts } from './stock.service.js';

/** Per-request loaders: the stock of N products costs one query (none for a caller whose role sees no stock). */
export const createStockLoaders = (em: SqlEntityManager, principal: Caller) => {
  const access = principal ? stockPolicy[principal.role] : 'none';
  return {
    stockByProductId: groupedLoader(
      async (ids) => (access === 'none' ? [] : levelsOfProducts(em, ids)),
      (level) => level.productId,
    ),
  };
};
