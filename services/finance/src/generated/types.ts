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
