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

/** What a new supplier needs. */
export type CreateSupplierInput = {
  /** ISO 4217 code of the currency the supplier bills in, e.g. EUR. */
  currency: Scalars['String']['input'];
  /** Email address for orders and remittances. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Trading name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Days after the invoice date by which payment is due (0–365); defaults to 30. */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Main phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
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
  /** Creates a supplier. */
  createSupplier: Supplier;
  /** Deletes a supplier softly: it disappears from the list and lookups, references to it resolve to null, and it can be restored; CONFLICT when already deleted. */
  deleteSupplier: Supplier;
  /** Restores a deleted supplier (admins, directors, buyers); CONFLICT when it is not deleted. */
  restoreSupplier: Supplier;
};


export type MutationCreateSupplierArgs = {
  input: CreateSupplierInput;
};


export type MutationDeleteSupplierArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreSupplierArgs = {
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

export type Query = {
  __typename?: 'Query';
  /** The purchasing service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  purchasingEventBus: EventBusStatus;
  /** One supplier by id; NOT_FOUND when no such supplier exists. */
  supplier: Supplier;
  /** Suppliers ordered by name, filtered, paged by cursor (`first` at most 100). */
  suppliers: SupplierConnection;
};


export type QuerySupplierArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySuppliersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupplierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A company the business buys goods from. Owned by the purchasing subgraph. */
export type Supplier = {
  __typename?: 'Supplier';
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** ISO 4217 code of the currency the supplier bills in, e.g. EUR. */
  currency: Scalars['String']['output'];
  /** When the supplier was deleted; null unless deleted (deleted suppliers are only seen when deleting or restoring them). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Email address for orders and remittances, lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  /** Every recorded change to this supplier, newest first; visible to whoever may see the supplier. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The supplier's trading name. */
  name: Scalars['String']['output'];
  /** Days after the invoice date by which the supplier expects payment (0 = on receipt). */
  paymentTermsDays: Scalars['Int']['output'];
  /** Main phone number as entered. */
  phone?: Maybe<Scalars['String']['output']>;
};


/** A company the business buys goods from. Owned by the purchasing subgraph. */
export type SupplierHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of suppliers, ordered by name. */
export type SupplierConnection = {
  __typename?: 'SupplierConnection';
  /** The suppliers on this page with their cursors. */
  edges: Array<SupplierEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One supplier in a page. */
export type SupplierEdge = {
  __typename?: 'SupplierEdge';
  /** Opaque cursor of this supplier. */
  cursor: Scalars['String']['output'];
  /** The supplier. */
  node: Supplier;
};

/** Narrows a supplier list; all given criteria must hold. */
export type SupplierFilter = {
  /** Case-insensitive substring of the name or the email. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};
