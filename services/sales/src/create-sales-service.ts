import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import type { Caller } from './context.js';
import { migrations } from './migrations/index.js';
import { customerMergeHandlers } from './modules/customer/customer-merge.consumer.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { opportunityHandlers } from './modules/opportunity/opportunity.consumer.js';
import { Opportunity } from './modules/opportunity/opportunity.entity.js';
import { createOpportunityLoaders } from './modules/opportunity/opportunity.loaders.js';
import { opportunityResolvers } from './modules/opportunity/opportunity.resolvers.js';
import { orderHandlers } from './modules/order/order.consumer.js';
import { SalesOrder, SalesOrderLine } from './modules/order/order.entity.js';
import { createOrderLoaders } from './modules/order/order.loaders.js';
import { orderResolvers } from './modules/order/order.resolvers.js';
import { PipelineStage } from './modules/pipeline/pipeline-stage.entity.js';
import { createPipelineLoaders } from './modules/pipeline/pipeline.loaders.js';
import { pipelineResolvers } from './modules/pipeline/pipeline.resolvers.js';

/** Per-request loaders; they see the caller, so every batched lookup is narrowed like the root queries. */
export const createLoaders = (em: SqlEntityManager, principal: Caller) => ({
  ...createPipelineLoaders(em),
  ...createOpportunityLoaders(em, principal),
  ...createOrderLoaders(em, principal),
});
export type SalesLoaders = ReturnType<typeof createLoaders>;

/** The sales subgraph: the pipeline, opportunities and sales orders, each customer's open deals and orders. */
export function createSalesService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'sales',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [customerResolvers, pipelineResolvers, opportunityResolvers, orderResolvers],
      entities: [PipelineStage, Opportunity, SalesOrder, SalesOrderLine],
      migrations,
      createLoaders,
      handlers: [...customerMergeHandlers, ...opportunityHandlers, ...orderHandlers],
      customerAccess: true,
    },
    config,
  );
}
