import type * as Types from './types.js';
import type { Customer, Opportunity, Team, User } from './types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IActivity as IActivityModel } from '../modules/activity/activity.entity.js';
import type { IAddress as IAddressModel } from '../modules/address/address.entity.js';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { IContact as IContactModel } from '../modules/contact/contact.entity.js';
import type { ICustomer as ICustomerModel } from '../modules/customer/customer.entity.js';
import type { IDocument as IDocumentModel } from '../modules/document/document.entity.js';
import type { DuplicateCandidate as DuplicateCandidateModel } from '../modules/duplicate/duplicate.service.js';
import type { ImportDuplicateRow as ImportDuplicateRowModel, IImportJob as IImportJobModel } from '../modules/import/import-job.entity.js';
import type { ILead as ILeadModel } from '../modules/lead/lead.entity.js';
import type { ITimelineEntry as ITimelineEntryModel } from '../modules/timeline/timeline-entry.entity.js';
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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Activity: ResolverTypeWrapper<IActivityModel>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  ActivityConnection: ResolverTypeWrapper<Omit<Types.ActivityConnection, 'edges'> & { edges: Array<ResolversTypes['ActivityEdge']> }>;
  ActivityEdge: ResolverTypeWrapper<Omit<Types.ActivityEdge, 'node'> & { node: ResolversTypes['Activity'] }>;
  ActivityFilter: Types.ActivityFilter;
  ActivityKind: Types.ActivityKind;
  ActivityReview: ResolverTypeWrapper<Types.ActivityReview>;
  AddAddressInput: Types.AddAddressInput;
  AddContactInput: Types.AddContactInput;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Address: ResolverTypeWrapper<IAddressModel>;
  AddressKind: Types.AddressKind;
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  CaptureLeadInput: Types.CaptureLeadInput;
  Contact: ResolverTypeWrapper<IContactModel>;
  ContactChannel: Types.ContactChannel;
  ConvertLeadInput: Types.ConvertLeadInput;
  ConvertLeadOpportunityInput: Types.ConvertLeadOpportunityInput;
  CreateCustomerInput: Types.CreateCustomerInput;
  Customer: ResolverTypeWrapper<ICustomerModel>;
  CustomerConnection: ResolverTypeWrapper<Omit<Types.CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<Types.CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerFilter: Types.CustomerFilter;
  CustomerImportField: Types.CustomerImportField;
  CustomerKind: Types.CustomerKind;
  CustomerSearchConnection: ResolverTypeWrapper<Omit<Types.CustomerSearchConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerSearchEdge']> }>;
  CustomerSearchEdge: ResolverTypeWrapper<Omit<Types.CustomerSearchEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  Float: ResolverTypeWrapper<Types.Scalars['Float']['output']>;
  CustomerSource: Types.CustomerSource;
  CustomerTier: Types.CustomerTier;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<Types.DeadLetter>;
  Document: ResolverTypeWrapper<IDocumentModel>;
  DocumentConnection: ResolverTypeWrapper<Omit<Types.DocumentConnection, 'edges'> & { edges: Array<ResolversTypes['DocumentEdge']> }>;
  DocumentEdge: ResolverTypeWrapper<Omit<Types.DocumentEdge, 'node'> & { node: ResolversTypes['Document'] }>;
  DocumentKind: Types.DocumentKind;
  DuplicateCandidate: ResolverTypeWrapper<DuplicateCandidateModel>;
  DuplicateHandling: Types.DuplicateHandling;
  DuplicateReason: Types.DuplicateReason;
  EventBusStatus: ResolverTypeWrapper<Types.EventBusStatus>;
  EventConsumerStatus: ResolverTypeWrapper<Types.EventConsumerStatus>;
  EventFailureKind: Types.EventFailureKind;
  FieldChange: ResolverTypeWrapper<Types.FieldChange>;
  FindDuplicatesInput: Types.FindDuplicatesInput;
  ImportColumnMapping: Types.ImportColumnMapping;
  ImportCustomersInput: Types.ImportCustomersInput;
  ImportDuplicateRow: ResolverTypeWrapper<ImportDuplicateRowModel>;
  ImportFormat: Types.ImportFormat;
  ImportMode: Types.ImportMode;
  ImportReport: ResolverTypeWrapper<IImportJobModel>;
  ImportRowError: ResolverTypeWrapper<Types.ImportRowError>;
  ImportStatus: Types.ImportStatus;
  Lead: ResolverTypeWrapper<ILeadModel>;
  LeadConnection: ResolverTypeWrapper<Omit<Types.LeadConnection, 'edges'> & { edges: Array<ResolversTypes['LeadEdge']> }>;
  LeadEdge: ResolverTypeWrapper<Omit<Types.LeadEdge, 'node'> & { node: ResolversTypes['Lead'] }>;
  LeadFilter: Types.LeadFilter;
  LeadFormInput: Types.LeadFormInput;
  LeadFormReceipt: ResolverTypeWrapper<Types.LeadFormReceipt>;
  LeadStatus: Types.LeadStatus;
  LifecycleState: Types.LifecycleState;
  LogActivityInput: Types.LogActivityInput;
  Money: ResolverTypeWrapper<Types.Money>;
  MoneyInput: Types.MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Opportunity: ResolverTypeWrapper<Types.Opportunity>;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReviewDecision: Types.ReviewDecision;
  ReviewStatus: Types.ReviewStatus;
  ShareCustomerInput: Types.ShareCustomerInput;
  Team: ResolverTypeWrapper<Types.Team>;
  TimelineConnection: ResolverTypeWrapper<Omit<Types.TimelineConnection, 'edges'> & { edges: Array<ResolversTypes['TimelineEdge']> }>;
  TimelineEdge: ResolverTypeWrapper<Omit<Types.TimelineEdge, 'node'> & { node: ResolversTypes['TimelineEntry'] }>;
  TimelineEntry: ResolverTypeWrapper<ITimelineEntryModel>;
  TimelineKind: Types.TimelineKind;
  TimelineModule: Types.TimelineModule;
  TopicLag: ResolverTypeWrapper<Types.TopicLag>;
  TransferCustomerInput: Types.TransferCustomerInput;
  UpdateContactInput: Types.UpdateContactInput;
  UpdateCustomerInput: Types.UpdateCustomerInput;
  UpdateDocumentInput: Types.UpdateDocumentInput;
  User: ResolverTypeWrapper<Types.User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Activity: IActivityModel;
  String: Types.Scalars['String']['output'];
  Int: Types.Scalars['Int']['output'];
  ID: Types.Scalars['ID']['output'];
  ActivityConnection: Omit<Types.ActivityConnection, 'edges'> & { edges: Array<ResolversParentTypes['ActivityEdge']> };
  ActivityEdge: Omit<Types.ActivityEdge, 'node'> & { node: ResolversParentTypes['Activity'] };
  ActivityFilter: Types.ActivityFilter;
  ActivityReview: Types.ActivityReview;
  AddAddressInput: Types.AddAddressInput;
  AddContactInput: Types.AddContactInput;
  Boolean: Types.Scalars['Boolean']['output'];
  Address: IAddressModel;
  AuditEntry: IAuditEntryModel;
  CaptureLeadInput: Types.CaptureLeadInput;
  Contact: IContactModel;
  ConvertLeadInput: Types.ConvertLeadInput;
  ConvertLeadOpportunityInput: Types.ConvertLeadOpportunityInput;
  CreateCustomerInput: Types.CreateCustomerInput;
  Customer: ICustomerModel;
  CustomerConnection: Omit<Types.CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<Types.CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerFilter: Types.CustomerFilter;
  CustomerSearchConnection: Omit<Types.CustomerSearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerSearchEdge']> };
  CustomerSearchEdge: Omit<Types.CustomerSearchEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  Float: Types.Scalars['Float']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  DeadLetter: Types.DeadLetter;
  Document: IDocumentModel;
  DocumentConnection: Omit<Types.DocumentConnection, 'edges'> & { edges: Array<ResolversParentTypes['DocumentEdge']> };
  DocumentEdge: Omit<Types.DocumentEdge, 'node'> & { node: ResolversParentTypes['Document'] };
  DuplicateCandidate: DuplicateCandidateModel;
  EventBusStatus: Types.EventBusStatus;
  EventConsumerStatus: Types.EventConsumerStatus;
  FieldChange: Types.FieldChange;
  FindDuplicatesInput: Types.FindDuplicatesInput;
  ImportColumnMapping: Types.ImportColumnMapping;
  ImportCustomersInput: Types.ImportCustomersInput;
  ImportDuplicateRow: ImportDuplicateRowModel;
  ImportReport: IImportJobModel;
  ImportRowError: Types.ImportRowError;
  Lead: ILeadModel;
  LeadConnection: Omit<Types.LeadConnection, 'edges'> & { edges: Array<ResolversParentTypes['LeadEdge']> };
  LeadEdge: Omit<Types.LeadEdge, 'node'> & { node: ResolversParentTypes['Lead'] };
  LeadFilter: Types.LeadFilter;
  LeadFormInput: Types.LeadFormInput;
  LeadFormReceipt: Types.LeadFormReceipt;
  LogActivityInput: Types.LogActivityInput;
  Money: Types.Money;
  MoneyInput: Types.MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Opportunity: Types.Opportunity;
  PageInfo: Types.PageInfo;
  Query: Record<PropertyKey, never>;
  ShareCustomerInput: Types.ShareCustomerInput;
  Team: Types.Team;
  TimelineConnection: Omit<Types.TimelineConnection, 'edges'> & { edges: Array<ResolversParentTypes['TimelineEdge']> };
  TimelineEdge: Omit<Types.TimelineEdge, 'node'> & { node: ResolversParentTypes['TimelineEntry'] };
  TimelineEntry: ITimelineEntryModel;
  TopicLag: Types.TopicLag;
  TransferCustomerInput: Types.TransferCustomerInput;
  UpdateContactInput: Types.UpdateContactInput;
  UpdateCustomerInput: Types.UpdateCustomerInput;
  UpdateDocumentInput: Types.UpdateDocumentInput;
  User: Types.User;
};

