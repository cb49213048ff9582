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

/** How much purchase orders one approver level approves, in the base currency. */
export type ApprovalLimit = {
  __typename?: 'ApprovalLimit';
  /** BUYER, PURCHASING_HEAD or DIRECTOR. */
  level: ApproverLevel;
  /** The largest order net total (base currency) the level approves; null: no limit. */
  maxAmount?: Maybe<Money>;
};

/** Who approves purchase orders up to which limit: a buyer, the purchasing head (a team head, or a user given the level), a director or admin. */
export type ApproverLevel =
  /** Any buyer. */
  | 'BUYER'
  /** Directors and admins. */
  | 'DIRECTOR'
  /** The purchasing head. */
  | 'PURCHASING_HEAD';

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

/** A new purchase order. */
export type CreatePurchaseOrderInput = {
  /** ISO 4217 code; must be the supplier's currency (the default). */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 lines. */
  lines: Array<PurchaseOrderLineInput>;
  /** The supplier (UUID). */
  supplierId: Scalars['ID']['input'];
  /** The warehouse the goods are expected in (UUID): one inventory announced and still in use (BAD_USER_INPUT WAREHOUSE_NOT_FOUND or WAREHOUSE_INACTIVE naming input.warehouseId otherwise). */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
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

/** How reliably a supplier delivers on the expected date. */
export type DeliveryPerformance = {
  __typename?: 'DeliveryPerformance';
  /** Order lines with an expected date received in full. */
  delivered: Scalars['Int']['output'];
  /** Of them, complete on or before the expected date. */
  onTime: Scalars['Int']['output'];
  /** onTime / delivered in percent, two decimals, e.g. "87.50". */
  onTimeRate: Scalars['String']['output'];
  /** The supplier. */
  supplier?: Maybe<Supplier>;
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

/** A payment to a supplier. */
export type MakeSupplierPaymentInput = {
  /** Bills it settles; their sum not above the amount. The rest is an advance. */
  allocations?: InputMaybe<Array<SupplierPaymentAllocationInput>>;
  /** The amount, positive, in the supplier's currency. */
  amount: MoneyInput;
  /** The bank account paid from. */
  bankAccount?: InputMaybe<Scalars['String']['input']>;
  /** How it was paid. */
  method: SupplierPaymentMethod;
  /** The day it was paid (YYYY-MM-DD); today when omitted. */
  paidOn?: InputMaybe<Scalars['String']['input']>;
  /** The payment's reference. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** The supplier (UUID). */
  supplierId: Scalars['ID']['input'];
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
  /** Adds a line; a change voids any approval (the order is a draft again). */
  addPurchaseOrderLine: PurchaseOrder;
  /** Adds an address to a supplier. */
  addSupplierAddress: SupplierAddress;
  /** Adds a contact to a supplier. */
  addSupplierContact: SupplierContact;
  /** Applies (part of) a payment's advance to bills. */
  applySupplierPayment: SupplierPayment;
  /** Approves an order awaiting approval, within the approver's limit; nobody approves their own (BAD_USER_INPUT SELF_APPROVAL naming id). */
  approvePurchaseOrder: PurchaseOrder;
  /** Cancels an order; what an approved order still expects is withdrawn from inventory. */
  cancelPurchaseOrder: PurchaseOrder;
  /** Closes an open inquiry without ordering; announced as purchasing.inquiry.closed.v1 with no choices. */
  closePurchaseInquiry: PurchaseInquiry;
  /** Copies an order as a new draft that must be sent and approved like any other. */
  copyPurchaseOrder: PurchaseOrder;
  /** Drafts a purchase order to a supplier, in its currency; unit prices default to the supplier's best price. */
  createPurchaseOrder: PurchaseOrder;
  /** Turns open suggestions into draft purchase orders, one per supplier and warehouse, at each supplier's price today. */
  createPurchaseOrdersFromSuggestions: Array<PurchaseOrder>;
  /** Creates a supplier. */
  createSupplier: Supplier;
  /** Deletes a supplier softly: it disappears from the list and lookups, references to it resolve to null, and it can be restored; CONFLICT when already deleted. */
  deleteSupplier: Supplier;
  /** Retires a price (softly); CONFLICT when already retired. */
  deleteSupplierPrice: SupplierPrice;
  /**
   * Enters supplier opening balances (one, or an import of up to 500), all or none: each becomes a
   * registered bill without a purchase order, owed in full and payable like any bill (accountants,
   * directors and admins; buyers only read). Announced as purchasing.bill.registered.v1.
   */
  enterSupplierOpeningBalances: Array<SupplierBill>;
  /** Records a payment to a supplier, settling bills partly or fully; the rest is an advance. */
  makeSupplierPayment: SupplierPayment;
  /**
   * Orders the chosen answers: one draft purchase order per supplier at the answered prices and tax rates (expected
   * after the answered lead time), the prices recorded as the suppliers' prices (from the quantity asked,
   * until the answer's last valid day), and the inquiry closed (purchasing.inquiry.closed.v1).
   */
  orderFromPurchaseInquiry: PurchaseInquiry;
  /** Records a supplier's answer for some or all lines of an open inquiry; announced as purchasing.inquiry.answered.v2. */
  recordPurchaseInquiryAnswer: PurchaseInquiry;
  /** Registers a supplier's bill against an approved order with a three-way match; held for approval when a line differs beyond the tolerance. */
  registerSupplierBill: SupplierBill;
  /** Releases a held bill (finance, the purchasing head or a director; not who registered it). */
  releaseSupplierBill: SupplierBill;
  /** Removes a line nothing was received or billed of; voids any approval. */
  removePurchaseOrderLine: PurchaseOrder;
  /** Removes an address (softly); CONFLICT when already removed. */
  removeSupplierAddress: SupplierAddress;
  /** Removes a contact (softly); CONFLICT when already removed. */
  removeSupplierContact: SupplierContact;
  /** Restores a deleted supplier (admins, directors, buyers); CONFLICT when it is not deleted. */
  restoreSupplier: Supplier;
  /** Sends an inquiry (RFQ-…) for products and quantities to several suppliers; announced as purchasing.inquiry.sent.v1. */
  sendPurchaseInquiry: PurchaseInquiry;
  /** Sets a level's approval limit in the base currency (null: no limit); directors and admins. */
  setApprovalLimit: ApprovalLimit;
  /** Gives a user an approver level (e.g. PURCHASING_HEAD) or, with null, takes it away; directors and admins. */
  setApproverLevel?: Maybe<PurchasingApprover>;
  /** Records a supplier's price for a product; BAD_USER_INPUT naming the field for an unknown product, a price in another currency than the supplier's, or a bad window. */
  setSupplierPrice: SupplierPrice;
  /**
   * Settles (part of) a debit note: applies amounts to the supplier's open bills and/or records the
   * supplier's refund, together at most what is open of it; announced as purchasing.debit-note.settled.v1.
   */
  settleSupplierDebitNote: SupplierDebitNote;
  /**
   * Sends a draft: approved at once when the sender's approval limit covers its amount together with
   * the other orders sent to the same supplier that day; otherwise AWAITING_APPROVAL with the reason.
   */
  submitPurchaseOrder: PurchaseOrder;
  /** Changes a line; a change voids any approval (the order is a draft again). */
  updatePurchaseOrderLine: PurchaseOrder;
};


export type MutationAddPurchaseOrderLineArgs = {
  id: Scalars['ID']['input'];
  line: PurchaseOrderLineInput;
};


export type MutationAddSupplierAddressArgs = {
  input: SupplierAddressInput;
  supplierId: Scalars['ID']['input'];
};


export type MutationAddSupplierContactArgs = {
  input: SupplierContactInput;
  supplierId: Scalars['ID']['input'];
};


export type MutationApplySupplierPaymentArgs = {
  allocations: Array<SupplierPaymentAllocationInput>;
  id: Scalars['ID']['input'];
};


export type MutationApprovePurchaseOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelPurchaseOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationClosePurchaseInquiryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCopyPurchaseOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreatePurchaseOrderArgs = {
  input: CreatePurchaseOrderInput;
};


export type MutationCreatePurchaseOrdersFromSuggestionsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationCreateSupplierArgs = {
  input: CreateSupplierInput;
};


export type MutationDeleteSupplierArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSupplierPriceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnterSupplierOpeningBalancesArgs = {
  input: Array<SupplierOpeningBalanceInput>;
};


export type MutationMakeSupplierPaymentArgs = {
  input: MakeSupplierPaymentInput;
};


export type MutationOrderFromPurchaseInquiryArgs = {
  id: Scalars['ID']['input'];
  input: OrderFromPurchaseInquiryInput;
};


export type MutationRecordPurchaseInquiryAnswerArgs = {
  input: RecordPurchaseInquiryAnswerInput;
};


export type MutationRegisterSupplierBillArgs = {
  input: RegisterSupplierBillInput;
};


export type MutationReleaseSupplierBillArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemovePurchaseOrderLineArgs = {
  id: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
};


export type MutationRemoveSupplierAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveSupplierContactArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreSupplierArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendPurchaseInquiryArgs = {
  input: SendPurchaseInquiryInput;
};


export type MutationSetApprovalLimitArgs = {
  level: ApproverLevel;
  maxAmount?: InputMaybe<MoneyInput>;
};


export type MutationSetApproverLevelArgs = {
  level?: InputMaybe<ApproverLevel>;
  userId: Scalars['ID']['input'];
};


export type MutationSetSupplierPriceArgs = {
  input: SetSupplierPriceInput;
};


export type MutationSettleSupplierDebitNoteArgs = {
  id: Scalars['ID']['input'];
  input: SettleSupplierDebitNoteInput;
};


export type MutationSubmitPurchaseOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdatePurchaseOrderLineArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePurchaseOrderLineInput;
  lineId: Scalars['ID']['input'];
};

/** The answers chosen to order. */
export type OrderFromPurchaseInquiryInput = {
  /** One choice per line ordered (1 or more; lines left out are not ordered). */
  choices: Array<PurchaseInquiryChoiceInput>;
  /** The warehouse the goods are expected in (UUID), one inventory announced and still in use; the warehouse chooses at receipt when omitted. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** Where a page of a list ends, for keyset pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A price a product was ordered at. */
export type PricePoint = {
  __typename?: 'PricePoint';
  /** The order's approval day (YYYY-MM-DD). */
  day: Scalars['String']['output'];
  /** The purchase order's number. */
  purchaseOrderNumber: Scalars['String']['output'];
  /** Units ordered on the line. */
  quantity: Scalars['String']['output'];
  /** The supplier. */
  supplier?: Maybe<Supplier>;
  /** The unit price ordered. */
  unitPrice: Money;
};

/** Something the business sells and ships: a code (SKU), a name, a unit of measure and a list price. */
export type Product = {
  __typename?: 'Product';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/**
 * A request for quotation, numbered RFQ-000001: products and quantities asked of several suppliers at
 * once. Each supplier's answers (price per unit, lead time, how long the price holds) are recorded line
 * by line, compared side by side, and the chosen ones become draft purchase orders, one per supplier.
 */
export type PurchaseInquiry = {
  __typename?: 'PurchaseInquiry';
  /** When it was closed; null while open. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who closed it; null while open. */
  closedBy?: Maybe<Scalars['ID']['output']>;
  /**
   * The answers side by side, one entry per line: every answer for it, best first — answers that still
   * hold before expired ones; answers whose currency converts into the base currency at finance's rate
   * of today before those without a rate (flagged rateMissing, never compared as if in the base
   * currency); then the lower unit price in the base currency, the shorter lead time, the earlier
   * answer — and the suppliers that did not answer the line.
   */
  comparison: Array<PurchaseInquiryComparison>;
  /** Who sent it. */
  createdBy: Scalars['ID']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The products and quantities asked for, in the order entered. */
  lines: Array<PurchaseInquiryLine>;
  /** A free note for the suppliers; null when none. */
  note?: Maybe<Scalars['String']['output']>;
  /** Human-readable number without gaps, e.g. RFQ-000042. */
  number: Scalars['String']['output'];
  /** The draft purchase orders made from the chosen answers (one per supplier); empty until then. */
  purchaseOrders: Array<PurchaseOrder>;
  /** The day answers are wanted by (YYYY-MM-DD); null when not said. */
  respondBy?: Maybe<Scalars['String']['output']>;
  /** When it was sent. */
  sentAt: Scalars['DateTime']['output'];
  /** SENT while answers are awaited; CLOSED once answers were chosen or the inquiry was given up. */
  status: PurchaseInquiryStatus;
  /** The suppliers asked, in the order entered, with whether they answered. */
  suppliers: Array<PurchaseInquirySupplier>;
};

/** One supplier's answer for one line of an inquiry. */
export type PurchaseInquiryAnswer = {
  __typename?: 'PurchaseInquiryAnswer';
  /** When it was recorded. */
  answeredAt: Scalars['DateTime']['output'];
  /** Whether it was chosen (it went to a purchase order). */
  chosen: Scalars['Boolean']['output'];
  /** Whether the price no longer holds today (it cannot be chosen). */
  expired: Scalars['Boolean']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Days from ordering to delivery. */
  leadTimeDays: Scalars['Int']['output'];
  /** The line's quantity × the unit price, exact to four places. */
  lineAmount: Money;
  /** The line amount in the base currency at finance's rate of today; null when no rate is known (rateMissing). */
  lineAmountInBase?: Maybe<Money>;
  /** The line answered. */
  lineId: Scalars['ID']['output'];
  /** Whether no exchange rate from the answer's currency to the base currency is known for today: the answer cannot be compared and ranks after those that can. */
  rateMissing: Scalars['Boolean']['output'];
  /** The supplier; null when the caller may not see suppliers (or it was deleted). */
  supplier?: Maybe<Supplier>;
  /** The supplier answering. */
  supplierId: Scalars['ID']['output'];
  /** The tax rate quoted, in percent (0 when not said); the purchase order line made from the answer takes it. */
  taxRate: Scalars['String']['output'];
  /** Price of one unit net of tax, in the supplier's currency. */
  unitPrice: Money;
  /** The unit price in the base currency at finance's rate of today (half up at the base currency's minor unit); null when no rate is known (rateMissing). */
  unitPriceInBase?: Maybe<Money>;
  /** Last day the price holds (YYYY-MM-DD); null when not said. */
  validUntil?: Maybe<Scalars['String']['output']>;
};

/** A supplier's answer for one line. */
export type PurchaseInquiryAnswerLineInput = {
  /** Days from ordering to delivery (0–3650); 0 when omitted. */
  leadTimeDays?: InputMaybe<Scalars['Int']['input']>;
  /** The inquiry line answered. */
  lineId: Scalars['ID']['input'];
  /** Tax rate in percent quoted on the line, 0–100 with up to two decimals; 0 when omitted (as on an order line entered directly). */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit net of tax; must be in the supplier's currency. */
  unitPrice: MoneyInput;
  /** Last day the price holds (YYYY-MM-DD), not before today; null when not said. */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

/** Which supplier's answer to take for a line. */
export type PurchaseInquiryChoiceInput = {
  /** The inquiry line. */
  lineId: Scalars['ID']['input'];
  /** The supplier whose answer for the line is taken. */
  supplierId: Scalars['ID']['input'];
};

/** The answers for one line of an inquiry, side by side. */
export type PurchaseInquiryComparison = {
  __typename?: 'PurchaseInquiryComparison';
  /** Every answer for the line, best first (see PurchaseInquiry.comparison). */
  answers: Array<PurchaseInquiryAnswer>;
  /** The best answer that still holds and converts into the base currency; null when none does. */
  best?: Maybe<PurchaseInquiryAnswer>;
  /** The line. */
  line: PurchaseInquiryLine;
  /** The suppliers asked that gave no answer for this line. */
  unansweredSupplierIds: Array<Scalars['ID']['output']>;
};

/** A page of inquiries, newest first. */
export type PurchaseInquiryConnection = {
  __typename?: 'PurchaseInquiryConnection';
  /** The inquiries on this page. */
  edges: Array<PurchaseInquiryEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One inquiry in a page. */
export type PurchaseInquiryEdge = {
  __typename?: 'PurchaseInquiryEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The inquiry. */
  node: PurchaseInquiry;
};

/** One product and quantity asked for. */
export type PurchaseInquiryLine = {
  __typename?: 'PurchaseInquiryLine';
  /** What the line says; the product's name unless given. */
  description: Scalars['String']['output'];
  /** Stable identifier (UUID); answers and choices name it. */
  id: Scalars['ID']['output'];
  /** The product, resolved by the inventory subgraph. */
  product?: Maybe<Product>;
  /** The product asked for. */
  productId: Scalars['ID']['output'];
  /** Units asked for, a decimal string with up to three decimals. */
  quantity: Scalars['String']['output'];
};

/** A line of a new inquiry. */
export type PurchaseInquiryLineInput = {
  /** What the line says; the product's name when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The product (UUID), in the catalogue and in use; each product once per inquiry. */
  productId: Scalars['ID']['input'];
  /** Units, a positive decimal string with up to three decimals. */
  quantity: Scalars['String']['input'];
};

/** Where an inquiry stands. */
export type PurchaseInquiryStatus =
  /** Closed: answers were chosen (orders drafted) or it was given up. */
  | 'CLOSED'
  /** Sent; answers are awaited and recorded. */
  | 'SENT';

/** A supplier an inquiry was sent to. */
export type PurchaseInquirySupplier = {
  __typename?: 'PurchaseInquirySupplier';
  /** When it last answered; null while it has not. */
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the gateway serves the inquiry's letter to this supplier as a PDF (GET with the bearer token): the lines and quantities asked, the reply-by day and the company's letterhead, no prices. */
  letterPdfPath: Scalars['String']['output'];
  /** The draft purchase order made from its chosen answers; null when none of its answers was chosen. */
  purchaseOrder?: Maybe<PurchaseOrder>;
  /** The supplier; null when the caller may not see suppliers (or it was deleted). */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
};

/**
 * An order to a supplier, numbered PO-000001: lines with product, quantity, unit price, tax rate and
 * expected date; exact totals; approval by amount. Its state follows its approval and the quantities
 * inventory reports received.
 */
export type PurchaseOrder = {
  __typename?: 'PurchaseOrder';
  /** The amount (base currency) an approver's limit must cover; null while a draft or when it cannot be converted. */
  approvalAmount?: Maybe<Money>;
  /** Why it was approved when sent (WITHIN_LIMIT) or waits for an approver (ABOVE_LIMIT, SAME_DAY_SPLIT, NO_EXCHANGE_RATE); null while a draft. */
  approvalReason?: Maybe<Scalars['String']['output']>;
  /** When it was approved; null unless approved. */
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who approved it; null when approved within the sender's own limit, or not approved. */
  approvedBy?: Maybe<Scalars['ID']['output']>;
  /** How much of it the supplier billed: NOT_BILLED, PARTLY_BILLED, or BILLED (every line billed as far as ordered, less cancelled). */
  billingStatus: PurchaseOrderBillingStatus;
  /** The bills registered against the order, oldest first; empty for callers who may not see bills. */
  bills: Array<SupplierBill>;
  /** When it was cancelled; null unless cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The order this one was copied from; null when not a copy. */
  copiedFrom?: Maybe<PurchaseOrder>;
  /** When the draft was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Who drafted it. */
  createdBy: Scalars['ID']['output'];
  /** ISO 4217 code of every price and total on the order (the supplier's currency). */
  currency: Scalars['String']['output'];
  /** Gross total: net plus tax. */
  grossTotal: Money;
  /** Every recorded change, newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The lines, in the order entered. */
  lines: Array<PurchaseOrderLine>;
  /** Net total, before tax. */
  netTotal: Money;
  /** Human-readable number without gaps, e.g. PO-000042. */
  number: Scalars['String']['output'];
  /** Where the gateway serves this purchase order as a PDF (GET with the bearer token), printed from the order as it stands. */
  pdfPath: Scalars['String']['output'];
  /** What inventory received against the order, receipt by receipt and line by line, oldest first. */
  receipts: Array<PurchaseReceiptLine>;
  /** Where the order stands: its approval, then what was received. */
  status: PurchaseOrderStatus;
  /** When it was sent; null while a draft. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who sent it; null while a draft. */
  submittedBy?: Maybe<Scalars['ID']['output']>;
  /** The supplier; null when the caller may not see suppliers (or it was deleted). */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
  /** Tax total. */
  taxTotal: Money;
  /** The warehouse the goods are expected in; null lets the warehouse choose at receipt. */
  warehouseId?: Maybe<Scalars['ID']['output']>;
};


/**
 * An order to a supplier, numbered PO-000001: lines with product, quantity, unit price, tax rate and
 * expected date; exact totals; approval by amount. Its state follows its approval and the quantities
 * inventory reports received.
 */
export type PurchaseOrderHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How much of a purchase order the supplier billed. */
export type PurchaseOrderBillingStatus =
  /** Every line billed as far as ordered (less cancelled). */
  | 'BILLED'
  /** Nothing billed yet. */
  | 'NOT_BILLED'
  /** Some lines or quantities billed. */
  | 'PARTLY_BILLED';

/** A page of purchase orders, newest first. */
export type PurchaseOrderConnection = {
  __typename?: 'PurchaseOrderConnection';
  /** The orders on this page. */
  edges: Array<PurchaseOrderEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One purchase order in a page. */
export type PurchaseOrderEdge = {
  __typename?: 'PurchaseOrderEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: PurchaseOrder;
};

/** Narrows a purchase order list. */
export type PurchaseOrderFilter = {
  /** Only orders showing this state. */
  status?: InputMaybe<PurchaseOrderStatus>;
  /**
   * Only orders showing one of these states, e.g. the open ones: [AWAITING_APPROVAL, APPROVED,
   * PARTLY_RECEIVED]. Narrows together with `status` (both: orders in `status` if it is listed); an
   * empty list matches none.
   */
  statuses?: InputMaybe<Array<PurchaseOrderStatus>>;
  /** Only this supplier's. */
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};

/** One product ordered. */
export type PurchaseOrderLine = {
  __typename?: 'PurchaseOrderLine';
  /** Units billed by the supplier on registered bills. */
  billedQuantity: Scalars['String']['output'];
  /** Units cancelled (only what was still open). */
  cancelledQuantity: Scalars['String']['output'];
  /** The product's name unless given. */
  description: Scalars['String']['output'];
  /** When the goods are expected (YYYY-MM-DD); null when not said. */
  expectedDate?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID); inventory receives against it. */
  id: Scalars['ID']['output'];
  /** quantity × unit price, exact to four places. */
  netAmount: Money;
  /** Units still expected: ordered less cancelled less received. */
  openQuantity: Scalars['String']['output'];
  /** The product, resolved by the inventory subgraph. */
  product?: Maybe<Product>;
  /** The product ordered. */
  productId: Scalars['ID']['output'];
  /** The order it belongs to. */
  purchaseOrderId: Scalars['ID']['output'];
  /** The order's number. */
  purchaseOrderNumber: Scalars['String']['output'];
  /** Units ordered, a decimal string with up to three decimals. */
  quantity: Scalars['String']['output'];
  /** Units inventory reported received. */
  receivedQuantity: Scalars['String']['output'];
  /** Tax rate in percent, e.g. "19". */
  taxRate: Scalars['String']['output'];
  /** Price of one unit net of tax. */
  unitPrice: Money;
};

/** A line of a new purchase order. */
export type PurchaseOrderLineInput = {
  /** What the line says; the product's name when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When the goods are expected (YYYY-MM-DD); today plus the price's lead time when omitted. */
  expectedDate?: InputMaybe<Scalars['String']['input']>;
  /** The product (UUID), in the catalogue and in use. */
  productId: Scalars['ID']['input'];
  /** Units, a positive decimal string with up to three decimals. */
  quantity: Scalars['String']['input'];
  /** Tax rate in percent (0–100); 0 when omitted. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit net of tax in the order's currency; the supplier's best price for the quantity today when omitted. */
  unitPrice?: InputMaybe<MoneyInput>;
};

/** Where a purchase order stands. */
export type PurchaseOrderStatus =
  /** Approved and sent to the supplier; nothing received yet. */
  | 'APPROVED'
  /** Sent, waiting for an approver whose limit covers it. */
  | 'AWAITING_APPROVAL'
  /** Cancelled (what was open is no longer expected). */
  | 'CANCELLED'
  /** Being prepared; not sent. */
  | 'DRAFT'
  /** Some goods received, some still expected. */
  | 'PARTLY_RECEIVED'
  /** Every line received in full. */
  | 'RECEIVED';

/** What one receipt of inventory brought for one purchase order line. */
export type PurchaseReceiptLine = {
  __typename?: 'PurchaseReceiptLine';
  /** The product received. */
  productId: Scalars['ID']['output'];
  /** The order line received against. */
  purchaseOrderLineId: Scalars['ID']['output'];
  /** Units received. */
  quantity: Scalars['String']['output'];
  /** The receipt's id in inventory. */
  receiptId: Scalars['ID']['output'];
  /** The receipt's number in inventory. */
  receiptNumber: Scalars['String']['output'];
  /** When it was received. */
  receivedAt: Scalars['DateTime']['output'];
  /** The warehouse it was received into. */
  warehouseId: Scalars['ID']['output'];
};

/** A user's approver level beyond their role. */
export type PurchasingApprover = {
  __typename?: 'PurchasingApprover';
  /** The level. */
  level: ApproverLevel;
  /** The user (owned by identity). */
  userId: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The approval limit of each level. */
  approvalLimits: Array<ApprovalLimit>;
  /**
   * The best current price of a product for a quantity on a day (today when omitted): the lowest among
   * live suppliers' prices valid that day whose minimum quantity the quantity reaches, preferring the
   * base currency (finance's, EUR until it sets one), then the shorter lead time; null when no supplier offers it.
   */
  bestPrice?: Maybe<SupplierPrice>;
  /** Lines of approved orders whose expected date is before `on` (today by default) and that still expect goods, oldest first (at most 500). */
  overdueReceipts: Array<PurchaseOrderLine>;
  /** Inquiries newest first, optionally in one state, paged by cursor (first at most 100). */
  purchaseInquiries: PurchaseInquiryConnection;
  /** One inquiry by id; NOT_FOUND when none. */
  purchaseInquiry: PurchaseInquiry;
  /** One purchase order by id; NOT_FOUND when none. */
  purchaseOrder: PurchaseOrder;
  /** Purchase orders newest first, filtered, paged by cursor (first at most 100). */
  purchaseOrders: PurchaseOrderConnection;
  /** The prices a product was ordered at, oldest first (approved orders), of one supplier when given. */
  purchasePriceHistory: Array<PricePoint>;
  /** Spend per supplier, product or month within [from, to] (bill dates, YYYY-MM-DD), per currency. */
  purchaseSpend: Array<SpendRow>;
  /** The purchasing service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  purchasingEventBus: EventBusStatus;
  /** Reorder suggestions in a state (OPEN by default), oldest first (at most 500). */
  reorderSuggestions: Array<ReorderSuggestion>;
  /** One supplier by id; NOT_FOUND when no such supplier exists. */
  supplier: Supplier;
  /** One bill by id; NOT_FOUND when none. */
  supplierBill: SupplierBill;
  /** Bills newest first (at most 500). */
  supplierBills: Array<SupplierBill>;
  /** One debit note by id; NOT_FOUND when none. */
  supplierDebitNote: SupplierDebitNote;
  /** Debit notes newest first (at most 500), of one supplier or all. */
  supplierDebitNotes: Array<SupplierDebitNote>;
  /** On-time delivery per supplier. */
  supplierDeliveryPerformance: Array<DeliveryPerformance>;
  /**
   * A dry run of enterSupplierOpeningBalances (accountants, directors and admins): checks every row as
   * it would, naming fields rows[i].<field>, and reports what would be written and every refused row.
   * Writes nothing.
   */
  supplierOpeningBalancesDryRun: SupplierOpeningBalanceDryRun;
  /** What is owed per supplier and currency on a day (today by default), aged by days past due. */
  supplierPayables: Array<SupplierPayable>;
  /** One payment by id; NOT_FOUND when none. */
  supplierPayment: SupplierPayment;
  /** Payments newest first (at most 500), of one supplier or all. */
  supplierPayments: Array<SupplierPayment>;
  /** Live supplier prices of a supplier and/or a product, cheapest first (at most 500). */
  supplierPrices: Array<SupplierPrice>;
  /** Suppliers ordered by name, filtered, paged by cursor (`first` at most 100). */
  suppliers: SupplierConnection;
};


export type QueryBestPriceArgs = {
  on?: InputMaybe<Scalars['String']['input']>;
  productId: Scalars['ID']['input'];
  quantity: Scalars['String']['input'];
};


export type QueryOverdueReceiptsArgs = {
  on?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPurchaseInquiriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<PurchaseInquiryStatus>;
};


export type QueryPurchaseInquiryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPurchaseOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPurchaseOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PurchaseOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPurchasePriceHistoryArgs = {
  productId: Scalars['ID']['input'];
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPurchaseSpendArgs = {
  by: SpendGrouping;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReorderSuggestionsArgs = {
  status?: InputMaybe<ReorderSuggestionStatus>;
};


export type QuerySupplierArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierBillArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierBillsArgs = {
  filter?: InputMaybe<SupplierBillFilter>;
};


export type QuerySupplierDebitNoteArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierDebitNotesArgs = {
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySupplierOpeningBalancesDryRunArgs = {
  rows: Array<SupplierOpeningBalanceInput>;
};


export type QuerySupplierPayablesArgs = {
  on?: InputMaybe<Scalars['String']['input']>;
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySupplierPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierPaymentsArgs = {
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySupplierPricesArgs = {
  productId?: InputMaybe<Scalars['ID']['input']>;
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySuppliersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupplierFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A supplier's answer to an inquiry: some or all of its lines (a line answered again replaces the earlier answer). */
export type RecordPurchaseInquiryAnswerInput = {
  /** The inquiry. */
  inquiryId: Scalars['ID']['input'];
  /** 1 or more lines, each once. */
  lines: Array<PurchaseInquiryAnswerLineInput>;
  /** The supplier answering; must be one the inquiry was sent to. */
  supplierId: Scalars['ID']['input'];
};

/** A supplier's bill to register. */
export type RegisterSupplierBillInput = {
  /** The bill's date (YYYY-MM-DD). */
  billDate: Scalars['String']['input'];
  /** 1 to 200 lines. */
  lines: Array<SupplierBillLineInput>;
  /** The purchase order billed (UUID), approved. */
  purchaseOrderId: Scalars['ID']['input'];
  /** The supplier's invoice number; refused when already registered for the supplier. */
  supplierReference: Scalars['String']['input'];
};

/**
 * What to reorder because inventory's available stock of a product in a warehouse fell below its
 * safety level: the reorder quantity, the supplier with the best current price, and that price.
 */
export type ReorderSuggestion = {
  __typename?: 'ReorderSuggestion';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The product, resolved by the inventory subgraph. */
  product?: Maybe<Product>;
  /** The product to reorder. */
  productId: Scalars['ID']['output'];
  /** The purchase order made of it; null until ordered. */
  purchaseOrder?: Maybe<PurchaseOrder>;
  /** How many units to order (inventory's reorder quantity). */
  quantity: Scalars['String']['output'];
  /** When inventory raised the alarm. */
  raisedAt: Scalars['DateTime']['output'];
  /** OPEN, ORDERED (a purchase order was made of it) or CLEARED (the stock recovered first). */
  status: ReorderSuggestionStatus;
  /** The supplier with the best current price; null when no supplier offers the product. */
  supplier?: Maybe<Supplier>;
  /** That supplier's unit price; null without a supplier. */
  unitPrice?: Maybe<Money>;
  /** The warehouse whose stock is low. */
  warehouseId: Scalars['ID']['output'];
};

/** Where a reorder suggestion stands. */
export type ReorderSuggestionStatus =
  /** The stock recovered before it was ordered. */
  | 'CLEARED'
  /** Waiting for a buyer. */
  | 'OPEN'
  /** A purchase order was made of it. */
  | 'ORDERED';

/** A new inquiry, sent at once. */
export type SendPurchaseInquiryInput = {
  /** 1 to 200 lines. */
  lines: Array<PurchaseInquiryLineInput>;
  /** A note for the suppliers (at most 2,000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The day answers are wanted by (YYYY-MM-DD). */
  respondBy?: InputMaybe<Scalars['String']['input']>;
  /** The suppliers to ask (1–50 live suppliers, each once). */
  supplierIds: Array<Scalars['ID']['input']>;
};

/** A supplier's price for a product. */
export type SetSupplierPriceInput = {
  /** Days from ordering to delivery (0–3650); 0 when omitted. */
  leadTimeDays?: InputMaybe<Scalars['Int']['input']>;
  /** The smallest quantity at which the price applies; 0 when omitted. */
  minimumQuantity?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit net of tax, in the supplier's currency. */
  price: MoneyInput;
  /** The product (UUID), which must be in the catalogue and in use. */
  productId: Scalars['ID']['input'];
  /** The supplier (UUID). */
  supplierId: Scalars['ID']['input'];
  /** First day the price holds (YYYY-MM-DD). */
  validFrom?: InputMaybe<Scalars['String']['input']>;
  /** Last day the price holds (YYYY-MM-DD), not before validFrom. */
  validTo?: InputMaybe<Scalars['String']['input']>;
};

/** How to settle (part of) a debit note: amounts applied to the supplier's bills, a refund, or both. */
export type SettleSupplierDebitNoteInput = {
  /** Amounts applied to the supplier's registered bills in the note's currency, each at most what is owed on the bill. */
  allocations?: InputMaybe<Array<SupplierPaymentAllocationInput>>;
  /** An amount the supplier paid back, in the note's currency. */
  refund?: InputMaybe<MoneyInput>;
  /** The day (YYYY-MM-DD); today when omitted. */
  settledOn?: InputMaybe<Scalars['String']['input']>;
};

/** How purchases are grouped for spend. */
export type SpendGrouping =
  /** Per month of the bill date. */
  | 'MONTH'
  /** Per product. */
  | 'PRODUCT'
  /** Per supplier. */
  | 'SUPPLIER';

/** Spend of one group in one currency: the net of registered bills' lines. */
export type SpendRow = {
  __typename?: 'SpendRow';
  /** The month, YYYY-MM (grouping MONTH). */
  month?: Maybe<Scalars['String']['output']>;
  /** Net spend. */
  net: Money;
  /** The net in the company's base currency: each bill date's net at that day's rate (finance's rates, copied from its events), half up per day at the base's minor unit; BAD_USER_INPUT RATE_MISSING naming the currency and day without one. */
  netInBase: Money;
  /** The product (grouping PRODUCT). */
  productId?: Maybe<Scalars['ID']['output']>;
  /** Units billed (grouping PRODUCT). */
  quantity?: Maybe<Scalars['String']['output']>;
  /** The supplier (grouping SUPPLIER). */
  supplier?: Maybe<Supplier>;
};

/** A company the business buys goods from. Owned by the purchasing subgraph. */
export type Supplier = {
  __typename?: 'Supplier';
  /** The supplier's addresses, by kind. */
  addresses: Array<SupplierAddress>;
  /** The supplier's contacts, by name. */
  contacts: Array<SupplierContact>;
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
  /** The supplier's live prices, by product then price; empty for callers who may not see purchase prices. */
  prices: Array<SupplierPrice>;
};


/** A company the business buys goods from. Owned by the purchasing subgraph. */
export type SupplierHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One of a supplier's addresses. */
export type SupplierAddress = {
  __typename?: 'SupplierAddress';
  /** City. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, e.g. DE. */
  country: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** OFFICE, BILLING or SHIPPING. */
  kind: SupplierAddressKind;
  /** Postal code. */
  postalCode: Scalars['String']['output'];
  /** Street and number. */
  street: Scalars['String']['output'];
};

/** A new address of a supplier. */
export type SupplierAddressInput = {
  /** City. */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['input'];
  /** What the address is for. */
  kind: SupplierAddressKind;
  /** Postal code. */
  postalCode: Scalars['String']['input'];
  /** Street and number. */
  street: Scalars['String']['input'];
};

/** What an address of a supplier is for. */
export type SupplierAddressKind =
  /** Where bills come from. */
  | 'BILLING'
  /** Head office. */
  | 'OFFICE'
  /** Where goods ship from. */
  | 'SHIPPING';

/**
 * A supplier's bill against a purchase order, matched three ways per line (ordered, received,
 * billed: quantity and price). REGISTERED (payable) when it matches; HELD for approval when a line
 * differs beyond the tolerance. Due date: bill date plus the supplier's payment terms.
 */
export type SupplierBill = {
  __typename?: 'SupplierBill';
  /** The bill's date (YYYY-MM-DD). */
  billDate: Scalars['String']['output'];
  /** When it was entered. */
  createdAt: Scalars['DateTime']['output'];
  /** ISO 4217 code of every amount (the order's currency). */
  currency: Scalars['String']['output'];
  /** When it is due (YYYY-MM-DD): bill date + the supplier's payment terms. */
  dueDate: Scalars['String']['output'];
  /** Gross total: what the supplier is owed for it. */
  grossTotal: Money;
  /** Why it is or was held: PRICE_DIFFERENCE, QUANTITY_ABOVE_ORDERED; empty when it matched. */
  holdReasons: Array<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The billed lines with what the match found. */
  lines: Array<SupplierBillLine>;
  /** Net total. */
  netTotal: Money;
  /** Purchasing's number without gaps, e.g. BILL-000042. */
  number: Scalars['String']['output'];
  /** What is still owed: gross less paid. */
  openAmount: Money;
  /** Whether it is an opening balance (a payable taken over from a previous system, without a purchase order) rather than a bill matched against an order. */
  openingBalance: Scalars['Boolean']['output'];
  /** What payments and applied debit notes settled of it so far. */
  paidTotal: Money;
  /** The purchase order billed. */
  purchaseOrder?: Maybe<PurchaseOrder>;
  /** When it became payable (registered, or released from hold); null while held. */
  registeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who released it from hold; null unless it was held and released. */
  releasedBy?: Maybe<Scalars['ID']['output']>;
  /** HELD, OPEN, PARTLY_PAID or PAID. */
  status: SupplierBillStatus;
  /** The supplier; null when the caller may not see suppliers. */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
  /** The supplier's own invoice number (one per supplier). */
  supplierReference: Scalars['String']['output'];
  /** Tax total. */
  taxTotal: Money;
};

/** Narrows a bill list. */
export type SupplierBillFilter = {
  /** Only this order's. */
  purchaseOrderId?: InputMaybe<Scalars['ID']['input']>;
  /** Only bills showing this state. */
  status?: InputMaybe<SupplierBillStatus>;
  /** Only this supplier's. */
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};

/** One billed purchase order line. */
export type SupplierBillLine = {
  __typename?: 'SupplierBillLine';
  /** What the line says (the order line's description). */
  description: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /**
   * The first of `issues` (PRICE_DIFFERENCE when the price differs too); null when it matched.
   * @deprecated A line may differ in price and quantity at once; use issues.
   */
  issue?: Maybe<Scalars['String']['output']>;
  /** Every difference the match found: PRICE_DIFFERENCE (beyond the tolerance), QUANTITY_ABOVE_ORDERED, or both; empty when it matched. */
  issues: Array<Scalars['String']['output']>;
  /** quantity × billed unit price. */
  netAmount: Money;
  /** Unit price ordered. */
  orderedPrice: Money;
  /** The product. */
  productId: Scalars['ID']['output'];
  /** The order line billed. */
  purchaseOrderLineId: Scalars['ID']['output'];
  /** Units billed. */
  quantity: Scalars['String']['output'];
  /** Tax rate in percent. */
  taxRate: Scalars['String']['output'];
  /** Unit price billed. */
  unitPrice: Money;
};

/** One billed purchase order line. */
export type SupplierBillLineInput = {
  /** The order line billed (UUID). */
  purchaseOrderLineId: Scalars['ID']['input'];
  /** Units billed; with earlier bills, not more than were received. */
  quantity: Scalars['String']['input'];
  /** Tax rate in percent; the order line's when omitted. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  /** Unit price billed, in the order's currency. */
  unitPrice: MoneyInput;
};

/** Where a supplier bill stands. */
export type SupplierBillStatus =
  /** Held for approval: a line differs beyond the tolerance; not payable yet. */
  | 'HELD'
  /** Registered, nothing paid. */
  | 'OPEN'
  /** Paid in full. */
  | 'PAID'
  /** Partly paid. */
  | 'PARTLY_PAID';

/** A page of suppliers, ordered by name. */
export type SupplierConnection = {
  __typename?: 'SupplierConnection';
  /** The suppliers on this page with their cursors. */
  edges: Array<SupplierEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** A person at a supplier purchasing deals with. */
export type SupplierContact = {
  __typename?: 'SupplierContact';
  /** Email address, lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Their name. */
  name: Scalars['String']['output'];
  /** Phone number as entered. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Their role at the supplier, e.g. Key account manager. */
  position?: Maybe<Scalars['String']['output']>;
};

/** A new contact of a supplier. */
export type SupplierContactInput = {
  /** Email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Their name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Their role at the supplier. */
  position?: InputMaybe<Scalars['String']['input']>;
};

/**
 * What a supplier owes back for goods returned to it after they were billed, numbered DN-000001: one
 * per supplier return, made by purchasing when inventory posts the return, for the returned quantity
 * at the billed price and tax. Until settled — applied to the supplier's open bills or refunded — it
 * lowers what is owed to the supplier (SupplierPayable.credits).
 */
export type SupplierDebitNote = {
  __typename?: 'SupplierDebitNote';
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Gross total: what the supplier owes back. */
  grossTotal: Money;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The returned quantities at the billed prices. */
  lines: Array<SupplierDebitNoteLine>;
  /** Net total. */
  netTotal: Money;
  /** Purchasing's number without gaps, e.g. DN-000042. */
  number: Scalars['String']['output'];
  /** What is still open: gross less settled. */
  openAmount: Money;
  /** The purchase order the returned goods were ordered on. */
  purchaseOrder?: Maybe<PurchaseOrder>;
  /** What was applied to bills or refunded of it so far. */
  settledTotal: Money;
  /** How it was settled, oldest first. */
  settlements: Array<SupplierDebitNoteSettlement>;
  /** The supplier; null when the caller may not see suppliers. */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
  /** Inventory's supplier return that made it (its number, e.g. SR-000003). */
  supplierReturnNumber: Scalars['String']['output'];
  /** Tax total, at the billed tax rates. */
  taxTotal: Money;
};

/** A returned quantity of one billed line. */
export type SupplierDebitNoteLine = {
  __typename?: 'SupplierDebitNoteLine';
  /** What the line says (the bill line's description). */
  description: Scalars['String']['output'];
  /** quantity × unit price. */
  netAmount: Money;
  /** The product. */
  productId: Scalars['ID']['output'];
  /** The purchase order line. */
  purchaseOrderLineId: Scalars['ID']['output'];
  /** Units returned after billing. */
  quantity: Scalars['String']['output'];
  /** Tax rate billed, in percent. */
  taxRate: Scalars['String']['output'];
  /** Unit price billed. */
  unitPrice: Money;
};

/** An amount of a debit note applied to a bill, or refunded by the supplier. */
export type SupplierDebitNoteSettlement = {
  __typename?: 'SupplierDebitNoteSettlement';
  /** The amount. */
  amount: Money;
  /** The bill it was applied to; null for a refund. */
  bill?: Maybe<SupplierBill>;
  /** Whether the supplier paid it back (rather than it being applied to a bill). */
  refund: Scalars['Boolean']['output'];
  /** The day (YYYY-MM-DD). */
  settledOn: Scalars['String']['output'];
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

/** What entering supplier opening balances would do: a dry run, nothing written. */
export type SupplierOpeningBalanceDryRun = {
  __typename?: 'SupplierOpeningBalanceDryRun';
  /** The bills that would be written, one per accepted row, in row order (none is written while any row is refused). */
  accepted: Array<SupplierOpeningBalancePreview>;
  /** Every refused row with its field, in row order; empty when the rows can be entered as they are. */
  refused: Array<SupplierOpeningBalanceRefusal>;
  /** How many rows were checked. */
  rowCount: Scalars['Int']['output'];
};

/** A payable taken over from a previous system. */
export type SupplierOpeningBalanceInput = {
  /** What is still owed on it: positive, in the supplier's currency. */
  amount: MoneyInput;
  /** The invoice's date (YYYY-MM-DD). */
  billDate: Scalars['String']['input'];
  /** When it is due (YYYY-MM-DD), not before the bill date; the bill date plus the supplier's payment terms when omitted. */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  /** The supplier's invoice number in the previous system (1–100 characters); once per supplier, as on bills. */
  reference: Scalars['String']['input'];
  /** The supplier (UUID). */
  supplierId: Scalars['ID']['input'];
};

/** A bill entering opening balances would write: one accepted row. */
export type SupplierOpeningBalancePreview = {
  __typename?: 'SupplierOpeningBalancePreview';
  /** What would be owed, in the supplier's currency. */
  amount: Money;
  /** The invoice's date (YYYY-MM-DD). */
  billDate: Scalars['String']['output'];
  /** When it would be due (YYYY-MM-DD). */
  dueDate: Scalars['String']['output'];
  /** The supplier's invoice number in the previous system. */
  reference: Scalars['String']['output'];
  /** The row's index in the rows given (from 0). */
  row: Scalars['Int']['output'];
  /** The supplier; null when the caller may not see suppliers. */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
};

/** A row entering opening balances would refuse. */
export type SupplierOpeningBalanceRefusal = {
  __typename?: 'SupplierOpeningBalanceRefusal';
  /** The field at fault, e.g. rows[2].amount.currency. */
  field: Scalars['String']['output'];
  /** Why, in words. */
  message: Scalars['String']['output'];
  /** Why, as a code: SUPPLIER_NOT_FOUND, CURRENCY_MISMATCH, INVALID_AMOUNT, DUPLICATE_BILL, INVALID_DUE_DATE, … */
  reason: Scalars['String']['output'];
  /** The row's index in the rows given (from 0). */
  row: Scalars['Int']['output'];
};

/** What is owed to one supplier in one currency, aged by days past due. */
export type SupplierPayable = {
  __typename?: 'SupplierPayable';
  /** Advances paid and not applied yet. */
  advances: Money;
  /** Debit notes not applied to bills or refunded yet: what the supplier owes back for goods returned after billing. */
  credits: Money;
  /** Of it, 1–30 days past due. */
  days1To30: Money;
  /** Of it, 31–60 days past due. */
  days31To60: Money;
  /** Of it, 61–90 days past due. */
  days61To90: Money;
  /** Bills held for approval (not payable yet). */
  held: Money;
  /** Of it, not yet due. */
  notDue: Money;
  /** What registered bills still owe. */
  open: Money;
  /** Of it, more than 90 days past due. */
  over90: Money;
  /** What is owed net of advances and debit notes: open less advances less credits (negative when the supplier owes). */
  owed: Money;
  /** The supplier. */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
};

/** Money paid to a supplier; what is not allocated to bills is an advance, applied later. */
export type SupplierPayment = {
  __typename?: 'SupplierPayment';
  /** Which bills it settles, by how much. */
  allocations: Array<SupplierPaymentAllocation>;
  /** The amount paid. */
  amount: Money;
  /** The bank account paid from (as entered); null when not given. */
  bankAccount?: Maybe<Scalars['String']['output']>;
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** How it was paid. */
  method: SupplierPaymentMethod;
  /** The day it was paid (YYYY-MM-DD). */
  paidOn: Scalars['String']['output'];
  /** The payment's reference; null when not given. */
  reference?: Maybe<Scalars['String']['output']>;
  /** The supplier paid. */
  supplier?: Maybe<Supplier>;
  /** The supplier's id. */
  supplierId: Scalars['ID']['output'];
  /** What is not allocated to bills yet (an advance). */
  unallocated: Money;
};

/** How much of a payment settles a bill. */
export type SupplierPaymentAllocation = {
  __typename?: 'SupplierPaymentAllocation';
  /** The amount settled. */
  amount: Money;
  /** The bill settled. */
  bill?: Maybe<SupplierBill>;
  /** The bill's id. */
  billId: Scalars['ID']['output'];
  /** When it was allocated. */
  createdAt: Scalars['DateTime']['output'];
};

/** How much of a payment to put on a bill. */
export type SupplierPaymentAllocationInput = {
  /** The amount, in the bill's currency; not more than still owed on it. */
  amount: MoneyInput;
  /** The bill (UUID), registered, of the payment's supplier. */
  billId: Scalars['ID']['input'];
};

/** How a supplier was paid. */
export type SupplierPaymentMethod =
  /** Bank transfer. */
  | 'BANK_TRANSFER'
  /** Card. */
  | 'CARD'
  /** Cash. */
  | 'CASH'
  /** Cheque. */
  | 'CHEQUE'
  /** Direct debit. */
  | 'DIRECT_DEBIT';

/** What a supplier charges for a product: in the supplier's currency, from a minimum quantity, with a lead time, within an optional validity window. */
export type SupplierPrice = {
  __typename?: 'SupplierPrice';
  /** When the price was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Days from ordering to delivery. */
  leadTimeDays: Scalars['Int']['output'];
  /** The smallest quantity ordered at which the price applies, a decimal string, e.g. "10". */
  minimumQuantity: Scalars['String']['output'];
  /** Price of one unit, net of tax, in the supplier's currency. */
  price: Money;
  /** The product priced, resolved by the inventory subgraph. */
  product?: Maybe<Product>;
  /** The product priced (owned by the inventory subgraph). */
  productId: Scalars['ID']['output'];
  /** The supplier offering the price; null when the caller may not see it. */
  supplier?: Maybe<Supplier>;
  /** First day the price holds (YYYY-MM-DD); null: since always. */
  validFrom?: Maybe<Scalars['String']['output']>;
  /** Last day the price holds (YYYY-MM-DD); null: until further notice. */
  validTo?: Maybe<Scalars['String']['output']>;
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** Changes to one line; omitted fields stay. */
export type UpdatePurchaseOrderLineInput = {
  /** New expected date (YYYY-MM-DD); null clears it. */
  expectedDate?: InputMaybe<Scalars['String']['input']>;
  /** New quantity; not below what was received. */
  quantity?: InputMaybe<Scalars['String']['input']>;
  /** New tax rate in percent. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  /** New unit price in the order's currency. */
  unitPrice?: InputMaybe<MoneyInput>;
};
