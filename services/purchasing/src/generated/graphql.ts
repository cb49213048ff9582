import type * as Types from './types.js';
import type { Product, PurchaseOrder, Supplier, SupplierBill, SupplierDebitNote, SupplierPayment } from './types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { ISupplier as ISupplierModel } from '../modules/supplier/supplier.entity.js';
import type { SpendRow as SpendRowModel, PricePoint as PricePointModel, DeliveryPerformance as DeliveryPerformanceModel } from '../modules/analysis/analysis.service.js';
import type { ISupplierContact as ISupplierContactModel, ISupplierAddress as ISupplierAddressModel } from '../modules/supplier/supplier-contact.entity.js';
import type { IApprovalLimit as IApprovalLimitModel, IPurchasingApprover as IPurchasingApproverModel } from '../modules/approval/approval.entity.js';
import type { ISupplierPrice as ISupplierPriceModel } from '../modules/price/price.entity.js';
import type { IPurchaseOrder as IPurchaseOrderModel, IPurchaseOrderLine as IPurchaseOrderLineModel } from '../modules/order/order.entity.js';
import type { IPurchaseReceiptLine as IPurchaseReceiptLineModel } from '../modules/order/receipt.entity.js';
import type { IReorderSuggestion as IReorderSuggestionModel } from '../modules/suggestion/suggestion.entity.js';
import type { ISupplierBill as ISupplierBillModel, ISupplierBillLine as ISupplierBillLineModel, ISupplierPayment as ISupplierPaymentModel, ISupplierPaymentAllocation as ISupplierPaymentAllocationModel } from '../modules/bill/bill.entity.js';
import type { Payable as PayableModel } from '../modules/bill/payment.service.js';
import type { IPurchaseInquiry as IPurchaseInquiryModel, IPurchaseInquiryLine as IPurchaseInquiryLineModel, IPurchaseInquirySupplier as IPurchaseInquirySupplierModel, IPurchaseInquiryAnswer as IPurchaseInquiryAnswerModel } from '../modules/inquiry/inquiry.entity.js';
import type { LineComparison as LineComparisonModel } from '../modules/inquiry/inquiry.service.js';
import type { ISupplierDebitNote as ISupplierDebitNoteModel, ISupplierDebitNoteLine as ISupplierDebitNoteLineModel, ISupplierDebitNoteSettlement as ISupplierDebitNoteSettlementModel } from '../modules/debit-note/debit-note.entity.js';
import type { CheckedOpeningBalance as CheckedOpeningBalanceModel } from '../modules/opening-balance/opening-balance.service.js';
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
  PurchaseOrder: PurchaseOrder;
  Supplier: Supplier;
  SupplierBill: SupplierBill;
  SupplierDebitNote: SupplierDebitNote;
  SupplierPayment: SupplierPayment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  PurchaseOrder:
    ( { __typename: 'PurchaseOrder' }
    & GraphQLRecursivePick<FederationTypes['PurchaseOrder'], {"id":true}> );
  Supplier:
    ( { __typename: 'Supplier' }
    & GraphQLRecursivePick<FederationTypes['Supplier'], {"id":true}> );
  SupplierBill:
    ( { __typename: 'SupplierBill' }
    & GraphQLRecursivePick<FederationTypes['SupplierBill'], {"id":true}> );
  SupplierDebitNote:
    ( { __typename: 'SupplierDebitNote' }
    & GraphQLRecursivePick<FederationTypes['SupplierDebitNote'], {"id":true}> );
  SupplierPayment:
    ( { __typename: 'SupplierPayment' }
    & GraphQLRecursivePick<FederationTypes['SupplierPayment'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApprovalLimit: ResolverTypeWrapper<IApprovalLimitModel>;
  ApproverLevel: Types.ApproverLevel;
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  CreatePurchaseOrderInput: Types.CreatePurchaseOrderInput;
  CreateSupplierInput: Types.CreateSupplierInput;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<Types.DeadLetter>;
  DeliveryPerformance: ResolverTypeWrapper<DeliveryPerformanceModel>;
  EventBusStatus: ResolverTypeWrapper<Types.EventBusStatus>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  EventConsumerStatus: ResolverTypeWrapper<Types.EventConsumerStatus>;
  EventFailureKind: Types.EventFailureKind;
  FieldChange: ResolverTypeWrapper<Types.FieldChange>;
  MakeSupplierPaymentInput: Types.MakeSupplierPaymentInput;
  Money: ResolverTypeWrapper<Types.Money>;
  MoneyInput: Types.MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderFromPurchaseInquiryInput: Types.OrderFromPurchaseInquiryInput;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  PricePoint: ResolverTypeWrapper<PricePointModel>;
  Product: ResolverTypeWrapper<Types.Product>;
  PurchaseInquiry: ResolverTypeWrapper<IPurchaseInquiryModel>;
  PurchaseInquiryAnswer: ResolverTypeWrapper<IPurchaseInquiryAnswerModel>;
  PurchaseInquiryAnswerLineInput: Types.PurchaseInquiryAnswerLineInput;
  PurchaseInquiryChoiceInput: Types.PurchaseInquiryChoiceInput;
  PurchaseInquiryComparison: ResolverTypeWrapper<LineComparisonModel>;
  PurchaseInquiryConnection: ResolverTypeWrapper<Omit<Types.PurchaseInquiryConnection, 'edges'> & { edges: Array<ResolversTypes['PurchaseInquiryEdge']> }>;
  PurchaseInquiryEdge: ResolverTypeWrapper<Omit<Types.PurchaseInquiryEdge, 'node'> & { node: ResolversTypes['PurchaseInquiry'] }>;
  PurchaseInquiryLine: ResolverTypeWrapper<IPurchaseInquiryLineModel>;
  PurchaseInquiryLineInput: Types.PurchaseInquiryLineInput;
  PurchaseInquiryStatus: Types.PurchaseInquiryStatus;
  PurchaseInquirySupplier: ResolverTypeWrapper<IPurchaseInquirySupplierModel>;
  PurchaseOrder: ResolverTypeWrapper<IPurchaseOrderModel>;
  PurchaseOrderBillingStatus: Types.PurchaseOrderBillingStatus;
  PurchaseOrderConnection: ResolverTypeWrapper<Omit<Types.PurchaseOrderConnection, 'edges'> & { edges: Array<ResolversTypes['PurchaseOrderEdge']> }>;
  PurchaseOrderEdge: ResolverTypeWrapper<Omit<Types.PurchaseOrderEdge, 'node'> & { node: ResolversTypes['PurchaseOrder'] }>;
  PurchaseOrderFilter: Types.PurchaseOrderFilter;
  PurchaseOrderLine: ResolverTypeWrapper<IPurchaseOrderLineModel>;
  PurchaseOrderLineInput: Types.PurchaseOrderLineInput;
  PurchaseOrderStatus: Types.PurchaseOrderStatus;
  PurchaseReceiptLine: ResolverTypeWrapper<IPurchaseReceiptLineModel>;
  PurchasingApprover: ResolverTypeWrapper<IPurchasingApproverModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordPurchaseInquiryAnswerInput: Types.RecordPurchaseInquiryAnswerInput;
  RegisterSupplierBillInput: Types.RegisterSupplierBillInput;
  ReorderSuggestion: ResolverTypeWrapper<IReorderSuggestionModel>;
  ReorderSuggestionStatus: Types.ReorderSuggestionStatus;
  SendPurchaseInquiryInput: Types.SendPurchaseInquiryInput;
  SetSupplierPriceInput: Types.SetSupplierPriceInput;
  SettleSupplierDebitNoteInput: Types.SettleSupplierDebitNoteInput;
  SpendGrouping: Types.SpendGrouping;
  SpendRow: ResolverTypeWrapper<SpendRowModel>;
  Supplier: ResolverTypeWrapper<ISupplierModel>;
  SupplierAddress: ResolverTypeWrapper<ISupplierAddressModel>;
  SupplierAddressInput: Types.SupplierAddressInput;
  SupplierAddressKind: Types.SupplierAddressKind;
  SupplierBill: ResolverTypeWrapper<ISupplierBillModel>;
  SupplierBillFilter: Types.SupplierBillFilter;
  SupplierBillLine: ResolverTypeWrapper<ISupplierBillLineModel>;
  SupplierBillLineInput: Types.SupplierBillLineInput;
  SupplierBillStatus: Types.SupplierBillStatus;
  SupplierConnection: ResolverTypeWrapper<Omit<Types.SupplierConnection, 'edges'> & { edges: Array<ResolversTypes['SupplierEdge']> }>;
  SupplierContact: ResolverTypeWrapper<ISupplierContactModel>;
  SupplierContactInput: Types.SupplierContactInput;
  SupplierDebitNote: ResolverTypeWrapper<ISupplierDebitNoteModel>;
  SupplierDebitNoteLine: ResolverTypeWrapper<ISupplierDebitNoteLineModel>;
  SupplierDebitNoteSettlement: ResolverTypeWrapper<ISupplierDebitNoteSettlementModel>;
  SupplierEdge: ResolverTypeWrapper<Omit<Types.SupplierEdge, 'node'> & { node: ResolversTypes['Supplier'] }>;
  SupplierFilter: Types.SupplierFilter;
  SupplierOpeningBalanceDryRun: ResolverTypeWrapper<Omit<Types.SupplierOpeningBalanceDryRun, 'accepted'> & { accepted: Array<ResolversTypes['SupplierOpeningBalancePreview']> }>;
  SupplierOpeningBalanceInput: Types.SupplierOpeningBalanceInput;
  SupplierOpeningBalancePreview: ResolverTypeWrapper<CheckedOpeningBalanceModel>;
  SupplierOpeningBalanceRefusal: ResolverTypeWrapper<Types.SupplierOpeningBalanceRefusal>;
  SupplierPayable: ResolverTypeWrapper<PayableModel>;
  SupplierPayment: ResolverTypeWrapper<ISupplierPaymentModel>;
  SupplierPaymentAllocation: ResolverTypeWrapper<ISupplierPaymentAllocationModel>;
  SupplierPaymentAllocationInput: Types.SupplierPaymentAllocationInput;
  SupplierPaymentMethod: Types.SupplierPaymentMethod;
  SupplierPrice: ResolverTypeWrapper<ISupplierPriceModel>;
  TopicLag: ResolverTypeWrapper<Types.TopicLag>;
  UpdatePurchaseOrderLineInput: Types.UpdatePurchaseOrderLineInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApprovalLimit: IApprovalLimitModel;
  AuditEntry: IAuditEntryModel;
  ID: Types.Scalars['ID']['output'];
  String: Types.Scalars['String']['output'];
  CreatePurchaseOrderInput: Types.CreatePurchaseOrderInput;
  CreateSupplierInput: Types.CreateSupplierInput;
  Int: Types.Scalars['Int']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  DeadLetter: Types.DeadLetter;
  DeliveryPerformance: DeliveryPerformanceModel;
  EventBusStatus: Types.EventBusStatus;
  Boolean: Types.Scalars['Boolean']['output'];
  EventConsumerStatus: Types.EventConsumerStatus;
  FieldChange: Types.FieldChange;
  MakeSupplierPaymentInput: Types.MakeSupplierPaymentInput;
  Money: Types.Money;
  MoneyInput: Types.MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OrderFromPurchaseInquiryInput: Types.OrderFromPurchaseInquiryInput;
  PageInfo: Types.PageInfo;
  PricePoint: PricePointModel;
  Product: Types.Product;
  PurchaseInquiry: IPurchaseInquiryModel;
  PurchaseInquiryAnswer: IPurchaseInquiryAnswerModel;
  PurchaseInquiryAnswerLineInput: Types.PurchaseInquiryAnswerLineInput;
  PurchaseInquiryChoiceInput: Types.PurchaseInquiryChoiceInput;
  PurchaseInquiryComparison: LineComparisonModel;
  PurchaseInquiryConnection: Omit<Types.PurchaseInquiryConnection, 'edges'> & { edges: Array<ResolversParentTypes['PurchaseInquiryEdge']> };
  PurchaseInquiryEdge: Omit<Types.PurchaseInquiryEdge, 'node'> & { node: ResolversParentTypes['PurchaseInquiry'] };
  PurchaseInquiryLine: IPurchaseInquiryLineModel;
  PurchaseInquiryLineInput: Types.PurchaseInquiryLineInput;
  PurchaseInquirySupplier: IPurchaseInquirySupplierModel;
  PurchaseOrder: IPurchaseOrderModel;
  PurchaseOrderConnection: Omit<Types.PurchaseOrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['PurchaseOrderEdge']> };
  PurchaseOrderEdge: Omit<Types.PurchaseOrderEdge, 'node'> & { node: ResolversParentTypes['PurchaseOrder'] };
  PurchaseOrderFilter: Types.PurchaseOrderFilter;
  PurchaseOrderLine: IPurchaseOrderLineModel;
  PurchaseOrderLineInput: Types.PurchaseOrderLineInput;
  PurchaseReceiptLine: IPurchaseReceiptLineModel;
  PurchasingApprover: IPurchasingApproverModel;
  Query: Record<PropertyKey, never>;
  RecordPurchaseInquiryAnswerInput: Types.RecordPurchaseInquiryAnswerInput;
  RegisterSupplierBillInput: Types.RegisterSupplierBillInput;
  ReorderSuggestion: IReorderSuggestionModel;
  SendPurchaseInquiryInput: Types.SendPurchaseInquiryInput;
  SetSupplierPriceInput: Types.SetSupplierPriceInput;
  SettleSupplierDebitNoteInput: Types.SettleSupplierDebitNoteInput;
  SpendRow: SpendRowModel;
  Supplier: ISupplierModel;
  SupplierAddress: ISupplierAddressModel;
  SupplierAddressInput: Types.SupplierAddressInput;
  SupplierBill: ISupplierBillModel;
  SupplierBillFilter: Types.SupplierBillFilter;
  SupplierBillLine: ISupplierBillLineModel;
  SupplierBillLineInput: Types.SupplierBillLineInput;
  SupplierConnection: Omit<Types.SupplierConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupplierEdge']> };
  SupplierContact: ISupplierContactModel;
  SupplierContactInput: Types.SupplierContactInput;
  SupplierDebitNote: ISupplierDebitNoteModel;
  SupplierDebitNoteLine: ISupplierDebitNoteLineModel;
  SupplierDebitNoteSettlement: ISupplierDebitNoteSettlementModel;
  SupplierEdge: Omit<Types.SupplierEdge, 'node'> & { node: ResolversParentTypes['Supplier'] };
  SupplierFilter: Types.SupplierFilter;
  SupplierOpeningBalanceDryRun: Omit<Types.SupplierOpeningBalanceDryRun, 'accepted'> & { accepted: Array<ResolversParentTypes['SupplierOpeningBalancePreview']> };
  SupplierOpeningBalanceInput: Types.SupplierOpeningBalanceInput;
  SupplierOpeningBalancePreview: CheckedOpeningBalanceModel;
  SupplierOpeningBalanceRefusal: Types.SupplierOpeningBalanceRefusal;
  SupplierPayable: PayableModel;
  SupplierPayment: ISupplierPaymentModel;
  SupplierPaymentAllocation: ISupplierPaymentAllocationModel;
  SupplierPaymentAllocationInput: Types.SupplierPaymentAllocationInput;
  SupplierPrice: ISupplierPriceModel;
  TopicLag: Types.TopicLag;
  UpdatePurchaseOrderLineInput: Types.UpdatePurchaseOrderLineInput;
};