export type ActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Activity'] = ResolversParentTypes['Activity']> = {
  assignee?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  body?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contact?: Resolver<Types.Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  followUpDoneAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  followUpDoneBy?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.ActivityHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActivityKind'], ParentType, ContextType>;
  nextStep?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextStepDue?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  opportunity?: Resolver<Types.Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  outcome?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plannedFor?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  review?: Resolver<ResolversTypes['ActivityReview'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ActivityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityConnection'] = ResolversParentTypes['ActivityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActivityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ActivityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityEdge'] = ResolversParentTypes['ActivityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Activity'], ParentType, ContextType>;
};

export type ActivityReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityReview'] = ResolversParentTypes['ActivityReview']> = {
  comment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reviewer?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.AddressHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AddressKind'], ParentType, ContextType>;
  postalCode?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  emails?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.ContactHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  preferredChannel?: Resolver<Types.Maybe<ResolversTypes['ContactChannel']>, ParentType, ContextType>;
  primary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activities?: Resolver<Array<ResolversTypes['Activity']>, ParentType, ContextType, Partial<Types.CustomerActivitiesArgs>>;
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  documents?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<Types.CustomerDocumentsArgs>>;
  email?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.CustomerHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CustomerKind'], ParentType, ContextType>;
  lastContactedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lifecycleState?: Resolver<ResolversTypes['LifecycleState'], ParentType, ContextType>;
  likelyDuplicates?: Resolver<Array<ResolversTypes['DuplicateCandidate']>, ParentType, ContextType>;
  mergedInto?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  phone?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sharedWith?: Resolver<Array<Types.Maybe<ResolversTypes['User']>>, ParentType, ContextType>;
  source?: Resolver<Types.Maybe<ResolversTypes['CustomerSource']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  taxId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  team?: Resolver<Types.Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  tier?: Resolver<Types.Maybe<ResolversTypes['CustomerTier']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['TimelineConnection'], ParentType, ContextType, Partial<Types.CustomerTimelineArgs>>;
};

