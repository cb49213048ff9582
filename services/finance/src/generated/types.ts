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

/** What is owed on open invoices in one currency, by days past the due date. */
export type AgeingBucketRow = {
  __typename?: 'AgeingBucketRow';
  /** The currency, ISO 4217. */
  currency: Scalars['String']['output'];
  /** Not yet due. */
  current: Money;
  /** 1 to 30 days past due. */
  days1To30: Money;
  /** 31 to 60 days past due. */
  days31To60: Money;
  /** 61 to 90 days past due. */
  days61To90: Money;
  /** How many open invoices. */
  invoiceCount: Scalars['Int']['output'];
  /** More than 90 days past due. */
  over90: Money;
  /** All of it. */
  total: Money;
};

/** Allocating what a payment still holds. */
export type AllocatePaymentInput = {
  /** The allocation date, ISO 8601; today by default. */
  allocatedOn?: InputMaybe<Scalars['String']['input']>;
  /** The invoices and amounts; together no more than the payment still holds. */
  allocations: Array<AllocationInput>;
  /** The payment. */
  paymentId: Scalars['ID']['input'];
};

/** Part of a payment or of a credit note settling an invoice. */
export type Allocation = {
  __typename?: 'Allocation';
  /** The date it was allocated, ISO 8601. */
  allocatedOn: Scalars['String']['output'];
  /** The amount settled, in the invoice's currency. */
  amount: Money;
  /** The credit note, when a credit note settled it. */
  creditNote?: Maybe<CreditNote>;
  /** The realised exchange difference in the base currency, recorded when allocated: sourceAmount at the payment's rate to base less amount at the invoice's rate to base, each half up at the base's minor unit (positive a gain, negative a loss); zero when both are in base or at one rate; null for a credit note's allocation or when either document has no rate. */
  exchangeDifference?: Maybe<Money>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The invoice settled. */
  invoice?: Maybe<Invoice>;
  /** The payment, when a payment settled it. */
  payment?: Maybe<Payment>;
  /** The rate from the payment's currency to the invoice's on the day the payment was received (the pair's, its reverse's inverted, or the cross rate through the base currency; up to 10 places) that converted sourceAmount into amount; null when both are in one currency. */
  rate?: Maybe<Scalars['String']['output']>;
  /** What was taken from the payment or credit note, in its currency (equal to amount when both are in one currency). */
  sourceAmount: Money;
};

/** Part of a payment to allocate to an invoice. */
export type AllocationInput = {
  /** The amount taken from the payment, a decimal string in the PAYMENT's currency (whole minor units). For an invoice in another currency it settles this amount converted at the rate of the payment's day (half up at the invoice currency's minor unit; BAD_USER_INPUT RATE_MISSING naming this field without a rate). It may settle no more than the invoice owes (MORE_THAN_OWED), except that the least amount covering the balance settles exactly the balance; together the allocations take no more than the payment holds (MORE_THAN_PAYMENT). */
  amount: Scalars['String']['input'];
  /** The invoice (same customer; any currency). */
  invoiceId: Scalars['ID']['input'];
};

/** The rate that applies between two currencies on a day. */
export type AppliedRate = {
  __typename?: 'AppliedRate';
  /** The currency converted from. */
  fromCurrency: Scalars['String']['output'];
  /** True when a reverse pair's rate was inverted (1 / rate, half up at 10 places), also as one leg of a cross rate. */
  inverted: Scalars['Boolean']['output'];
  /** One unit of fromCurrency in toCurrency, up to 10 places. */
  rate: Scalars['String']['output'];
  /** The currency converted to. */
  toCurrency: Scalars['String']['output'];
  /** The day of the rate used (the latest on or before the day asked; of a cross rate through the base currency, the older of its two); null for a currency to itself. */
  validOn?: Maybe<Scalars['String']['output']>;
};

