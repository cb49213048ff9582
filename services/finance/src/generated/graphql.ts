import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { IInvoice as IInvoiceModel } from '../modules/invoice/invoice.entity.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 timestamp in UTC, e.g. 2026-11-23T10:15:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: string; output: string; }
};

/** Kinds of recorded change. */
export type AuditAction =
  /** The record was created. */
  | 'CREATE'
  /** The record was deleted (softly: it can be restored). */
  | 'DELETE'
  /** A deleted record was restored. */
  | 'RESTORE'
  /** Fields of the record changed. */
  | 'UPDATE';

/** One recorded change to a record: who made it, when, and which fields changed from what to what. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What kind of change it was. */
  action: AuditAction;
  /** The user who made it; null when the system made it while handling another service's event. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** When the change was made. */
  at: Scalars['DateTime']['output'];
  /** Each changed field with its value before and after. */
  changes: Array<FieldChange>;
  /** The request (x-request-id) that caused it. */
  requestId?: Maybe<Scalars['String']['output']>;
};

/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type Customer = {
  __typename?: 'Customer';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What the customer owes past its due dates: totals per currency and the overdue invoices, oldest due first; empty when the caller may not see them. */
  overdueReceivables: Receivables;
};

/** An event a consumer sent to its dead-letter topic. */
export type DeadLetter = {
  __typename?: 'DeadLetter';
  /** When it was dead-lettered. */
  at: Scalars['DateTime']['output'];
  /** How many times it was tried. */
  attempts: Scalars['Int']['output'];
  /** The event's id; null when the message was not a CloudEvent. */
  eventId?: Maybe<Scalars['String']['output']>;
  /** Why it was not retried further. */
  kind: EventFailureKind;
  /** Its offset there. */
  offset: Scalars['String']['output'];
  /** The partition it was read from. */
  partition: Scalars['Int']['output'];
  /** The error that sent it to the dead-letter topic. */
  reason: Scalars['String']['output'];
  /** The topic it was read from. */
  topic: Scalars['String']['output'];
  /** The event's type; null when the message was not a CloudEvent. */
  type?: Maybe<Scalars['String']['output']>;
};

/** The state of one service's events, for operators: its outbox backlog and its consumer group (dead letters, retries, lag). */
export type EventBusStatus = {
  __typename?: 'EventBusStatus';
  /** The service's consumer group; null when the service consumes no events. */
  consumer?: Maybe<EventConsumerStatus>;
  /** Whether the service is connected to Kafka at all (false when it runs without brokers). */
  kafkaEnabled: Scalars['Boolean']['output'];
  /** When the oldest of them was written; null when none waits. */
  outboxOldestPendingAt?: Maybe<Scalars['DateTime']['output']>;
  /** Events written to the outbox and not yet relayed to Kafka. */
  outboxPending: Scalars['Int']['output'];
  /** The service, e.g. sales. */
  service: Scalars['String']['output'];
};

/** One consumer group: what it dead-lettered, what it is waiting out, how far behind it is. */
export type EventConsumerStatus = {
  __typename?: 'EventConsumerStatus';
  /** The dead-letter topic its failed events go to; `npm run replay-dlq -- --group <group>` re-publishes them. */
  deadLetterTopic: Scalars['String']['output'];
  /** Events this process dead-lettered since it started. */
  deadLetteredSinceStart: Scalars['Int']['output'];
  /** Events in the dead-letter topic, replayed ones included; null when Kafka did not answer in time. */
  deadLettersInTopic?: Maybe<Scalars['Int']['output']>;
  /** The group's name (the service's), without the topic namespace. */
  group: Scalars['String']['output'];
  /** Messages not yet consumed, per topic; null when Kafka did not answer in time. */
  lag?: Maybe<Array<TopicLag>>;
  /** The latest of those, newest first (at most 20). */
  recentDeadLetters: Array<DeadLetter>;
  /** Retries after transient failures (database or broker away) since the process started. */
  transientRetries: Scalars['Int']['output'];
  /** The transient failure it is waiting out; null when none. */
  waitingOutReason?: Maybe<Scalars['String']['output']>;
  /** Since when the consumer has been waiting out a transient failure; null when it is not. */
  waitingOutSince?: Maybe<Scalars['DateTime']['output']>;
};

