import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { Supplier } from './modules/supplier/supplier.entity.js';
import { supplierResolvers } from './modules/supplier/supplier.resolvers.js';

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
