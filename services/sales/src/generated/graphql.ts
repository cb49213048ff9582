import type * as Types from './types.js';
import type { Customer, Opportunity, Product, Quotation, SalesOrder } from './types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { IOpportunity as IOpportunityModel } from '../modules/opportunity/opportunity.entity.js';
import type { IPipelineStage as IPipelineStageModel, IPipeline as IPipelineModel } from '../modules/pipeline/pipeline-stage.entity.js';
import type { ISalesOrder as ISalesOrderModel, ISalesOrderLine as ISalesOrderLineModel } from '../modules/order/order.entity.js';
import type { IQuotation as IQuotationModel, IQuotationLine as IQuotationLineModel } from '../modules/quotation/quotation.entity.js';
import type { LastPrice as LastPriceModel } from '../modules/pricing/last-price.js';
import type { TaxTotal as TaxTotalModel } from '../modules/pricing/pricing.js';
import type { IDiscountLimit as IDiscountLimitModel, IDiscountApproval as IDiscountApprovalModel } from '../modules/approval/approval.entity.js';
import type { Finding as FindingModel } from '../modules/approval/governance.js';
import type { IOpportunityStageHistory as IOpportunityStageHistoryModel } from '../modules/opportunity/opportunity-stage-history.entity.js';
import type { TargetProgress as TargetProgressModel } from '../modules/target/target.service.js';
import type { ForecastRow as ForecastRowModel, FunnelStageRow as FunnelStageRowModel, Funnel as FunnelModel } from '../modules/analytics/forecast.service.js';
import type { RepPerformance as RepPerformanceModel, ProductSalesRow as ProductSalesRowModel, ProductSales as ProductSalesModel } from '../modules/analytics/sales.service.js';
import type { CreditHold as CreditHoldModel } from '../modules/credit-hold/credit-hold.consumer.js';
import type { Context } from '../context.js';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };


