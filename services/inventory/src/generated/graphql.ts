import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IAuditEntry as IAuditEntryModel } from '@rapport/subgraph-kit';
import type { IProduct as IProductModel } from '../modules/product/product.entity.js';
import type { SalesOrderRef as SalesOrderRefModel } from '../modules/shipment/shipment.resolvers.js';
import type { IShipment as IShipmentModel } from '../modules/shipment/shipment.entity.js';
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

/** What a new product needs. */
export type CreateProductInput = {
  /** Price of one unit; not negative. */
  listPrice: MoneyInput;
  /** Display name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Unique code (1–64 characters: letters, digits, . _ - /); stored upper-case; CONFLICT when taken. */
  sku: Scalars['String']['input'];
  /** Unit of measure (1–20 characters); defaults to pcs. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type Customer = {
  __typename?: 'Customer';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
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

/** How far the delivery of a sales order has come, across its shipments. */
export type Delivery = {
  __typename?: 'Delivery';
  /** The order's shipments, oldest first. */
  shipments: Array<Shipment>;
  /** NOT_PLANNED while no shipment exists yet, else the furthest status any of its shipments reached. */
  status: DeliveryStatus;
};

/** The delivery state of a sales order. */
export type DeliveryStatus =
  /** Goods have reached the customer. */
  | 'DELIVERED'
  /** No shipping notice has been raised yet. */
  | 'NOT_PLANNED'
  /** A shipping notice is raised; nothing has left the warehouse. */
  | 'PLANNED'
  /** Goods are on their way. */
  | 'SHIPPED';

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
  /** Creates a product; CONFLICT naming input.sku when the SKU is taken. */
  createProduct: Product;
  /** Deletes a product softly: it disappears from the catalogue, lookups and references (orders keep its id) and can be restored; its SKU stays taken. CONFLICT when deleted already. */
  deleteProduct: Product;
  /** Records that a shipped shipment reached the customer (CONFLICT unless it is SHIPPED). */
  markDelivered: Shipment;
  /** Records that a planned shipment left with the courier (CONFLICT unless it is PLANNED). */
  markShipped: Shipment;
  /** Restores a deleted product to the catalogue (admins, directors, the warehouse; FORBIDDEN for others, CONFLICT when it is not deleted). */
  restoreProduct: Product;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationDeleteProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkDeliveredArgs = {
  shipmentId: Scalars['ID']['input'];
};


export type MutationMarkShippedArgs = {
  shipmentId: Scalars['ID']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type MutationRestoreProductArgs = {
  id: Scalars['ID']['input'];
};

/** Where a page of a list ends, for keyset pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Something the business sells and ships: a code (SKU), a name, a unit of measure and a list price. */
export type Product = {
  __typename?: 'Product';
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the product was deleted from the catalogue; null unless deleted (only deleteProduct answers with a deleted one). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every recorded change to this product, newest first; visible to whoever may see the product. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Price of one unit before any discount. */
  listPrice: Money;
  /** Display name, e.g. "Centrifugal pump 200 l/min". */
  name: Scalars['String']['output'];
  /** Stock keeping unit: the product's unique code, upper-case, e.g. PUMP-200. */
  sku: Scalars['String']['output'];
  /** Unit of measure the product is counted in, e.g. pcs, kg, m. */
  unit: Scalars['String']['output'];
};


/** Something the business sells and ships: a code (SKU), a name, a unit of measure and a list price. */
export type ProductHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of products, ordered by name. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products on this page with their cursors. */
  edges: Array<ProductEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One product in a page. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque cursor of this product. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** Narrows a product list; all given criteria must hold. */
export type ProductFilter = {
  /** Case-insensitive substring of the name or the SKU. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** The inventory service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  inventoryEventBus: EventBusStatus;
  /** One product by id; NOT_FOUND when no such product exists or it was deleted. */
  product: Product;
  /** Products ordered by name, filtered, paged by cursor (`first` at most 100). */
  products: ProductConnection;
  /** One shipment by id; NOT_FOUND when no such shipment exists or the caller may not see it. */
  shipment: Shipment;
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShipmentArgs = {
  id: Scalars['ID']['input'];
};

/** A customer's confirmed order, numbered SO-000001, …; fulfilled by inventory, billed by finance. */
export type SalesOrder = {
  __typename?: 'SalesOrder';
  /** How far the order's delivery has come, with its shipments: only those the caller may see (NOT_PLANNED with none for a role that sees no shipments). */
  delivery: Delivery;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/** A shipping notice: the goods of one sales order to be sent to the customer, tracked until delivered. */
export type Shipment = {
  __typename?: 'Shipment';
  /** The customer the goods go to. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** When the customer received the goods; null until delivered. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every recorded change to this shipment (planned, shipped, delivered), newest first; visible to whoever may see the shipment. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The sales order the shipment fulfils, resolved by the sales subgraph; null when the caller may not see it (so one such reference never blanks a list). */
  order?: Maybe<SalesOrder>;
  /** The id of the sales order the shipment fulfils. */
  orderId: Scalars['ID']['output'];
  /** When the shipping notice was raised. */
  plannedAt: Scalars['DateTime']['output'];
  /** When the goods left the warehouse; null until shipped. */
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How far the shipment has come. */
  status: ShipmentStatus;
  /** The courier's tracking number; null until shipped. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
};


/** A shipping notice: the goods of one sales order to be sent to the customer, tracked until delivered. */
export type ShipmentHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How far a shipment has come; it only moves forward. */
export type ShipmentStatus =
  /** Received by the customer. */
  | 'DELIVERED'
  /** The shipping notice is raised; the goods are still in the warehouse. */
  | 'PLANNED'
  /** Handed to the courier. */
  | 'SHIPPED';

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
  Product: Product;
  SalesOrder: SalesOrder;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  SalesOrder:
    ( { __typename: 'SalesOrder' }
    & GraphQLRecursivePick<FederationTypes['SalesOrder'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<IAuditEntryModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateProductInput: CreateProductInput;
  Customer: ResolverTypeWrapper<Customer>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<DeadLetter>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Delivery: ResolverTypeWrapper<Omit<Delivery, 'shipments'> & { shipments: Array<ResolversTypes['Shipment']> }>;
  DeliveryStatus: DeliveryStatus;
  EventBusStatus: ResolverTypeWrapper<EventBusStatus>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  EventConsumerStatus: ResolverTypeWrapper<EventConsumerStatus>;
  EventFailureKind: EventFailureKind;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<IProductModel>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFilter: ProductFilter;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SalesOrder: ResolverTypeWrapper<SalesOrderRefModel>;
  Shipment: ResolverTypeWrapper<IShipmentModel>;
  ShipmentStatus: ShipmentStatus;
  TopicLag: ResolverTypeWrapper<TopicLag>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: IAuditEntryModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CreateProductInput: CreateProductInput;
  Customer: Customer;
  DateTime: Scalars['DateTime']['output'];
  DeadLetter: DeadLetter;
  Int: Scalars['Int']['output'];
  Delivery: Omit<Delivery, 'shipments'> & { shipments: Array<ResolversParentTypes['Shipment']> };
  EventBusStatus: EventBusStatus;
  Boolean: Scalars['Boolean']['output'];
  EventConsumerStatus: EventConsumerStatus;
  FieldChange: FieldChange;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Product: IProductModel;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFilter: ProductFilter;
  Query: Record<PropertyKey, never>;
  SalesOrder: SalesOrderRefModel;
  Shipment: IShipmentModel;
  TopicLag: TopicLag;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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

export type DeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Delivery'] = ResolversParentTypes['Delivery']> = {
  shipments?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeliveryStatus'], ParentType, ContextType>;
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

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  deleteProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationDeleteProductArgs, 'id'>>;
  markDelivered?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<MutationMarkDeliveredArgs, 'shipmentId'>>;
  markShipped?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<MutationMarkShippedArgs, 'shipmentId' | 'trackingNumber'>>;
  restoreProduct?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationRestoreProductArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<ProductHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  listPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  inventoryEventBus?: Resolver<ResolversTypes['EventBusStatus'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, Partial<QueryProductsArgs>>;
  shipment?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType, RequireFields<QueryShipmentArgs, 'id'>>;
};

export type SalesOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SalesOrder'] = ResolversParentTypes['SalesOrder'], FederationReferenceType extends FederationReferenceTypes['SalesOrder'] = FederationReferenceTypes['SalesOrder']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SalesOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  delivery?: Resolver<ResolversTypes['Delivery'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ShipmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<ShipmentHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['SalesOrder']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  plannedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shippedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  Delivery?: DeliveryResolvers<ContextType>;
  EventBusStatus?: EventBusStatusResolvers<ContextType>;
  EventConsumerStatus?: EventConsumerStatusResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SalesOrder?: SalesOrderResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  TopicLag?: TopicLagResolvers<ContextType>;
};