export type ApprovalLimitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApprovalLimit'] = ResolversParentTypes['ApprovalLimit']> = {
  level?: Resolver<ResolversTypes['ApproverLevel'], ParentType, ContextType>;
  maxAmount?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type DeliveryPerformanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeliveryPerformance'] = ResolversParentTypes['DeliveryPerformance']> = {
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTimeRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
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

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addPurchaseOrderLine?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationAddPurchaseOrderLineArgs, 'id' | 'line'>>;
  addSupplierAddress?: Resolver<ResolversTypes['SupplierAddress'], ParentType, ContextType, RequireFields<Types.MutationAddSupplierAddressArgs, 'input' | 'supplierId'>>;
  addSupplierContact?: Resolver<ResolversTypes['SupplierContact'], ParentType, ContextType, RequireFields<Types.MutationAddSupplierContactArgs, 'input' | 'supplierId'>>;
  applySupplierPayment?: Resolver<ResolversTypes['SupplierPayment'], ParentType, ContextType, RequireFields<Types.MutationApplySupplierPaymentArgs, 'allocations' | 'id'>>;
  approvePurchaseOrder?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationApprovePurchaseOrderArgs, 'id'>>;
  cancelPurchaseOrder?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationCancelPurchaseOrderArgs, 'id'>>;
  closePurchaseInquiry?: Resolver<ResolversTypes['PurchaseInquiry'], ParentType, ContextType, RequireFields<Types.MutationClosePurchaseInquiryArgs, 'id'>>;
  copyPurchaseOrder?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationCopyPurchaseOrderArgs, 'id'>>;
  createPurchaseOrder?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationCreatePurchaseOrderArgs, 'input'>>;
  createPurchaseOrdersFromSuggestions?: Resolver<Array<ResolversTypes['PurchaseOrder']>, ParentType, ContextType, RequireFields<Types.MutationCreatePurchaseOrdersFromSuggestionsArgs, 'ids'>>;
  createSupplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<Types.MutationCreateSupplierArgs, 'input'>>;
  deleteSupplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<Types.MutationDeleteSupplierArgs, 'id'>>;
  deleteSupplierPrice?: Resolver<ResolversTypes['SupplierPrice'], ParentType, ContextType, RequireFields<Types.MutationDeleteSupplierPriceArgs, 'id'>>;
  enterSupplierOpeningBalances?: Resolver<Array<ResolversTypes['SupplierBill']>, ParentType, ContextType, RequireFields<Types.MutationEnterSupplierOpeningBalancesArgs, 'input'>>;
  makeSupplierPayment?: Resolver<ResolversTypes['SupplierPayment'], ParentType, ContextType, RequireFields<Types.MutationMakeSupplierPaymentArgs, 'input'>>;
  orderFromPurchaseInquiry?: Resolver<ResolversTypes['PurchaseInquiry'], ParentType, ContextType, RequireFields<Types.MutationOrderFromPurchaseInquiryArgs, 'id' | 'input'>>;
  recordPurchaseInquiryAnswer?: Resolver<ResolversTypes['PurchaseInquiry'], ParentType, ContextType, RequireFields<Types.MutationRecordPurchaseInquiryAnswerArgs, 'input'>>;
  registerSupplierBill?: Resolver<ResolversTypes['SupplierBill'], ParentType, ContextType, RequireFields<Types.MutationRegisterSupplierBillArgs, 'input'>>;
  releaseSupplierBill?: Resolver<ResolversTypes['SupplierBill'], ParentType, ContextType, RequireFields<Types.MutationReleaseSupplierBillArgs, 'id'>>;
  removePurchaseOrderLine?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationRemovePurchaseOrderLineArgs, 'id' | 'lineId'>>;
  removeSupplierAddress?: Resolver<ResolversTypes['SupplierAddress'], ParentType, ContextType, RequireFields<Types.MutationRemoveSupplierAddressArgs, 'id'>>;
  removeSupplierContact?: Resolver<ResolversTypes['SupplierContact'], ParentType, ContextType, RequireFields<Types.MutationRemoveSupplierContactArgs, 'id'>>;
  restoreSupplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<Types.MutationRestoreSupplierArgs, 'id'>>;
  sendPurchaseInquiry?: Resolver<ResolversTypes['PurchaseInquiry'], ParentType, ContextType, RequireFields<Types.MutationSendPurchaseInquiryArgs, 'input'>>;
  setApprovalLimit?: Resolver<ResolversTypes['ApprovalLimit'], ParentType, ContextType, RequireFields<Types.MutationSetApprovalLimitArgs, 'level'>>;
  setApproverLevel?: Resolver<Types.Maybe<ResolversTypes['PurchasingApprover']>, ParentType, ContextType, RequireFields<Types.MutationSetApproverLevelArgs, 'userId'>>;
  setSupplierPrice?: Resolver<ResolversTypes['SupplierPrice'], ParentType, ContextType, RequireFields<Types.MutationSetSupplierPriceArgs, 'input'>>;
  settleSupplierDebitNote?: Resolver<ResolversTypes['SupplierDebitNote'], ParentType, ContextType, RequireFields<Types.MutationSettleSupplierDebitNoteArgs, 'id' | 'input'>>;
  submitPurchaseOrder?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationSubmitPurchaseOrderArgs, 'id'>>;
  updatePurchaseOrderLine?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.MutationUpdatePurchaseOrderLineArgs, 'id' | 'input' | 'lineId'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PricePointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PricePoint'] = ResolversParentTypes['PricePoint']> = {
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purchaseOrderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PurchaseInquiryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquiry'] = ResolversParentTypes['PurchaseInquiry']> = {
  closedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  closedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  comparison?: Resolver<Array<ResolversTypes['PurchaseInquiryComparison']>, ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['PurchaseInquiryLine']>, ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purchaseOrders?: Resolver<Array<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  respondBy?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PurchaseInquiryStatus'], ParentType, ContextType>;
  suppliers?: Resolver<Array<ResolversTypes['PurchaseInquirySupplier']>, ParentType, ContextType>;
};

export type PurchaseInquiryAnswerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquiryAnswer'] = ResolversParentTypes['PurchaseInquiryAnswer']> = {
  answeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  chosen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lineAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lineAmountInBase?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rateMissing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPriceInBase?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  validUntil?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PurchaseInquiryComparisonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquiryComparison'] = ResolversParentTypes['PurchaseInquiryComparison']> = {
  answers?: Resolver<Array<ResolversTypes['PurchaseInquiryAnswer']>, ParentType, ContextType>;
  best?: Resolver<Types.Maybe<ResolversTypes['PurchaseInquiryAnswer']>, ParentType, ContextType>;
  line?: Resolver<ResolversTypes['PurchaseInquiryLine'], ParentType, ContextType>;
  unansweredSupplierIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type PurchaseInquiryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquiryConnection'] = ResolversParentTypes['PurchaseInquiryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PurchaseInquiryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PurchaseInquiryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquiryEdge'] = ResolversParentTypes['PurchaseInquiryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PurchaseInquiry'], ParentType, ContextType>;
};

export type PurchaseInquiryLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquiryLine'] = ResolversParentTypes['PurchaseInquiryLine']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PurchaseInquirySupplierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseInquirySupplier'] = ResolversParentTypes['PurchaseInquirySupplier']> = {
  answeredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  letterPdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purchaseOrder?: Resolver<Types.Maybe<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PurchaseOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseOrder'] = ResolversParentTypes['PurchaseOrder'], FederationReferenceType extends FederationReferenceTypes['PurchaseOrder'] = FederationReferenceTypes['PurchaseOrder']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['PurchaseOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  approvalAmount?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  approvalReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  approvedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  approvedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  billingStatus?: Resolver<ResolversTypes['PurchaseOrderBillingStatus'], ParentType, ContextType>;
  bills?: Resolver<Array<ResolversTypes['SupplierBill']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  copiedFrom?: Resolver<Types.Maybe<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grossTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.PurchaseOrderHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['PurchaseOrderLine']>, ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receipts?: Resolver<Array<ResolversTypes['PurchaseReceiptLine']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PurchaseOrderStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  submittedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  warehouseId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type PurchaseOrderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseOrderConnection'] = ResolversParentTypes['PurchaseOrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PurchaseOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PurchaseOrderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseOrderEdge'] = ResolversParentTypes['PurchaseOrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType>;
};