export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Types.Maybe<T> extends T ? Types.Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<unknown, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, unknown, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: never[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Customer: Customer;
  Opportunity: Opportunity;
  Quotation: Quotation;
  SalesOrder: SalesOrder;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Opportunity:
    ( { __typename: 'Opportunity' }
    & GraphQLRecursivePick<FederationTypes['Opportunity'], {"id":true}> );
  Quotation:
    ( { __typename: 'Quotation' }
    & GraphQLRecursivePick<FederationTypes['Quotation'], {"id":true}> );
  SalesOrder:
    ( { __typename: 'SalesOrder' }
    & GraphQLRecursivePick<FederationTypes['SalesOrder'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  ClosingOutcome: Types.ClosingOutcome;
  ConvertQuotationLineInput: Types.ConvertQuotationLineInput;
  CreatePipelineInput: Types.CreatePipelineInput;
  CreateQuotationInput: Types.CreateQuotationInput;
  CreditHoldWarning: ResolverTypeWrapper<Types.CreditHoldWarning>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Customer: ResolverTypeWrapper<{ id: string }>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<Types.DeadLetter>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  DiscountApproval: ResolverTypeWrapper<IDiscountApprovalModel>;
  DiscountApprovalStatus: Types.DiscountApprovalStatus;
  DiscountFinding: ResolverTypeWrapper<FindingModel>;
  DiscountFindingKind: Types.DiscountFindingKind;
  DiscountLimit: ResolverTypeWrapper<IDiscountLimitModel>;
  EventBusStatus: ResolverTypeWrapper<Types.EventBusStatus>;
  EventConsumerStatus: ResolverTypeWrapper<Types.EventConsumerStatus>;
  EventFailureKind: Types.EventFailureKind;
  FieldChange: ResolverTypeWrapper<Types.FieldChange>;
  ForecastCategory: Types.ForecastCategory;
  ForecastGrouping: Types.ForecastGrouping;
  ForecastRow: ResolverTypeWrapper<ForecastRowModel>;
  FunnelStage: ResolverTypeWrapper<FunnelStageRowModel>;
  LastSalePrice: ResolverTypeWrapper<LastPriceModel>;
  Money: ResolverTypeWrapper<Types.Money>;
  MoneyInput: Types.MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenOpportunityInput: Types.OpenOpportunityInput;
  Opportunity: ResolverTypeWrapper<IOpportunityModel>;
  OpportunityConnection: ResolverTypeWrapper<Omit<Types.OpportunityConnection, 'edges'> & { edges: Array<ResolversTypes['OpportunityEdge']> }>;
  OpportunityEdge: ResolverTypeWrapper<Omit<Types.OpportunityEdge, 'node'> & { node: ResolversTypes['Opportunity'] }>;
  OpportunityFilter: Types.OpportunityFilter;
  OpportunityStageStay: ResolverTypeWrapper<IOpportunityStageHistoryModel>;
  OpportunityStatus: Types.OpportunityStatus;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Pipeline: ResolverTypeWrapper<IPipelineModel>;
  PipelineStage: ResolverTypeWrapper<IPipelineStageModel>;
  PipelineStageInput: Types.PipelineStageInput;
  PlaceOrderInput: Types.PlaceOrderInput;
  Product: ResolverTypeWrapper<Types.Product>;
  ProductSalesDimension: Types.ProductSalesDimension;
  ProductSalesRow: ResolverTypeWrapper<ProductSalesRowModel>;
  ProductSalesSummary: ResolverTypeWrapper<ProductSalesModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quotation: ResolverTypeWrapper<IQuotationModel>;
  QuotationConnection: ResolverTypeWrapper<Omit<Types.QuotationConnection, 'edges'> & { edges: Array<ResolversTypes['QuotationEdge']> }>;
  QuotationEdge: ResolverTypeWrapper<Omit<Types.QuotationEdge, 'node'> & { node: ResolversTypes['Quotation'] }>;
  QuotationFilter: Types.QuotationFilter;
  QuotationLine: ResolverTypeWrapper<IQuotationLineModel>;
  QuotationStatus: Types.QuotationStatus;
  SalesFunnel: ResolverTypeWrapper<FunnelModel>;
  SalesLineInput: Types.SalesLineInput;
  SalesOrder: ResolverTypeWrapper<ISalesOrderModel>;
  SalesOrderConnection: ResolverTypeWrapper<Omit<Types.SalesOrderConnection, 'edges'> & { edges: Array<ResolversTypes['SalesOrderEdge']> }>;
  SalesOrderDeliveryStatus: Types.SalesOrderDeliveryStatus;
  SalesOrderEdge: ResolverTypeWrapper<Omit<Types.SalesOrderEdge, 'node'> & { node: ResolversTypes['SalesOrder'] }>;
  SalesOrderFilter: Types.SalesOrderFilter;
  SalesOrderInvoiceStatus: Types.SalesOrderInvoiceStatus;
  SalesOrderLine: ResolverTypeWrapper<ISalesOrderLineModel>;
  SalesOrderOrigin: Types.SalesOrderOrigin;
  SalesOrderStatus: Types.SalesOrderStatus;
  SalesPerformance: ResolverTypeWrapper<RepPerformanceModel>;
  SalesPriceEntry: Types.SalesPriceEntry;
  SalesTarget: ResolverTypeWrapper<TargetProgressModel>;
  SalesTaxTotal: ResolverTypeWrapper<TaxTotalModel>;
  SetDiscountLimitInput: Types.SetDiscountLimitInput;
  SetSalesTargetInput: Types.SetSalesTargetInput;
  TargetPeriod: Types.TargetPeriod;
  TopicLag: ResolverTypeWrapper<Types.TopicLag>;
  UpdateQuotationInput: Types.UpdateQuotationInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: IAuditEntryModel;
  ID: Types.Scalars['ID']['output'];
  String: Types.Scalars['String']['output'];
  ConvertQuotationLineInput: Types.ConvertQuotationLineInput;
  CreatePipelineInput: Types.CreatePipelineInput;
  CreateQuotationInput: Types.CreateQuotationInput;
  CreditHoldWarning: Types.CreditHoldWarning;
  Boolean: Types.Scalars['Boolean']['output'];
  Customer: { id: string };
  DateTime: Types.Scalars['DateTime']['output'];
  DeadLetter: Types.DeadLetter;
  Int: Types.Scalars['Int']['output'];
  DiscountApproval: IDiscountApprovalModel;
  DiscountFinding: FindingModel;
  DiscountLimit: IDiscountLimitModel;
  EventBusStatus: Types.EventBusStatus;
  EventConsumerStatus: Types.EventConsumerStatus;
  FieldChange: Types.FieldChange;
  ForecastRow: ForecastRowModel;
  FunnelStage: FunnelStageRowModel;
  LastSalePrice: LastPriceModel;
  Money: Types.Money;
  MoneyInput: Types.MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OpenOpportunityInput: Types.OpenOpportunityInput;
  Opportunity: IOpportunityModel;
  OpportunityConnection: Omit<Types.OpportunityConnection, 'edges'> & { edges: Array<ResolversParentTypes['OpportunityEdge']> };
  OpportunityEdge: Omit<Types.OpportunityEdge, 'node'> & { node: ResolversParentTypes['Opportunity'] };
  OpportunityFilter: Types.OpportunityFilter;
  OpportunityStageStay: IOpportunityStageHistoryModel;
  PageInfo: Types.PageInfo;
  Pipeline: IPipelineModel;
  PipelineStage: IPipelineStageModel;
  PipelineStageInput: Types.PipelineStageInput;
  PlaceOrderInput: Types.PlaceOrderInput;
  Product: Types.Product;
  ProductSalesRow: ProductSalesRowModel;
  ProductSalesSummary: ProductSalesModel;
  Query: Record<PropertyKey, never>;
  Quotation: IQuotationModel;
  QuotationConnection: Omit<Types.QuotationConnection, 'edges'> & { edges: Array<ResolversParentTypes['QuotationEdge']> };
  QuotationEdge: Omit<Types.QuotationEdge, 'node'> & { node: ResolversParentTypes['Quotation'] };
  QuotationFilter: Types.QuotationFilter;
  QuotationLine: IQuotationLineModel;
  SalesFunnel: FunnelModel;
  SalesLineInput: Types.SalesLineInput;
  SalesOrder: ISalesOrderModel;
  SalesOrderConnection: Omit<Types.SalesOrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['SalesOrderEdge']> };
  SalesOrderEdge: Omit<Types.SalesOrderEdge, 'node'> & { node: ResolversParentTypes['SalesOrder'] };
  SalesOrderFilter: Types.SalesOrderFilter;
  SalesOrderLine: ISalesOrderLineModel;
  SalesPerformance: RepPerformanceModel;
  SalesTarget: TargetProgressModel;
  SalesTaxTotal: TaxTotalModel;
  SetDiscountLimitInput: Types.SetDiscountLimitInput;
  SetSalesTargetInput: Types.SetSalesTargetInput;
  TopicLag: Types.TopicLag;
  UpdateQuotationInput: Types.UpdateQuotationInput;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreditHoldWarningResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditHoldWarning'] = ResolversParentTypes['CreditHoldWarning']> = {
  onHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openOpportunities?: Resolver<Array<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  openOrders?: Resolver<Array<ResolversTypes['SalesOrder']>, ParentType, ContextType>;
  openQuotations?: Resolver<Array<ResolversTypes['Quotation']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], unknown> {
  name: 'DateTime';
}

export type DeadLetterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeadLetter'] = ResolversParentTypes['DeadLetter']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EventFailureKind'], ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partition?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DiscountApprovalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountApproval'] = ResolversParentTypes['DiscountApproval']> = {
  decidedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  decisionComment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['DiscountFinding']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quotation?: Resolver<Types.Maybe<ResolversTypes['Quotation']>, ParentType, ContextType>;
  requestComment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DiscountApprovalStatus'], ParentType, ContextType>;
};

