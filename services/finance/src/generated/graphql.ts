import type * as Types from './types.js';
import type { CreditNote, Customer, Expense, Invoice, Payment, Reminder } from './types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { IInvoice as IInvoiceModel, IInvoiceLine as IInvoiceLineModel, IInvoiceTax as IInvoiceTaxModel } from '../modules/invoice/invoice.entity.js';
import type { LineQuantities as LineQuantitiesModel } from '../modules/order-copy/order-copy.service.js';
import type { IPayment as IPaymentModel, IAllocation as IAllocationModel } from '../modules/payment/payment.entity.js';
import type { ICreditNote as ICreditNoteModel, ICreditNoteLine as ICreditNoteLineModel } from '../modules/credit-note/credit-note.entity.js';
import type { IExchangeRate as IExchangeRateModel } from '../modules/currency/currency.entity.js';
import type { IDunningLevel as IDunningLevelModel, IReminder as IReminderModel, IDunningBlock as IDunningBlockModel } from '../modules/dunning/dunning.entity.js';
import type { DunningRunResult as DunningRunResultModel, ProposedReminder as ProposedReminderModel } from '../modules/dunning/dunning.service.js';
import type { ICreditHold as ICreditHoldModel } from '../modules/credit-hold/credit-hold.entity.js';
import type { IExpense as IExpenseModel } from '../modules/expense/expense.entity.js';
import type { ExpenseTotal as ExpenseTotalModel } from '../modules/expense/expense.service.js';
import type { AgeingRow as AgeingRowModel, ReceivablesGroup as ReceivablesGroupModel } from '../modules/receivables/receivables.service.js';
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
  CreditNote: CreditNote;
  Customer: Customer;
  Expense: Expense;
  Invoice: Invoice;
  Payment: Payment;
  Reminder: Reminder;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  CreditNote:
    ( { __typename: 'CreditNote' }
    & GraphQLRecursivePick<FederationTypes['CreditNote'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Expense:
    ( { __typename: 'Expense' }
    & GraphQLRecursivePick<FederationTypes['Expense'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
  Reminder:
    ( { __typename: 'Reminder' }
    & GraphQLRecursivePick<FederationTypes['Reminder'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AgeingBucketRow: ResolverTypeWrapper<AgeingRowModel>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  AllocatePaymentInput: Types.AllocatePaymentInput;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  Allocation: ResolverTypeWrapper<IAllocationModel>;
  AllocationInput: Types.AllocationInput;
  AppliedRate: ResolverTypeWrapper<Types.AppliedRate>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  ApplyCreditNoteInput: Types.ApplyCreditNoteInput;
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  CreateExpenseInput: Types.CreateExpenseInput;
  CreditHold: ResolverTypeWrapper<ICreditHoldModel>;
  CreditNote: ResolverTypeWrapper<ICreditNoteModel>;
  CreditNoteConnection: ResolverTypeWrapper<Omit<Types.CreditNoteConnection, 'edges'> & { edges: Array<ResolversTypes['CreditNoteEdge']> }>;
  CreditNoteEdge: ResolverTypeWrapper<Omit<Types.CreditNoteEdge, 'node'> & { node: ResolversTypes['CreditNote'] }>;
  CreditNoteFilter: Types.CreditNoteFilter;
  CreditNoteLine: ResolverTypeWrapper<ICreditNoteLineModel>;
  CreditNoteLineInput: Types.CreditNoteLineInput;
  CreditNoteReason: Types.CreditNoteReason;
  Customer: ResolverTypeWrapper<{ id: string }>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<Types.DeadLetter>;
  DecideExpenseInput: Types.DecideExpenseInput;
  DeliveredLineInput: Types.DeliveredLineInput;
  DunningBlock: ResolverTypeWrapper<IDunningBlockModel>;
  DunningLevel: ResolverTypeWrapper<IDunningLevelModel>;
  DunningLevelInput: Types.DunningLevelInput;
  DunningProposalItem: ResolverTypeWrapper<ProposedReminderModel>;
  DunningRun: ResolverTypeWrapper<DunningRunResultModel>;
  DunningTrigger: Types.DunningTrigger;
  EventBusStatus: ResolverTypeWrapper<Types.EventBusStatus>;
  EventConsumerStatus: ResolverTypeWrapper<Types.EventConsumerStatus>;
  EventFailureKind: Types.EventFailureKind;
  ExchangeRate: ResolverTypeWrapper<IExchangeRateModel>;
  ExchangeRateConnection: ResolverTypeWrapper<Omit<Types.ExchangeRateConnection, 'edges'> & { edges: Array<ResolversTypes['ExchangeRateEdge']> }>;
  ExchangeRateEdge: ResolverTypeWrapper<Omit<Types.ExchangeRateEdge, 'node'> & { node: ResolversTypes['ExchangeRate'] }>;
  ExchangeRateFilter: Types.ExchangeRateFilter;
  Expense: ResolverTypeWrapper<IExpenseModel>;
  ExpenseCategory: Types.ExpenseCategory;
  ExpenseConnection: ResolverTypeWrapper<Omit<Types.ExpenseConnection, 'edges'> & { edges: Array<ResolversTypes['ExpenseEdge']> }>;
  ExpenseDecision: Types.ExpenseDecision;
  ExpenseEdge: ResolverTypeWrapper<Omit<Types.ExpenseEdge, 'node'> & { node: ResolversTypes['Expense'] }>;
  ExpenseFilter: Types.ExpenseFilter;
  ExpenseGrouping: Types.ExpenseGrouping;
  ExpenseState: Types.ExpenseState;
  ExpenseTotal: ResolverTypeWrapper<ExpenseTotalModel>;
  FieldChange: ResolverTypeWrapper<Types.FieldChange>;
  FreeInvoiceLineInput: Types.FreeInvoiceLineInput;
  ImportExchangeRatesInput: Types.ImportExchangeRatesInput;
  Invoice: ResolverTypeWrapper<IInvoiceModel>;
  InvoiceBasis: Types.InvoiceBasis;
  InvoiceConnection: ResolverTypeWrapper<Omit<Types.InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceDeliveredLinesInput: Types.InvoiceDeliveredLinesInput;
  InvoiceEdge: ResolverTypeWrapper<Omit<Types.InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceFilter: Types.InvoiceFilter;
  InvoiceKind: Types.InvoiceKind;
  InvoiceLine: ResolverTypeWrapper<IInvoiceLineModel>;
  InvoiceStatus: Types.InvoiceStatus;
  InvoiceTaxTotal: ResolverTypeWrapper<IInvoiceTaxModel>;
  InvoiceableOrderLine: ResolverTypeWrapper<LineQuantitiesModel>;
  IssueAdvanceInvoiceInput: Types.IssueAdvanceInvoiceInput;
  IssueCreditNoteInput: Types.IssueCreditNoteInput;
  IssueFreeInvoiceInput: Types.IssueFreeInvoiceInput;
  IssueInvoiceInput: Types.IssueInvoiceInput;
  Money: ResolverTypeWrapper<Types.Money>;
  MoneyInput: Types.MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpeningBalanceImport: ResolverTypeWrapper<Omit<Types.OpeningBalanceImport, 'imported'> & { imported: Array<ResolversTypes['Invoice']> }>;
  OpeningBalanceRowInput: Types.OpeningBalanceRowInput;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Payment: ResolverTypeWrapper<IPaymentModel>;
  PaymentConnection: ResolverTypeWrapper<Omit<Types.PaymentConnection, 'edges'> & { edges: Array<ResolversTypes['PaymentEdge']> }>;
  PaymentEdge: ResolverTypeWrapper<Omit<Types.PaymentEdge, 'node'> & { node: ResolversTypes['Payment'] }>;
  PaymentFilter: Types.PaymentFilter;
  PaymentMethod: Types.PaymentMethod;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateImportFormat: Types.RateImportFormat;
  Receivables: ResolverTypeWrapper<Omit<Types.Receivables, 'invoices'> & { invoices: Array<ResolversTypes['Invoice']> }>;
  ReceivablesGroup: ResolverTypeWrapper<ReceivablesGroupModel>;
  ReceivablesGrouping: Types.ReceivablesGrouping;
  ReceivePaymentInput: Types.ReceivePaymentInput;
  RecordPaymentInput: Types.RecordPaymentInput;
  RefundCreditNoteInput: Types.RefundCreditNoteInput;
  ReimburseExpenseInput: Types.ReimburseExpenseInput;
  ReleaseCreditHoldInput: Types.ReleaseCreditHoldInput;
  Reminder: ResolverTypeWrapper<IReminderModel>;
  ReminderConnection: ResolverTypeWrapper<Omit<Types.ReminderConnection, 'edges'> & { edges: Array<ResolversTypes['ReminderEdge']> }>;
  ReminderEdge: ResolverTypeWrapper<Omit<Types.ReminderEdge, 'node'> & { node: ResolversTypes['Reminder'] }>;
  ReminderFilter: Types.ReminderFilter;
  SetDunningBlockInput: Types.SetDunningBlockInput;
  SetExchangeRateInput: Types.SetExchangeRateInput;
  TopicLag: ResolverTypeWrapper<Types.TopicLag>;
  UpdateExpenseInput: Types.UpdateExpenseInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AgeingBucketRow: AgeingRowModel;
  String: Types.Scalars['String']['output'];
  Int: Types.Scalars['Int']['output'];
  AllocatePaymentInput: Types.AllocatePaymentInput;
  ID: Types.Scalars['ID']['output'];
  Allocation: IAllocationModel;
  AllocationInput: Types.AllocationInput;
  AppliedRate: Types.AppliedRate;
  Boolean: Types.Scalars['Boolean']['output'];
  ApplyCreditNoteInput: Types.ApplyCreditNoteInput;
  AuditEntry: IAuditEntryModel;
  CreateExpenseInput: Types.CreateExpenseInput;
  CreditHold: ICreditHoldModel;
  CreditNote: ICreditNoteModel;
  CreditNoteConnection: Omit<Types.CreditNoteConnection, 'edges'> & { edges: Array<ResolversParentTypes['CreditNoteEdge']> };
  CreditNoteEdge: Omit<Types.CreditNoteEdge, 'node'> & { node: ResolversParentTypes['CreditNote'] };
  CreditNoteFilter: Types.CreditNoteFilter;
  CreditNoteLine: ICreditNoteLineModel;
  CreditNoteLineInput: Types.CreditNoteLineInput;
  Customer: { id: string };
  DateTime: Types.Scalars['DateTime']['output'];
  DeadLetter: Types.DeadLetter;
  DecideExpenseInput: Types.DecideExpenseInput;
  DeliveredLineInput: Types.DeliveredLineInput;
  DunningBlock: IDunningBlockModel;
  DunningLevel: IDunningLevelModel;
  DunningLevelInput: Types.DunningLevelInput;
  DunningProposalItem: ProposedReminderModel;
  DunningRun: DunningRunResultModel;
  EventBusStatus: Types.EventBusStatus;
  EventConsumerStatus: Types.EventConsumerStatus;
  ExchangeRate: IExchangeRateModel;
  ExchangeRateConnection: Omit<Types.ExchangeRateConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExchangeRateEdge']> };
  ExchangeRateEdge: Omit<Types.ExchangeRateEdge, 'node'> & { node: ResolversParentTypes['ExchangeRate'] };
  ExchangeRateFilter: Types.ExchangeRateFilter;
  Expense: IExpenseModel;
  ExpenseConnection: Omit<Types.ExpenseConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExpenseEdge']> };
  ExpenseEdge: Omit<Types.ExpenseEdge, 'node'> & { node: ResolversParentTypes['Expense'] };
  ExpenseFilter: Types.ExpenseFilter;
  ExpenseTotal: ExpenseTotalModel;
  FieldChange: Types.FieldChange;
  FreeInvoiceLineInput: Types.FreeInvoiceLineInput;
  ImportExchangeRatesInput: Types.ImportExchangeRatesInput;
  Invoice: IInvoiceModel;
  InvoiceConnection: Omit<Types.InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceDeliveredLinesInput: Types.InvoiceDeliveredLinesInput;
  InvoiceEdge: Omit<Types.InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceFilter: Types.InvoiceFilter;
  InvoiceLine: IInvoiceLineModel;
  InvoiceTaxTotal: IInvoiceTaxModel;
  InvoiceableOrderLine: LineQuantitiesModel;
  IssueAdvanceInvoiceInput: Types.IssueAdvanceInvoiceInput;
  IssueCreditNoteInput: Types.IssueCreditNoteInput;
  IssueFreeInvoiceInput: Types.IssueFreeInvoiceInput;
  IssueInvoiceInput: Types.IssueInvoiceInput;
  Money: Types.Money;
  MoneyInput: Types.MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OpeningBalanceImport: Omit<Types.OpeningBalanceImport, 'imported'> & { imported: Array<ResolversParentTypes['Invoice']> };
  OpeningBalanceRowInput: Types.OpeningBalanceRowInput;
  PageInfo: Types.PageInfo;
  Payment: IPaymentModel;
  PaymentConnection: Omit<Types.PaymentConnection, 'edges'> & { edges: Array<ResolversParentTypes['PaymentEdge']> };
  PaymentEdge: Omit<Types.PaymentEdge, 'node'> & { node: ResolversParentTypes['Payment'] };
  PaymentFilter: Types.PaymentFilter;
  Query: Record<PropertyKey, never>;
  Receivables: Omit<Types.Receivables, 'invoices'> & { invoices: Array<ResolversParentTypes['Invoice']> };
  ReceivablesGroup: ReceivablesGroupModel;
  ReceivePaymentInput: Types.ReceivePaymentInput;
  RecordPaymentInput: Types.RecordPaymentInput;
  RefundCreditNoteInput: Types.RefundCreditNoteInput;
  ReimburseExpenseInput: Types.ReimburseExpenseInput;
  ReleaseCreditHoldInput: Types.ReleaseCreditHoldInput;
  Reminder: IReminderModel;
  ReminderConnection: Omit<Types.ReminderConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReminderEdge']> };
  ReminderEdge: Omit<Types.ReminderEdge, 'node'> & { node: ResolversParentTypes['Reminder'] };
  ReminderFilter: Types.ReminderFilter;
  SetDunningBlockInput: Types.SetDunningBlockInput;
  SetExchangeRateInput: Types.SetExchangeRateInput;
  TopicLag: Types.TopicLag;
  UpdateExpenseInput: Types.UpdateExpenseInput;
};

export type AgeingBucketRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgeingBucketRow'] = ResolversParentTypes['AgeingBucketRow']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days1To30?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days31To60?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days61To90?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  invoiceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  over90?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type AllocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Allocation'] = ResolversParentTypes['Allocation']> = {
  allocatedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  creditNote?: Resolver<Types.Maybe<ResolversTypes['CreditNote']>, ParentType, ContextType>;
  exchangeDifference?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Types.Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  payment?: Resolver<Types.Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  rate?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type AppliedRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppliedRate'] = ResolversParentTypes['AppliedRate']> = {
  fromCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inverted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validOn?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreditHoldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditHold'] = ResolversParentTypes['CreditHold']> = {
  onHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  releaseComment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  releasedAt?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  since?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreditNoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditNote'] = ResolversParentTypes['CreditNote'], FederationReferenceType extends FederationReferenceTypes['CreditNote'] = FederationReferenceTypes['CreditNote']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['CreditNote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  applied?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  baseGrossTotal?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  grossTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Types.Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  issueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CreditNoteLine']>, ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  pdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rateToBase?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CreditNoteReason'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unapplied?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CreditNoteConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditNoteConnection'] = ResolversParentTypes['CreditNoteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CreditNoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CreditNoteEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditNoteEdge'] = ResolversParentTypes['CreditNoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CreditNote'], ParentType, ContextType>;
};

export type CreditNoteLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditNoteLine'] = ResolversParentTypes['CreditNoteLine']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceLineId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orderLineId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returnsQuantity?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  credit?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  creditHold?: Resolver<Types.Maybe<ResolversTypes['CreditHold']>, ParentType, ContextType>;
  dunningBlock?: Resolver<Types.Maybe<ResolversTypes['DunningBlock']>, ParentType, ContextType>;
  expenses?: Resolver<ResolversTypes['ExpenseConnection'], ParentType, ContextType, Partial<Types.CustomerExpensesArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdueReceivables?: Resolver<ResolversTypes['Receivables'], ParentType, ContextType>;
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

export type DunningBlockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DunningBlock'] = ResolversParentTypes['DunningBlock']> = {
  blockedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DunningLevelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DunningLevel'] = ResolversParentTypes['DunningLevel']> = {
  daysAfterDue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fee?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  feeTaxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DunningProposalItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DunningProposalItem'] = ResolversParentTypes['DunningProposalItem']> = {
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  daysOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fee?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  invoice?: Resolver<Types.Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  invoiceNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type DunningRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DunningRun'] = ResolversParentTypes['DunningRun']> = {
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reminders?: Resolver<Array<ResolversTypes['Reminder']>, ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['DunningTrigger'], ParentType, ContextType>;
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

export type ExchangeRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExchangeRate'] = ResolversParentTypes['ExchangeRate']> = {
  fromCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExchangeRateConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExchangeRateConnection'] = ResolversParentTypes['ExchangeRateConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExchangeRateEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ExchangeRateEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExchangeRateEdge'] = ResolversParentTypes['ExchangeRateEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExchangeRate'], ParentType, ContextType>;
};

export type ExpenseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Expense'] = ResolversParentTypes['Expense'], FederationReferenceType extends FederationReferenceTypes['Expense'] = FederationReferenceTypes['Expense']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Expense']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ExpenseCategory'], ParentType, ContextType>;
  claimantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  decidedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  decisionComment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expenseDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  receiptReference?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reimbursedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reimbursedOn?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reimbursementReference?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ExpenseState'], ParentType, ContextType>;
  submittedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ExpenseConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpenseConnection'] = ResolversParentTypes['ExpenseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExpenseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ExpenseEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpenseEdge'] = ResolversParentTypes['ExpenseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Expense'], ParentType, ContextType>;
};

export type ExpenseTotalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpenseTotal'] = ResolversParentTypes['ExpenseTotal']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  amountCredited?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  amountPaid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  baseTotal?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  creditNotes?: Resolver<Array<ResolversTypes['CreditNote']>, ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.InvoiceHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InvoiceKind'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  netTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paymentTermsDays?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rateToBase?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxes?: Resolver<Array<ResolversTypes['InvoiceTaxTotal']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type InvoiceLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceLine'] = ResolversParentTypes['InvoiceLine']> = {
  basis?: Resolver<Types.Maybe<ResolversTypes['InvoiceBasis']>, ParentType, ContextType>;
  deductsInvoice?: Resolver<Types.Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountPercent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orderLineId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  productId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type InvoiceTaxTotalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceTaxTotal'] = ResolversParentTypes['InvoiceTaxTotal']> = {
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvoiceableOrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceableOrderLine'] = ResolversParentTypes['InvoiceableOrderLine']> = {
  cancelled?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discountPercent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceable?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceableOrdered?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiced?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  returned?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  allocatePayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<Types.MutationAllocatePaymentArgs, 'input'>>;
  applyCreditNote?: Resolver<ResolversTypes['CreditNote'], ParentType, ContextType, RequireFields<Types.MutationApplyCreditNoteArgs, 'input'>>;
  createExpense?: Resolver<ResolversTypes['Expense'], ParentType, ContextType, RequireFields<Types.MutationCreateExpenseArgs, 'input'>>;
  decideExpense?: Resolver<ResolversTypes['Expense'], ParentType, ContextType, RequireFields<Types.MutationDecideExpenseArgs, 'input'>>;
  deleteExpense?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<Types.MutationDeleteExpenseArgs, 'id'>>;
  importExchangeRates?: Resolver<Array<ResolversTypes['ExchangeRate']>, ParentType, ContextType, RequireFields<Types.MutationImportExchangeRatesArgs, 'input'>>;
  importOpeningBalances?: Resolver<ResolversTypes['OpeningBalanceImport'], ParentType, ContextType, RequireFields<Types.MutationImportOpeningBalancesArgs, 'rows'>>;
  invoiceDeliveredLines?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<Types.MutationInvoiceDeliveredLinesArgs, 'input'>>;
  issueAdvanceInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<Types.MutationIssueAdvanceInvoiceArgs, 'input'>>;
  issueCreditNote?: Resolver<ResolversTypes['CreditNote'], ParentType, ContextType, RequireFields<Types.MutationIssueCreditNoteArgs, 'input'>>;
  issueFreeInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<Types.MutationIssueFreeInvoiceArgs, 'input'>>;
  issueInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<Types.MutationIssueInvoiceArgs, 'input'>>;
  receivePayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<Types.MutationReceivePaymentArgs, 'input'>>;
  recordPayment?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<Types.MutationRecordPaymentArgs, 'input'>>;
  refundCreditNote?: Resolver<ResolversTypes['CreditNote'], ParentType, ContextType, RequireFields<Types.MutationRefundCreditNoteArgs, 'input'>>;
  reimburseExpense?: Resolver<ResolversTypes['Expense'], ParentType, ContextType, RequireFields<Types.MutationReimburseExpenseArgs, 'input'>>;
  releaseCreditHold?: Resolver<ResolversTypes['CreditHold'], ParentType, ContextType, RequireFields<Types.MutationReleaseCreditHoldArgs, 'input'>>;
  runDunning?: Resolver<ResolversTypes['DunningRun'], ParentType, ContextType, Partial<Types.MutationRunDunningArgs>>;
  setBaseCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<Types.MutationSetBaseCurrencyArgs, 'currency'>>;
  setDunningBlock?: Resolver<Types.Maybe<ResolversTypes['DunningBlock']>, ParentType, ContextType, RequireFields<Types.MutationSetDunningBlockArgs, 'input'>>;
  setDunningLevels?: Resolver<Array<ResolversTypes['DunningLevel']>, ParentType, ContextType, RequireFields<Types.MutationSetDunningLevelsArgs, 'levels'>>;
  setExchangeRate?: Resolver<ResolversTypes['ExchangeRate'], ParentType, ContextType, RequireFields<Types.MutationSetExchangeRateArgs, 'input'>>;
  setExpenseClaimPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<Types.MutationSetExpenseClaimPeriodArgs, 'days'>>;
  submitExpense?: Resolver<ResolversTypes['Expense'], ParentType, ContextType, RequireFields<Types.MutationSubmitExpenseArgs, 'id'>>;
  updateExpense?: Resolver<ResolversTypes['Expense'], ParentType, ContextType, RequireFields<Types.MutationUpdateExpenseArgs, 'id' | 'input'>>;
};

