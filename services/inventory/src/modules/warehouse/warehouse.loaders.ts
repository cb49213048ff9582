import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import type { Caller } from '../../context.js';
import { stockPolicy } from './warehouse.policy.js';
import { warehousesByIds } from './warehouse.service.js';

/** Per-request loaders: N warehouse references cost one query (none for a caller whose role sees no stock). */
export const createWarehouseLoaders = (em: SqlEntityManager, principal: Caller) => {
  const access = principal ? stockPolicy[principal.role] : 'none';
  return {
    warehouseById: byIdLoader(async (ids) => (access === 'none' ? [] : warehousesByIds(em, ids))),
  };
};
