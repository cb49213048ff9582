import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the sales SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'sales',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    Customer: '{ id: string }',
    Opportunity: '../modules/opportunity/opportunity.entity.js#IOpportunity',
    PipelineStage: '../modules/pipeline/pipeline-stage.entity.js#IPipelineStage',
    SalesOrder: '../modules/order/order.entity.js#ISalesOrder',
    SalesOrderLine: '../modules/order/order.entity.js#ISalesOrderLine',
    Quotation: '../modules/quotation/quotation.entity.js#IQuotation',
    QuotationLine: '../modules/quotation/quotation.entity.js#IQuotationLine',
    LastSalePrice: '../modules/pricing/last-price.js#LastPrice',
    SalesTaxTotal: '../modules/pricing/pricing.js#TaxTotal',
    DiscountLimit: '../modules/approval/approval.entity.js#IDiscountLimit',
    DiscountApproval: '../modules/approval/approval.entity.js#IDiscountApproval',
    DiscountFinding: '../modules/approval/governance.js#Finding',
    Pipeline: '../modules/pipeline/pipeline-stage.entity.js#IPipeline',
    OpportunityStageStay: '../modules/opportunity/opportunity-stage-history.entity.js#IOpportunityStageHistory',
    SalesTarget: '../modules/target/target.service.js#TargetProgress',
    ForecastRow: '../modules/analytics/forecast.service.js#ForecastRow',
    FunnelStage: '../modules/analytics/forecast.service.js#FunnelStageRow',
    SalesFunnel: '../modules/analytics/forecast.service.js#Funnel',
    SalesPerformance: '../modules/analytics/sales.service.js#RepPerformance',
    ProductSalesRow: '../modules/analytics/sales.service.js#ProductSalesRow',
    CreditHold: '../modules/credit-hold/credit-hold.consumer.js#CreditHold',
    ProductSalesSummary: '../modules/analytics/sales.service.js#ProductSales',
  },
});
