import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { stockPolicy } from '../warehouse/warehouse.policy.js';
import { levelsOfProducts } from './stock.service.js';

/** Per-request loaders: the stock of N products costs one query (none for a caller whose role sees no stock). */
export const createStockLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(stockPolicy, 'lookup');
  return {
    stockByProductId: groupedLoader(
      async (ids) => (!viewer ? [] : levelsOfProducts(em, viewer, ids)),
      (level) => level.productId,
    ),
  };
};