export type PurchaseOrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseOrderLine'] = ResolversParentTypes['PurchaseOrderLine']> = {
  billedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cancelledQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expectedDate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  openQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PurchaseReceiptLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseReceiptLine'] = ResolversParentTypes['PurchaseReceiptLine']> = {
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receiptId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  receiptNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  warehouseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PurchasingApproverResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchasingApprover'] = ResolversParentTypes['PurchasingApprover']> = {
  level?: Resolver<ResolversTypes['ApproverLevel'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  approvalLimits?: Resolver<Array<ResolversTypes['ApprovalLimit']>, ParentType, ContextType>;
  bestPrice?: Resolver<Types.Maybe<ResolversTypes['SupplierPrice']>, ParentType, ContextType, RequireFields<Types.QueryBestPriceArgs, 'productId' | 'quantity'>>;
  overdueReceipts?: Resolver<Array<ResolversTypes['PurchaseOrderLine']>, ParentType, ContextType, Partial<Types.QueryOverdueReceiptsArgs>>;
  purchaseInquiries?: Resolver<ResolversTypes['PurchaseInquiryConnection'], ParentType, ContextType, Partial<Types.QueryPurchaseInquiriesArgs>>;
  purchaseInquiry?: Resolver<ResolversTypes['PurchaseInquiry'], ParentType, ContextType, RequireFields<Types.QueryPurchaseInquiryArgs, 'id'>>;
  purchaseOrder?: Resolver<ResolversTypes['PurchaseOrder'], ParentType, ContextType, RequireFields<Types.QueryPurchaseOrderArgs, 'id'>>;
  purchaseOrders?: Resolver<ResolversTypes['PurchaseOrderConnection'], ParentType, ContextType, Partial<Types.QueryPurchaseOrdersArgs>>;
  purchasePriceHistory?: Resolver<Array<ResolversTypes['PricePoint']>, ParentType, ContextType, RequireFields<Types.QueryPurchasePriceHistoryArgs, 'productId'>>;
  purchaseSpend?: Resolver<Array<ResolversTypes['SpendRow']>, ParentType, ContextType, RequireFields<Types.QueryPurchaseSpendArgs, 'by'>>;
  purchasingEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  reorderSuggestions?: Resolver<Array<ResolversTypes['ReorderSuggestion']>, ParentType, ContextType, Partial<Types.QueryReorderSuggestionsArgs>>;
  supplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType, RequireFields<Types.QuerySupplierArgs, 'id'>>;
  supplierBill?: Resolver<ResolversTypes['SupplierBill'], ParentType, ContextType, RequireFields<Types.QuerySupplierBillArgs, 'id'>>;
  supplierBills?: Resolver<Array<ResolversTypes['SupplierBill']>, ParentType, ContextType, Partial<Types.QuerySupplierBillsArgs>>;
  supplierDebitNote?: Resolver<ResolversTypes['SupplierDebitNote'], ParentType, ContextType, RequireFields<Types.QuerySupplierDebitNoteArgs, 'id'>>;
  supplierDebitNotes?: Resolver<Array<ResolversTypes['SupplierDebitNote']>, ParentType, ContextType, Partial<Types.QuerySupplierDebitNotesArgs>>;
  supplierDeliveryPerformance?: Resolver<Array<ResolversTypes['DeliveryPerformance']>, ParentType, ContextType>;
  supplierOpeningBalancesDryRun?: Resolver<ResolversTypes['SupplierOpeningBalanceDryRun'], ParentType, ContextType, RequireFields<Types.QuerySupplierOpeningBalancesDryRunArgs, 'rows'>>;
  supplierPayables?: Resolver<Array<ResolversTypes['SupplierPayable']>, ParentType, ContextType, Partial<Types.QuerySupplierPayablesArgs>>;
  supplierPayment?: Resolver<ResolversTypes['SupplierPayment'], ParentType, ContextType, RequireFields<Types.QuerySupplierPaymentArgs, 'id'>>;
  supplierPayments?: Resolver<Array<ResolversTypes['SupplierPayment']>, ParentType, ContextType, Partial<Types.QuerySupplierPaymentsArgs>>;
  supplierPrices?: Resolver<Array<ResolversTypes['SupplierPrice']>, ParentType, ContextType, Partial<Types.QuerySupplierPricesArgs>>;
  suppliers?: Resolver<ResolversTypes['SupplierConnection'], ParentType, ContextType, Partial<Types.QuerySuppliersArgs>>;
};

