import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { migrations } from './migrations/index.js';
import { Customer } from './modules/customer/customer.entity.js';
import { createCustomerLoaders } from './modules/customer/customer.loaders.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { TimelineEntry } from './modules/timeline/timeline-entry.entity.js';
import { timelineHandlers } from './modules/timeline/timeline.consumer.js';
import { timelineResolvers } from './modules/timeline/timeline.resolvers.js';

export const createLoaders = (em: SqlEntityManager, principal: Principal | null) => ({ ...createCustomerLoaders(em, principal) });
export type CustomersLoaders = ReturnType<typeof createLoaders>;

/** The customers subgraph: customers and their timeline, fed by every other service's events. */
export function createCustomersService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'customers',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [customerResolvers, timelineResolvers],
      entities: [Customer, TimelineEntry],
      migrations,
      handlers: timelineHandlers,
      customerAccess: true,
      createLoaders,
    },
    config,
  );
}
