import { fileURLToPath } from 'node:url';
import {
  CatalogueProduct,
  CopiedBaseCurrency,
  CopiedRate,
  createSubgraphService,
  CustomerProfile,
  customerProfileHandlers,
  printRecipientHandlers,
  productCopyHandlers,
  rateCopyHandlers,
  type SubgraphRuntimeConfig,
  type SubgraphService,
} from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { DiscountApproval, DiscountLimit } from './modules/approval/approval.entity.js';
import { approvalResolvers } from './modules/approval/approval.resolvers.js';
import { analyticsResolvers } from './modules/analytics/analytics.resolvers.js';
import { creditHoldHandlers } from './modules/credit-hold/credit-hold.consumer.js';
import { OpportunityStageHistory } from './modules/opportunity/opportunity-stage-history.entity.js';
import { SalesTarget } from './modules/target/target.entity.js';
import { targetResolvers } from './modules/target/target.resolvers.js';
import { customerMergeHandlers } from './modules/customer/customer-merge.consumer.js';
import { customerResolvers } from './modules/customer/customer.resolvers.js';
import { opportunityHandlers } from './modules/opportunity/opportunity.consumer.js';
import { Opportunity } from './modules/opportunity/opportunity.entity.js';
import { opportunityResolvers } from './modules/opportunity/opportunity.resolvers.js';
import { orderHandlers } from './modules/order/order.consumer.js';
import { SalesOrder, SalesOrderInvoice, SalesOrderLine } from './modules/order/order.entity.js';
import { orderResolvers } from './modules/order/order.resolvers.js';
import { printingRoutes } from './modules/printing/printing.http.js';
import { printingResolvers } from './modules/printing/printing.resolvers.js';
import { Pipeline, PipelineStage } from './modules/pipeline/pipeline-stage.entity.js';
import { pipelineResolvers } from './modules/pipeline/pipeline.resolvers.js';
import { Quotation, QuotationLine } from './modules/quotation/quotation.entity.js';
import { quotationResolvers } from './modules/quotation/quotation.resolvers.js';

/** The sales subgraph: the pipeline, opportunities, the catalogue copy, quotations and sales orders, each customer's open deals, quotations and orders. */
export function createSalesService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'sales',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [
        customerResolvers,
        pipelineResolvers,
        opportunityResolvers,
        orderResolvers,
        quotationResolvers,
        approvalResolvers,
        printingResolvers,
        targetResolvers,
        analyticsResolvers,
      ],
      entities: [
        PipelineStage,
        Opportunity,
        SalesOrder,
        SalesOrderLine,
        SalesOrderInvoice,
        CatalogueProduct,
        Quotation,
        QuotationLine,
        DiscountLimit,
        DiscountApproval,
        Pipeline,
        OpportunityStageHistory,
        SalesTarget,
        CustomerProfile,
        CopiedRate,
        CopiedBaseCurrency,
      ],
      migrations,
      createLoaders,
      handlers: [
        ...customerMergeHandlers,
        ...opportunityHandlers,
        ...orderHandlers,
        ...productCopyHandlers,
        ...rateCopyHandlers,
        ...printRecipientHandlers,
        ...customerProfileHandlers,
        ...creditHoldHandlers,
      ],
      customerAccess: true,
      companyProfileCopy: true,
      handle: printingRoutes(),
    },
    config,
  );
}
