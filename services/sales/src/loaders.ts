import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import type { SalesLoaders } from './context.js';
import { createApprovalLoaders } from './modules/approval/approval.loaders.js';
import { createCreditHoldLoaders } from './modules/credit-hold/credit-hold.consumer.js';
import { createOpportunityLoaders } from './modules/opportunity/opportunity.loaders.js';
import { createOrderLoaders } from './modules/order/order.loaders.js';
import { createPipelineLoaders } from './modules/pipeline/pipeline.loaders.js';
import { createQuotationLoaders } from './modules/quotation/quotation.loaders.js';

/** Per-request loaders; they see the caller, so every batched lookup is narrowed like the root queries. */
export const createLoaders = (em: SqlEntityManager, caller: Caller): SalesLoaders =>
  mergeLoaders(
    createPipelineLoaders(em),
    createOpportunityLoaders(em, caller),
    createOrderLoaders(em, caller),
    createQuotationLoaders(em, caller),
    createApprovalLoaders(em),
    createCreditHoldLoaders(em),
  );
