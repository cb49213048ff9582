import type * as Types from './types.js';
import type { Article, Customer, Team, Ticket, User } from './types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IArticle as IArticleModel, IArticleVersion as IArticleVersionModel } from '../modules/article/article.entity.js';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { SatisfactionGroup as SatisfactionGroupModel } from '../modules/satisfaction/satisfaction.service.js';
import type { ISatisfactionRating as ISatisfactionRatingModel } from '../modules/satisfaction/satisfaction.entity.js';
import type { ISlaTarget as ISlaTargetModel } from '../modules/sla/sla.entity.js';
import type { SupportAnalysis as SupportAnalysisModel } from '../modules/analysis/analysis.service.js';
import type { ITicket as ITicketModel, ITicketStatusChange as ITicketStatusChangeModel } from '../modules/ticket/ticket.entity.js';
import type { ITicketComment as ITicketCommentModel } from '../modules/comment/comment.entity.js';
import type { SlaClock as SlaClockModel } from '../modules/sla/sla-clock.js';
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
  Article: Article;
  Customer: Customer;
  Ticket: Ticket;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Article:
    ( { __typename: 'Article' }
    & GraphQLRecursivePick<FederationTypes['Article'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Ticket:
    ( { __typename: 'Ticket' }
    & GraphQLRecursivePick<FederationTypes['Ticket'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AgentSupportFigures: ResolverTypeWrapper<Types.AgentSupportFigures>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Types.Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  Article: ResolverTypeWrapper<IArticleModel>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  ArticleDraft: ResolverTypeWrapper<Types.ArticleDraft>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  ArticleSearchConnection: ResolverTypeWrapper<Omit<Types.ArticleSearchConnection, 'edges'> & { edges: Array<ResolversTypes['ArticleSearchEdge']> }>;
  ArticleSearchEdge: ResolverTypeWrapper<Omit<Types.ArticleSearchEdge, 'node'> & { node: ResolversTypes['ArticleSearchHit'] }>;
  ArticleSearchHit: ResolverTypeWrapper<Omit<Types.ArticleSearchHit, 'article'> & { article: ResolversTypes['Article'] }>;
  ArticleStatus: Types.ArticleStatus;
  ArticleVersion: ResolverTypeWrapper<IArticleVersionModel>;
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  CategoryCount: ResolverTypeWrapper<Types.CategoryCount>;
  CreateArticleInput: Types.CreateArticleInput;
  Customer: ResolverTypeWrapper<{ id: string }>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<Types.DeadLetter>;
  EventBusStatus: ResolverTypeWrapper<Types.EventBusStatus>;
  EventConsumerStatus: ResolverTypeWrapper<Types.EventConsumerStatus>;
  EventFailureKind: Types.EventFailureKind;
  FieldChange: ResolverTypeWrapper<Types.FieldChange>;
  InquiryCount: ResolverTypeWrapper<Types.InquiryCount>;
  Money: ResolverTypeWrapper<Types.Money>;
  MoneyInput: Types.MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpenTicketInput: Types.OpenTicketInput;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SatisfactionGroup: ResolverTypeWrapper<SatisfactionGroupModel>;
  SatisfactionGroupBy: Types.SatisfactionGroupBy;
  SatisfactionRating: ResolverTypeWrapper<ISatisfactionRatingModel>;
  SatisfactionReport: ResolverTypeWrapper<Omit<Types.SatisfactionReport, 'groups'> & { groups: Array<ResolversTypes['SatisfactionGroup']> }>;
  SetSlaTargetInput: Types.SetSlaTargetInput;
  SlaAttainment: ResolverTypeWrapper<Types.SlaAttainment>;
  SlaTarget: ResolverTypeWrapper<ISlaTargetModel>;
  SolutionCount: ResolverTypeWrapper<{ articleId: string; count: number }>;
  SupportAnalysis: ResolverTypeWrapper<SupportAnalysisModel>;
  Team: ResolverTypeWrapper<Types.Team>;
  TeamSupportFigures: ResolverTypeWrapper<Types.TeamSupportFigures>;
  Ticket: ResolverTypeWrapper<ITicketModel>;
  TicketChannel: Types.TicketChannel;
  TicketComment: ResolverTypeWrapper<ITicketCommentModel>;
  TicketConnection: ResolverTypeWrapper<Omit<Types.TicketConnection, 'edges'> & { edges: Array<ResolversTypes['TicketEdge']> }>;
  TicketEdge: ResolverTypeWrapper<Omit<Types.TicketEdge, 'node'> & { node: ResolversTypes['Ticket'] }>;
  TicketFilter: Types.TicketFilter;
  TicketPriority: Types.TicketPriority;
  TicketSla: ResolverTypeWrapper<SlaClockModel>;
  TicketStatus: Types.TicketStatus;
  TicketStatusChange: ResolverTypeWrapper<ITicketStatusChangeModel>;
  TicketStatusCount: ResolverTypeWrapper<Types.TicketStatusCount>;
  TopicLag: ResolverTypeWrapper<Types.TopicLag>;
  UpdateArticleDraftInput: Types.UpdateArticleDraftInput;
  UpdateTicketInput: Types.UpdateTicketInput;
  User: ResolverTypeWrapper<Types.User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AgentSupportFigures: Types.AgentSupportFigures;
  ID: Types.Scalars['ID']['output'];
  Float: Types.Scalars['Float']['output'];
  Int: Types.Scalars['Int']['output'];
  Article: IArticleModel;
  String: Types.Scalars['String']['output'];
  ArticleDraft: Types.ArticleDraft;
  Boolean: Types.Scalars['Boolean']['output'];
  ArticleSearchConnection: Omit<Types.ArticleSearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['ArticleSearchEdge']> };
  ArticleSearchEdge: Omit<Types.ArticleSearchEdge, 'node'> & { node: ResolversParentTypes['ArticleSearchHit'] };
  ArticleSearchHit: Omit<Types.ArticleSearchHit, 'article'> & { article: ResolversParentTypes['Article'] };
  ArticleVersion: IArticleVersionModel;
  AuditEntry: IAuditEntryModel;
  CategoryCount: Types.CategoryCount;
  CreateArticleInput: Types.CreateArticleInput;
  Customer: { id: string };
  DateTime: Types.Scalars['DateTime']['output'];
  DeadLetter: Types.DeadLetter;
  EventBusStatus: Types.EventBusStatus;
  EventConsumerStatus: Types.EventConsumerStatus;
  FieldChange: Types.FieldChange;
  InquiryCount: Types.InquiryCount;
  Money: Types.Money;
  MoneyInput: Types.MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OpenTicketInput: Types.OpenTicketInput;
  PageInfo: Types.PageInfo;
  Query: Record<PropertyKey, never>;
  SatisfactionGroup: SatisfactionGroupModel;
  SatisfactionRating: ISatisfactionRatingModel;
  SatisfactionReport: Omit<Types.SatisfactionReport, 'groups'> & { groups: Array<ResolversParentTypes['SatisfactionGroup']> };
  SetSlaTargetInput: Types.SetSlaTargetInput;
  SlaAttainment: Types.SlaAttainment;
  SlaTarget: ISlaTargetModel;
  SolutionCount: { articleId: string; count: number };
  SupportAnalysis: SupportAnalysisModel;
  Team: Types.Team;
  TeamSupportFigures: Types.TeamSupportFigures;
  Ticket: ITicketModel;
  TicketComment: ITicketCommentModel;
  TicketConnection: Omit<Types.TicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['TicketEdge']> };
  TicketEdge: Omit<Types.TicketEdge, 'node'> & { node: ResolversParentTypes['Ticket'] };
  TicketFilter: Types.TicketFilter;
  TicketSla: SlaClockModel;
  TicketStatusChange: ITicketStatusChangeModel;
  TicketStatusCount: Types.TicketStatusCount;
  TopicLag: Types.TopicLag;
  UpdateArticleDraftInput: Types.UpdateArticleDraftInput;
  UpdateTicketInput: Types.UpdateTicketInput;
  User: Types.User;
};

export type AgentSupportFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgentSupportFigures'] = ResolversParentTypes['AgentSupportFigures']> = {
  assigneeId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  firstResponseSla?: Resolver<ResolversTypes['SlaAttainment'], ParentType, ContextType>;
  meanSecondsToFirstResponse?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanSecondsToResolution?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  opened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolutionSla?: Resolver<ResolversTypes['SlaAttainment'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ArticleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article'], FederationReferenceType extends FederationReferenceTypes['Article'] = FederationReferenceTypes['Article']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Article']> | FederationReferenceType, FederationReferenceType, ContextType>;
  archivedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  draft?: Resolver<Types.Maybe<ResolversTypes['ArticleDraft']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.ArticleHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publishedVersion?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ArticleStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['ArticleVersion']>, ParentType, ContextType>;
};