export type DiscountFindingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountFinding'] = ResolversParentTypes['DiscountFinding']> = {
  kind?: Resolver<ResolversTypes['DiscountFindingKind'], ParentType, ContextType>;
  limit?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  percent?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DiscountLimitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountLimit'] = ResolversParentTypes['DiscountLimit']> = {
  maxLineDiscount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxTotalDiscount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minMarginPercent?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type EventBusStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventBusStatus'] = ResolversParentTypes['EventBusStatus']> = {
  consumer?: Resolver<Types.Maybe<ResolversTypes['EventConsumerStatus']>, ParentType, ContextType>;
  kafkaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  outboxOldestPendingAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outboxPending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventConsumerStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventConsumerStatus'] = ResolversParentTypes['EventConsumerStatus']> = {
  deadLetterTopic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deadLetteredSinceStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadLettersInTopic?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lag?: Resolver<Types.Maybe<Array<ResolversTypes['TopicLag']>>, ParentType, ContextType>;
  recentDeadLetters?: Resolver<Array<ResolversTypes['DeadLetter']>, ParentType, ContextType>;
  transientRetries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitingOutReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  waitingOutSince?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ForecastRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ForecastRow'] = ResolversParentTypes['ForecastRow']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  amountInBase?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ForecastCategory'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  repId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  weightedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  weightedAmountInBase?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type FunnelStageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FunnelStage'] = ResolversParentTypes['FunnelStage']> = {
  amounts?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  averageDays?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  conversionToNext?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['PipelineStage'], ParentType, ContextType>;
  standing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LastSalePriceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LastSalePrice'] = ResolversParentTypes['LastSalePrice']> = {
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationAcceptQuotationArgs, 'id'>>;
  addPipelineStage?: Resolver<ResolversTypes['PipelineStage'], ParentType, ContextType, RequireFields<Types.MutationAddPipelineStageArgs, 'input' | 'pipelineId'>>;
  addQuotationLine?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationAddQuotationLineArgs, 'line' | 'quotationId'>>;
  approveQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationApproveQuotationArgs, 'id'>>;
  cancelOrder?: Resolver<ResolversTypes['SalesOrder'], ParentType, ContextType, RequireFields<Types.MutationCancelOrderArgs, 'id'>>;
  cancelOrderLine?: Resolver<ResolversTypes['SalesOrder'], ParentType, ContextType, RequireFields<Types.MutationCancelOrderLineArgs, 'lineId' | 'orderId'>>;
  convertQuotation?: Resolver<ResolversTypes['SalesOrder'], ParentType, ContextType, RequireFields<Types.MutationConvertQuotationArgs, 'id'>>;
  copyQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationCopyQuotationArgs, 'id'>>;
  createPipeline?: Resolver<ResolversTypes['Pipeline'], ParentType, ContextType, RequireFields<Types.MutationCreatePipelineArgs, 'input'>>;
  createQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationCreateQuotationArgs, 'input'>>;
  deleteOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<Types.MutationDeleteOpportunityArgs, 'id'>>;
  moveOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<Types.MutationMoveOpportunityArgs, 'id' | 'stageId'>>;
  openOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<Types.MutationOpenOpportunityArgs, 'input'>>;
  placeOrder?: Resolver<ResolversTypes['SalesOrder'], ParentType, ContextType, RequireFields<Types.MutationPlaceOrderArgs, 'input'>>;
  rejectQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationRejectQuotationArgs, 'id'>>;
  rejectQuotationApproval?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationRejectQuotationApprovalArgs, 'id'>>;
  removeQuotationLine?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationRemoveQuotationLineArgs, 'lineId' | 'quotationId'>>;
  requestQuotationApproval?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationRequestQuotationApprovalArgs, 'id'>>;
  restoreOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<Types.MutationRestoreOpportunityArgs, 'id'>>;
  reviseQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationReviseQuotationArgs, 'id'>>;
  sendQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationSendQuotationArgs, 'id'>>;
  setDiscountLimit?: Resolver<ResolversTypes['DiscountLimit'], ParentType, ContextType, RequireFields<Types.MutationSetDiscountLimitArgs, 'input'>>;
  setSalesTarget?: Resolver<ResolversTypes['SalesTarget'], ParentType, ContextType, RequireFields<Types.MutationSetSalesTargetArgs, 'input'>>;
  updatePipelineStage?: Resolver<ResolversTypes['PipelineStage'], ParentType, ContextType, RequireFields<Types.MutationUpdatePipelineStageArgs, 'id' | 'input'>>;
  updateQuotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.MutationUpdateQuotationArgs, 'id' | 'input'>>;
};

