import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { picturesOfProducts } from './product-picture.js';
import { productPolicy } from './product.policy.js';
import { productsByIds } from './product.service.js';

/** Per-request loaders: N product references cost one query (none for a caller whose role sees no products); deleted products resolve to null. */
export const createProductLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(productPolicy, 'lookup');
  return {
    productById: byIdLoader(async (ids) => (viewer ? productsByIds(em, viewer, ids) : [])),
    /** A product's pictures, main first (asked only of products the caller sees). */
    productPictures: groupedLoader(
      (ids) => picturesOfProducts(em, ids),
      (picture) => picture.productId,
    ),
  };
};