export type ArticleDraftResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArticleDraft'] = ResolversParentTypes['ArticleDraft']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hasUnpublishedChanges?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ArticleSearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArticleSearchConnection'] = ResolversParentTypes['ArticleSearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ArticleSearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ArticleSearchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArticleSearchEdge'] = ResolversParentTypes['ArticleSearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ArticleSearchHit'], ParentType, ContextType>;
};

export type ArticleSearchHitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArticleSearchHit'] = ResolversParentTypes['ArticleSearchHit']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ArticleVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ArticleVersion'] = ResolversParentTypes['ArticleVersion']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  publishedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CategoryCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CategoryCount'] = ResolversParentTypes['CategoryCount']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openTickets?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
  ticketCounts?: Resolver<Array<ResolversTypes['TicketStatusCount']>, ParentType, ContextType>;
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

export type InquiryCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InquiryCount'] = ResolversParentTypes['InquiryCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addTicketComment?: Resolver<ResolversTypes['TicketComment'], ParentType, ContextType, RequireFields<Types.MutationAddTicketCommentArgs, 'body' | 'ticketId'>>;
  archiveArticle?: Resolver<ResolversTypes['Article'], ParentType, ContextType, RequireFields<Types.MutationArchiveArticleArgs, 'id'>>;
  assignTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationAssignTicketArgs, 'id'>>;
  changeTicketStatus?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationChangeTicketStatusArgs, 'id' | 'status'>>;
  createArticle?: Resolver<ResolversTypes['Article'], ParentType, ContextType, RequireFields<Types.MutationCreateArticleArgs, 'input'>>;
  deleteTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationDeleteTicketArgs, 'id'>>;
  linkArticleToTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationLinkArticleToTicketArgs, 'articleId' | 'ticketId'>>;
  openTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationOpenTicketArgs, 'input'>>;
  publishArticle?: Resolver<ResolversTypes['Article'], ParentType, ContextType, RequireFields<Types.MutationPublishArticleArgs, 'id'>>;
  rateTicket?: Resolver<ResolversTypes['SatisfactionRating'], ParentType, ContextType, RequireFields<Types.MutationRateTicketArgs, 'rating' | 'ticketId'>>;
  resolveTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationResolveTicketArgs, 'id'>>;
  restoreArticle?: Resolver<ResolversTypes['Article'], ParentType, ContextType, RequireFields<Types.MutationRestoreArticleArgs, 'id'>>;
  restoreTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationRestoreTicketArgs, 'id'>>;
  setSlaTarget?: Resolver<ResolversTypes['SlaTarget'], ParentType, ContextType, RequireFields<Types.MutationSetSlaTargetArgs, 'input'>>;
  updateArticleDraft?: Resolver<ResolversTypes['Article'], ParentType, ContextType, RequireFields<Types.MutationUpdateArticleDraftArgs, 'id' | 'input'>>;
  updateTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.MutationUpdateTicketArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType, RequireFields<Types.QueryArticleArgs, 'id'>>;
  satisfactionReport?: Resolver<ResolversTypes['SatisfactionReport'], ParentType, ContextType, RequireFields<Types.QuerySatisfactionReportArgs, 'from' | 'groupBy' | 'to'>>;
  searchArticles?: Resolver<ResolversTypes['ArticleSearchConnection'], ParentType, ContextType, RequireFields<Types.QuerySearchArticlesArgs, 'query'>>;
  slaTargets?: Resolver<Array<ResolversTypes['SlaTarget']>, ParentType, ContextType>;
  supportAnalysis?: Resolver<ResolversTypes['SupportAnalysis'], ParentType, ContextType, RequireFields<Types.QuerySupportAnalysisArgs, 'from' | 'to'>>;
  supportEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<Types.QueryTicketArgs, 'id'>>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, Partial<Types.QueryTicketsArgs>>;
};