export type OpportunityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Opportunity'] = ResolversParentTypes['Opportunity'], FederationReferenceType extends FederationReferenceTypes['Opportunity'] = FederationReferenceTypes['Opportunity']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Opportunity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  closedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expectedCloseDate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.OpportunityHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quotations?: Resolver<Array<ResolversTypes['Quotation']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['PipelineStage'], ParentType, ContextType>;
  stageHistory?: Resolver<Array<ResolversTypes['OpportunityStageStay']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OpportunityStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OpportunityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpportunityConnection'] = ResolversParentTypes['OpportunityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OpportunityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OpportunityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpportunityEdge'] = ResolversParentTypes['OpportunityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType>;
};

export type OpportunityStageStayResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpportunityStageStay'] = ResolversParentTypes['OpportunityStageStay']> = {
  days?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enteredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  leftAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['PipelineStage'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PipelineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Pipeline'] = ResolversParentTypes['Pipeline']> = {
  description?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stages?: Resolver<Array<ResolversTypes['PipelineStage']>, ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type PipelineStageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PipelineStage'] = ResolversParentTypes['PipelineStage']> = {
  closesAs?: Resolver<Types.Maybe<ResolversTypes['ClosingOutcome']>, ParentType, ContextType>;
  closing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  forecastCategory?: Resolver<Types.Maybe<ResolversTypes['ForecastCategory']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pipelineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ProductSalesRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSalesRow'] = ResolversParentTypes['ProductSalesRow']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  country?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  industry?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  productId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  repId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ProductSalesSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSalesSummary'] = ResolversParentTypes['ProductSalesSummary']> = {
  baseCurrencyTotal?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ProductSalesRow']>, ParentType, ContextType>;
  totals?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  discountLimits?: Resolver<Array<ResolversTypes['DiscountLimit']>, ParentType, ContextType>;
  myDiscountLimit?: Resolver<ResolversTypes['DiscountLimit'], ParentType, ContextType>;
  opportunities?: Resolver<ResolversTypes['OpportunityConnection'], ParentType, ContextType, Partial<Types.QueryOpportunitiesArgs>>;
  opportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<Types.QueryOpportunityArgs, 'id'>>;
  pendingDiscountApprovals?: Resolver<Array<ResolversTypes['DiscountApproval']>, ParentType, ContextType>;
  pipelineStages?: Resolver<Array<ResolversTypes['PipelineStage']>, ParentType, ContextType, Partial<Types.QueryPipelineStagesArgs>>;
  pipelines?: Resolver<Array<ResolversTypes['Pipeline']>, ParentType, ContextType>;
  productSalesSummary?: Resolver<ResolversTypes['ProductSalesSummary'], ParentType, ContextType, RequireFields<Types.QueryProductSalesSummaryArgs, 'from' | 'groupBy' | 'to'>>;
  quotation?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType, RequireFields<Types.QueryQuotationArgs, 'id'>>;
  quotations?: Resolver<ResolversTypes['QuotationConnection'], ParentType, ContextType, Partial<Types.QueryQuotationsArgs>>;
  salesEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  salesForecast?: Resolver<Array<ResolversTypes['ForecastRow']>, ParentType, ContextType, RequireFields<Types.QuerySalesForecastArgs, 'fromMonth' | 'toMonth'>>;
  salesFunnel?: Resolver<ResolversTypes['SalesFunnel'], ParentType, ContextType, RequireFields<Types.QuerySalesFunnelArgs, 'from' | 'to'>>;
  salesOrder?: Resolver<ResolversTypes['SalesOrder'], ParentType, ContextType, RequireFields<Types.QuerySalesOrderArgs, 'id'>>;
  salesOrders?: Resolver<ResolversTypes['SalesOrderConnection'], ParentType, ContextType, Partial<Types.QuerySalesOrdersArgs>>;
  salesPerformance?: Resolver<Array<ResolversTypes['SalesPerformance']>, ParentType, ContextType, RequireFields<Types.QuerySalesPerformanceArgs, 'from' | 'to'>>;
  salesTargets?: Resolver<Array<ResolversTypes['SalesTarget']>, ParentType, ContextType, Partial<Types.QuerySalesTargetsArgs>>;
};