export type CustomerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
};

export type CustomerSearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerSearchConnection'] = ResolversParentTypes['CustomerSearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerSearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CustomerSearchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerSearchEdge'] = ResolversParentTypes['CustomerSearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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

export type DocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.DocumentHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DocumentKind'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uploadedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type DocumentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentConnection'] = ResolversParentTypes['DocumentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type DocumentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type DuplicateCandidateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DuplicateCandidate'] = ResolversParentTypes['DuplicateCandidate']> = {
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['DuplicateReason']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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

export type ImportDuplicateRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportDuplicateRow'] = ResolversParentTypes['ImportDuplicateRow']> = {
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  handling?: Resolver<ResolversTypes['DuplicateHandling'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  matchesLine?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DuplicateReason'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  duplicateRows?: Resolver<Array<ResolversTypes['ImportDuplicateRow']>, ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['DuplicateHandling'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ImportRowError']>, ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ImportMode'], ParentType, ContextType>;
  processed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ImportStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportRowErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportRowError'] = ResolversParentTypes['ImportRowError']> = {
  field?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LeadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Lead'] = ResolversParentTypes['Lead']> = {
  company?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  convertedCustomer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  disqualifyReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.LeadHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  phone?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Types.Maybe<ResolversTypes['CustomerSource']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LeadStatus'], ParentType, ContextType>;
};

export type LeadConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeadConnection'] = ResolversParentTypes['LeadConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LeadEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type LeadEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeadEdge'] = ResolversParentTypes['LeadEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Lead'], ParentType, ContextType>;
};