export type SatisfactionGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SatisfactionGroup'] = ResolversParentTypes['SatisfactionGroup']> = {
  assigneeId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  averageRating?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SatisfactionRatingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SatisfactionRating'] = ResolversParentTypes['SatisfactionRating']> = {
  comment?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ratedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ratedBy?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type SatisfactionReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SatisfactionReport'] = ResolversParentTypes['SatisfactionReport']> = {
  averageRating?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupBy?: Resolver<ResolversTypes['SatisfactionGroupBy'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['SatisfactionGroup']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SlaAttainmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SlaAttainment'] = ResolversParentTypes['SlaAttainment']> = {
  met?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percent?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SlaTargetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SlaTarget'] = ResolversParentTypes['SlaTarget']> = {
  firstResponseMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.SlaTargetHistoryArgs>>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  resolutionMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SolutionCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SolutionCount'] = ResolversParentTypes['SolutionCount']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupportAnalysisResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportAnalysis'] = ResolversParentTypes['SupportAnalysis']> = {
  byAgent?: Resolver<Array<ResolversTypes['AgentSupportFigures']>, ParentType, ContextType>;
  byTeam?: Resolver<Array<ResolversTypes['TeamSupportFigures']>, ParentType, ContextType>;
  firstResponseSla?: Resolver<ResolversTypes['SlaAttainment'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  meanSecondsToFirstResponse?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanSecondsToResolution?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  resolutionSla?: Resolver<ResolversTypes['SlaAttainment'], ParentType, ContextType>;
  ticketsOpened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ticketsResolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topCategories?: Resolver<Array<ResolversTypes['CategoryCount']>, ParentType, ContextType>;
  topInquiries?: Resolver<Array<ResolversTypes['InquiryCount']>, ParentType, ContextType>;
  topSolutions?: Resolver<Array<ResolversTypes['SolutionCount']>, ParentType, ContextType>;
};

export type TeamResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TeamSupportFiguresResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TeamSupportFigures'] = ResolversParentTypes['TeamSupportFigures']> = {
  firstResponseSla?: Resolver<ResolversTypes['SlaAttainment'], ParentType, ContextType>;
  meanSecondsToFirstResponse?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanSecondsToResolution?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  opened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolutionSla?: Resolver<ResolversTypes['SlaAttainment'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type TicketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket'], FederationReferenceType extends FederationReferenceTypes['Ticket'] = FederationReferenceTypes['Ticket']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Ticket']> | FederationReferenceType, FederationReferenceType, ContextType>;
  articles?: Resolver<Array<ResolversTypes['Article']>, ParentType, ContextType>;
  assignee?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  category?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  channel?: Resolver<Types.Maybe<ResolversTypes['TicketChannel']>, ParentType, ContextType>;
  comments?: Resolver<Array<ResolversTypes['TicketComment']>, ParentType, ContextType>;
  contactId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  customer?: Resolver<Types.Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deletedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstRespondedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<Types.TicketHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  resolvedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  satisfaction?: Resolver<Types.Maybe<ResolversTypes['SatisfactionRating']>, ParentType, ContextType>;
  sla?: Resolver<ResolversTypes['TicketSla'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes['TicketStatusChange']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  team?: Resolver<Types.Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
};

export type TicketCommentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketComment'] = ResolversParentTypes['TicketComment']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  internal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type TicketConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketConnection'] = ResolversParentTypes['TicketConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TicketEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEdge'] = ResolversParentTypes['TicketEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
};

