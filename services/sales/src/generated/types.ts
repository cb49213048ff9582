export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
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
  /** The customer's opportunities that are still open, newest first; empty when the caller may not see them. */
  openOpportunities: Array<Opportunity>;
  /** The customer's confirmed orders not yet completed or cancelled, newest first; empty when the caller may not see them. */
  openOrders: Array<SalesOrder>;
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
  /** Cancels a confirmed order (CONFLICT when it is already cancelled or completed). */
  cancelOrder: SalesOrder;
  /** Deletes an opportunity softly: it disappears from every list, lookup and customer's open deals and can be restored (NOT_FOUND when the caller may not see it, CONFLICT when deleted already). */
  deleteOpportunity: Opportunity;
  /** Moves an open opportunity to another stage; the Won or Lost stage closes it with that status (CONFLICT once closed). */
  moveOpportunity: Opportunity;
  /** Opens an opportunity for a customer the caller may see (NOT_FOUND otherwise) and announces it with `sales.opportunity.opened.v1`. */
  openOpportunity: Opportunity;
  /** Places a confirmed order for a customer the caller may see (NOT_FOUND otherwise) with its totals computed exactly, and announces it with `sales.order.confirmed.v1`. */
  placeOrder: SalesOrder;
  /** Restores a deleted opportunity (admins, directors, team heads within their customers; FORBIDDEN for others, CONFLICT when it is not deleted). */
  restoreOpportunity: Opportunity;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMoveOpportunityArgs = {
  id: Scalars['ID']['input'];
  stageId: Scalars['ID']['input'];
};