/** Why an event was dead-lettered. */
export type EventFailureKind =
  /** The event itself cannot be applied: its payload breaks its contract, or the handler refused it. */
  | 'EVENT'
  /** An unexpected error that kept failing for every attempt of the retry policy. */
  | 'UNKNOWN';

/** One field's value before and after a change, as JSON text. */
export type FieldChange = {
  __typename?: 'FieldChange';
  /** The field's name. */
  field: Scalars['String']['output'];
  /** The value before, as JSON; null when there was none. */
  from?: Maybe<Scalars['String']['output']>;
  /** The value after, as JSON; null when there is none. */
  to?: Maybe<Scalars['String']['output']>;
};

/** A bill sent to a customer, in one currency, paid off by payments. Owned by the finance subgraph. */
export type Invoice = {
  __typename?: 'Invoice';
  /** The sum of the payments recorded so far, in the invoice's currency. */
  amountPaid: Money;
  /** What is still owed: total minus amountPaid, exact. */
  balance: Money;
  /** The customer billed. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** The date by which it must be paid, ISO 8601 (YYYY-MM-DD). */
  dueDate: Scalars['String']['output'];
  /** Every recorded change to this invoice (issue, each payment's effect on amountPaid and status), newest first; visible to whoever may see the invoice. Invoices are never deleted: corrections come as credit notes. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The date the invoice was issued, ISO 8601 (YYYY-MM-DD). */
  issueDate: Scalars['String']['output'];
  /** Human-friendly number, unique and sequential, e.g. INV-000042. */
  number: Scalars['String']['output'];
  /** The sales order this invoice bills (an order may have several invoices); null for an invoice not tied to an order. */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** Whether something is still owed after the due date: balance above zero and dueDate before today (UTC). */
  overdue: Scalars['Boolean']['output'];
  /** Where the invoice stands in being paid. */
  status: InvoiceStatus;
  /** The amount billed. */
  total: Money;
};


/** A bill sent to a customer, in one currency, paid off by payments. Owned by the finance subgraph. */
export type InvoiceHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of invoices, newest issue date first. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices on this page with their cursors. */
  edges: Array<InvoiceEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One invoice in a page. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Opaque cursor of this invoice. */
  cursor: Scalars['String']['output'];
  /** The invoice. */
  node: Invoice;
};

/** Narrows an invoice list; all given criteria must hold. */
export type InvoiceFilter = {
  /** Only this customer's invoices. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** true: only overdue invoices; false: only those not overdue. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only invoices in this status. */
  status?: InputMaybe<InvoiceStatus>;
};

/** How far an invoice has been paid. */
export type InvoiceStatus =
  /** Issued; nothing paid yet. */
  | 'ISSUED'
  /** Paid in full; the balance is zero. */
  | 'PAID'
  /** Some, not all, of the total has been paid. */
  | 'PARTIALLY_PAID';

/** What a new invoice needs. */
export type IssueInvoiceInput = {
  /** The customer billed. */
  customerId: Scalars['ID']['input'];
  /** The due date, ISO 8601 (YYYY-MM-DD); not before the issue date. */
  dueDate: Scalars['String']['input'];
  /** The issue date, ISO 8601 (YYYY-MM-DD); defaults to today (UTC). */
  issueDate?: InputMaybe<Scalars['String']['input']>;
  /** The sales order billed, if any. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** The amount billed; greater than zero. */
  total: MoneyInput;
};

/** An amount of money: a decimal string and an ISO 4217 currency code; never a float. */
export type Money = {
  __typename?: 'Money';
  /** Decimal string with up to four decimals, e.g. "1250.50". */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code, e.g. EUR. */
  currency: Scalars['String']['output'];
};

/** An amount of money as input: a decimal string and an ISO 4217 code. */
export type MoneyInput = {
  /** Decimal string, e.g. "1250.50". */
  amount: Scalars['String']['input'];
  /** ISO 4217 currency code, e.g. EUR. */
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Issues a numbered invoice and announces it with `finance.invoice.issued.v1`. */
  issueInvoice: Invoice;
  /** Records a payment against an invoice and returns the invoice with its new amount paid, balance and status; NOT_FOUND for an invoice the caller may not see. */
  recordPayment: Invoice;
};