export type TicketSlaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketSla'] = ResolversParentTypes['TicketSla']> = {
  firstResponseBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  firstResponseDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  paused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolutionBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolutionDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TicketStatusChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketStatusChange'] = ResolversParentTypes['TicketStatusChange']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changedBy?: Resolver<Types.Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  from?: Resolver<Types.Maybe<ResolversTypes['TicketStatus']>, ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
};

export type TicketStatusCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketStatusCount'] = ResolversParentTypes['TicketStatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AgentSupportFigures?: AgentSupportFiguresResolvers<ContextType>;
  Article?: ArticleResolvers<ContextType>;
  ArticleDraft?: ArticleDraftResolvers<ContextType>;
  ArticleSearchConnection?: ArticleSearchConnectionResolvers<ContextType>;
  ArticleSearchEdge?: ArticleSearchEdgeResolvers<ContextType>;
  ArticleSearchHit?: ArticleSearchHitResolvers<ContextType>;
  ArticleVersion?: ArticleVersionResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CategoryCount?: CategoryCountResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  InquiryCount?: InquiryCountResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SatisfactionGroup?: SatisfactionGroupResolvers<ContextType>;
  SatisfactionRating?: SatisfactionRatingResolvers<ContextType>;
  SatisfactionReport?: SatisfactionReportResolvers<ContextType>;
  SlaAttainment?: SlaAttainmentResolvers<ContextType>;
  SlaTarget?: SlaTargetResolvers<ContextType>;
  SolutionCount?: SolutionCountResolvers<ContextType>;
  SupportAnalysis?: SupportAnalysisResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  TeamSupportFigures?: TeamSupportFiguresResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketComment?: TicketCommentResolvers<ContextType>;
  TicketConnection?: TicketConnectionResolvers<ContextType>;
  TicketEdge?: TicketEdgeResolvers<ContextType>;
  TicketSla?: TicketSlaResolvers<ContextType>;
  TicketStatusChange?: TicketStatusChangeResolvers<ContextType>;
  TicketStatusCount?: TicketStatusCountResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

