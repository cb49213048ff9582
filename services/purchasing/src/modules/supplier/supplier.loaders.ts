import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import { Supplier } from './supplier.entity.js';

/** Per-request loaders: N supplier references cost one query. */
export const createSupplierLoaders = (em: SqlEntityManager) => ({
  supplierById: byIdLoader((ids) => em.find(Supplier, { id: { $in: [...ids] } })),
});