export type QuotationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Quotation'] = ResolversParentTypes['Quotation'], FederationReferenceType extends FederationReferenceTypes['Quotation'] = FederationReferenceTypes['Quotation']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Quotation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  approval?: Resolver<Types.Maybe<ResolversTypes['DiscountApproval']>, ParentType, ContextType>;
  approvalFindings?: Resolver<Array<ResolversTypes['DiscountFinding']>, ParentType, ContextType>;
  convertedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  copiedFrom?: Resolver<Types.Maybe<ResolversTypes['Quotation']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creditHold?: Resolver<Types.Maybe<ResolversTypes['CreditHoldWarning']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  grossTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.QuotationHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['QuotationLine']>, ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opportunity?: Resolver<Types.Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  order?: Resolver<Types.Maybe<ResolversTypes['SalesOrder']>, ParentType, ContextType>;
  pdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rejectedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rejectionReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revisionOf?: Resolver<Types.Maybe<ResolversTypes['Quotation']>, ParentType, ContextType>;
  sentAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuotationStatus'], ParentType, ContextType>;
  supersededBy?: Resolver<Types.Maybe<ResolversTypes['Quotation']>, ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxes?: Resolver<Array<ResolversTypes['SalesTaxTotal']>, ParentType, ContextType>;
  terms?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QuotationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuotationConnection'] = ResolversParentTypes['QuotationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['QuotationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type QuotationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuotationEdge'] = ResolversParentTypes['QuotationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Quotation'], ParentType, ContextType>;
};