export type OpeningBalanceImportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpeningBalanceImport'] = ResolversParentTypes['OpeningBalanceImport']> = {
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  imported?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  allocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  baseAmount?: Resolver<Types.Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethod'], ParentType, ContextType>;
  orderId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rateToBase?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unallocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PaymentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PaymentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PaymentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentEdge'] = ResolversParentTypes['PaymentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  baseCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  convertAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType, RequireFields<Types.QueryConvertAmountArgs, 'amount' | 'toCurrency'>>;
  creditNote?: Resolver<ResolversTypes['CreditNote'], ParentType, ContextType, RequireFields<Types.QueryCreditNoteArgs, 'id'>>;
  creditNotes?: Resolver<ResolversTypes['CreditNoteConnection'], ParentType, ContextType, Partial<Types.QueryCreditNotesArgs>>;
  dunningLevels?: Resolver<Array<ResolversTypes['DunningLevel']>, ParentType, ContextType>;
  dunningProposal?: Resolver<Array<ResolversTypes['DunningProposalItem']>, ParentType, ContextType, Partial<Types.QueryDunningProposalArgs>>;
  exchangeRate?: Resolver<ResolversTypes['AppliedRate'], ParentType, ContextType, RequireFields<Types.QueryExchangeRateArgs, 'fromCurrency' | 'toCurrency'>>;
  exchangeRates?: Resolver<ResolversTypes['ExchangeRateConnection'], ParentType, ContextType, Partial<Types.QueryExchangeRatesArgs>>;
  expense?: Resolver<ResolversTypes['Expense'], ParentType, ContextType, RequireFields<Types.QueryExpenseArgs, 'id'>>;
  expenseClaimPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expenseTotals?: Resolver<Array<ResolversTypes['ExpenseTotal']>, ParentType, ContextType, RequireFields<Types.QueryExpenseTotalsArgs, 'by'>>;
  expenses?: Resolver<ResolversTypes['ExpenseConnection'], ParentType, ContextType, Partial<Types.QueryExpensesArgs>>;
  financeEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<Types.QueryInvoiceArgs, 'id'>>;
  invoiceableLines?: Resolver<Array<ResolversTypes['InvoiceableOrderLine']>, ParentType, ContextType, RequireFields<Types.QueryInvoiceableLinesArgs, 'orderId'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<Types.QueryInvoicesArgs>>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<Types.QueryPaymentArgs, 'id'>>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, Partial<Types.QueryPaymentsArgs>>;
  receivablesAgeing?: Resolver<Array<ResolversTypes['AgeingBucketRow']>, ParentType, ContextType, Partial<Types.QueryReceivablesAgeingArgs>>;
  receivablesAgeingInBase?: Resolver<ResolversTypes['AgeingBucketRow'], ParentType, ContextType, Partial<Types.QueryReceivablesAgeingInBaseArgs>>;
  receivablesGrouped?: Resolver<Array<ResolversTypes['ReceivablesGroup']>, ParentType, ContextType, RequireFields<Types.QueryReceivablesGroupedArgs, 'by'>>;
  reminder?: Resolver<Types.Maybe<ResolversTypes['Reminder']>, ParentType, ContextType, RequireFields<Types.QueryReminderArgs, 'id'>>;
  reminders?: Resolver<ResolversTypes['ReminderConnection'], ParentType, ContextType, Partial<Types.QueryRemindersArgs>>;
};

