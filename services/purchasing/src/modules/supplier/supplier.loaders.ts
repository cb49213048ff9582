import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Caller } from '@rapport/subgraph-kit';
import { supplierPolicy } from './supplier.policy.js';
import { suppliersByIds } from './supplier.service.js';

/**
 * Per-request loaders: N supplier references cost one query, and a deleted supplier resolves to
 * null; a caller whose department has no access to suppliers gets nulls without a query.
 */
export const createSupplierLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(supplierPolicy, 'lookup');
  return {
    supplierById: byIdLoader(async (ids) => (viewer ? suppliersByIds(em, viewer, ids) : [])),
  };
};