/** Applying what a credit note holds to another invoice. */
export type ApplyCreditNoteInput = {
  /** The amount, a decimal string. */
  amount: Scalars['String']['input'];
  /** The credit note. */
  creditNoteId: Scalars['ID']['input'];
  /** An open invoice of the same customer and currency. */
  invoiceId: Scalars['ID']['input'];
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

/** What an expense claim needs: a customer, an order of a customer, or both. */
export type CreateExpenseInput = {
  /** The amount, greater than zero. */
  amount: MoneyInput;
  /** What kind of expense. */
  category: ExpenseCategory;
  /** The customer it was spent on (left out: the order's). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** What was spent on what (at most 500 characters). */
  description: Scalars['String']['input'];
  /** The day it was spent, ISO 8601; not in the future, nor longer ago than the claim period (expenseClaimPeriod). */
  expenseDate: Scalars['String']['input'];
  /** The order it was spent on, a confirmed order finance knows. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** The receipt's reference (at most 200 characters). */
  receiptReference?: InputMaybe<Scalars['String']['input']>;
};

/** A customer's credit hold: put on when a reminder at the last dunning level goes out, taken off when every invoice that reached that level is settled or an accountant releases it. Sales warns when an order is placed for a customer on hold. */
export type CreditHold = {
  __typename?: 'CreditHold';
  /** True while the customer is on hold. */
  onHold: Scalars['Boolean']['output'];
  /** Why it is on hold ("INV-2026-000012 reached reminder level 3"); null once released. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Why it was taken off: the accountant's comment, or that every invoice at the last level is settled. */
  releaseComment?: Maybe<Scalars['String']['output']>;
  /** When it was last taken off, ISO 8601; null while it never was. */
  releasedAt?: Maybe<Scalars['String']['output']>;
  /** When it went on hold, ISO 8601; null once released. */
  since?: Maybe<Scalars['String']['output']>;
};

/** A correction of an issued invoice (a return, cancelled goods, a price correction): applied to the invoice's balance, the rest held as the customer's credit until refunded or applied to another invoice. */
export type CreditNote = {
  __typename?: 'CreditNote';
  /** Applied to invoices. */
  applied: Money;
  /** The gross total in the base currency at rateToBase; null without a rate. */
  baseGrossTotal?: Maybe<Money>;
  /** The customer credited. */
  customer?: Maybe<Customer>;
  /** The amount credited. */
  grossTotal: Money;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The invoice corrected. */
  invoice?: Maybe<Invoice>;
  /** The date it was issued, ISO 8601. */
  issueDate: Scalars['String']['output'];
  /** What was credited, line by line. */
  lines: Array<CreditNoteLine>;
  /** Net credited, before tax. */
  netTotal: Money;
  /** Numbered without gaps per year: CN-2026-000001. */
  number: Scalars['String']['output'];
  /** The order of the invoice, if any. */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** Where the gateway serves this credit note as a PDF (GET with the bearer token). */
  pdfPath: Scalars['String']['output'];
  /** The rate of the credit note's currency to the base currency on its issue date (up to 10 places); null when no rate was set then. */
  rateToBase?: Maybe<Scalars['String']['output']>;
  /** Why it was issued. */
  reason: CreditNoteReason;
  /** Paid back to the customer. */
  refunded: Money;
  /** Tax credited. */
  taxTotal: Money;
  /** Still held for the customer: gross less applied and refunded. */
  unapplied: Money;
};

/** A page of credit notes, newest first. */
export type CreditNoteConnection = {
  __typename?: 'CreditNoteConnection';
  /** The credit notes on this page. */
  edges: Array<CreditNoteEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One credit note in a page. */
export type CreditNoteEdge = {
  __typename?: 'CreditNoteEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The credit note. */
  node: CreditNote;
};

/** Narrows a credit note list. */
export type CreditNoteFilter = {
  /** Only this customer's. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those against this invoice. */
  invoiceId?: InputMaybe<Scalars['ID']['input']>;
};

/** A line of a credit note. */
export type CreditNoteLine = {
  __typename?: 'CreditNoteLine';
  /** What was credited. */
  description: Scalars['String']['output'];
  /** The invoice line corrected. */
  invoiceLineId?: Maybe<Scalars['ID']['output']>;
  /** The net credited, half up at the minor unit. */
  netAmount: Money;
  /** The order line, if any. */
  orderLineId?: Maybe<Scalars['ID']['output']>;
  /** The quantity credited (three places). */
  quantity: Scalars['String']['output'];
  /** Whether the quantity was taken back (returns, cancellations), not only its price corrected. */
  returnsQuantity: Scalars['Boolean']['output'];
  /** The price per unit credited. */
  unitPrice: Money;
};

/** A line of an invoice to credit. */
export type CreditNoteLineInput = {
  /** The invoice line. */
  invoiceLineId: Scalars['ID']['input'];
  /** How much (three places): taken back, or the quantity a price correction applies to. */
  quantity: Scalars['String']['input'];
  /** For a price correction: the amount per unit to credit; left out, the line's price (the quantity is taken back). */
  unitPrice?: InputMaybe<Scalars['String']['input']>;
};

/** Why a credit note was issued. */
export type CreditNoteReason =
  /** Invoiced goods that will not be delivered (an order cancelled). */
  | 'CANCELLATION'
  /** Anything else. */
  | 'OTHER'
  /** The price billed was too high. */
  | 'PRICE_CORRECTION'
  /** Goods came back. */
  | 'RETURN';

/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type Customer = {
  __typename?: 'Customer';
  /** What the customer has with us to apply to invoices or refund, one amount per currency: payments not yet allocated (advances, over-payments) and credit notes not yet applied or refunded; empty when none or when the caller may not see it. */
  credit: Array<Money>;
  /** The customer's credit hold (also after it was released); null when never on hold or when the caller may not see the customer's invoices. */
  creditHold?: Maybe<CreditHold>;
  /** Whether dunning is blocked for this customer, and why; null when not blocked or when the caller may not see it. */
  dunningBlock?: Maybe<DunningBlock>;
  /** The approved expenses spent on this customer that the caller may see, latest first; empty for those who may not see expenses. */
  expenses: ExpenseConnection;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What the customer owes past its due dates: totals per currency and the overdue invoices, oldest due first; empty when the caller may not see them. */
  overdueReceivables: Receivables;
};


/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type CustomerExpensesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A decision on a submitted expense. */
export type DecideExpenseInput = {
  /** Why; required on a rejection. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Approve or reject. */
  decision: ExpenseDecision;
  /** The expense. */
  expenseId: Scalars['ID']['input'];
};

/** A delivered order line and how much of it to invoice. */
export type DeliveredLineInput = {
  /** The sales order line. */
  orderLineId: Scalars['ID']['input'];
  /** How much, up to what was delivered (or, on the ORDERED basis, ordered) and not invoiced (three places). */
  quantity: Scalars['String']['input'];
};

/** A customer blocked from dunning: no reminders go out for their invoices. */
export type DunningBlock = {
  __typename?: 'DunningBlock';
  /** When it was blocked, ISO 8601. */
  blockedAt: Scalars['String']['output'];
  /** Why (a dispute, an arrangement). */
  reason: Scalars['String']['output'];
};

/** A step of the dunning procedure: level N goes out once an invoice is daysAfterDue days overdue and level N − 1 was sent for it. */
export type DunningLevel = {
  __typename?: 'DunningLevel';
  /** Days after the invoice's due date from which this level is sent. */
  daysAfterDue: Scalars['Int']['output'];
  /** The fee charged with this reminder, as a decimal string in each invoice's currency (half up at its minor unit); "0" when none. It is owed as an invoice of kind FEE. */
  fee: Scalars['String']['output'];
  /** The tax rate on the fee, in percent ("0" when tax-free, the default). */
  feeTaxRate: Scalars['String']['output'];
  /** 1 for the first reminder, 2 for the second, … */
  level: Scalars['Int']['output'];
  /** The wording of the reminder letter. */
  text: Scalars['String']['output'];
};

/** A level of the dunning procedure, in order. */
export type DunningLevelInput = {
  /** Days after the due date from which this level is sent: at least 1, and more than the level before. */
  daysAfterDue: Scalars['Int']['input'];
  /** The fee charged with it, a non-negative decimal string with at most two places (in each invoice's currency, rounded half up to its minor unit); none when absent. */
  fee?: InputMaybe<Scalars['String']['input']>;
  /** The tax rate on the fee in percent (0–100, up to four places); tax-free when absent. */
  feeTaxRate?: InputMaybe<Scalars['String']['input']>;
  /** The wording of the reminder letter. */
  text: Scalars['String']['input'];
};

/** A reminder a dunning run would send now: what dunningProposal lists for runDunning. */
export type DunningProposalItem = {
  __typename?: 'DunningProposalItem';
  /** The customer to remind. */
  customer: Customer;
  /** Days past the due date as of the proposal's day. */
  daysOverdue: Scalars['Int']['output'];
  /** The invoice's due date, ISO 8601. */
  dueDate: Scalars['String']['output'];
  /** The fee the reminder would charge (tax included; none on a fee invoice). */
  fee: Money;
  /** The overdue invoice; null when the caller may not see it. */
  invoice?: Maybe<Invoice>;
  /** The invoice's number. */
  invoiceNumber: Scalars['String']['output'];
  /** The dunning level it reached. */
  level: Scalars['Int']['output'];
  /** What is still owed on the invoice. */
  openAmount: Money;
  /** The open amount plus the fee. */
  total: Money;
};

/** One dunning run: the reminders it sent. */
export type DunningRun = {
  __typename?: 'DunningRun';
  /** The day it judged overdue by, ISO 8601. */
  asOf: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The reminders it sent, oldest due date first. */
  reminders: Array<Reminder>;
  /** Who started it: the daily schedule or a user. */
  trigger: DunningTrigger;
};

/** Who started a dunning run. */
export type DunningTrigger =
  /** The service's daily run. */
  | 'SCHEDULE'
  /** An accountant, with runDunning. */
  | 'USER';

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

/** What one unit of a currency is worth in another from a day on, as an accountant set it (the rate on a day is the latest on or before it). */
export type ExchangeRate = {
  __typename?: 'ExchangeRate';
  /** The currency priced, ISO 4217. */
  fromCurrency: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** One unit of fromCurrency in toCurrency: a decimal string with up to 10 places. */
  rate: Scalars['String']['output'];
  /** The currency it is priced in, ISO 4217. */
  toCurrency: Scalars['String']['output'];
  /** The first day the rate applies, ISO 8601. */
  validOn: Scalars['String']['output'];
};

/** The rates set, newest day first. */
export type ExchangeRateConnection = {
  __typename?: 'ExchangeRateConnection';
  /** The rates on this page. */
  edges: Array<ExchangeRateEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One rate in a page. */
export type ExchangeRateEdge = {
  __typename?: 'ExchangeRateEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The rate. */
  node: ExchangeRate;
};

/** Narrows the rates listed. */
export type ExchangeRateFilter = {
  /** Only rates priced from this currency. */
  fromCurrency?: InputMaybe<Scalars['String']['input']>;
  /** Only rates priced in this currency. */
  toCurrency?: InputMaybe<Scalars['String']['input']>;
};

/** An expense a user claims back (travel, samples, entertainment), tied to a customer and possibly one of its orders: drafted, submitted, then approved or rejected. */
export type Expense = {
  __typename?: 'Expense';
  /** The amount claimed, exact. */
  amount: Money;
  /** What kind of expense. */
  category: ExpenseCategory;
  /** The user who claims it. */
  claimantId: Scalars['ID']['output'];
  /** The customer it was spent on. */
  customer: Customer;
  /** When it was approved or rejected. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who approved or rejected it. */
  decidedBy?: Maybe<Scalars['ID']['output']>;
  /** Why (required on a rejection). */
  decisionComment?: Maybe<Scalars['String']['output']>;
  /** What was spent on what. */
  description: Scalars['String']['output'];
  /** The day it was spent, ISO 8601. */
  expenseDate: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The order it was spent on, if any. */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** The receipt's reference (number, file name), if any. */
  receiptReference?: Maybe<Scalars['String']['output']>;
  /** Who recorded the payout. */
  reimbursedBy?: Maybe<Scalars['ID']['output']>;
  /** When finance paid it back to the claimant (it stays APPROVED); null until then. */
  reimbursedOn?: Maybe<Scalars['String']['output']>;
  /** The payout's reference (bank transfer, payroll run). */
  reimbursementReference?: Maybe<Scalars['String']['output']>;
  /** Where the claim stands. */
  state: ExpenseState;
  /** When it was submitted for approval. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The claimant's team when claimed; its head approves. */
  teamId?: Maybe<Scalars['ID']['output']>;
};

/** What kind of expense. */
export type ExpenseCategory =
  /** Meals and entertainment of a customer. */
  | 'ENTERTAINMENT'
  /** Anything else. */
  | 'OTHER'
  /** Samples given to a customer. */
  | 'SAMPLES'
  /** Travel: fares, mileage, hotels. */
  | 'TRAVEL';

/** A page of expenses, latest expense date first. */
export type ExpenseConnection = {
  __typename?: 'ExpenseConnection';
  /** The expenses on this page. */
  edges: Array<ExpenseEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** A decision on a submitted expense. */
export type ExpenseDecision =
  /** Approve it. */
  | 'APPROVED'
  /** Reject it (say why). */
  | 'REJECTED';

/** One expense in a page. */
export type ExpenseEdge = {
  __typename?: 'ExpenseEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The expense. */
  node: Expense;
};

/** Narrows an expense list. */
export type ExpenseFilter = {
  /** Only this category. */
  category?: InputMaybe<ExpenseCategory>;
  /** Only this user's claims. */
  claimantId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this customer's. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those of this order. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those in this state (APPROVED for the cost of a customer or order). */
  state?: InputMaybe<ExpenseState>;
};

/** What expense totals are grouped by. */
export type ExpenseGrouping =
  /** Per claimant: what each user spent. */
  | 'CLAIMANT'
  /** Per customer. */
  | 'CUSTOMER'
  /** Per order: the cost of sale (expenses without an order are left out). */
  | 'ORDER';

/** Where an expense claim stands. */
export type ExpenseState =
  /** Approved: a cost of the customer (and order). */
  | 'APPROVED'
  /** Recorded by its claimant, not yet submitted. */
  | 'DRAFT'
  /** Rejected, with the reason. */
  | 'REJECTED'
  /** Waiting for the team head's or finance's decision. */
  | 'SUBMITTED';

/** What was spent per claimant, customer or order, in one currency. */
export type ExpenseTotal = {
  __typename?: 'ExpenseTotal';
  /** How many expenses. */
  count: Scalars['Int']['output'];
  /** The claimant's, customer's or order's id. */
  key: Scalars['ID']['output'];
  /** Their exact sum. */
  total: Money;
};

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

/** A line of an invoice not tied to an order. */
export type FreeInvoiceLineInput = {
  /** What is billed. */
  description: Scalars['String']['input'];
  /** Discount in percent (0–100, up to four places); 0 by default. */
  discountPercent?: InputMaybe<Scalars['String']['input']>;
  /** The product billed, if any. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** How much (three places). */
  quantity: Scalars['String']['input'];
  /** Tax rate in percent; 0 by default. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  /** The price of one unit, e.g. "120.50". */
  unitPrice: Scalars['String']['input'];
};

/** Many rates at once, all or nothing. */
export type ImportExchangeRatesInput = {
  /** The rates (at most 10,000); an error names the row (rows[i], counted from 0 after any header) and its field. */
  body: Scalars['String']['input'];
  /** How the body is written. */
  format: RateImportFormat;
};

/** A bill sent to a customer, in one currency, paid off by payments. Owned by the finance subgraph. */
export type Invoice = {
  __typename?: 'Invoice';
  /** Every payment and credit note that settled part of the invoice, oldest first. */
  allocations: Array<Allocation>;
  /** The sum of credit notes applied to the invoice, in its currency. */
  amountCredited: Money;
  /** The sum of the payments allocated to the invoice, in its currency. */
  amountPaid: Money;
  /** What is still owed: total minus amountPaid minus amountCredited, exact. */
  balance: Money;
  /** The total in the base currency at rateToBase, half up at its minor unit; null without a rate. */
  baseTotal?: Maybe<Money>;
  /** The credit notes issued against the invoice, oldest first. */
  creditNotes: Array<CreditNote>;
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
  /** What the invoice bills: delivered order lines, an advance on an order, or lines not tied to an order. */
  kind: InvoiceKind;
  /** What was billed, line by line, in the order given. */
  lines: Array<InvoiceLine>;
  /** The sum of the lines' nets, before tax. */
  netTotal: Money;
  /** Human-friendly number, unique and without gaps per year: INV-2026-000001 (invoices from before numbering per year keep their INV-000042). */
  number: Scalars['String']['output'];
  /** The sales order this invoice bills (an order may have several invoices); null for an invoice not tied to an order. */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** Whether something is still owed after the due date: balance above zero and dueDate before today (UTC). */
  overdue: Scalars['Boolean']['output'];
  /** The days between issue and due date the invoice was issued with; null when the due date was given instead. */
  paymentTermsDays?: Maybe<Scalars['Int']['output']>;
  /** Where the gateway serves this invoice as a PDF (GET with the bearer token), printed from the issued invoice. */
  pdfPath: Scalars['String']['output'];
  /** The rate of the invoice's currency to the base currency on its issue date (up to 10 places); null when no rate was set then (issued before rates existed). */
  rateToBase?: Maybe<Scalars['String']['output']>;
  /** Where the invoice stands in being paid. */
  status: InvoiceStatus;
  /** The sum of the tax per rate. */
  taxTotal: Money;
  /** The totals per tax rate, lowest rate first: net of the lines at that rate and the tax on it (half up at the currency's minor unit). */
  taxes: Array<InvoiceTaxTotal>;
  /** The amount billed: netTotal + taxTotal (the gross). */
  total: Money;
};


/** A bill sent to a customer, in one currency, paid off by payments. Owned by the finance subgraph. */
export type InvoiceHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What an order invoice may bill of each line. */
export type InvoiceBasis =
  /** What was delivered, less returned, not yet invoiced (the default). */
  | 'DELIVERED'
  /** What was ordered and not cancelled, less returned, not yet invoiced, before delivery: a prepayment (Odoo's invoice policy "ordered quantities"). */
  | 'ORDERED';

/** A page of invoices, newest issue date first. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices on this page with their cursors. */
  edges: Array<InvoiceEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** What invoicing the delivered part of an order needs. */
export type InvoiceDeliveredLinesInput = {
  /** DELIVERED (default): bill what was delivered; ORDERED: bill what was ordered and not cancelled, before delivery (prepayment). Either way nothing is billed twice. */
  basis?: InputMaybe<InvoiceBasis>;
  /** true: deduct the order's advance invoices paid in full (not yet deducted) as negative lines, up to the net of the goods invoiced now. */
  deductAdvances?: InputMaybe<Scalars['Boolean']['input']>;
  /** The due date, ISO 8601; defaults to the issue date + paymentTermsDays. */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  /** The issue date, ISO 8601; defaults to today (UTC). */
  issueDate?: InputMaybe<Scalars['String']['input']>;
  /** The lines and quantities to bill; left out: everything invoiceable on the basis and not yet invoiced. */
  lines?: InputMaybe<Array<DeliveredLineInput>>;
  /** The confirmed order (finance knows it from sales' event). */
  orderId: Scalars['ID']['input'];
  /** Payment terms in days (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
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
  /** Only invoices of this order. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** true: only overdue invoices; false: only those not overdue. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only invoices in this status. */
  status?: InputMaybe<InvoiceStatus>;
};

/** What an invoice bills. */
export type InvoiceKind =
  /** A down payment on a confirmed order. */
  | 'ADVANCE'
  /** A reminder's fee, owed like any invoice (numbered FEE-YYYY-NNNNNN, issued with the reminder that charged it); dunned, but never charged a further fee. */
  | 'FEE'
  /** Lines not tied to an order (services, fees). */
  | 'FREE'
  /** An amount still open from the previous system when moving to Rapport (numbered OB-YYYY-NNNNNN, not an invoice of ours): paid, aged and dunned like one. */
  | 'OPENING_BALANCE'
  /** Order lines: what was delivered, or (basis ORDERED) what was ordered, paid in advance. */
  | 'STANDARD';

/** A line of an issued invoice. */
export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  /** What the order line was billed on: DELIVERED (shipped) or ORDERED (a prepayment); null on lines of no order line. A return credits at once what was billed as delivered and came back. */
  basis?: Maybe<InvoiceBasis>;
  /** The advance invoice this line deducts, on a final invoice; null otherwise. */
  deductsInvoice?: Maybe<Invoice>;
  /** What was billed. */
  description: Scalars['String']['output'];
  /** The discount in percent, e.g. "5". */
  discountPercent: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** quantity × unitPrice less the discount, before tax, half up at the currency's minor unit (negative on a line deducting an advance). */
  netAmount: Money;
  /** The sales order line it bills; null on advance and free invoices. */
  orderLineId?: Maybe<Scalars['ID']['output']>;
  /** 1 for the first line. */
  position: Scalars['Int']['output'];
  /** The product billed, if any. */
  productId?: Maybe<Scalars['ID']['output']>;
  /** How much, a decimal with up to three places. */
  quantity: Scalars['String']['output'];
  /** The tax rate in percent, e.g. "19". */
  taxRate: Scalars['String']['output'];
  /** The price of one unit, before discount and tax. */
  unitPrice: Money;
};

/** How far an invoice has been settled (derived from its payments and credit notes). */
export type InvoiceStatus =
  /** Settled by credit notes alone: cancelled; nothing is owed and nothing may be paid. */
  | 'CREDITED'
  /** Issued; nothing paid yet. */
  | 'ISSUED'
  /** Settled in full, by payments (and credit notes, if any); the balance is zero. */
  | 'PAID'
  /** Some, not all, of the total has been paid. */
  | 'PARTIALLY_PAID';

/** An invoice's total for one tax rate. */
export type InvoiceTaxTotal = {
  __typename?: 'InvoiceTaxTotal';
  /** The sum of the nets of the lines at this rate. */
  net: Money;
  /** The tax on that net, half up at the currency's minor unit. */
  tax: Money;
  /** The rate in percent, e.g. "19". */
  taxRate: Scalars['String']['output'];
};

/** A confirmed order line as finance invoices it: what was ordered, cancelled, delivered and invoiced. */
export type InvoiceableOrderLine = {
  __typename?: 'InvoiceableOrderLine';
  /** Quantity cancelled. */
  cancelled: Scalars['String']['output'];
  /** Quantity shipped (sum over shipments). */
  delivered: Scalars['String']['output'];
  /** Discount in percent. */
  discountPercent: Scalars['String']['output'];
  /** Delivered less returned and not invoiced: what invoiceDeliveredLines may bill on the DELIVERED basis. */
  invoiceable: Scalars['String']['output'];
  /** Ordered less cancelled (or delivered, if more) less returned and not invoiced: what invoiceDeliveredLines may bill on the ORDERED basis (prepayment). */
  invoiceableOrdered: Scalars['String']['output'];
  /** Quantity invoiced, less what credit notes took back. */
  invoiced: Scalars['String']['output'];
  /** The sales order line (UUID). */
  orderLineId: Scalars['ID']['output'];
  /** Quantity ordered. */
  ordered: Scalars['String']['output'];
  /** 1 for the first line of the order. */
  position: Scalars['Int']['output'];
  /** The product ordered. */
  productId: Scalars['ID']['output'];
  /** Quantity the customer sent back (sum over returns, restocked or scrapped); still counted in delivered. */
  returned: Scalars['String']['output'];
  /** Tax rate in percent. */
  taxRate: Scalars['String']['output'];
  /** The order's price per unit. */
  unitPrice: Money;
};

/** What an advance (down-payment) invoice on an order needs. */
export type IssueAdvanceInvoiceInput = {
  /** The net amount asked in advance, in the order's currency. */
  amount: MoneyInput;
  /** The line's text; by default "Advance payment for order …". */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The due date, ISO 8601; defaults to the issue date + paymentTermsDays. */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  /** The issue date, ISO 8601; defaults to today (UTC). */
  issueDate?: InputMaybe<Scalars['String']['input']>;
  /** The confirmed order. */
  orderId: Scalars['ID']['input'];
  /** Payment terms in days (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Tax rate in percent; 0 by default. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
};

/** What a credit note needs. */
export type IssueCreditNoteInput = {
  /** true: credit everything not yet credited on the invoice (no lines). */
  full?: InputMaybe<Scalars['Boolean']['input']>;
  /** The invoice corrected. */
  invoiceId: Scalars['ID']['input'];
  /** The issue date, ISO 8601; today by default. */
  issueDate?: InputMaybe<Scalars['String']['input']>;
  /** The lines to credit. */
  lines?: InputMaybe<Array<CreditNoteLineInput>>;
  /** Why. */
  reason: CreditNoteReason;
};

/** What an invoice not tied to an order needs. */
export type IssueFreeInvoiceInput = {
  /** The currency, ISO 4217. */
  currency: Scalars['String']['input'];
  /** The customer billed. */
  customerId: Scalars['ID']['input'];
  /** The due date, ISO 8601; defaults to the issue date + paymentTermsDays. */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  /** The issue date, ISO 8601; defaults to today (UTC). */
  issueDate?: InputMaybe<Scalars['String']['input']>;
  /** The lines, at least one. */
  lines: Array<FreeInvoiceLineInput>;
  /** Payment terms in days (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
};

/** What a new invoice of one total needs (the first API; see issueFreeInvoice for lines). */
export type IssueInvoiceInput = {
  /** The customer billed. */
  customerId: Scalars['ID']['input'];
  /** The due date, ISO 8601 (YYYY-MM-DD); not before the issue date. */
  dueDate: Scalars['String']['input'];
  /** The issue date, ISO 8601 (YYYY-MM-DD); defaults to today (UTC). */
  issueDate?: InputMaybe<Scalars['String']['input']>;
  /** Refused when given: an order is invoiced with invoiceDeliveredLines or issueAdvanceInvoice. */
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
  /** Allocates what a payment still holds to invoices (`finance.payment.allocated.v2`, `finance.invoice.paid.v1` when settled); amounts in the payment's currency, converted for invoices in another at the rate of the day the payment was received. */
  allocatePayment: Payment;
  /** Applies part of what a credit note holds to another invoice (`finance.payment.allocated.v2`). */
  applyCreditNote: CreditNote;
  /** Records a draft expense claim of the caller (`finance.expense.drafted.v1`). */
  createExpense: Expense;
  /** Approves or rejects a submitted expense (`finance.expense.decided.v1`): the head of the claimant's team or finance, never the claimant. */
  decideExpense: Expense;
  /** Deletes the caller's own draft (soft; `finance.expense.deleted.v1`) and answers its id. CONFLICT EXPENSE_NOT_DRAFT naming the state once submitted. */
  deleteExpense: Scalars['ID']['output'];
  /** Imports many rates at once, all or nothing (one `finance.rate.set.v1` per rate). */
  importExchangeRates: Array<ExchangeRate>;
  /** Imports open items from a previous system as customers' opening balances, all or nothing (accountants): any refused row refuses the import, each named with its field in `extensions.details.errors`. With dryRun only checks. Each row becomes a receivable of kind OPENING_BALANCE (`finance.opening-balance.imported.v1`). */
  importOpeningBalances: OpeningBalanceImport;
  /** Invoices what was delivered on an order and not yet invoiced (the given lines, or all of it), or with `basis: ORDERED` what was ordered and not cancelled, before delivery (prepayment); more than that is refused naming the line. Announced with `finance.invoice.issued.v2`. Advances held on the order (payments naming it) are applied to the new invoice first, oldest first, up to what it owes (`finance.payment.allocated.v2`, `finance.invoice.paid.v1` when that settles it). */
  invoiceDeliveredLines: Invoice;
  /** Issues an advance (down-payment) invoice on a confirmed order (`finance.invoice.issued.v2`); advances already held on the order (payments naming it) are applied to it first, as on invoiceDeliveredLines. */
  issueAdvanceInvoice: Invoice;
  /** Issues a credit note against an invoice (`finance.credit-note.issued.v1`), applied to its balance as far as it goes. */
  issueCreditNote: CreditNote;
  /** Issues an invoice not tied to an order (`finance.invoice.issued.v2`). */
  issueFreeInvoice: Invoice;
  /** The first API, kept for existing clients (prefer issueFreeInvoice, or invoiceDeliveredLines for an order): issues an invoice of one total as a FREE invoice with one untaxed line (`finance.invoice.issued.v2`); refuses an orderId. */
  issueInvoice: Invoice;
  /** Records money received from a customer (`finance.payment.recorded.v2`) and allocates it (`finance.payment.allocated.v2`, `finance.invoice.paid.v1` when settled), invoices in other currencies at the rate of the day received; the rest is kept as credit (on the order, when one is named). */
  receivePayment: Payment;
  /** The first API, kept for existing clients (prefer receivePayment): records a payment against one invoice (a bank transfer allocated to it in full) and returns the invoice; `finance.payment.recorded.v2` and `finance.payment.allocated.v2`. */
  recordPayment: Invoice;
  /** Pays back part of what a credit note holds (`finance.credit-note.refunded.v1`). */
  refundCreditNote: CreditNote;
  /** Records that finance paid an approved expense back to its claimant (`finance.expense.reimbursed.v1`), once. */
  reimburseExpense: Expense;
  /** Releases a customer from credit hold with a comment (accountants; `finance.credit-hold.changed.v1`); CONFLICT NOT_ON_HOLD when not on hold. It comes back when another reminder at the last level goes out. */
  releaseCreditHold: CreditHold;
  /** Runs dunning as of a day (today unless given; never later): each overdue invoice not paid or credited, of a customer not blocked, gets a reminder at the next level it reached (`finance.reminder.sent.v1` each; a fee is invoiced as kind FEE, `finance.reminder.fee-invoiced.v1`), or only the chosen invoices'. The service also runs it once a day. */
  runDunning: DunningRun;
  /** Sets the base currency (`finance.base-currency.set.v1`); CONFLICT once documents hold rates to the current one. */
  setBaseCurrency: Scalars['String']['output'];
  /** Blocks (a dispute) or releases dunning for a customer (`finance.dunning-block.changed.v1`). */
  setDunningBlock?: Maybe<DunningBlock>;
  /** Replaces the dunning procedure's levels (accountants); reminders already sent keep what they said. An empty list stops dunning. */
  setDunningLevels: Array<DunningLevel>;
  /** Sets a currency pair's rate from a day on (`finance.rate.set.v1`). */
  setExchangeRate: ExchangeRate;
  /** Sets the claim period in days, 1 to 3650 (finance, directors, admins); claims already submitted are not judged again. */
  setExpenseClaimPeriod: Scalars['Int']['output'];
  /** Submits the caller's own draft for approval while the claim period lasts (`finance.expense.submitted.v1`). */
  submitExpense: Expense;
  /** Corrects the caller's own draft (`finance.expense.changed.v1`), checked as when created; its customer and order stay. CONFLICT EXPENSE_NOT_DRAFT naming the state once submitted. */
  updateExpense: Expense;
};


export type MutationAllocatePaymentArgs = {
  input: AllocatePaymentInput;
};


export type MutationApplyCreditNoteArgs = {
  input: ApplyCreditNoteInput;
};


export type MutationCreateExpenseArgs = {
  input: CreateExpenseInput;
};


export type MutationDecideExpenseArgs = {
  input: DecideExpenseInput;
};


export type MutationDeleteExpenseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationImportExchangeRatesArgs = {
  input: ImportExchangeRatesInput;
};


export type MutationImportOpeningBalancesArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  rows: Array<OpeningBalanceRowInput>;
};


export type MutationInvoiceDeliveredLinesArgs = {
  input: InvoiceDeliveredLinesInput;
};


export type MutationIssueAdvanceInvoiceArgs = {
  input: IssueAdvanceInvoiceInput;
};


export type MutationIssueCreditNoteArgs = {
  input: IssueCreditNoteInput;
};


export type MutationIssueFreeInvoiceArgs = {
  input: IssueFreeInvoiceInput;
};


export type MutationIssueInvoiceArgs = {
  input: IssueInvoiceInput;
};


export type MutationReceivePaymentArgs = {
  input: ReceivePaymentInput;
};


export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};


export type MutationRefundCreditNoteArgs = {
  input: RefundCreditNoteInput;
};


export type MutationReimburseExpenseArgs = {
  input: ReimburseExpenseInput;
};


export type MutationReleaseCreditHoldArgs = {
  input: ReleaseCreditHoldInput;
};


export type MutationRunDunningArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  invoiceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationSetBaseCurrencyArgs = {
  currency: Scalars['String']['input'];
};


export type MutationSetDunningBlockArgs = {
  input: SetDunningBlockInput;
};


export type MutationSetDunningLevelsArgs = {
  levels: Array<DunningLevelInput>;
};


export type MutationSetExchangeRateArgs = {
  input: SetExchangeRateInput;
};


export type MutationSetExpenseClaimPeriodArgs = {
  days: Scalars['Int']['input'];
};


export type MutationSubmitExpenseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateExpenseArgs = {
  id: Scalars['ID']['input'];
  input: UpdateExpenseInput;
};

/** What an import of opening balances did. */
export type OpeningBalanceImport = {
  __typename?: 'OpeningBalanceImport';
  /** True when only checked (dryRun): nothing was written. */
  dryRun: Scalars['Boolean']['output'];
  /** The receivables created, one per row (kind OPENING_BALANCE); empty on a dry run. */
  imported: Array<Invoice>;
  /** How many rows were checked, and imported unless dryRun. */
  rowCount: Scalars['Int']['output'];
};

/** An open item from the previous system to import as an opening balance. */
export type OpeningBalanceRowInput = {
  /** What is still open, above zero, in the item's own currency. */
  amount: MoneyInput;
  /** The customer who owes it (known to finance from the customers service). */
  customerId: Scalars['ID']['input'];
  /** The previous system's document date, ISO 8601. */
  date: Scalars['String']['input'];
  /** When it is (or was) due, ISO 8601; not before date. */
  dueDate: Scalars['String']['input'];
  /** The previous system's rate from the item's currency to the base currency (what it was booked at); finance's rate of `date` when omitted. An item in a foreign currency with neither is refused (RATE_MISSING). */
  rateToBase?: InputMaybe<Scalars['String']['input']>;
  /** The previous system's reference (its invoice number); once per customer. */
  reference: Scalars['String']['input'];
};

/** Where a page of a list ends, for keyset pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Money received from a customer: allocated over invoices; the rest is the customer's credit (an advance). */
export type Payment = {
  __typename?: 'Payment';
  /** The bank or cash account it went into, e.g. BANK, CASH, EUR-ACCOUNT. */
  account: Scalars['String']['output'];
  /** The part allocated to invoices. */
  allocated: Money;
  /** Where the payment went, oldest first. */
  allocations: Array<Allocation>;
  /** The amount received. */
  amount: Money;
  /** The amount in the base currency at rateToBase; null without a rate. */
  baseAmount?: Maybe<Money>;
  /** The customer who paid. Resolved by the customers subgraph. */
  customer?: Maybe<Customer>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** How it was paid. */
  method: PaymentMethod;
  /** The confirmed sales order this payment is an advance on; null for a payment not held on an order. What it still holds is applied first to that order's invoices when they are issued. */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** The rate of the payment's currency to the base currency on the day it was received (up to 10 places); null when no rate was set then. */
  rateToBase?: Maybe<Scalars['String']['output']>;
  /** The date the money was received, ISO 8601 (YYYY-MM-DD). */
  receivedOn: Scalars['String']['output'];
  /** The payer's or bank's reference, if any. */
  reference?: Maybe<Scalars['String']['output']>;
  /** The part not allocated yet: the customer's credit, applied to invoices later. */
  unallocated: Money;
};

/** A page of payments, newest first. */
export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  /** The payments on this page. */
  edges: Array<PaymentEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One payment in a page. */
export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The payment. */
  node: Payment;
};

/** Narrows a payment list. */
export type PaymentFilter = {
  /** Only this customer's payments. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only payments of this order: held on it as advances, or allocated to one of its invoices. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** true: only payments with something left to allocate; false: only those allocated in full. */
  unallocated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How a payment was made. */
export type PaymentMethod =
  /** Bank transfer. */
  | 'BANK_TRANSFER'
  /** Card. */
  | 'CARD'
  /** Cash. */
  | 'CASH'
  /** Cheque. */
  | 'CHEQUE'
  /** Direct debit. */
  | 'DIRECT_DEBIT'
  /** Anything else. */
  | 'OTHER';

export type Query = {
  __typename?: 'Query';
  /** The company's base currency, the one reports convert to (EUR until set). */
  baseCurrency: Scalars['String']['output'];
  /** An amount converted to another currency at the rate of a day (today by default), half up at that currency's minor unit. */
  convertAmount: Money;
  /** One credit note by id; NOT_FOUND when none or not visible. */
  creditNote: CreditNote;
  /** The credit notes the caller may see, newest first. */
  creditNotes: CreditNoteConnection;
  /** The dunning procedure's levels, first to last (everyone who may read invoices). */
  dunningLevels: Array<DunningLevel>;
  /** What runDunning would send as of a day (today unless given; never later), oldest due date first: customer, invoice, level, open amount, fee and total. Writes nothing (those who run dunning). */
  dunningProposal: Array<DunningProposalItem>;
  /** The rate from one currency to another on a day (today by default): the pair's, else its reverse's inverted, else the cross rate through the base currency (from→base × base→to, half up at 10 places); BAD_USER_INPUT RATE_MISSING naming the currencies and the day when none is set on or before it. */
  exchangeRate: AppliedRate;
  /** The rates set, newest day first. */
  exchangeRates: ExchangeRateConnection;
  /** One expense; NOT_FOUND when unknown or not the caller's to see (a rep sees their own claims and their customers' approved ones, a team head also their teams' claims, finance all). */
  expense: Expense;
  /** How many days after its date an expense may still be claimed and submitted (90 unless finance set another). */
  expenseClaimPeriod: Scalars['Int']['output'];
  /** The expenses the caller may see summed per claimant, customer or order and currency: approved ones unless filter.state says otherwise. */
  expenseTotals: Array<ExpenseTotal>;
  /** The expenses the caller may see, latest expense date first. */
  expenses: ExpenseConnection;
  /** The finance service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  financeEventBus: EventBusStatus;
  /** One invoice by id; NOT_FOUND when no such invoice exists or it bills a customer the caller may not see. */
  invoice: Invoice;
  /** The lines of a confirmed order with what finance may invoice of them; NOT_FOUND when finance has not seen the order confirmed or the caller may not see its customer. */
  invoiceableLines: Array<InvoiceableOrderLine>;
  /** The invoices the caller may see, newest issue date first, filtered, paged by cursor (`first` at most 100). */
  invoices: InvoiceConnection;
  /** One payment by id; NOT_FOUND when none or its customer is not visible to the caller. */
  payment: Payment;
  /** The payments the caller may see, newest first, paged by cursor. */
  payments: PaymentConnection;
  /** Receivables per currency in ageing buckets, over the invoices the caller may see (a rep: their customers; a team head: the team's; finance: all), optionally one customer's, as of a date (today by default). */
  receivablesAgeing: Array<AgeingBucketRow>;
  /** The same receivables in one row in the base currency: each open invoice's balance at its rate to base at issue (or, issued before any rate, at the rate of its issue date), half up per invoice at the base's minor unit; BAD_USER_INPUT RATE_MISSING naming the currency and day when an invoice has no rate. */
  receivablesAgeingInBase: AgeingBucketRow;
  /** Receivables per owner rep (REP) or team (TEAM) of the customers, per currency and in base, largest in base first, as of a date (today by default): finance, directors and admins every rep and team; a team head those of the teams they head (and their own customers); a rep their own customers only (never those merely shared with them). */
  receivablesGrouped: Array<ReceivablesGroup>;
  /** One reminder; NOT_FOUND when unknown or not the caller's to see. */
  reminder?: Maybe<Reminder>;
  /** The reminders the caller may see, newest first. */
  reminders: ReminderConnection;
};


export type QueryConvertAmountArgs = {
  amount: MoneyInput;
  on?: InputMaybe<Scalars['String']['input']>;
  toCurrency: Scalars['String']['input'];
};


export type QueryCreditNoteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCreditNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CreditNoteFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDunningProposalArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
};


export type QueryExchangeRateArgs = {
  fromCurrency: Scalars['String']['input'];
  on?: InputMaybe<Scalars['String']['input']>;
  toCurrency: Scalars['String']['input'];
};


export type QueryExchangeRatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExchangeRateFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExpenseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExpenseTotalsArgs = {
  by: ExpenseGrouping;
  filter?: InputMaybe<ExpenseFilter>;
};


export type QueryExpensesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExpenseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoiceableLinesArgs = {
  orderId: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PaymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReceivablesAgeingArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReceivablesAgeingInBaseArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReceivablesGroupedArgs = {
  asOf?: InputMaybe<Scalars['String']['input']>;
  by: ReceivablesGrouping;
};


export type QueryReminderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRemindersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReminderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How an import's body is written. */
export type RateImportFormat =
  /** Comma-separated, a header line naming the columns fromCurrency,toCurrency,validOn,rate (any order). */
  | 'CSV'
  /** A JSON array of objects with fromCurrency, toCurrency, validOn and rate. */
  | 'JSON';

/** What a customer owes on invoices past their due date. */
export type Receivables = {
  __typename?: 'Receivables';
  /** The overdue invoices, oldest due date first. */
  invoices: Array<Invoice>;
  /** The sum of the overdue balances, one amount per currency (by currency code), exact; empty when nothing is overdue. */
  totals: Array<Money>;
};

/** One rep's or one team's receivables in ageing buckets. */
export type ReceivablesGroup = {
  __typename?: 'ReceivablesGroup';
  /** Per currency, in ageing buckets. */
  byCurrency: Array<AgeingBucketRow>;
  /** How the group was formed. */
  grouping: ReceivablesGrouping;
  /** In the base currency, each invoice at its rate to base at issue (as receivablesAgeingInBase). */
  inBase: AgeingBucketRow;
  /** The rep (the customers' owner) when grouped by REP; null for customers without an owner. */
  repId?: Maybe<Scalars['ID']['output']>;
  /** The team when grouped by TEAM; null for customers without a team. */
  teamId?: Maybe<Scalars['ID']['output']>;
};

/** How receivables are grouped: by the customers' owner rep or by their team. */
export type ReceivablesGrouping =
  /** Per owner rep of the customers. */
  | 'REP'
  /** Per team of the customers. */
  | 'TEAM';

/** Money received from a customer. */
export type ReceivePaymentInput = {
  /** The account it went into; BANK by default (CASH for cash). */
  account?: InputMaybe<Scalars['String']['input']>;
  /** Where to allocate it now; what is left stays as the customer's credit. */
  allocations?: InputMaybe<Array<AllocationInput>>;
  /** The amount received; greater than zero, in any currency with a rate to the base currency on receivedOn. */
  amount: MoneyInput;
  /** The customer who paid. */
  customerId: Scalars['ID']['input'];
  /** How it was paid. */
  method: PaymentMethod;
  /** The customer's confirmed order this is an advance on (one finance knows); what is not allocated now is applied first to the order's invoices when they are issued. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** The date the money was received, ISO 8601. */
  receivedOn: Scalars['String']['input'];
  /** The payer's or bank's reference. */
  reference?: InputMaybe<Scalars['String']['input']>;
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

/** Paying back what a credit note holds. */
export type RefundCreditNoteInput = {
  /** The amount paid back, a decimal string in its currency. */
  amount: Scalars['String']['input'];
  /** The credit note. */
  creditNoteId: Scalars['ID']['input'];
  /** The date, ISO 8601; today by default. */
  refundedOn?: InputMaybe<Scalars['String']['input']>;
};

/** Paying an approved expense back to its claimant. */
export type ReimburseExpenseInput = {
  /** The expense, approved and not yet reimbursed. */
  expenseId: Scalars['ID']['input'];
  /** The payout's reference (at most 200 characters). */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** The day it was paid back, ISO 8601; today by default, never in the future. */
  reimbursedOn?: InputMaybe<Scalars['String']['input']>;
};

/** Releases a customer from credit hold. */
export type ReleaseCreditHoldInput = {
  /** Why (an arrangement, a guarantee); required. */
  comment: Scalars['String']['input'];
  /** The customer on hold. */
  customerId: Scalars['ID']['input'];
};

/** A payment reminder sent for one overdue invoice at one dunning level (never twice per level), numbered REM-YYYY-NNNNNN. */
export type Reminder = {
  __typename?: 'Reminder';
  /** The customer reminded. */
  customer?: Maybe<Customer>;
  /** Days past the due date when it went out. */
  daysOverdue: Scalars['Int']['output'];
  /** The invoice's due date, ISO 8601. */
  dueDate: Scalars['String']['output'];
  /** The level's fee charged with it (tax included), owed as the invoice feeInvoice. */
  fee: Money;
  /** The invoice of kind FEE that makes the fee owed, issued with the reminder; null when it charged none or the caller may not see it. */
  feeInvoice?: Maybe<Invoice>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The invoice it reminds of; null when the caller may not see it. */
  invoice?: Maybe<Invoice>;
  /** The dunning level it was sent at. */
  level: Scalars['Int']['output'];
  /** The reminder's number, e.g. REM-2026-000001. */
  number: Scalars['String']['output'];
  /** What was still owed on the invoice when the reminder went out. */
  openAmount: Money;
  /** Where the gateway serves the reminder letter as a PDF (GET with the bearer token). */
  pdfPath: Scalars['String']['output'];
  /** The day it went out, ISO 8601. */
  sentOn: Scalars['String']['output'];
  /** The letter's wording, as the level said when it went out. */
  text: Scalars['String']['output'];
  /** The open amount plus the fee. */
  total: Money;
};

/** A page of reminders, newest number first. */
export type ReminderConnection = {
  __typename?: 'ReminderConnection';
  /** The reminders on this page. */
  edges: Array<ReminderEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One reminder in a page. */
export type ReminderEdge = {
  __typename?: 'ReminderEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The reminder. */
  node: Reminder;
};

/** Which reminders to list. */
export type ReminderFilter = {
  /** Only this customer's. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those of this invoice. */
  invoiceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Blocks or releases dunning for one customer. */
export type SetDunningBlockInput = {
  /** True blocks, false releases. */
  blocked: Scalars['Boolean']['input'];
  /** The customer. */
  customerId: Scalars['ID']['input'];
  /** Why; required when blocking. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** A rate to set. */
export type SetExchangeRateInput = {
  /** The currency priced, ISO 4217. */
  fromCurrency: Scalars['String']['input'];
  /** One unit of fromCurrency in toCurrency: a positive decimal string with up to 10 places. */
  rate: Scalars['String']['input'];
  /** The currency it is priced in, ISO 4217. */
  toCurrency: Scalars['String']['input'];
  /** The first day it applies, ISO 8601 (a rate set again for the same day corrects it). */
  validOn: Scalars['String']['input'];
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** What a draft says, corrected by its claimant. */
export type UpdateExpenseInput = {
  /** The amount, greater than zero. */
  amount: MoneyInput;
  /** What kind of expense. */
  category: ExpenseCategory;
  /** What was spent on what (at most 500 characters). */
  description: Scalars['String']['input'];
  /** The day it was spent, ISO 8601; not in the future, nor longer ago than the claim period (expenseClaimPeriod). */
  expenseDate: Scalars['String']['input'];
  /** The receipt's reference (at most 200 characters). */
  receiptReference?: InputMaybe<Scalars['String']['input']>;
};
