import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { byIdLoader, type Access } from '@rapport/subgraph-kit';
import { Supplier } from './supplier.entity.js';
import { supplierPolicy } from './supplier.policy.js';

/**
 * Per-request loaders: N supplier references cost one query; a caller whose department has no
 * access to suppliers gets nulls without a query.
 */
export const createSupplierLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const access: Access = principal ? supplierPolicy[principal.role] : 'none';
  return {
    supplierById: byIdLoader(async (ids) => (access === 'none' ? [] : em.find(Supplier, { id: { $in: [...ids] } }))),
  };
};
