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

/** What a closing stage ends an opportunity as. */
export type ClosingOutcome =
  /** The deal was lost. */
  | 'LOST'
  /** The deal was won. */
  | 'WON';

/** A quotation line to put on the order, and how much of it. */
export type ConvertQuotationLineInput = {
  /** How many units to order, at most those quoted; all of them when omitted. */
  quantity?: InputMaybe<Scalars['String']['input']>;
  /** The quotation line. */
  quotationLineId: Scalars['ID']['input'];
};

/** What a new pipeline needs. */
export type CreatePipelineInput = {
  /** What it is for (up to 1,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Display name (1–100 characters), unique. */
  name: Scalars['String']['input'];
  /** The team it is for, if any. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a new quotation needs. */
export type CreateQuotationInput = {
  /** ISO 4217 code of the quotation's currency; every price must be in it. */
  currency: Scalars['String']['input'];
  /** The customer the offer is for. */
  customerId: Scalars['ID']['input'];
  /** The products offered; lines may also be added to the draft later. */
  lines?: InputMaybe<Array<SalesLineInput>>;
  /** One of the customer's opportunities the offer belongs to. */
  opportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** Terms and conditions. */
  terms?: InputMaybe<Scalars['String']['input']>;
  /** The last day the offer holds (YYYY-MM-DD), not in the past; 30 days from today when omitted. */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Finance holds the customer for credit (reminded past the last dunning level, or held by an accountant),
 * as finance last announced it (`finance.credit-hold.changed.v1`). Sales warns and does not block: an order
 * placed or a quotation converted for a customer on hold goes through and carries this, as Odoo warns at
 * ordering when a customer is over its credit; ERPNext can block, which would stop deliveries already agreed.
 */
export type CreditHoldWarning = {
  __typename?: 'CreditHoldWarning';
  /** Always true: a customer not on hold has no credit hold (the field is null). */
  onHold: Scalars['Boolean']['output'];
  /** Why, in finance's words ("INV-2026-000012 reached reminder level 3"); null when finance gave none. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When finance last put the customer on hold or changed why. */
  since: Scalars['DateTime']['output'];
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
  /** The customer's orders not yet completed or cancelled (confirmed, partly or fully delivered, invoiced or paid but not all three), newest first, each with its `deliveryStatus` and `invoiceStatus`; empty when the caller may not see them. */
  openOrders: Array<SalesOrder>;
  /** The customer's quotations still in play (draft, awaiting approval, approved, sent within validity and not superseded, or accepted and not yet converted), newest first; empty when the caller may not see them. */
  openQuotations: Array<Quotation>;
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

/** A request for a manager's approval of a quotation's discounts and prices, and its decision. */
export type DiscountApproval = {
  __typename?: 'DiscountApproval';
  /** When it was decided; null while pending. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who approved, refused or (by changing a line) voided it; null while pending. */
  decidedBy?: Maybe<Scalars['ID']['output']>;
  /** The approver's comment; null when none. */
  decisionComment?: Maybe<Scalars['String']['output']>;
  /** What was over the requester's limits when they asked. */
  findings: Array<DiscountFinding>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The quotation it is for; null when the caller may not see it. */
  quotation?: Maybe<Quotation>;
  /** Why they asked, as they wrote it. */
  requestComment?: Maybe<Scalars['String']['output']>;
  /** When they asked. */
  requestedAt: Scalars['DateTime']['output'];
  /** Who asked (a user id of the identity subgraph). */
  requestedBy: Scalars['ID']['output'];
  /** Where it stands. */
  status: DiscountApprovalStatus;
};

/** Where an approval request stands. */
export type DiscountApprovalStatus =
  /** Approved: the quotation may be sent as it is. */
  | 'APPROVED'
  /** Waiting for a team head above the requester, or a director. */
  | 'PENDING'
  /** Refused; the quotation went back to draft. */
  | 'REJECTED'
  /** A line's price, discount or quantity changed after it was requested or given: it no longer counts. */
  | 'VOIDED';

/** One thing over a limit. */
export type DiscountFinding = {
  __typename?: 'DiscountFinding';
  /** What is over. */
  kind: DiscountFindingKind;
  /** The limit it exceeds, in percent; null for MARGIN. */
  limit?: Maybe<Scalars['String']['output']>;
  /** The line's position (0-based) for line findings; null for the total. */
  line?: Maybe<Scalars['Int']['output']>;
  /** The finding in words. */
  message: Scalars['String']['output'];
  /** The discount in percent that is over; null for MARGIN. */
  percent?: Maybe<Scalars['String']['output']>;
};

/** What is over someone's limits on a document. */
export type DiscountFindingKind =
  /** A line's discount (entered, or against the list price) is over the line limit. */
  | 'LINE_DISCOUNT'
  /** A line is priced below the margin floor over cost (costs and margins are not shown). */
  | 'MARGIN'
  /** The document's total discount is over the total limit. */
  | 'TOTAL_DISCOUNT';

/**
 * Someone's discount limits: for a role, or for one user (overriding their role's). A line's discount
 * is measured both as entered and against the catalogue's list price (a lower typed price counts as
 * a discount); the total discount as the document's net total against its list (and entered) prices;
 * the margin floor as the least margin, in percent of a line's net amount, over the product's
 * standard cost (0: never below cost). Being over any of them needs a manager's approval.
 */
export type DiscountLimit = {
  __typename?: 'DiscountLimit';
  /** The largest discount on one line, in percent, e.g. "10". */
  maxLineDiscount: Scalars['String']['output'];
  /** The largest discount on the whole document, in percent. */
  maxTotalDiscount: Scalars['String']['output'];
  /** The least margin on a line's net over cost, in percent of the net; null: no floor. */
  minMarginPercent?: Maybe<Scalars['String']['output']>;
  /** The role these limits are for; null for a user's own limits. */
  role?: Maybe<Scalars['String']['output']>;
  /** When these limits were last set. */
  updatedAt: Scalars['DateTime']['output'];
  /** The user these limits are for (overriding their role's); null for a role's limits. */
  userId?: Maybe<Scalars['ID']['output']>;
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

/** Where an open deal counts in the forecast (each category includes the ones below it: PIPELINE ⊇ BEST_CASE ⊇ COMMIT). */
export type ForecastCategory =
  /** Likely deals: the best case. */
  | 'BEST_CASE'
  /** Deals the rep commits to. */
  | 'COMMIT'
  /** Early deals: counted in the whole pipeline only. */
  | 'PIPELINE';

/** Whose numbers a forecast row sums. */
export type ForecastGrouping =
  /** The whole company (within what the caller sees). */
  | 'COMPANY'
  /** Per rep (the customers' owner), with their team. */
  | 'REP'
  /** Per team (the customers' team). */
  | 'TEAM';

/**
 * One cell of the weighted pipeline: the open deals expected to close in one month, in one forecast
 * category and currency, of one rep, team or the company.
 */
export type ForecastRow = {
  __typename?: 'ForecastRow';
  /** Their amounts summed, exact. */
  amount: Money;
  /** The amount in the company's base currency at today's rate (finance's rates, copied from its events); BAD_USER_INPUT RATE_MISSING naming the currency and day without one. */
  amountInBase: Money;
  /** The deals' stage forecast category (each deal is in exactly one: its stage's). */
  category: ForecastCategory;
  /** How many deals. */
  count: Scalars['Int']['output'];
  /** The expected close month, YYYY-MM. */
  month: Scalars['String']['output'];
  /** The rep (owner of the deals' customers) when grouped by rep; null otherwise or for customers without an owner. */
  repId?: Maybe<Scalars['ID']['output']>;
  /** The team when grouped by team or rep; null otherwise or for customers without a team. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** Sum of amount × stage probability, exact to four places. */
  weightedAmount: Money;
  /** The weighted amount in the base currency at today's rate. */
  weightedAmountInBase: Money;
};

/** One stage of a funnel. */
export type FunnelStage = {
  __typename?: 'FunnelStage';
  /** Their amounts per currency. */
  amounts: Array<Money>;
  /** Average days the period's opportunities stayed in it (until now for those still there), two places; null for closing stages or when none stood there. */
  averageDays?: Maybe<Scalars['String']['output']>;
  /** Percent of those that reached it which reached the next stage, two places; null for the last stage or when none reached it. */
  conversionToNext?: Maybe<Scalars['String']['output']>;
  /** How many of the period's opportunities reached it (stood in it or a later stage; Lost does not count as later). */
  reached: Scalars['Int']['output'];
  /** The stage. */
  stage: PipelineStage;
  /** How many of them stand in it now. */
  standing: Scalars['Int']['output'];
};

/** The price a customer last paid for a product: from their most recent order of it that was not cancelled. */
export type LastSalePrice = {
  __typename?: 'LastSalePrice';
  /** When that order was confirmed, as an ISO 8601 date (YYYY-MM-DD). */
  date: Scalars['String']['output'];
  /** Discount in percent on that order's line. */
  discount: Scalars['String']['output'];
  /** That order's number, e.g. SO-000042. */
  orderNumber: Scalars['String']['output'];
  /** Net unit price on that order. */
  unitPrice: Money;
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
  /** Records the customer's acceptance of a sent quotation; CONFLICT QUOTATION_EXPIRED past its validity date. Announces `sales.quotation.accepted.v1`. */
  acceptQuotation: Quotation;
  /** Adds a stage to a pipeline (admins and sales managers); `name` and `probability` are required. */
  addPipelineStage: PipelineStage;
  /** Adds a line to a quotation not yet sent (the last or list price when none is given) and recomputes its totals; voids an approval asked for or given (back to DRAFT, `sales.quotation.approval-decided.v1` VOIDED). Announces `sales.quotation.changed.v1`. */
  addQuotationLine: Quotation;
  /** Approves a quotation awaiting approval: only a team head above the requester or a director, never the requester (FORBIDDEN SELF_APPROVAL / NOT_AN_APPROVER), and only within the approver's own limits (FORBIDDEN APPROVER_LIMIT_EXCEEDED). It becomes APPROVED and may be sent; any later change to a line's price, discount or quantity voids the approval. Announces `sales.quotation.approval-decided.v1`. */
  approveQuotation: Quotation;
  /** Cancels what is still undelivered of an order (CONFLICT when nothing undelivered is left: a delivered quantity can only be returned); announces `sales.order.cancelled.v2`. The order is CANCELLED when nothing of it was delivered, else its state follows what was delivered and invoiced. */
  cancelOrder: SalesOrder;
  /** Cancels the undelivered rest of one line of an order (CONFLICT when the line has nothing undelivered); announces `sales.order.cancelled.v2`. */
  cancelOrderLine: SalesOrder;
  /** Makes the sales order of an accepted quotation, whole or chosen lines and quantities; CONFLICT when it was converted already, and CONFLICT APPROVAL_REQUIRED when the ordered lines are over the converter's discount limits and not covered by the quotation's approval within its approver's limits. Announces `sales.quotation.converted.v1` and `sales.order.confirmed.v2`. */
  convertQuotation: SalesOrder;
  /** Copies a quotation as a new draft (new number, validity from today) for the same customer or `customerId`, without its approval (sending the copy checks the limits again); announces `sales.quotation.drafted.v1`. */
  copyQuotation: Quotation;
  /** Creates a pipeline without stages (admins and sales managers; FORBIDDEN for others, CONFLICT when the name is taken). */
  createPipeline: Pipeline;
  /** Drafts a quotation for a customer the caller may see (NOT_FOUND otherwise), numbered without gaps; announces `sales.quotation.drafted.v1`. */
  createQuotation: Quotation;
  /** Deletes an opportunity softly: it disappears from every list, lookup and customer's open deals and can be restored (NOT_FOUND when the caller may not see it, CONFLICT when deleted already). */
  deleteOpportunity: Opportunity;
  /** Moves an open opportunity to another stage; the Won or Lost stage closes it with that status (CONFLICT once closed). */
  moveOpportunity: Opportunity;
  /** Opens an opportunity for a customer the caller may see (NOT_FOUND otherwise) and announces it with `sales.opportunity.opened.v1`. */
  openOpportunity: Opportunity;
  /** Places a confirmed order entered directly for a customer the caller may see (NOT_FOUND otherwise): real, active products; the last or list price when none is given; totals computed exactly; within the caller's discount limits (CONFLICT APPROVAL_REQUIRED naming `input.lines` otherwise: such an order goes through an approved quotation). Announces `sales.order.confirmed.v2`. */
  placeOrder: SalesOrder;
  /** Records the customer's rejection of a sent quotation; announces `sales.quotation.rejected.v1`. */
  rejectQuotation: Quotation;
  /** Refuses the approval of a quotation awaiting it (same approvers as approveQuotation); it goes back to DRAFT. Announces `sales.quotation.approval-decided.v1`. */
  rejectQuotationApproval: Quotation;
  /** Removes a line from a quotation not yet sent and recomputes its totals; voids an approval asked for or given. Announces `sales.quotation.changed.v1`. */
  removeQuotationLine: Quotation;
  /** Asks for approval of a draft quotation that is over the caller's limits (CONFLICT APPROVAL_NOT_NEEDED when it is within them: send it); it becomes AWAITING_APPROVAL. Announces `sales.quotation.approval-requested.v1`. */
  requestQuotationApproval: Quotation;
  /** Restores a deleted opportunity (admins, directors, team heads within their customers; FORBIDDEN for others, CONFLICT when it is not deleted). */
  restoreOpportunity: Opportunity;
  /** Revises a sent (or expired) quotation as its next version, a new draft Q-…-2 that supersedes it; the old one is kept. Announces `sales.quotation.drafted.v1`. */
  reviseQuotation: Quotation;
  /** Sends a quotation to the customer: a draft within the sender's discount limits, or an approved one (CONFLICT APPROVAL_REQUIRED otherwise, with `extensions.details.findings`; CONFLICT when it has no lines or its validity has passed). Announces `sales.quotation.sent.v1`. */
  sendQuotation: Quotation;
  /** Sets a role's or a user's discount limits (directors and admins only). */
  setDiscountLimit: DiscountLimit;
  /** Sets a rep's or a team's target (admins, directors; team heads within the teams they head; FORBIDDEN for reps). */
  setSalesTarget: SalesTarget;
  /** Changes a stage (admins and sales managers): what is given changes, the rest stays. */
  updatePipelineStage: PipelineStage;
  /** Changes the validity date or terms of a quotation not yet sent (an approval stands: it covers prices, not terms); CONFLICT once sent. Announces `sales.quotation.changed.v1`. */
  updateQuotation: Quotation;
};


export type MutationAcceptQuotationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddPipelineStageArgs = {
  input: PipelineStageInput;
  pipelineId: Scalars['ID']['input'];
};


export type MutationAddQuotationLineArgs = {
  line: SalesLineInput;
  quotationId: Scalars['ID']['input'];
};


export type MutationApproveQuotationArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelOrderLineArgs = {
  lineId: Scalars['ID']['input'];
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConvertQuotationArgs = {
  id: Scalars['ID']['input'];
  lines?: InputMaybe<Array<ConvertQuotationLineInput>>;
};


export type MutationCopyQuotationArgs = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationCreatePipelineArgs = {
  input: CreatePipelineInput;
};


export type MutationCreateQuotationArgs = {
  input: CreateQuotationInput;
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


export type MutationRejectQuotationArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRejectQuotationApprovalArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationRemoveQuotationLineArgs = {
  lineId: Scalars['ID']['input'];
  quotationId: Scalars['ID']['input'];
};


export type MutationRequestQuotationApprovalArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationRestoreOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviseQuotationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendQuotationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetDiscountLimitArgs = {
  input: SetDiscountLimitInput;
};


export type MutationSetSalesTargetArgs = {
  input: SetSalesTargetInput;
};


export type MutationUpdatePipelineStageArgs = {
  id: Scalars['ID']['input'];
  input: PipelineStageInput;
};


export type MutationUpdateQuotationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateQuotationInput;
};

/** What a new opportunity needs. */
export type OpenOpportunityInput = {
  /** The expected value of the deal; not negative. */
  amount: MoneyInput;
  /** The customer the deal is with. */
  customerId: Scalars['ID']['input'];
  /** When the rep expects to close the deal, as an ISO 8601 date (YYYY-MM-DD). */
  expectedCloseDate?: InputMaybe<Scalars['String']['input']>;
  /** The pipeline to open it in (the default Sales pipeline when omitted). */
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
  /** The stage to start in, of that pipeline; defaults to the pipeline's first stage. Must not be a closing stage. */
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
  /** The quotations made for this deal, in every state, newest first; empty when the caller may not see quotations. */
  quotations: Array<Quotation>;
  /** The pipeline stage the deal stands in. */
  stage: PipelineStage;
  /** The stages the deal has stood in, oldest first, with how long it stayed in each. */
  stageHistory: Array<OpportunityStageStay>;
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

/** One stay of an opportunity in a stage. */
export type OpportunityStageStay = {
  __typename?: 'OpportunityStageStay';
  /** Days in the stage (until now while it stands there), to two places, e.g. "3.50". */
  days: Scalars['String']['output'];
  /** When the opportunity moved into it. */
  enteredAt: Scalars['DateTime']['output'];
  /** When it moved on; null while it stands there. */
  leftAt?: Maybe<Scalars['DateTime']['output']>;
  /** The stage. */
  stage: PipelineStage;
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

/** A sales pipeline (per team or product line) with its own stages; set up by admins and sales managers. */
export type Pipeline = {
  __typename?: 'Pipeline';
  /** What the pipeline is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, unique, e.g. Sales or Service contracts. */
  name: Scalars['String']['output'];
  /** Its stages in pipeline order. */
  stages: Array<PipelineStage>;
  /** The team the pipeline is for; null when it is for everyone. */
  teamId?: Maybe<Scalars['ID']['output']>;
};

/**
 * One step of a sales pipeline (Qualification, Needs analysis, Proposal, Negotiation, Won, Lost),
 * with the probability of winning a deal that stands in it.
 */
export type PipelineStage = {
  __typename?: 'PipelineStage';
  /** What reaching this stage closes the opportunity as; null for an open stage. */
  closesAs?: Maybe<ClosingOutcome>;
  /** Whether reaching this stage closes the opportunity (Won or Lost). */
  closing: Scalars['Boolean']['output'];
  /** Where open deals in this stage count in the forecast; null for a closing stage. */
  forecastCategory?: Maybe<ForecastCategory>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. Proposal; unique within its pipeline. */
  name: Scalars['String']['output'];
  /** The pipeline the stage belongs to. */
  pipelineId: Scalars['ID']['output'];
  /** Order of the stage in the pipeline, from 1. */
  position: Scalars['Int']['output'];
  /** Probability of winning, in percent (0–100), used to weight the forecast. */
  probability: Scalars['Int']['output'];
};

/** A stage's settings: all needed to add one (but `position`, `closesAs`, `forecastCategory`); only those to change when updating. */
export type PipelineStageInput = {
  /** Makes it a closing stage (WON or LOST); cannot change while opportunities stand in it. */
  closesAs?: InputMaybe<ClosingOutcome>;
  /** Forecast category of an open stage; PIPELINE when omitted. Not for closing stages. */
  forecastCategory?: InputMaybe<ForecastCategory>;
  /** Display name (1–100 characters), unique within the pipeline. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Where to put the stage, from 1; the others move along. Last when omitted on adding. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** Probability of winning in percent, 0–100. */
  probability?: InputMaybe<Scalars['Int']['input']>;
};

/** What a new order needs. */
export type PlaceOrderInput = {
  /** ISO 4217 code of the order's currency; every line's unit price must be in it. */
  currency: Scalars['String']['input'];
  /** The customer who orders. */
  customerId: Scalars['ID']['input'];
  /** The products ordered; at least one, under the same rules as quotation lines. */
  lines: Array<SalesLineInput>;
};

/** Something the business sells and ships: a code (SKU), a name, a unit of measure and a list price. */
export type Product = {
  __typename?: 'Product';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/** What a product sales summary groups by (always by currency too). */
export type ProductSalesDimension =
  /** The customer's industry (as the customers service last announced it; null when unknown). */
  | 'INDUSTRY'
  /** The month the order was confirmed (UTC), YYYY-MM. */
  | 'MONTH'
  /** The product. */
  | 'PRODUCT'
  /** The customer's region and country (of its latest address; null when unknown). */
  | 'REGION'
  /** The rep (owner of the customer). */
  | 'REP';

/** One group of sold order lines; the fields not grouped by are null. */
export type ProductSalesRow = {
  __typename?: 'ProductSalesRow';
  /** Net amount (after discounts, before tax), exact. */
  amount: Money;
  /** The customer's country (ISO 3166-1 alpha-2), when grouped by region. */
  country?: Maybe<Scalars['String']['output']>;
  /** The customer's industry, when grouped by industry. */
  industry?: Maybe<Scalars['String']['output']>;
  /** How many order lines. */
  lines: Scalars['Int']['output'];
  /** The month, YYYY-MM, when grouped by month. */
  month?: Maybe<Scalars['String']['output']>;
  /** The product, when grouped by product. */
  productId?: Maybe<Scalars['ID']['output']>;
  /** Quantity sold (ordered; partial cancellations are not deducted), decimal string. */
  quantity: Scalars['String']['output'];
  /** The customer's region, when grouped by region. */
  region?: Maybe<Scalars['String']['output']>;
  /** The rep, when grouped by rep. */
  repId?: Maybe<Scalars['ID']['output']>;
};

/** What was sold in a period. */
export type ProductSalesSummary = {
  __typename?: 'ProductSalesSummary';
  /** The total in the company's base currency: each currency's sold lines of a day at that day's rate (finance's rates, copied from its events), half up at the base's minor unit per day and currency, as `SalesPerformance.orderTotalInBase`; null with a BAD_USER_INPUT RATE_MISSING error naming the currency and day without a rate (the rows and per-currency totals still answer). */
  baseCurrencyTotal?: Maybe<Money>;
  /** The groups, by currency and then the dimensions. */
  rows: Array<ProductSalesRow>;
  /** Net amounts per currency. */
  totals: Array<Money>;
};

export type Query = {
  __typename?: 'Query';
  /** Every role's and user's discount limits (the sales department, directors and admins). */
  discountLimits: Array<DiscountLimit>;
  /** The limits that apply to the caller: their own if set, else their role's (zero when neither is set). */
  myDiscountLimit: DiscountLimit;
  /** The opportunities the caller may see (reps and team heads: their customers' only), newest first, filtered, paged by cursor (`first` at most 100). */
  opportunities: OpportunityConnection;
  /** One opportunity by id; NOT_FOUND when no such opportunity exists or the caller may not see it (FORBIDDEN for roles outside sales). */
  opportunity: Opportunity;
  /** Approval requests still pending that the caller may decide (a team head: their teams' requesters'; a director or admin: all), oldest first. */
  pendingDiscountApprovals: Array<DiscountApproval>;
  /** The stages of a pipeline (the default Sales pipeline when omitted), in pipeline order. */
  pipelineStages: Array<PipelineStage>;
  /** Every pipeline, by name. */
  pipelines: Array<Pipeline>;
  /** Sold quantities and net amounts of orders confirmed in [from, to) (YYYY-MM-DD, UTC), grouped by `groupBy`, with totals per currency; the numbers the caller sees. */
  productSalesSummary: ProductSalesSummary;
  /** One quotation by id; NOT_FOUND when no such quotation exists or the caller may not see it. */
  quotation: Quotation;
  /** The quotations the caller may see (reps and team heads: their customers' only), newest first, filtered, paged by cursor. */
  quotations: QuotationConnection;
  /** The sales service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  salesEventBus: EventBusStatus;
  /** The weighted pipeline by expected close month (`fromMonth`…`toMonth`, YYYY-MM, at most 36 months) of the deals whose numbers the caller sees (a rep their own, a team head their teams', directors and admins all). */
  salesForecast: Array<ForecastRow>;
  /** The funnel of the opportunities opened in [from, to) (YYYY-MM-DD, UTC) in a pipeline (the default one when omitted), of the deals whose numbers the caller sees. */
  salesFunnel: SalesFunnel;
  /** One sales order by id; NOT_FOUND when no such order exists or the caller may not see it. */
  salesOrder: SalesOrder;
  /** The sales orders the caller may see (reps and team heads: their customers' only), newest first, filtered, paged by cursor (`first` at most 100). */
  salesOrders: SalesOrderConnection;
  /** Per salesperson over [from, to) (YYYY-MM-DD, UTC): orders, won and lost deals, open pipeline; the reps whose numbers the caller sees. */
  salesPerformance: Array<SalesPerformance>;
  /** The targets the caller sees (a rep their own; a team head also those within the teams they head; directors and admins all), by period, with what was achieved. */
  salesTargets: Array<SalesTarget>;
};


export type QueryOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OpportunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOpportunityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPipelineStagesArgs = {
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProductSalesSummaryArgs = {
  from: Scalars['String']['input'];
  groupBy: Array<ProductSalesDimension>;
  productId?: InputMaybe<Scalars['ID']['input']>;
  repId?: InputMaybe<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['String']['input'];
};


export type QueryQuotationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuotationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuotationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySalesForecastArgs = {
  fromMonth: Scalars['String']['input'];
  groupBy?: InputMaybe<ForecastGrouping>;
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
  repId?: InputMaybe<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  toMonth: Scalars['String']['input'];
};


export type QuerySalesFunnelArgs = {
  from: Scalars['String']['input'];
  pipelineId?: InputMaybe<Scalars['ID']['input']>;
  repId?: InputMaybe<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['String']['input'];
};


export type QuerySalesOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySalesOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SalesOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySalesPerformanceArgs = {
  from: Scalars['String']['input'];
  repId?: InputMaybe<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['String']['input'];
};


export type QuerySalesTargetsArgs = {
  fromMonth?: InputMaybe<Scalars['String']['input']>;
  repId?: InputMaybe<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  toMonth?: InputMaybe<Scalars['String']['input']>;
};

/**
 * An offer to a customer, numbered Q-000001 (a revision: Q-000001-2), optionally for one of the
 * customer's opportunities: lines with product, quantity, price, discount and tax rate; exact totals
 * per tax rate; a currency, a validity date and terms. Accepted, it becomes a sales order.
 * Amounts: a line's net amount is exact to four places; totals are rounded half up at the currency's
 * minor unit per tax rate (tax on each rate's net total), and the document's totals are their sums.
 */
export type Quotation = {
  __typename?: 'Quotation';
  /** When the customer accepted it; null unless accepted. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The latest approval request of this quotation (pending, approved, rejected or voided); null when none was asked for. */
  approval?: Maybe<DiscountApproval>;
  /** What on this quotation is over the caller's own limits now; empty when they may send it without approval. */
  approvalFindings: Array<DiscountFinding>;
  /** When it was converted into an order; null until then. */
  convertedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The quotation this one was copied from; null when it is not a copy (or the caller may not see it). */
  copiedFrom?: Maybe<Quotation>;
  /** When the draft was made. */
  createdAt: Scalars['DateTime']['output'];
  /** A warning for the rep: the customer is on credit hold at finance now (null when not); the quotation was not blocked by it. */
  creditHold?: Maybe<CreditHoldWarning>;
  /** ISO 4217 code of the currency every price and total is in. */
  currency: Scalars['String']['output'];
  /** The customer the offer is for. Resolved by the customers subgraph; null only when the caller may not see customers. */
  customer?: Maybe<Customer>;
  /** Gross total: net plus tax. */
  grossTotal: Money;
  /** Every recorded change to this quotation, newest first; visible to whoever may see the quotation. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The products offered, in the order they were entered. */
  lines: Array<QuotationLine>;
  /** Net total: after line discounts, before tax. */
  netTotal: Money;
  /** Human-readable number without gaps, e.g. Q-000042; its revisions add -2, -3, … */
  number: Scalars['String']['output'];
  /** The opportunity the offer belongs to; null when none (or the caller may not see it). */
  opportunity?: Maybe<Opportunity>;
  /** The sales order made from it; null until converted. */
  order?: Maybe<SalesOrder>;
  /** Where the gateway serves this quotation as a PDF (GET with the bearer token): once sent, the PDF stored when it was sent, which never changes; before, as it stands. */
  pdfPath: Scalars['String']['output'];
  /** When the customer rejected it; null unless rejected. */
  rejectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the customer rejected it; null unless rejected with a reason. */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** 1 for the first version, 2 for its first revision, … */
  revision: Scalars['Int']['output'];
  /** The earlier version this one revises; null for a first version. */
  revisionOf?: Maybe<Quotation>;
  /** When it was sent to the customer; null until then. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the quotation stands; a sent quotation past its validity date shows EXPIRED. */
  status: QuotationStatus;
  /** The newer version that replaced this one; null while it is the latest. A superseded quotation cannot be accepted. */
  supersededBy?: Maybe<Quotation>;
  /** Tax total: the sum of each tax rate's tax. */
  taxTotal: Money;
  /** Net, tax and gross per tax rate, lowest rate first. */
  taxes: Array<SalesTaxTotal>;
  /** Terms and conditions printed on the offer; null when none. */
  terms?: Maybe<Scalars['String']['output']>;
  /** The last day the offer holds, as an ISO 8601 date (YYYY-MM-DD). */
  validUntil: Scalars['String']['output'];
};


/**
 * An offer to a customer, numbered Q-000001 (a revision: Q-000001-2), optionally for one of the
 * customer's opportunities: lines with product, quantity, price, discount and tax rate; exact totals
 * per tax rate; a currency, a validity date and terms. Accepted, it becomes a sales order.
 * Amounts: a line's net amount is exact to four places; totals are rounded half up at the currency's
 * minor unit per tax rate (tax on each rate's net total), and the document's totals are their sums.
 */
export type QuotationHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of quotations, newest first. */
export type QuotationConnection = {
  __typename?: 'QuotationConnection';
  /** The quotations on this page with their cursors. */
  edges: Array<QuotationEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One quotation in a page. */
export type QuotationEdge = {
  __typename?: 'QuotationEdge';
  /** Opaque cursor of this quotation. */
  cursor: Scalars['String']['output'];
  /** The quotation. */
  node: Quotation;
};

/** Narrows a quotation list; all given criteria must hold. */
export type QuotationFilter = {
  /** Only this customer's quotations. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this opportunity's quotations. */
  opportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only quotations showing this status (EXPIRED: sent and past validity). */
  status?: InputMaybe<QuotationStatus>;
};

/** One product offered on a quotation. */
export type QuotationLine = {
  __typename?: 'QuotationLine';
  /** What the customer reads on the line; the product's name unless given. */
  description: Scalars['String']['output'];
  /** Discount on the line in percent, 0 to 100 with up to two decimals, e.g. "12.5". */
  discountPercent: Scalars['String']['output'];
  /** Stable identifier (UUID); names the line when converting chosen lines into an order. */
  id: Scalars['ID']['output'];
  /** The price and discount of this customer's last order of the product; null when the customer never ordered it. */
  lastPrice?: Maybe<LastSalePrice>;
  /** quantity × net unit price × (1 − discount), exact, rounded half up to four places. */
  netAmount: Money;
  /** Whether the unit price was entered net or tax-inclusive. */
  priceEntry: SalesPriceEntry;
  /** The product offered, resolved by the inventory subgraph. */
  product?: Maybe<Product>;
  /** The product offered (owned by the inventory subgraph). */
  productId: Scalars['ID']['output'];
  /** How many units, a decimal string with up to three decimals, e.g. "2.5". */
  quantity: Scalars['String']['output'];
  /** Tax rate in percent, e.g. "19". */
  taxRate: Scalars['String']['output'];
  /** Price of one unit net of tax, four places at most (computed from the gross when entered tax-inclusive). */
  unitPrice: Money;
  /** Price of one unit including tax (as entered, or computed from the net). */
  unitPriceGross: Money;
};

/** Where a quotation stands. */
export type QuotationStatus =
  /** Accepted by the customer; may be converted into an order. */
  | 'ACCEPTED'
  /** Its discounts approved; may be sent as it is. A change to a line's price, discount or quantity voids the approval (back to DRAFT). */
  | 'APPROVED'
  /** Over its requester's discount limits and waiting for a team head above them (or a director) to approve it; a change to a line takes it back to DRAFT. */
  | 'AWAITING_APPROVAL'
  /** Converted into a sales order. */
  | 'CONVERTED'
  /** Being prepared; lines and terms may change. Sent directly when within the sender's discount limits, else approval is asked for first. */
  | 'DRAFT'
  /** Sent, and its validity date has passed: it can no longer be accepted (revise it instead). */
  | 'EXPIRED'
  /** Rejected by the customer. */
  | 'REJECTED'
  /** Sent to the customer, within its validity. */
  | 'SENT';

/** The funnel of the opportunities opened in a period in one pipeline. */
export type SalesFunnel = {
  __typename?: 'SalesFunnel';
  /** Of those, lost so far. */
  lost: Scalars['Int']['output'];
  /** Opportunities opened in the period. */
  opened: Scalars['Int']['output'];
  /** The pipeline. */
  pipelineId: Scalars['ID']['output'];
  /** Every stage but Lost, in pipeline order. */
  stages: Array<FunnelStage>;
  /** Won of those closed, percent, two places; null when none closed. */
  winRate?: Maybe<Scalars['String']['output']>;
  /** Of those, won so far. */
  won: Scalars['Int']['output'];
};

/** One product on a new quotation or order. */
export type SalesLineInput = {
  /** What the customer reads on the line; the product's name when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Discount in percent, 0 to 100, up to two decimals; the last price's discount when no price is given, else 0. */
  discountPercent?: InputMaybe<Scalars['String']['input']>;
  /** The product; it must be in the catalogue and active. */
  productId: Scalars['ID']['input'];
  /** How many units: a decimal string greater than zero with up to three decimals, e.g. "2.5". */
  quantity: Scalars['String']['input'];
  /** Tax rate in percent, 0 to 100, up to two decimals; 0 when omitted. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit net of tax, in the document's currency, up to four decimals. Give this or unitPriceGross; with neither, the customer's last price for the product is used, else the list price. */
  unitPrice?: InputMaybe<MoneyInput>;
  /** Price of one unit including tax, in the document's currency; the net price is computed from it (four places). */
  unitPriceGross?: InputMaybe<MoneyInput>;
};

/** A customer's confirmed order, numbered SO-000001, …; fulfilled by inventory, billed by finance. */
export type SalesOrder = {
  __typename?: 'SalesOrder';
  /** When the order was cancelled as a whole (nothing of it delivered or left to deliver); null unless CANCELLED. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it became COMPLETED (delivered, invoiced and paid in full); null until then. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the gateway serves this order's confirmation as a PDF (GET with the bearer token), printed from the order as it stands. */
  confirmationPdfPath: Scalars['String']['output'];
  /** When the order was confirmed. */
  confirmedAt: Scalars['DateTime']['output'];
  /** A warning for the rep: the customer is on credit hold at finance now (null when not); the order was not blocked by it. */
  creditHold?: Maybe<CreditHoldWarning>;
  /** The customer who ordered. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** When the last of its not-cancelled quantity was shipped; null while something is undelivered. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** How much of the order has been delivered (shipped). */
  deliveryStatus: SalesOrderDeliveryStatus;
  /** Gross total: net plus tax; null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies). */
  grossTotal?: Maybe<Money>;
  /** Every recorded change to this order (placing, cancelling, …), newest first; visible to whoever may see the order. Orders are cancelled, never deleted. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** How much of the order has been invoiced, and whether its invoices are paid. */
  invoiceStatus: SalesOrderInvoiceStatus;
  /** The products ordered, in the order they were entered. */
  lines: Array<SalesOrderLine>;
  /** The number of the loan or sample (LN-000001) the customer kept that the order was made of; null for other orders. */
  loanNumber?: Maybe<Scalars['String']['output']>;
  /** Human-readable order number, e.g. SO-000042, from a gap-tolerant sequence. */
  number: Scalars['String']['output'];
  /** Where the order came from: a quotation, a loan the customer kept, or entered directly. */
  origin: SalesOrderOrigin;
  /** When the last of its invoices was paid, the order being fully invoiced; null otherwise. */
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  /** The quotation the order was made from; null when entered directly (or the caller may not see it). */
  quotation?: Maybe<Quotation>;
  /** Where the order stands, derived from its lines' delivered and invoiced quantities and its invoices' payment (see SalesOrderStatus); never set by hand. */
  status: SalesOrderStatus;
  /** Tax total: each tax rate's net × rate, rounded half up at the currency's minor unit, summed; null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies). */
  taxTotal?: Maybe<Money>;
  /** Net, tax and gross per tax rate, lowest rate first; empty for callers who may not see prices beyond cost. */
  taxes: Array<SalesTaxTotal>;
  /** Net total (after line discounts, before tax): the lines' net amounts per tax rate rounded half up at the currency's minor unit, summed; null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies). */
  total?: Maybe<Money>;
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

/** How much of an order has been shipped. */
export type SalesOrderDeliveryStatus =
  /** Everything not cancelled shipped. */
  | 'FULLY_DELIVERED'
  /** Nothing shipped yet. */
  | 'NOTHING_DELIVERED'
  /** Some of it shipped. */
  | 'PARTLY_DELIVERED';

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

/** How much of an order has been invoiced (less credit notes) and paid. */
export type SalesOrderInvoiceStatus =
  /** Everything not cancelled invoiced; not every invoice paid. */
  | 'FULLY_INVOICED'
  /** Nothing invoiced yet. */
  | 'NOTHING_INVOICED'
  /** Everything not cancelled invoiced and every invoice paid. */
  | 'PAID'
  /** Some of it invoiced. */
  | 'PARTLY_INVOICED';

/** One product on a sales order, with what inventory reported of it. */
export type SalesOrderLine = {
  __typename?: 'SalesOrderLine';
  /** Units cancelled (only what was not delivered). */
  cancelledQuantity: Scalars['String']['output'];
  /** Units delivered: the sum of what inventory's shipments reported shipped for the line (`inventory.shipment.shipped.v2`). Sales counts goods as delivered when they leave the warehouse, as Odoo counts a done picking; the arrival (`shipment.delivered.v2`) changes no quantity. */
  deliveredQuantity: Scalars['String']['output'];
  /** What the customer reads on the line; the product's name unless given. */
  description: Scalars['String']['output'];
  /** Discount in percent, e.g. "12.5". */
  discountPercent: Scalars['String']['output'];
  /** Stable identifier (UUID); inventory and finance name the line by it. */
  id: Scalars['ID']['output'];
  /** Units invoiced less credited: finance's invoice lines for this line (`finance.invoice.issued.v2`) less its credit note lines (`finance.credit-note.issued.v1`). */
  invoicedQuantity: Scalars['String']['output'];
  /** The price and discount of this customer's order of the product before this one (not cancelled); null when there was none or the caller may not see prices beyond cost. */
  lastPrice?: Maybe<LastSalePrice>;
  /** quantity × net unit price × (1 − discount), exact, rounded half up to four decimals; null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies). */
  lineTotal?: Maybe<Money>;
  /** Units still to deliver: ordered less cancelled less delivered; what may still be cancelled. */
  openQuantity: Scalars['String']['output'];
  /** Whether the unit price was entered net or tax-inclusive. */
  priceEntry: SalesPriceEntry;
  /** The product ordered, resolved by the inventory subgraph; null once the product has been deleted from the catalogue (productId still names it). */
  product?: Maybe<Product>;
  /** The product ordered (owned by the inventory subgraph). */
  productId: Scalars['ID']['output'];
  /** How many units were ordered, as a decimal string with up to three decimals, e.g. "2.5". */
  quantity: Scalars['String']['output'];
  /** Units reserved for the line in inventory (reserved less released, as inventory reported). */
  reservedQuantity: Scalars['String']['output'];
  /** Units the customer sent back against the line's shipments (`inventory.return.received.v1`, restocked or scrapped). A returned unit still counts as delivered, so returns change no order or delivery state; finance credits what was invoiced of it and stops invoicing the rest. */
  returnedQuantity: Scalars['String']['output'];
  /** Units inventory reported it lacks for the line, less what it reserved since. */
  shortQuantity: Scalars['String']['output'];
  /** Tax rate in percent, e.g. "19". */
  taxRate: Scalars['String']['output'];
  /**
   * Units still to invoice per the line's invoicing basis, as Odoo's "to invoice", never negative. On delivery
   * (the default): delivered less returned less invoiced. Once invoiced ahead of delivery (prepaid, finance's
   * ORDERED basis): ordered less cancelled less returned less invoiced, so a prepaid, undelivered line shows 0,
   * not the negative of what was prepaid. A returned unit awaiting its credit note shows 0.
   */
  toInvoiceQuantity: Scalars['String']['output'];
  /** Price of one unit net of tax, in the order's currency; null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies). */
  unitPrice?: Maybe<Money>;
  /** Price of one unit including tax (as entered, or computed from the net); null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies). */
  unitPriceGross?: Maybe<Money>;
};

/** Where a sales order came from. */
export type SalesOrderOrigin =
  /** Entered directly (placeOrder). */
  | 'DIRECT'
  /**
   * Made of goods a customer kept from a loan or sample (inventory's convertLoan): one line of the kept
   * quantity at the price agreed or the list price. Inventory reserves nothing for it and reports the
   * goods shipped at once (they left when lent), so it is delivered and invoiceable without a new delivery.
   */
  | 'LOAN'
  /** Made from an accepted quotation (convertQuotation). */
  | 'QUOTATION';

/**
 * Where a sales order stands, derived from its lines and invoices and never set by hand. Each line
 * counts for its effective quantity: ordered less cancelled (never less than what was shipped).
 * The first that holds, in this order:
 * CANCELLED (no effective quantity left: everything cancelled before delivery);
 * COMPLETED (everything delivered and invoiced, every invoice of the order paid);
 * PAID (everything invoiced and every invoice paid, not all delivered yet);
 * INVOICED (everything invoiced, not all paid);
 * PARTLY_INVOICED (something invoiced);
 * DELIVERED (everything delivered, nothing invoiced);
 * PARTLY_DELIVERED (something delivered, nothing invoiced);
 * CONFIRMED (nothing delivered or invoiced yet).
 * Delivered means shipped (inventory's `shipment.shipped.v2`); invoiced means invoiced less credited.
 * A returned unit stays delivered and counts as invoiced (finance credits it, or never bills it), so a
 * return never reopens an order: an order invoiced and paid in full stays COMPLETED after a return.
 */
export type SalesOrderStatus =
  /** Cancelled before anything of it was delivered. */
  | 'CANCELLED'
  /** All of it shipped, invoiced and paid. */
  | 'COMPLETED'
  /** Confirmed; nothing delivered or invoiced yet. */
  | 'CONFIRMED'
  /** All of it shipped, nothing invoiced yet. */
  | 'DELIVERED'
  /** All of it invoiced, not all invoices paid. */
  | 'INVOICED'
  /** All of it invoiced and paid, not all shipped yet (paid in advance). */
  | 'PAID'
  /** Part of it shipped, nothing invoiced yet. */
  | 'PARTLY_DELIVERED'
  /** Part of it invoiced (less credit notes). */
  | 'PARTLY_INVOICED';

/** One salesperson's numbers over a period, per currency, and the orders' total in the base currency. */
export type SalesPerformance = {
  __typename?: 'SalesPerformance';
  /** Deals lost in the period. */
  lostCount: Scalars['Int']['output'];
  /** Their amounts per currency. */
  openAmounts: Array<Money>;
  /** Deals open now. */
  openCount: Scalars['Int']['output'];
  /** All orders confirmed in the period in the company's base currency: each currency's orders of a day at that day's rate (finance's rates, copied from its events), half up per day at the base's minor unit; BAD_USER_INPUT RATE_MISSING naming the currency and day without one. */
  orderTotalInBase: Money;
  /** Their net totals (after discounts, before tax) per currency. */
  orderTotals: Array<Money>;
  /** Orders confirmed in the period and not cancelled. */
  ordersCount: Scalars['Int']['output'];
  /** The rep (owner of the customers); null for customers without an owner. */
  repId?: Maybe<Scalars['ID']['output']>;
  /** Their amounts × stage probability per currency. */
  weightedOpenAmounts: Array<Money>;
  /** Won of those closed in the period, percent, two places; null when none closed. */
  winRate?: Maybe<Scalars['String']['output']>;
  /** Their amounts per currency. */
  wonAmounts: Array<Money>;
  /** Deals won in the period. */
  wonCount: Scalars['Int']['output'];
};

/** How a line's unit price was entered. */
export type SalesPriceEntry =
  /** Including tax; the net price is computed from it. */
  | 'GROSS'
  /** Net of tax. */
  | 'NET';

/**
 * A sales target of a rep or a team for a month or quarter, in one currency, with what was achieved:
 * the net totals (after discounts, before tax) of the orders confirmed in the period (UTC days) and
 * not cancelled, of the rep's customers (those they own now) or the team's customers (teams below it
 * are not added), in every currency counted in the target's.
 */
export type SalesTarget = {
  __typename?: 'SalesTarget';
  /**
   * What was achieved in the period in the target's currency: orders in that currency as they are; orders in
   * any other converted into the company's base currency at the rate of their day (half up at the base's minor
   * unit, as `achievedInBase`), then from base into the target's currency at that day's rate (half up at its
   * minor unit), exact. Null with a BAD_USER_INPUT RATE_MISSING error naming `achieved`, the currencies and
   * the day when a rate is missing (the other fields still answer).
   */
  achieved?: Maybe<Money>;
  /** What was achieved in the period in every currency, in the company's base currency: each currency's orders of a day at that day's rate (finance's rates, copied from its events); BAD_USER_INPUT RATE_MISSING naming the currency and day without one. */
  achievedInBase: Money;
  /** The target amount. */
  amount: Money;
  /** Achieved as a percentage of the target, two places ("87.50"); null for a zero target, or with the error of `achieved` when that is unknown. */
  attainment?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** First day after the period (YYYY-MM-DD). */
  periodEnd: Scalars['String']['output'];
  /** Month or quarter. */
  periodKind: TargetPeriod;
  /** First day of the period (YYYY-MM-DD). */
  periodStart: Scalars['String']['output'];
  /** The rep the target is for; null for a team's target. */
  repId?: Maybe<Scalars['ID']['output']>;
  /** The team: the team's target, or the team a rep's target was set within. */
  teamId?: Maybe<Scalars['ID']['output']>;
};

/** A document's amounts at one tax rate. */
export type SalesTaxTotal = {
  __typename?: 'SalesTaxTotal';
  /** net + tax. */
  gross: Money;
  /** The lines' net amounts at this rate, summed and rounded half up at the currency's minor unit. */
  net: Money;
  /** net × rate, rounded half up at the currency's minor unit. */
  tax: Money;
  /** The tax rate in percent, e.g. "19". */
  taxRate: Scalars['String']['output'];
};

/** New limits for a role or for one user; give exactly one of role and userId. */
export type SetDiscountLimitInput = {
  /** The largest discount on one line, percent 0 to 100, two decimals at most. */
  maxLineDiscount: Scalars['String']['input'];
  /** The largest discount on the whole document, percent 0 to 100. */
  maxTotalDiscount: Scalars['String']['input'];
  /** The least margin over cost in percent of the net, 0 to 100; null for no floor. */
  minMarginPercent?: InputMaybe<Scalars['String']['input']>;
  /** The role, e.g. SALES_REP. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** The user whose own limits these are (overriding their role's). */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A target to set; setting it again for the same rep or team, period and currency replaces the amount. */
export type SetSalesTargetInput = {
  /** The target amount; not negative. */
  amount: MoneyInput;
  /** Month or quarter. */
  periodKind: TargetPeriod;
  /** First day of the month or quarter (YYYY-MM-DD). */
  periodStart: Scalars['String']['input'];
  /** The rep, for a rep's target. */
  repId?: InputMaybe<Scalars['ID']['input']>;
  /** The team (required of team heads: one they head); alone, the team's target. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** Whether a target is for a month or a quarter. */
export type TargetPeriod =
  /** A calendar month. */
  | 'MONTH'
  /** A calendar quarter (from January, April, July or October). */
  | 'QUARTER';

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** Changes to a draft quotation's header; omitted fields stay as they are. */
export type UpdateQuotationInput = {
  /** Terms and conditions; null clears them. */
  terms?: InputMaybe<Scalars['String']['input']>;
  /** The last day the offer holds (YYYY-MM-DD), not in the past. */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};
