import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Caller } from '@rapport/subgraph-kit';
import { warehousePolicy } from './warehouse.policy.js';
import { warehousesByIds } from './warehouse.service.js';

/** Per-request loaders: N warehouse references cost one query (none for a caller whose role sees no stock). */
export const createWarehouseLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(warehousePolicy, 'lookup');
  return {
    warehouseById: byIdLoader(async (ids) => (!viewer ? [] : warehousesByIds(em, viewer, ids))),
  };
};
