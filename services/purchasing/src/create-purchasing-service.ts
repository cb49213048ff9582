import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { migrations } from './migrations/index.js';
import { Supplier } from './modules/supplier/supplier.entity.js';
import { createSupplierLoaders } from './modules/supplier/supplier.loaders.js';
import { supplierResolvers } from './modules/supplier/supplier.resolvers.js';

export const createLoaders = (em: SqlEntityManager, principal: Principal | null) => ({ ...createSupplierLoaders(em, principal) });
export type PurchasingLoaders = ReturnType<typeof createLoaders>;

/** The purchasing subgraph: the suppliers the business buys from. */
export function createPurchasingService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'purchasing',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [supplierResolvers],
      entities: [Supplier],
      migrations,
      createLoaders,
    },
    config,
  );
}
