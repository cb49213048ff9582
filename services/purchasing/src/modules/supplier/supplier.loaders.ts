import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { byIdLoader, type Access } from '@rapport/subgraph-kit';
import { supplierPolicy } from './supplier.policy.js';
import { suppliersByIds } from './supplier.service.js';

/**
 * Per-request loaders: N supplier references cost one query, and a deleted supplier resolves to
 * null; a caller whose department has no access to suppliers gets nulls without a query.
 */
export const createSupplierLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const access: Access = principal ? supplierPolicy[principal.role] : 'none';
  return {
    supplierById: byIdLoader(async (ids) => (access === 'none' ? [] : suppliersByIds(em, ids))),
  };
};