export type LeadFormReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LeadFormReceipt'] = ResolversParentTypes['LeadFormReceipt']> = {
  received?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType, RequireFields<Types.MutationAddAddressArgs, 'input'>>;
  addContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<Types.MutationAddContactArgs, 'input'>>;
  captureLead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType, RequireFields<Types.MutationCaptureLeadArgs, 'input'>>;
  completeFollowUp?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<Types.MutationCompleteFollowUpArgs, 'id'>>;
  convertLead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType, RequireFields<Types.MutationConvertLeadArgs, 'id' | 'input'>>;
  createCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationCreateCustomerArgs, 'input'>>;
  deleteCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationDeleteCustomerArgs, 'id'>>;
  deleteDocument?: Resolver<ResolversTypes['Document'], ParentType, ContextType, RequireFields<Types.MutationDeleteDocumentArgs, 'id'>>;
  disqualifyLead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType, RequireFields<Types.MutationDisqualifyLeadArgs, 'id' | 'reason'>>;
  importCustomers?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<Types.MutationImportCustomersArgs, 'input'>>;
  logActivity?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<Types.MutationLogActivityArgs, 'input'>>;
  mergeCustomers?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationMergeCustomersArgs, 'mergedId' | 'survivorId'>>;
  qualifyLead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType, RequireFields<Types.MutationQualifyLeadArgs, 'id'>>;
  removeAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType, RequireFields<Types.MutationRemoveAddressArgs, 'id'>>;
  removeContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<Types.MutationRemoveContactArgs, 'id'>>;
  restoreAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType, RequireFields<Types.MutationRestoreAddressArgs, 'id'>>;
  restoreContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<Types.MutationRestoreContactArgs, 'id'>>;
  restoreCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationRestoreCustomerArgs, 'id'>>;
  reviewActivity?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<Types.MutationReviewActivityArgs, 'decision' | 'id'>>;
  shareCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationShareCustomerArgs, 'input'>>;
  submitLeadForm?: Resolver<ResolversTypes['LeadFormReceipt'], ParentType, ContextType, RequireFields<Types.MutationSubmitLeadFormArgs, 'input'>>;
  transferCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationTransferCustomerArgs, 'input'>>;
  unshareCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationUnshareCustomerArgs, 'input'>>;
  updateContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<Types.MutationUpdateContactArgs, 'input'>>;
  updateCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.MutationUpdateCustomerArgs, 'input'>>;
  updateDocument?: Resolver<ResolversTypes['Document'], ParentType, ContextType, RequireFields<Types.MutationUpdateDocumentArgs, 'input'>>;
};

export type OpportunityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Opportunity'] = ResolversParentTypes['Opportunity']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  activities?: Resolver<ResolversTypes['ActivityConnection'], ParentType, ContextType, Partial<Types.QueryActivitiesArgs>>;
  activity?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<Types.QueryActivityArgs, 'id'>>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<Types.QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, Partial<Types.QueryCustomersArgs>>;
  customersEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType, RequireFields<Types.QueryDocumentArgs, 'id'>>;
  exportCustomers?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<Types.QueryExportCustomersArgs, 'format'>>;
  findDuplicates?: Resolver<Array<ResolversTypes['DuplicateCandidate']>, ParentType, ContextType, RequireFields<Types.QueryFindDuplicatesArgs, 'input'>>;
  importJob?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<Types.QueryImportJobArgs, 'id'>>;
  lead?: Resolver<ResolversTypes['Lead'], ParentType, ContextType, RequireFields<Types.QueryLeadArgs, 'id'>>;
  leads?: Resolver<ResolversTypes['LeadConnection'], ParentType, ContextType, Partial<Types.QueryLeadsArgs>>;
  searchCustomers?: Resolver<ResolversTypes['CustomerSearchConnection'], ParentType, ContextType, RequireFields<Types.QuerySearchCustomersArgs, 'query'>>;
};

export type TeamResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TimelineConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineConnection'] = ResolversParentTypes['TimelineConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TimelineEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TimelineEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEdge'] = ResolversParentTypes['TimelineEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TimelineEntry'], ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineKind'], ParentType, ContextType>;
  module?: Resolver<ResolversTypes['TimelineModule'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sourceService?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Activity?: ActivityResolvers<ContextType>;
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  ActivityEdge?: ActivityEdgeResolvers<ContextType>;
  ActivityReview?: ActivityReviewResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerSearchConnection?: CustomerSearchConnectionResolvers<ContextType>;
  CustomerSearchEdge?: CustomerSearchEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  Document?: DocumentResolvers<ContextType>;
  DocumentConnection?: DocumentConnectionResolvers<ContextType>;
  DocumentEdge?: DocumentEdgeResolvers<ContextType>;
  DuplicateCandidate?: DuplicateCandidateResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  ImportDuplicateRow?: ImportDuplicateRowResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  ImportRowError?: ImportRowErrorResolvers<ContextType>;
  Lead?: LeadResolvers<ContextType>;
  LeadConnection?: LeadConnectionResolvers<ContextType>;
  LeadEdge?: LeadEdgeResolvers<ContextType>;
  LeadFormReceipt?: LeadFormReceiptResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Opportunity?: OpportunityResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  TimelineConnection?: TimelineConnectionResolvers<ContextType>;
  TimelineEdge?: TimelineEdgeResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

