import type { DataLoader, SubgraphContext } from '@rapport/subgraph-kit';
import type { IDiscountApproval } from './modules/approval/approval.entity.js';
import type { CreditHold } from './modules/credit-hold/credit-hold.consumer.js';
import type { IOpportunity } from './modules/opportunity/opportunity.entity.js';
import type { ISalesOrder, ISalesOrderLine } from './modules/order/order.entity.js';
import type { IPipelineStage } from './modules/pipeline/pipeline-stage.entity.js';
import type { LastPrice, LastPriceQuery } from './modules/pricing/last-price.js';
import type { IQuotation, IQuotationLine } from './modules/quotation/quotation.entity.js';

/**
 * The per-request loaders (built in loaders.ts). Spelt out rather than inferred from loaders.ts:
 * the module loaders import from the services, so importing them here would make an import cycle;
 * loaders.ts is checked against this shape instead.
 */
export interface SalesLoaders {
  stageById: DataLoader<string, IPipelineStage | null>;
  opportunityById: DataLoader<string, IOpportunity | null>;
  openOpportunitiesByCustomerId: DataLoader<string, IOpportunity[]>;
  orderById: DataLoader<string, ISalesOrder | null>;
  linesByOrderId: DataLoader<string, ISalesOrderLine[]>;
  openOrdersByCustomerId: DataLoader<string, ISalesOrder[]>;
  quotationById: DataLoader<string, IQuotation | null>;
  linesByQuotationId: DataLoader<string, IQuotationLine[]>;
  openQuotationsByCustomerId: DataLoader<string, IQuotation[]>;
  quotationsByOpportunityId: DataLoader<string, IQuotation[]>;
  lastPrice: DataLoader<LastPriceQuery, LastPrice | null, string>;
  approvalsByQuotationId: DataLoader<string, IDiscountApproval[]>;
  creditHoldByCustomerId: DataLoader<string, CreditHold | null>;
}

/** What the sales subgraph's resolvers receive per request. */
export type Context = SubgraphContext<SalesLoaders>;