export type MutationIssueInvoiceArgs = {
  input: IssueInvoiceInput;
};


export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};

/** Where a page of a list ends, for keyset pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The finance service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  financeEventBus: EventBusStatus;
  /** One invoice by id; NOT_FOUND when no such invoice exists or it bills a customer the caller may not see. */
  invoice: Invoice;
  /** The invoices the caller may see, newest issue date first, filtered, paged by cursor (`first` at most 100). */
  invoices: InvoiceConnection;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a customer owes on invoices past their due date. */
export type Receivables = {
  __typename?: 'Receivables';
  /** The overdue invoices, oldest due date first. */
  invoices: Array<Invoice>;
  /** The sum of the overdue balances, one amount per currency (by currency code), exact; empty when nothing is overdue. */
  totals: Array<Money>;
};

/** A payment received from a customer against one invoice. */
export type RecordPaymentInput = {
  /** The amount received; greater than zero, in the invoice's currency, and no more than its balance. */
  amount: MoneyInput;
  /** The invoice paid. */
  invoiceId: Scalars['ID']['input'];
  /** The date the money was received, ISO 8601 (YYYY-MM-DD). */
  paidOn: Scalars['String']['input'];
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
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
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

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
  Invoice: Invoice;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Customer: ResolverTypeWrapper<{ id: string }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<DeadLetter>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  EventBusStatus: ResolverTypeWrapper<EventBusStatus>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  EventConsumerStatus: ResolverTypeWrapper<EventConsumerStatus>;
  EventFailureKind: EventFailureKind;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Invoice: ResolverTypeWrapper<IInvoiceModel>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceFilter: InvoiceFilter;
  InvoiceStatus: InvoiceStatus;
  IssueInvoiceInput: IssueInvoiceInput;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Receivables: ResolverTypeWrapper<Omit<Receivables, 'invoices'> & { invoices: Array<ResolversTypes['Invoice']> }>;
  RecordPaymentInput: RecordPaymentInput;
  TopicLag: ResolverTypeWrapper<TopicLag>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: IAuditEntryModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Customer: { id: string };
  DateTime: Scalars['DateTime']['output'];
  DeadLetter: DeadLetter;
  Int: Scalars['Int']['output'];
  EventBusStatus: EventBusStatus;
  Boolean: Scalars['Boolean']['output'];
  EventConsumerStatus: EventConsumerStatus;
  FieldChange: FieldChange;
  Invoice: IInvoiceModel;
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceFilter: InvoiceFilter;
  IssueInvoiceInput: IssueInvoiceInput;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Receivables: Omit<Receivables, 'invoices'> & { invoices: Array<ResolversParentTypes['Invoice']> };
  RecordPaymentInput: RecordPaymentInput;
  TopicLag: TopicLag;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdueReceivables?: Resolver<ResolversTypes['Receivables'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeadLetterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeadLetter'] = ResolversParentTypes['DeadLetter']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EventFailureKind'], ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partition?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EventBusStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventBusStatus'] = ResolversParentTypes['EventBusStatus']> = {
  consumer?: Resolver<Maybe<ResolversTypes['EventConsumerStatus']>, ParentType, ContextType>;
  kafkaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  outboxOldestPendingAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outboxPending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventConsumerStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventConsumerStatus'] = ResolversParentTypes['EventConsumerStatus']> = {
  deadLetterTopic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deadLetteredSinceStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadLettersInTopic?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lag?: Resolver<Maybe<Array<ResolversTypes['TopicLag']>>, ParentType, ContextType>;
  recentDeadLetters?: Resolver<Array<ResolversTypes['DeadLetter']>, ParentType, ContextType>;
  transientRetries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitingOutReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  waitingOutSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountPaid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<InvoiceHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
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

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  issueInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationIssueInvoiceArgs, 'input'>>;
  recordPayment?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationRecordPaymentArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  financeEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<QueryInvoicesArgs>>;
};

export type ReceivablesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Receivables'] = ResolversParentTypes['Receivables']> = {
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  totals?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type TopicLagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TopicLag'] = ResolversParentTypes['TopicLag']> = {
  lag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receivables?: ReceivablesResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
};