export type ReorderSuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReorderSuggestion'] = ResolversParentTypes['ReorderSuggestion']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrder?: Resolver<Types.Maybe<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReorderSuggestionStatus'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  unitPrice?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  warehouseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SpendRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SpendRow'] = ResolversParentTypes['SpendRow']> = {
  month?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netInBase?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  productId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
};

export type SupplierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Supplier'] = ResolversParentTypes['Supplier'], FederationReferenceType extends FederationReferenceTypes['Supplier'] = FederationReferenceTypes['Supplier']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Supplier']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['SupplierAddress']>, ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['SupplierContact']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.SupplierHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentTermsDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phone?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  prices?: Resolver<Array<ResolversTypes['SupplierPrice']>, ParentType, ContextType>;
};

export type SupplierAddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierAddress'] = ResolversParentTypes['SupplierAddress']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SupplierAddressKind'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupplierBillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierBill'] = ResolversParentTypes['SupplierBill'], FederationReferenceType extends FederationReferenceTypes['SupplierBill'] = FederationReferenceTypes['SupplierBill']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['SupplierBill']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grossTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  holdReasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['SupplierBillLine']>, ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  openingBalance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paidTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  purchaseOrder?: Resolver<Types.Maybe<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  registeredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  releasedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SupplierBillStatus'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  supplierReference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SupplierBillLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierBillLine'] = ResolversParentTypes['SupplierBillLine']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issue?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issues?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orderedPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SupplierConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierConnection'] = ResolversParentTypes['SupplierConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SupplierEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SupplierContactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierContact'] = ResolversParentTypes['SupplierContact']> = {
  email?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SupplierDebitNoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierDebitNote'] = ResolversParentTypes['SupplierDebitNote'], FederationReferenceType extends FederationReferenceTypes['SupplierDebitNote'] = FederationReferenceTypes['SupplierDebitNote']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['SupplierDebitNote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grossTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['SupplierDebitNoteLine']>, ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  purchaseOrder?: Resolver<Types.Maybe<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  settledTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  settlements?: Resolver<Array<ResolversTypes['SupplierDebitNoteSettlement']>, ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  supplierReturnNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SupplierDebitNoteLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierDebitNoteLine'] = ResolversParentTypes['SupplierDebitNoteLine']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purchaseOrderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SupplierDebitNoteSettlementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierDebitNoteSettlement'] = ResolversParentTypes['SupplierDebitNoteSettlement']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  bill?: Resolver<Types.Maybe<ResolversTypes['SupplierBill']>, ParentType, ContextType>;
  refund?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  settledOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupplierEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierEdge'] = ResolversParentTypes['SupplierEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
};

export type SupplierOpeningBalanceDryRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierOpeningBalanceDryRun'] = ResolversParentTypes['SupplierOpeningBalanceDryRun']> = {
  accepted?: Resolver<Array<ResolversTypes['SupplierOpeningBalancePreview']>, ParentType, ContextType>;
  refused?: Resolver<Array<ResolversTypes['SupplierOpeningBalanceRefusal']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupplierOpeningBalancePreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierOpeningBalancePreview'] = ResolversParentTypes['SupplierOpeningBalancePreview']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  billDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SupplierOpeningBalanceRefusalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierOpeningBalanceRefusal'] = ResolversParentTypes['SupplierOpeningBalanceRefusal']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupplierPayableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierPayable'] = ResolversParentTypes['SupplierPayable']> = {
  advances?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  credits?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days1To30?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days31To60?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days61To90?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  notDue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  over90?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  owed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SupplierPaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierPayment'] = ResolversParentTypes['SupplierPayment'], FederationReferenceType extends FederationReferenceTypes['SupplierPayment'] = FederationReferenceTypes['SupplierPayment']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['SupplierPayment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allocations?: Resolver<Array<ResolversTypes['SupplierPaymentAllocation']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  bankAccount?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['SupplierPaymentMethod'], ParentType, ContextType>;
  paidOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  supplierId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unallocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type SupplierPaymentAllocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierPaymentAllocation'] = ResolversParentTypes['SupplierPaymentAllocation']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  bill?: Resolver<Types.Maybe<ResolversTypes['SupplierBill']>, ParentType, ContextType>;
  billId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SupplierPriceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupplierPrice'] = ResolversParentTypes['SupplierPrice']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minimumQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<Types.Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  supplier?: Resolver<Types.Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
  validFrom?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validTo?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  ApprovalLimit?: ApprovalLimitResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  DeliveryPerformance?: DeliveryPerformanceResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PricePoint?: PricePointResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  PurchaseInquiry?: PurchaseInquiryResolvers<ContextType>;
  PurchaseInquiryAnswer?: PurchaseInquiryAnswerResolvers<ContextType>;
  PurchaseInquiryComparison?: PurchaseInquiryComparisonResolvers<ContextType>;
  PurchaseInquiryConnection?: PurchaseInquiryConnectionResolvers<ContextType>;
  PurchaseInquiryEdge?: PurchaseInquiryEdgeResolvers<ContextType>;
  PurchaseInquiryLine?: PurchaseInquiryLineResolvers<ContextType>;
  PurchaseInquirySupplier?: PurchaseInquirySupplierResolvers<ContextType>;
  PurchaseOrder?: PurchaseOrderResolvers<ContextType>;
  PurchaseOrderConnection?: PurchaseOrderConnectionResolvers<ContextType>;
  PurchaseOrderEdge?: PurchaseOrderEdgeResolvers<ContextType>;
  PurchaseOrderLine?: PurchaseOrderLineResolvers<ContextType>;
  PurchaseReceiptLine?: PurchaseReceiptLineResolvers<ContextType>;
  PurchasingApprover?: PurchasingApproverResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReorderSuggestion?: ReorderSuggestionResolvers<ContextType>;
  SpendRow?: SpendRowResolvers<ContextType>;
  Supplier?: SupplierResolvers<ContextType>;
  SupplierAddress?: SupplierAddressResolvers<ContextType>;
  SupplierBill?: SupplierBillResolvers<ContextType>;
  SupplierBillLine?: SupplierBillLineResolvers<ContextType>;
  SupplierConnection?: SupplierConnectionResolvers<ContextType>;
  SupplierContact?: SupplierContactResolvers<ContextType>;
  SupplierDebitNote?: SupplierDebitNoteResolvers<ContextType>;
  SupplierDebitNoteLine?: SupplierDebitNoteLineResolvers<ContextType>;
  SupplierDebitNoteSettlement?: SupplierDebitNoteSettlementResolvers<ContextType>;
  SupplierEdge?: SupplierEdgeResolvers<ContextType>;
  SupplierOpeningBalanceDryRun?: SupplierOpeningBalanceDryRunResolvers<ContextType>;
  SupplierOpeningBalancePreview?: SupplierOpeningBalancePreviewResolvers<ContextType>;
  SupplierOpeningBalanceRefusal?: SupplierOpeningBalanceRefusalResolvers<ContextType>;
  SupplierPayable?: SupplierPayableResolvers<ContextType>;
  SupplierPayment?: SupplierPaymentResolvers<ContextType>;
  SupplierPaymentAllocation?: SupplierPaymentAllocationResolvers<ContextType>;
  SupplierPrice?: SupplierPriceResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
};