export type QuotationLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuotationLine'] = ResolversParentTypes['QuotationLine']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountPercent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastPrice?: Resolver<Types.Maybe<ResolversTypes['LastSalePrice']>, ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  priceEntry?: Resolver<ResolversTypes['SalesPriceEntry'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPriceGross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SalesFunnelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesFunnel'] = ResolversParentTypes['SalesFunnel']> = {
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  opened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pipelineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stages?: Resolver<Array<ResolversTypes['FunnelStage']>, ParentType, ContextType>;
  winRate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  won?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SalesOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesOrder'] = ResolversParentTypes['SalesOrder'], FederationReferenceType extends FederationReferenceTypes['SalesOrder'] = FederationReferenceTypes['SalesOrder']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['SalesOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancelledAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  completedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  confirmationPdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  confirmedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creditHold?: Resolver<Types.Maybe<ResolversTypes['CreditHoldWarning']>, ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deliveredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deliveryStatus?: Resolver<ResolversTypes['SalesOrderDeliveryStatus'], ParentType, ContextType>;
  grossTotal?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.SalesOrderHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceStatus?: Resolver<ResolversTypes['SalesOrderInvoiceStatus'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['SalesOrderLine']>, ParentType, ContextType>;
  loanNumber?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['SalesOrderOrigin'], ParentType, ContextType>;
  paidAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  quotation?: Resolver<Types.Maybe<ResolversTypes['Quotation']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SalesOrderStatus'], ParentType, ContextType>;
  taxTotal?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  taxes?: Resolver<Array<ResolversTypes['SalesTaxTotal']>, ParentType, ContextType>;
  total?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type SalesOrderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesOrderConnection'] = ResolversParentTypes['SalesOrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SalesOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SalesOrderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesOrderEdge'] = ResolversParentTypes['SalesOrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SalesOrder'], ParentType, ContextType>;
};

export type SalesOrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesOrderLine'] = ResolversParentTypes['SalesOrderLine']> = {
  cancelledQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveredQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountPercent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoicedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastPrice?: Resolver<Types.Maybe<ResolversTypes['LastSalePrice']>, ParentType, ContextType>;
  lineTotal?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  openQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceEntry?: Resolver<ResolversTypes['SalesPriceEntry'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reservedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returnedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shortQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toInvoiceQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  unitPriceGross?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type SalesPerformanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesPerformance'] = ResolversParentTypes['SalesPerformance']> = {
  lostCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openAmounts?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  openCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderTotalInBase?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orderTotals?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  ordersCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  weightedOpenAmounts?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  winRate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  wonAmounts?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  wonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SalesTargetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesTarget'] = ResolversParentTypes['SalesTarget']> = {
  achieved?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  achievedInBase?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  attainment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodKind?: Resolver<ResolversTypes['TargetPeriod'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  repId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type SalesTaxTotalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesTaxTotal'] = ResolversParentTypes['SalesTaxTotal']> = {
  gross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CreditHoldWarning?: CreditHoldWarningResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  DiscountApproval?: DiscountApprovalResolvers<ContextType>;
  DiscountFinding?: DiscountFindingResolvers<ContextType>;
  DiscountLimit?: DiscountLimitResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  ForecastRow?: ForecastRowResolvers<ContextType>;
  FunnelStage?: FunnelStageResolvers<ContextType>;
  LastSalePrice?: LastSalePriceResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Opportunity?: OpportunityResolvers<ContextType>;
  OpportunityConnection?: OpportunityConnectionResolvers<ContextType>;
  OpportunityEdge?: OpportunityEdgeResolvers<ContextType>;
  OpportunityStageStay?: OpportunityStageStayResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pipeline?: PipelineResolvers<ContextType>;
  PipelineStage?: PipelineStageResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductSalesRow?: ProductSalesRowResolvers<ContextType>;
  ProductSalesSummary?: ProductSalesSummaryResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quotation?: QuotationResolvers<ContextType>;
  QuotationConnection?: QuotationConnectionResolvers<ContextType>;
  QuotationEdge?: QuotationEdgeResolvers<ContextType>;
  QuotationLine?: QuotationLineResolvers<ContextType>;
  SalesFunnel?: SalesFunnelResolvers<ContextType>;
  SalesOrder?: SalesOrderResolvers<ContextType>;
  SalesOrderConnection?: SalesOrderConnectionResolvers<ContextType>;
  SalesOrderEdge?: SalesOrderEdgeResolvers<ContextType>;
  SalesOrderLine?: SalesOrderLineResolvers<ContextType>;
  SalesPerformance?: SalesPerformanceResolvers<ContextType>;
  SalesTarget?: SalesTargetResolvers<ContextType>;
  SalesTaxTotal?: SalesTaxTotalResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
};