export type ReceivablesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Receivables'] = ResolversParentTypes['Receivables']> = {
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  totals?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type ReceivablesGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceivablesGroup'] = ResolversParentTypes['ReceivablesGroup']> = {
  byCurrency?: Resolver<Array<ResolversTypes['AgeingBucketRow']>, ParentType, ContextType>;
  grouping?: Resolver<ResolversTypes['ReceivablesGrouping'], ParentType, ContextType>;
  inBase?: Resolver<ResolversTypes['AgeingBucketRow'], ParentType, ContextType>;
  repId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ReminderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Reminder'] = ResolversParentTypes['Reminder'], FederationReferenceType extends FederationReferenceTypes['Reminder'] = FederationReferenceTypes['Reminder']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Reminder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  daysOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fee?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  feeInvoice?: Resolver<Types.Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Types.Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pdfPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ReminderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReminderConnection'] = ResolversParentTypes['ReminderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReminderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReminderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReminderEdge'] = ResolversParentTypes['ReminderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Reminder'], ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AgeingBucketRow?: AgeingBucketRowResolvers<ContextType>;
  Allocation?: AllocationResolvers<ContextType>;
  AppliedRate?: AppliedRateResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CreditHold?: CreditHoldResolvers<ContextType>;
  CreditNote?: CreditNoteResolvers<ContextType>;
  CreditNoteConnection?: CreditNoteConnectionResolvers<ContextType>;
  CreditNoteEdge?: CreditNoteEdgeResolvers<ContextType>;
  CreditNoteLine?: CreditNoteLineResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  DunningBlock?: DunningBlockResolvers<ContextType>;
  DunningLevel?: DunningLevelResolvers<ContextType>;
  DunningProposalItem?: DunningProposalItemResolvers<ContextType>;
  DunningRun?: DunningRunResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  ExchangeRate?: ExchangeRateResolvers<ContextType>;
  ExchangeRateConnection?: ExchangeRateConnectionResolvers<ContextType>;
  ExchangeRateEdge?: ExchangeRateEdgeResolvers<ContextType>;
  Expense?: ExpenseResolvers<ContextType>;
  ExpenseConnection?: ExpenseConnectionResolvers<ContextType>;
  ExpenseEdge?: ExpenseEdgeResolvers<ContextType>;
  ExpenseTotal?: ExpenseTotalResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceLine?: InvoiceLineResolvers<ContextType>;
  InvoiceTaxTotal?: InvoiceTaxTotalResolvers<ContextType>;
  InvoiceableOrderLine?: InvoiceableOrderLineResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OpeningBalanceImport?: OpeningBalanceImportResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentEdge?: PaymentEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receivables?: ReceivablesResolvers<ContextType>;
  ReceivablesGroup?: ReceivablesGroupResolvers<ContextType>;
  Reminder?: ReminderResolvers<ContextType>;
  ReminderConnection?: ReminderConnectionResolvers<ContextType>;
  ReminderEdge?: ReminderEdgeResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
};