export type MutationOpenOpportunityArgs = {
  input: OpenOpportunityInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationRestoreOpportunityArgs = {
  id: Scalars['ID']['input'];
};

/** What a new opportunity needs. */
export type OpenOpportunityInput = {
  /** The expected value of the deal; not negative. */
  amount: MoneyInput;
  /** The customer the deal is with. */
  customerId: Scalars['ID']['input'];
  /** When the rep expects to close the deal, as an ISO 8601 date (YYYY-MM-DD). */
  expectedCloseDate?: InputMaybe<Scalars['String']['input']>;
  /** The stage to start in; defaults to the pipeline's first stage. Must not be a closing stage. */
  stageId?: InputMaybe<Scalars['ID']['input']>;
  /** Short name of the deal (1–200 characters). */
  title: Scalars['String']['input'];
};

/** A potential deal with a customer, moving through the pipeline's stages until it is won or lost. */
export type Opportunity = {
  __typename?: 'Opportunity';
  /** The expected value of the deal. */
  amount: Money;
  /** When the deal was won or lost; null while open. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the opportunity was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer the deal is with. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** When the opportunity was deleted; null unless deleted (only deleteOpportunity answers with a deleted one). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the rep expects to close the deal, as an ISO 8601 date (YYYY-MM-DD); null when unknown. */
  expectedCloseDate?: Maybe<Scalars['String']['output']>;
  /** Every recorded change to this opportunity, newest first; visible to whoever may see the opportunity. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The pipeline stage the deal stands in. */
  stage: PipelineStage;
  /** Whether the deal is still open, won or lost. */
  status: OpportunityStatus;
  /** Short name of the deal, e.g. "Pumps for the new plant". */
  title: Scalars['String']['output'];
};


/** A potential deal with a customer, moving through the pipeline's stages until it is won or lost. */
export type OpportunityHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of opportunities, newest first. */
export type OpportunityConnection = {
  __typename?: 'OpportunityConnection';
  /** The opportunities on this page with their cursors. */
  edges: Array<OpportunityEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One opportunity in a page. */
export type OpportunityEdge = {
  __typename?: 'OpportunityEdge';
  /** Opaque cursor of this opportunity. */
  cursor: Scalars['String']['output'];
  /** The opportunity. */
  node: Opportunity;
};

/** Narrows an opportunity list; all given criteria must hold. */
export type OpportunityFilter = {
  /** Only this customer's opportunities. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only opportunities with this status. */
  status?: InputMaybe<OpportunityStatus>;
};

/** Where an opportunity stands. */
export type OpportunityStatus =
  /** Reached the Lost stage. */
  | 'LOST'
  /** Still being worked on. */
  | 'OPEN'
  /** Reached the Won stage. */
  | 'WON';

/** Where a page of a list ends, for keyset pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * One step of the sales pipeline (Qualification, Needs analysis, Proposal, Negotiation, Won, Lost),
 * with the probability of winning a deal that stands in it.
 */
export type PipelineStage = {
  __typename?: 'PipelineStage';
  /** Whether reaching this stage closes the opportunity (Won or Lost). */
  closing: Scalars['Boolean']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. Proposal. */
  name: Scalars['String']['output'];
  /** Order of the stage in the pipeline, from 1. */
  position: Scalars['Int']['output'];
  /** Probability of winning, in percent (0–100), used to weight the forecast. */
  probability: Scalars['Int']['output'];
};

/** What a new order needs. */
export type PlaceOrderInput = {
  /** ISO 4217 code of the order's currency; every line's unit price must be in it. */
  currency: Scalars['String']['input'];
  /** The customer who orders. */
  customerId: Scalars['ID']['input'];
  /** The products ordered; at least one. */
  lines: Array<SalesOrderLineInput>;
};

/** Something the business sells and ships: a code (SKU), a name, a unit of measure and a list price. */
export type Product = {
  __typename?: 'Product';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The opportunities the caller may see (reps and team heads: their customers' only), newest first, filtered, paged by cursor (`first` at most 100). */
  opportunities: OpportunityConnection;
  /** One opportunity by id; NOT_FOUND when no such opportunity exists or the caller may not see it (FORBIDDEN for roles outside sales). */
  opportunity: Opportunity;
  /** The stages of the sales pipeline, in pipeline order. */
  pipelineStages: Array<PipelineStage>;
  /** The sales service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  salesEventBus: EventBusStatus;
  /** One sales order by id; NOT_FOUND when no such order exists or the caller may not see it. */
  salesOrder: SalesOrder;
  /** The sales orders the caller may see (reps and team heads: their customers' only), newest first, filtered, paged by cursor (`first` at most 100). */
  salesOrders: SalesOrderConnection;
};


export type QueryOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OpportunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySalesOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySalesOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SalesOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A customer's confirmed order, numbered SO-000001, …; fulfilled by inventory, billed by finance. */
export type SalesOrder = {
  __typename?: 'SalesOrder';
  /** When the order was cancelled; null unless cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When inventory reported the order's goods delivered, completing it; null until then. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the order was confirmed. */
  confirmedAt: Scalars['DateTime']['output'];
  /** The customer who ordered. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** Every recorded change to this order (placing, cancelling, …), newest first; visible to whoever may see the order. Orders are cancelled, never deleted. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The products ordered, in the order they were entered. */
  lines: Array<SalesOrderLine>;
  /** Human-readable order number, e.g. SO-000042, from a gap-tolerant sequence. */
  number: Scalars['String']['output'];
  /** Where the order stands. */
  status: SalesOrderStatus;
  /** The sum of the line totals, in the order's currency. */
  total: Money;
};


/** A customer's confirmed order, numbered SO-000001, …; fulfilled by inventory, billed by finance. */
export type SalesOrderHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of sales orders, newest first. */
export type SalesOrderConnection = {
  __typename?: 'SalesOrderConnection';
  /** The orders on this page with their cursors. */
  edges: Array<SalesOrderEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One sales order in a page. */
export type SalesOrderEdge = {
  __typename?: 'SalesOrderEdge';
  /** Opaque cursor of this order. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: SalesOrder;
};

/** Narrows a sales order list; all given criteria must hold. */
export type SalesOrderFilter = {
  /** Only this customer's orders. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only orders with this status. */
  status?: InputMaybe<SalesOrderStatus>;
};

/** One product on a sales order. */
export type SalesOrderLine = {
  __typename?: 'SalesOrderLine';
  /** quantity × unit price, exact, rounded half up to four decimals. */
  lineTotal: Money;
  /** The product ordered, resolved by the inventory subgraph; null once the product has been deleted from the catalogue (productId still names it). */
  product?: Maybe<Product>;
  /** The product ordered (owned by the inventory subgraph). */
  productId: Scalars['ID']['output'];
  /** How many units, as a decimal string with up to three decimals, e.g. "2.5". */
  quantity: Scalars['String']['output'];
  /** Price of one unit, in the order's currency. */
  unitPrice: Money;
};

/** One product on a new order. */
export type SalesOrderLineInput = {
  /** The product ordered. */
  productId: Scalars['ID']['input'];
  /** How many units: a decimal string greater than zero with up to three decimals, e.g. "2.5". */
  quantity: Scalars['String']['input'];
  /** Price of one unit, in the order's currency; not negative. */
  unitPrice: MoneyInput;
};

/** Where a sales order stands. */
export type SalesOrderStatus =
  /** Cancelled before completion. */
  | 'CANCELLED'
  /** Fulfilled: inventory reported its goods delivered. */
  | 'COMPLETED'
  /** Confirmed and to be fulfilled. */
  | 'CONFIRMED';

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};
