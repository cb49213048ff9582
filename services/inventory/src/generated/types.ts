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

/** A correction of stock with its reason. */
export type AdjustStockInput = {
  /** The product; NOT_FOUND naming the field when unknown or retired. */
  productId: Scalars['ID']['input'];
  /** The signed correction, a decimal string with at most three decimals, not zero: negative takes stock out (never more than is available unless the warehouse allows negative stock). */
  quantity: Scalars['String']['input'];
  /** Why (1–500 characters): damaged, found, booking error. */
  reason: Scalars['String']['input'];
  /** The warehouse; NOT_FOUND naming the field when unknown. */
  warehouseId: Scalars['ID']['input'];
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

/** Goods of a loan the customer keeps: they become a sales order. */
export type ConvertLoanInput = {
  /** The loan; NOT_FOUND naming the field when unknown, CONFLICT when nothing is out any more. */
  loanId: Scalars['ID']['input'];
  /** How much, at most what is still out; omitted: everything still out. */
  quantity?: InputMaybe<Scalars['String']['input']>;
  /** The net unit price agreed with the customer (not negative, in the order's currency); omitted: the product's list price. */
  unitPrice?: InputMaybe<MoneyInput>;
};

/** What a count import did or, on a dry run, would do. */
export type CountImportResult = {
  __typename?: 'CountImportResult';
  /** Whether the counted quantities were written: only when not a dry run and no row was wrong. */
  applied: Scalars['Boolean']['output'];
  /** The count as it stands after the import. */
  count: StockCount;
  /** Whether this was a dry run (nothing written). */
  dryRun: Scalars['Boolean']['output'];
  /** The refused rows' errors, by row. */
  errors: Array<CountImportRowError>;
  /** How many rows the text held (header and blank lines left out). */
  rows: Scalars['Int']['output'];
  /** How many of them are valid. */
  valid: Scalars['Int']['output'];
};

/** A row of a count import that was refused. */
export type CountImportRowError = {
  __typename?: 'CountImportRowError';
  /** A stable reason: PRODUCT_NOT_FOUND, DUPLICATE_ROW, REQUIRED, INVALID_QUANTITY, QUANTITY_TOO_PRECISE, NEGATIVE_QUANTITY. */
  code: Scalars['String']['output'];
  /** The column at fault: code or counted. */
  field: Scalars['String']['output'];
  /** What is wrong, for people. */
  message: Scalars['String']['output'];
  /** The row's line number in the text (1 = the first line, header included). */
  row: Scalars['Int']['output'];
};

/** A counted quantity of one product. */
export type CountedQuantityInput = {
  /** How much was counted: a decimal string ≥ 0 with at most three decimals. */
  counted: Scalars['String']['input'];
  /** The product; NOT_FOUND naming the field when unknown (a product not yet on the sheet is added, its expected quantity frozen now). */
  productId: Scalars['ID']['input'];
};

/** What a new product needs. */
export type CreateProductInput = {
  /** A free grouping (up to 100 characters); optional. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit; not negative. */
  listPrice: MoneyInput;
  /** Display name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Unique code (1–64 characters: letters, digits, . _ - /); stored upper-case; CONFLICT when taken. */
  sku: Scalars['String']['input'];
  /** What the product is (up to 4,000 characters); optional. */
  specification?: InputMaybe<Scalars['String']['input']>;
  /** What one unit costs the business, in the list price's currency; not negative; 0 when omitted. Only roles that may set costs may give it. */
  standardCost?: InputMaybe<MoneyInput>;
  /** Unit of measure (1–20 characters); defaults to pcs. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** What to count. */
export type CreateStockCountInput = {
  /** A note (up to 500 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The products to count, each at most once; omitted: every active product with a stock level in the warehouse. */
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The warehouse; NOT_FOUND naming the field when unknown. */
  warehouseId: Scalars['ID']['input'];
};

/** What a new warehouse needs. */
export type CreateWarehouseInput = {
  /** Postal address (up to 500 characters); optional. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Whether moves may take stock here below zero; false when omitted. */
  allowNegativeStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Unique code (1–32 characters: letters, digits, . _ -); stored upper-case; CONFLICT naming input.code when taken. */
  code: Scalars['String']['input'];
  /** Display name (1–200 characters). */
  name: Scalars['String']['input'];
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

/** Goods a customer sent back against a delivered shipment, numbered RT-000001, …, with the reason and, per order line, the quantity and what became of it. */
export type CustomerReturn = {
  __typename?: 'CustomerReturn';
  /** The customer who sent the goods back, resolved by the customers subgraph. */
  customer?: Maybe<Customer>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What came back, per order line and condition. */
  lines: Array<CustomerReturnLine>;
  /** The return's number, RT-000001, … */
  number: Scalars['String']['output'];
  /** Why the customer sent the goods back. */
  reason: Scalars['String']['output'];
  /** When the goods were received back. */
  receivedAt: Scalars['DateTime']['output'];
  /** The shipment (delivery) the goods came back from; null when the caller may not see it. */
  shipment?: Maybe<Shipment>;
  /** The warehouse restocked goods went back into; null when the caller may not see warehouses. */
  warehouse?: Maybe<Warehouse>;
};

/** One order line's returned quantity and what became of it. */
export type CustomerReturnLine = {
  __typename?: 'CustomerReturnLine';
  /** RESTOCK: back into stock (a CUSTOMER_RETURN move); SCRAP: not. */
  condition: ReturnCondition;
  /** The sales order the line belongs to. */
  orderId: Scalars['ID']['output'];
  /** The order line's id, as sales numbers it. */
  orderLineId: Scalars['ID']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** How much came back, a decimal string. */
  quantity: Scalars['String']['output'];
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
  /** The notices with a line of the order, cancelled ones included, oldest first. */
  shipments: Array<Shipment>;
  /** NOT_PLANNED while no live (not cancelled) notice exists, else the furthest status any of its live notices reached; an order partly shipped has open quantities (see `SalesOrder.stock`). */
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

/** Counted quantities to enter on an open count. */
export type EnterCountedQuantitiesInput = {
  /** The count; NOT_FOUND naming the field when unknown, CONFLICT when posted or cancelled. */
  countId: Scalars['ID']['input'];
  /** The lines, at least one, each product at most once; entering a product again replaces its counted quantity. */
  lines: Array<CountedQuantityInput>;
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

/** What an import does with a row whose SKU is a live product already. */
export type ExistingProductHandling =
  /** Refuse the row (SKU_TAKEN naming rows[i].sku), so nothing is imported. */
  | 'REFUSE'
  /** Update the product (Odoo's rule for a known external id): the row's given cells replace the stored values; empty cells leave them; a change announces inventory.product.changed.v1. */
  | 'UPDATE';

/** A purchase order line as the warehouse expects it, from purchasing's latest approval. Quantities are decimal strings with up to three decimals. */
export type ExpectedReceipt = {
  __typename?: 'ExpectedReceipt';
  /** What purchasing cancelled of it since the latest approval. */
  cancelled: Scalars['String']['output'];
  /** When the supplier should deliver (YYYY-MM-DD); null when not agreed. */
  expectedDate?: Maybe<Scalars['String']['output']>;
  /** The purchase order line's id (UUID), as purchasing and the receipts name it. */
  id: Scalars['ID']['output'];
  /** Whether the line may still be received against (on the latest approval, order not cancelled). */
  open: Scalars['Boolean']['output'];
  /** The ordered quantity as of the latest approval. */
  ordered: Scalars['String']['output'];
  /** Whether the expected date has passed with something still expected. */
  overdue: Scalars['Boolean']['output'];
  /** The product ordered; null when the caller may not see it or it is unknown here. */
  product?: Maybe<Product>;
  /** The purchase order's id. */
  purchaseOrderId: Scalars['ID']['output'];
  /** The purchase order's number, as purchasing gave it. */
  purchaseOrderNumber: Scalars['String']['output'];
  /** What has been received against the line so far. */
  received: Scalars['String']['output'];
  /** What is still expected: ordered − received − cancelled (not below 0); 0 once the line left the order or the order was cancelled. */
  stillExpected: Scalars['String']['output'];
  /** The supplier's id (a purchasing record). */
  supplierId: Scalars['ID']['output'];
  /** The agreed unit price; null for callers who may not see costs or prices beyond cost (sales and support; the warehouse unless its role is allowed prices). */
  unitPrice?: Maybe<Money>;
  /** The warehouse where it counts as incoming: the order's, else the default receiving warehouse (the lowest code) when it was approved; null when there was none. */
  warehouse?: Maybe<Warehouse>;
};

/** A page of expected receipts, by purchase order number. */
export type ExpectedReceiptConnection = {
  __typename?: 'ExpectedReceiptConnection';
  /** The lines on this page with their cursors. */
  edges: Array<ExpectedReceiptEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One expected receipt in a page. */
export type ExpectedReceiptEdge = {
  __typename?: 'ExpectedReceiptEdge';
  /** Opaque cursor of this line. */
  cursor: Scalars['String']['output'];
  /** The line. */
  node: ExpectedReceipt;
};

/** Narrows the expected receipts; all given criteria must hold. */
export type ExpectedReceiptFilter = {
  /** True or omitted: only lines still expecting something; false: every line, received or cancelled ones too. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  /** True: only lines past their expected date with something still expected; false: only the others. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only this product. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this purchase order's lines. */
  purchaseOrderId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this supplier's orders. */
  supplierId?: InputMaybe<Scalars['ID']['input']>;
  /** Only lines counted as incoming in this warehouse. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
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

/** Counted quantities as text to import onto an open count. */
export type ImportCountedQuantitiesInput = {
  /** The count; NOT_FOUND naming the field when unknown, CONFLICT when posted or cancelled. */
  countId: Scalars['ID']['input'];
  /** One row per line: `code;counted` (the product's code, i.e. SKU, and the counted quantity; `,` or a tab also separate). An optional first row `code;counted` is a header. At most 20,000 rows. */
  csv: Scalars['String']['input'];
  /** True: check every row and write nothing. False (default): write every row, or none when any row is wrong. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How an import treats bad rows. */
export type ImportMode =
  /** Write nothing when any row is bad (one transaction for the whole file). */
  | 'ALL_OR_NOTHING'
  /** Write the good rows and report the bad ones (one transaction per batch of 1000 rows). */
  | 'PER_ROW';

/** Many products to create or update at once: all or nothing, or the good rows (mode). */
export type ImportProductsInput = {
  /** The products: 1 to 10,000 rows. Each needs sku, name, listPrice and currency; unit is pcs and standardCost 0 when empty on a new product. Only roles that may set costs may give standardCost. Through the gateway a request may be at most about 100 kB (some 1,300 rows of about 75 bytes); a subgraph alone takes about 1 MB, enough for 10,000 such rows. */
  body: Scalars['String']['input'];
  /** Validate and count only: nothing is written (the same errors as a real import). */
  dryRun: Scalars['Boolean']['input'];
  /** What to do with rows naming a live product's SKU; UPDATE when not given. A retired product's SKU is always refused (restore it first). */
  existing?: InputMaybe<ExistingProductHandling>;
  /** The kind of body; CSV when not given. */
  format?: InputMaybe<ProductImportFormat>;
  /** How bad rows are treated, as in importCustomers: ALL_OR_NOTHING writes nothing when any row is bad and reports the bad rows (rolledBack); PER_ROW writes the good rows (a product import, at most 10,000 rows, is one transaction, not one per batch) and reports the bad ones. A dry run reports what the import would do. Not given: all or nothing, and bad rows refuse the mutation with IMPORT_INVALID listing them in extensions.details.errors (the mutation's first form). */
  mode?: InputMaybe<ImportMode>;
};

/** Goods to lend or give as a sample. */
export type LendStockInput = {
  /** The customer (UUID). */
  customerId: Scalars['ID']['input'];
  /** When the goods should come back (YYYY-MM-DD); required for a loan, optional for a sample. A past date records a loan made earlier (overdue at once). */
  expectedReturnDate?: InputMaybe<Scalars['String']['input']>;
  /** A loan or a sample. */
  kind: LoanKind;
  /** A note (up to 500 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The rep the loan belongs to; omitted: the caller. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** The product; NOT_FOUND naming the field when unknown or retired. */
  productId: Scalars['ID']['input'];
  /** How much, a positive decimal string with at most three decimals; never more than is available. */
  quantity: Scalars['String']['input'];
  /** Where the goods leave; NOT_FOUND naming the field when unknown. */
  warehouseId: Scalars['ID']['input'];
};

/**
 * Goods out to a customer on loan or as a sample (LN-000001…): taken from available stock when lent,
 * returned fully or partly (LOAN_RETURN moves), or kept by the customer and converted into a sale
 * (inventory.loan.converted.v2: sales makes an order of the kept goods, which inventory reports shipped at
 * once, so they are delivered and invoiceable without being reserved or moved again). Overdue when the
 * expected return date has passed with goods still out; inventory looks for newly overdue loans hourly
 * (and `flagOverdueLoans` on demand) and announces each once (inventory.loan.overdue.v1): the customer's
 * owner gets a to-do for it.
 */
export type Loan = {
  __typename?: 'Loan';
  /** Who lent them; null when unknown. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** How much the customer kept (converted into a sale). */
  converted: Scalars['String']['output'];
  /** The customer who has the goods. */
  customer: Customer;
  /** When the goods are expected back (ISO date); null for a sample with none. */
  expectedReturnDate?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** A loan or a sample. */
  kind: LoanKind;
  /** When the goods left. */
  lentAt: Scalars['DateTime']['output'];
  /** A note given when it was lent; null when none. */
  note?: Maybe<Scalars['String']['output']>;
  /** The loan number, LN-000001 onwards. */
  number: Scalars['String']['output'];
  /** How much is still out: quantity − returned − converted. */
  open: Scalars['String']['output'];
  /** Whether the expected return date has passed with goods still out. */
  overdue: Scalars['Boolean']['output'];
  /** When it was announced as overdue; null when it was not (yet). */
  overdueFlaggedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The rep the loan belongs to (reminders go to them); null when unknown. */
  ownerId?: Maybe<Scalars['ID']['output']>;
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** How much was lent. */
  quantity: Scalars['String']['output'];
  /** How much came back. */
  returned: Scalars['String']['output'];
  /** Where it stands. */
  state: LoanState;
  /** The warehouse the goods came from and go back to; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** A page of loans, newest first. */
export type LoanConnection = {
  __typename?: 'LoanConnection';
  /** The loans on this page with their cursors. */
  edges: Array<LoanEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One loan in a page. */
export type LoanEdge = {
  __typename?: 'LoanEdge';
  /** Opaque cursor of this loan. */
  cursor: Scalars['String']['output'];
  /** The loan. */
  node: Loan;
};

/** Narrows a list of loans; all given criteria must hold. */
export type LoanFilter = {
  /** Only those of this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only loans or only samples. */
  kind?: InputMaybe<LoanKind>;
  /** True: only overdue ones (the overdue list); false: only those not overdue. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only those of this product. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those in this state. */
  state?: InputMaybe<LoanState>;
  /** Only those from this warehouse. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** Goods out to a customer either to come back or to keep. */
export type LoanKind =
  /** A loan: goods to come back by the expected return date (LOAN_OUT move). */
  | 'LOAN'
  /** A sample: goods given to try, possibly to come back (SAMPLE move). */
  | 'SAMPLE';

/** Where a loan stands, from its quantities. */
export type LoanState =
  /** Nothing is out any more and the customer kept some (converted into a sale). */
  | 'KEPT'
  /** Everything lent is still out. */
  | 'OUT'
  /** Some came back or was kept; the rest is still out. */
  | 'PARTLY_RETURNED'
  /** Everything came back. */
  | 'RETURNED';

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
  /** Corrects stock by a signed quantity with a reason (an ADJUSTMENT move); an increase serves waiting shortages like a receipt. */
  adjustStock: StockMove;
  /** Cancels an open count; nothing is posted. */
  cancelStockCount: StockCount;
  /** Records that the customer keeps goods of a loan: converted into a sale (inventory.loan.converted.v2); sales makes an order of them, delivered at once and invoiceable. No stock moves: the goods left when lent. */
  convertLoan: Loan;
  /** Creates a product; CONFLICT naming input.sku when the SKU is taken. */
  createProduct: Product;
  /** Makes a count sheet for a warehouse, freezing each product's expected quantity (its on hand now). */
  createStockCount: StockCount;
  /** Creates a warehouse (the warehouse, directors, admins; FORBIDDEN for others); CONFLICT naming input.code when the code is taken. */
  createWarehouse: Warehouse;
  /** Deletes a product softly: it disappears from the catalogue, lookups and references (orders keep its id) and can be restored; its SKU stays taken. CONFLICT when deleted already. */
  deleteProduct: Product;
  /** Enters counted quantities on an open count, many lines at once. */
  enterCountedQuantities: StockCount;
  /** Announces every loan newly overdue (expected return date passed, goods still out), once per loan, by inventory.loan.overdue.v1; returns those flagged now. The service also runs it hourly by itself; this is for an operator who will not wait. */
  flagOverdueLoans: Array<Loan>;
  /** Imports counted quantities as `code;counted` text; a dry run reports each refused row naming its row and column. */
  importCountedQuantities: CountImportResult;
  /** Creates and updates products from CSV, XLSX or JSON in one transaction. With a mode, bad rows come back in the report's errors as { row, field: "rows[3].listPrice.amount", code, message } (ALL_OR_NOTHING: nothing written; PER_ROW: the good rows written). Without one, any bad row refuses the whole import with BAD_USER_INPUT (code IMPORT_INVALID) whose extensions.details.errors lists the same (rows counted from 0 without the header; the first 1,000, errorCount says how many) and nothing is written. A body that cannot be read at all (unknown header column, bad CSV, JSON or XLSX, no or too many rows) is refused with BAD_USER_INPUT naming input.body in every mode. */
  importProducts: ProductImportReport;
  /** Lends goods to a customer or gives a sample, from available stock (LOAN_OUT or SAMPLE move). */
  lendStock: Loan;
  /** Records that a shipped notice reached the customer, at `deliveredAt` (now when omitted; not before it left, not in the future); CONFLICT unless it is SHIPPED. */
  markDelivered: Shipment;
  /**
   * Records that a planned notice left with the courier, all of it: `shipShipment` without lines or carrier.
   * @deprecated Use shipShipment, which ships partly and names the carrier.
   */
  markShipped: Shipment;
  /**
   * Plans a shipping notice by hand out of one warehouse for lines of one customer's orders, taking
   * quantities reserved there that no open notice plans yet. BAD_USER_INPUT naming the field for a
   * line of another customer's order, a line given twice, or a quantity beyond what is reserved and
   * unplanned; NOT_FOUND for an unknown warehouse or order line.
   */
  planShipment: Shipment;
  /** Posts an open count: COUNT moves for the differences (counted − frozen expected), in one transaction, announced by inventory.count.posted.v1. Posting twice: CONFLICT. */
  postStockCount: StockCount;
  /** Receives goods against a purchase order into a chosen warehouse (RECEIPT moves), partly and as often as needed; waiting shortages are reserved from them oldest order first, and inventory.receipt.posted is announced. */
  receiveGoods: Receipt;
  /**
   * Receives goods a customer sent back against a delivered shipment (CONFLICT unless DELIVERED).
   * RESTOCK lines go back into stock; SCRAP lines post no move. BAD_USER_INPUT naming the field for a
   * line the shipment did not deliver, a non-positive or over-precise quantity, or returning more than
   * was delivered and not yet returned; NOT_FOUND for an unknown shipment or warehouse.
   */
  receiveReturn: CustomerReturn;
  /** Receives goods into a warehouse without a purchase order (a RECEIPT move and a receipt, announced by inventory.receipt.posted); waiting shortages of the product are reserved from them, oldest order first. */
  receiveStock: StockMove;
  /** Receives a transfer's goods at its destination, partly or wholly (TRANSFER_IN moves); waiting shortages there are reserved from them. */
  receiveTransfer: Transfer;
  /** Restores a deleted product to the catalogue (admins, directors, the warehouse; FORBIDDEN for others, CONFLICT when it is not deleted). */
  restoreProduct: Product;
  /** Takes back goods of a loan, fully or partly (LOAN_RETURN move); more than is still out is refused naming input.quantity. */
  returnLoan: Loan;
  /** Sends goods back to the supplier against a posted receipt (warehouse staff): the stock leaves the warehouse that received it, and purchasing lowers the received quantities. */
  returnToSupplier: SupplierReturn;
  /** Sets the over-receipt tolerance, a percentage from 0 to 100 with at most two decimals. */
  setReceiptTolerance: ReceiptSettings;
  /** Sets the safety stock and reorder quantity of a product in a warehouse; raises or clears its alarm at once when the new level says so. */
  setStockRule: StockLevel;
  /**
   * Records that a planned notice left with the courier, wholly or partly (CONFLICT unless it is
   * PLANNED; of two at once, one wins and the other is CONFLICT). The quantities shipped leave the
   * warehouse (DELIVERY moves out of the lines' reservations). Without `lines` everything planned
   * goes; with `lines`, each named line ships the quantity given (at most what is planned) and lines
   * not named ship nothing. The unshipped rest: with `backorder` true (the default) it goes onto a new
   * PLANNED notice (a backorder, same warehouse and customer); with `backorder` false it is taken off
   * (cancelled, announced as such) and its stock STAYS RESERVED for the order line, to be planned again
   * by hand or released when the order is cancelled.
   */
  shipShipment: Shipment;
  /** Sends goods from one warehouse to another: TRANSFER_OUT moves at the source (never more than is available), in transit at the destination. */
  transferStock: Transfer;
  /** Changes a live product's fields and announces the whole product (inventory.product.changed.v1); NOT_FOUND when it does not exist or is retired. */
  updateProduct: Product;
  /** Changes a warehouse's name, address or negative-stock rule; NOT_FOUND when there is none. */
  updateWarehouse: Warehouse;
};


export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationCancelStockCountArgs = {
  countId: Scalars['ID']['input'];
};


export type MutationConvertLoanArgs = {
  input: ConvertLoanInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationCreateStockCountArgs = {
  input: CreateStockCountInput;
};


export type MutationCreateWarehouseArgs = {
  input: CreateWarehouseInput;
};


export type MutationDeleteProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnterCountedQuantitiesArgs = {
  input: EnterCountedQuantitiesInput;
};


export type MutationImportCountedQuantitiesArgs = {
  input: ImportCountedQuantitiesInput;
};


export type MutationImportProductsArgs = {
  input: ImportProductsInput;
};


export type MutationLendStockArgs = {
  input: LendStockInput;
};


export type MutationMarkDeliveredArgs = {
  deliveredAt?: InputMaybe<Scalars['DateTime']['input']>;
  shipmentId: Scalars['ID']['input'];
};


export type MutationMarkShippedArgs = {
  shipmentId: Scalars['ID']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type MutationPlanShipmentArgs = {
  input: PlanShipmentInput;
};


export type MutationPostStockCountArgs = {
  countId: Scalars['ID']['input'];
};


export type MutationReceiveGoodsArgs = {
  input: ReceiveGoodsInput;
};


export type MutationReceiveReturnArgs = {
  input: ReceiveReturnInput;
};


export type MutationReceiveStockArgs = {
  input: ReceiveStockInput;
};


export type MutationReceiveTransferArgs = {
  input: ReceiveTransferInput;
};


export type MutationRestoreProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReturnLoanArgs = {
  input: SettleLoanInput;
};


export type MutationReturnToSupplierArgs = {
  input: ReturnToSupplierInput;
};


export type MutationSetReceiptToleranceArgs = {
  percent: Scalars['String']['input'];
};


export type MutationSetStockRuleArgs = {
  input: SetStockRuleInput;
};


export type MutationShipShipmentArgs = {
  backorder?: InputMaybe<Scalars['Boolean']['input']>;
  carrier?: InputMaybe<Scalars['String']['input']>;
  lines?: InputMaybe<Array<ShipmentLineInput>>;
  shipmentId: Scalars['ID']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type MutationTransferStockArgs = {
  input: TransferStockInput;
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateWarehouseArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWarehouseInput;
};

/** How inventory stands with one line of a confirmed order: what is reserved where, and what is still short. Quantities are decimal strings. */
export type OrderLineStock = {
  __typename?: 'OrderLineStock';
  /** The quantity cancelled since. */
  cancelled: Scalars['String']['output'];
  /** The order line's id, as sales numbers it. */
  orderLineId: Scalars['ID']['output'];
  /** The quantity ordered. */
  ordered: Scalars['String']['output'];
  /** Of what is reserved, what open (PLANNED) shipping notices plan to send. */
  planned: Scalars['String']['output'];
  /** The product ordered; null when the caller may not see it, or inventory does not know it. */
  product?: Maybe<Product>;
  /** Where the reserved stock is, by warehouse. */
  reservations: Array<StockReservation>;
  /** What is set aside for the line now, in every warehouse (goods shipped are no longer reserved). */
  reserved: Scalars['String']['output'];
  /** What has left the warehouse for the line, over all its shipping notices. */
  shipped: Scalars['String']['output'];
  /** What could not be reserved yet; it is reserved when stock arrives, oldest order first. */
  short: Scalars['String']['output'];
  /** What is still to ship: ordered − cancelled − shipped (reserved, short or planned). */
  toShip: Scalars['String']['output'];
  /** Of what is reserved, what no open shipping notice plans yet (a rest not kept as a backorder): it can be planned by hand with `planShipment`. */
  unplanned: Scalars['String']['output'];
};

/** Shipped quantities of one group over a period. */
export type OutboundGroup = {
  __typename?: 'OutboundGroup';
  /** The industry, when grouped by INDUSTRY; null otherwise, and for the unknown group: customers inventory has no industry for. */
  industry?: Maybe<Scalars['String']['output']>;
  /** The month (YYYY-MM), when grouped by MONTH; null otherwise. */
  month?: Maybe<Scalars['String']['output']>;
  /** The product, when grouped by PRODUCT; null otherwise or when the caller may not see it. */
  product?: Maybe<Product>;
  /** Quantity shipped (decimal string); summed across products' units unless grouped by PRODUCT. */
  quantity: Scalars['String']['output'];
  /** The region, when grouped by REGION; null otherwise, and for the unknown group: customers inventory has no region for (not heard of yet, or no address). */
  region?: Maybe<Scalars['String']['output']>;
  /** Shipped quantity at standard cost (the cost carried by the delivery move, else the product's current one), one amount per currency; null for callers who may not see costs. */
  value?: Maybe<Array<Money>>;
};

/** What outbound quantities are grouped by; several combine (by product and month: one row per product and month). */
export type OutboundGrouping =
  /** The customer's industry (as inventory's copy knows it). */
  | 'INDUSTRY'
  /** The UTC month it was shipped in. */
  | 'MONTH'
  /** The product shipped. */
  | 'PRODUCT'
  /** The region of the customer's latest live address (the customers service's, as inventory's copy knows it). */
  | 'REGION';

/** Where a page of a list ends, for keyset pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A shipping notice planned by hand. */
export type PlanShipmentInput = {
  /** The customer the goods go to: every line must be of one of their orders. */
  customerId: Scalars['ID']['input'];
  /** What to send per order line (lines of several orders of the customer may be mixed). */
  lines: Array<ShipmentLineInput>;
  /** The day the goods are planned to leave (YYYY-MM-DD). */
  plannedFor?: InputMaybe<Scalars['String']['input']>;
  /** The warehouse the goods leave from: the lines' quantities must be reserved there and not yet planned on an open notice. */
  warehouseId: Scalars['ID']['input'];
};

/** Something the business sells and ships: a code (SKU), a name, a unit of measure and a list price. */
export type Product = {
  __typename?: 'Product';
  /** False once the product is retired (deleted softly): no new orders for it; restoring it makes it active again. */
  active: Scalars['Boolean']['output'];
  /** A free grouping such as "Pumps" or "Spare parts"; null when not given. */
  category?: Maybe<Scalars['String']['output']>;
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the product was deleted from the catalogue; null unless deleted (only deleteProduct answers with a deleted one). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every recorded change to this product, newest first; visible to whoever may see the product. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Price of one unit before any discount; null for callers who may not see prices beyond cost (the warehouse, by its role's setting in the kit's policies: no sales prices, no margins). */
  listPrice?: Maybe<Money>;
  /** The product's main picture; null when it has none. */
  mainPicture?: Maybe<ProductPicture>;
  /** Display name, e.g. "Centrifugal pump 200 l/min". */
  name: Scalars['String']['output'];
  /** The product's pictures, the main one first, then by upload. */
  pictures: Array<ProductPicture>;
  /** Stock keeping unit: the product's unique code, upper-case, e.g. PUMP-200. */
  sku: Scalars['String']['output'];
  /** What the product is, in a datasheet's words (dimensions, material, ratings); null when not given. */
  specification?: Maybe<Scalars['String']['output']>;
  /** What one unit costs the business (stock is valued at it), in the list price's currency; null for callers who may not see costs (sales and support: no margins). */
  standardCost?: Maybe<Money>;
  /** This product's stock in every warehouse that has held it, by warehouse code; empty for callers who see no stock. */
  stock: Array<StockLevel>;
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

/** The kind of text a product import reads. */
export type ProductImportFormat =
  /** CSV (RFC 4180, comma-separated) with a header line naming the columns: sku (or code), name, specification, category, unit, listPrice, currency, standardCost (case, spaces and underscores ignored). */
  | 'CSV'
  /** A JSON array of objects with the same keys as the CSV columns; values as strings (numbers are accepted for amounts). */
  | 'JSON'
  /** An Excel workbook (.xlsx), base64-encoded in body: its first worksheet is read as the CSV is (the first non-empty row is the header, empty rows are skipped; rows[i] counts the rows after the header from 0). Base64 adds a third, so through the gateway a workbook may be about 70 kB. */
  | 'XLSX';

/** What an import did (or, for a dry run, would do). */
export type ProductImportReport = {
  __typename?: 'ProductImportReport';
  /** Products created. */
  created: Scalars['Int']['output'];
  /** Whether this was a dry run (nothing was written). */
  dryRun: Scalars['Boolean']['output'];
  /** How many errors in all (errors lists the first 1,000). */
  errorCount: Scalars['Int']['output'];
  /** The refused rows' errors, by row: each names the row and the field. */
  errors: Array<ProductImportRowError>;
  /** Rows refused (a row may have several errors). */
  failed: Scalars['Int']['output'];
  /** How bad rows were treated (ALL_OR_NOTHING when no mode was given). */
  mode: ImportMode;
  /** Whether ALL_OR_NOTHING met bad rows, so nothing was written (on a dry run: would be) and created, updated and unchanged are 0. */
  rolledBack: Scalars['Boolean']['output'];
  /** Rows in the body (without a CSV header). */
  rows: Scalars['Int']['output'];
  /** Rows naming an existing product with nothing to change. */
  unchanged: Scalars['Int']['output'];
  /** Existing products changed. */
  updated: Scalars['Int']['output'];
};

/** A row field an import refused. */
export type ProductImportRowError = {
  __typename?: 'ProductImportRowError';
  /** Why, as a stable code: the code a single product write would give (e.g. INVALID_AMOUNT), or DUPLICATE_ROW, SKU_TAKEN, CURRENCY_MISMATCH. */
  code: Scalars['String']['output'];
  /** The field at fault as rows[<row>].<column>, e.g. rows[2].listPrice.amount; rows[<row>] for a row that cannot be read (more cells than the header names, a JSON item that is no object). */
  field: Scalars['String']['output'];
  /** Why, in words naming the field. */
  message: Scalars['String']['output'];
  /** The row, counted from 0 without the CSV header (or the sheet's header row). */
  row: Scalars['Int']['output'];
};

/**
 * A picture of a product (PNG, JPEG, GIF or WebP, at most 2 MB, checked by its leading bytes and by decoding it: 415 UNREADABLE_PICTURE otherwise).
 * Pictures are uploaded and downloaded over HTTP at the inventory service, not GraphQL:
 * `POST /products/{productId}/pictures[?main=true]` with the image as the body and its Content-Type
 * (roles that may change products; the first picture of a product, or one sent with main=true,
 * becomes its main picture), `GET` on `downloadPath`, `DELETE` on it to remove one (the oldest
 * remaining picture becomes main). The gateway relays them as `/files/inventory/products/{productId}/pictures` and `/files/inventory/product-pictures/{id}`.
 */
export type ProductPicture = {
  __typename?: 'ProductPicture';
  /** The image's media type: image/png, image/jpeg, image/gif or image/webp. */
  contentType: Scalars['String']['output'];
  /** The inventory service's path that serves the image (GET with the bearer token), /product-pictures/{id}. */
  downloadPath: Scalars['String']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Whether this is the product's main picture (a product has at most one). */
  main: Scalars['Boolean']['output'];
  /** The SHA-256 of the image, lower-case hex (its ETag on download). */
  sha256: Scalars['String']['output'];
  /** The image's size in bytes. */
  sizeBytes: Scalars['Int']['output'];
  /** The inventory service's path that serves its thumbnail (WebP, at most 256 × 256 pixels, proportions kept, made at upload; ETag/304 as the image), /product-pictures/{id}/thumbnail; the gateway relays it as /files/inventory/product-pictures/{id}/thumbnail. */
  thumbnailPath: Scalars['String']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTime']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Purchase order lines the warehouse expects, by order number: by supplier, order, product, warehouse, overdue; paged by cursor (`first` at most 100). */
  expectedReceipts: ExpectedReceiptConnection;
  /** The inventory service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  inventoryEventBus: EventBusStatus;
  /** One loan by id; null when there is none. */
  loan?: Maybe<Loan>;
  /** Loans and samples, newest first, filtered (overdue: true gives the overdue list), paged by cursor (`first` at most 100). */
  loans: LoanConnection;
  /** Quantities shipped to customers (delivery moves) over a period, grouped `by` product, customer region, customer industry and/or month (at most 1000 groups), optionally from one warehouse. `from` and `to` are ISO dates (UTC days, both included). Only shipments of customers the caller may see, as for shipments; lines of customers inventory does not know yet fall in the unknown (null) region or industry, never dropped. */
  outboundSummary: Array<OutboundGroup>;
  /** One product by id; NOT_FOUND when no such product exists or it was deleted. */
  product: Product;
  /** Products ordered by name, filtered, paged by cursor (`first` at most 100). */
  products: ProductConnection;
  /** One receipt by id; null when there is none. */
  receipt?: Maybe<Receipt>;
  /** How receipts against purchase orders are checked. */
  receiptSettings: ReceiptSettings;
  /** Receipts, newest first, filtered, paged by cursor (`first` at most 100). */
  receipts: ReceiptConnection;
  /** Live products matching `text` (2 to 100 characters), best first: typo-tolerant over code, name and specification together; exact code first, then those containing the text, then the closest. `first`: 1 to 50, 20 when omitted. */
  searchProducts: Array<Product>;
  /** One shipment by id; NOT_FOUND when no such shipment exists or the caller may not see it. */
  shipment: Shipment;
  /** Shipping notices the caller may see, newest first; a rep sees those of their customers only. */
  shipments: ShipmentConnection;
  /** Products with stock on hand and no outbound movement (delivery, sample, loan out) in the last `days` days (1–3650), per product and warehouse, biggest value at standard cost first (at most 500 rows). */
  slowMovers: Array<SlowMover>;
  /** Safety alarms, newest first: open ones unless the filter says otherwise, paged by cursor (`first` at most 100). */
  stockAlarms: StockAlarmConnection;
  /** One count by id; null when there is none. */
  stockCount?: Maybe<StockCount>;
  /** Stock counts, newest first, filtered, paged by cursor (`first` at most 100). */
  stockCounts: StockCountConnection;
  /** The stock ledger check, for operators (administrators only; FORBIDDEN for everyone else): every product and warehouse whose level is not the sum of its moves, or whose reserved quantity is not the sum of its reservations, by product and warehouse id; empty when the books hold. The same check as `npm run ledger:check -w @rapport/inventory`. */
  stockLedgerCheck: Array<StockLedgerMismatch>;
  /** Stock levels of live products per warehouse, by SKU, filtered, paged by cursor (`first` at most 100). Every department reads availability; costs only where the role allows. */
  stockLevels: StockLevelConnection;
  /** Stock movements over a period per product and warehouse, from the ledger: opening, in, out and closing quantity, by product code then warehouse code (at most 500 rows). `from` and `to` are ISO dates (UTC days, both included); products and warehouses without stock or moves are left out. */
  stockMovementSummary: Array<StockMovementSummary>;
  /** The stock ledger, newest move first, filtered by product, warehouse, kind and period, paged by cursor (`first` at most 100). */
  stockMoves: StockMoveConnection;
  /** One return to a supplier; null when unknown. */
  supplierReturn?: Maybe<SupplierReturn>;
  /** Returns to suppliers, newest first (at most 200), optionally of one receipt. */
  supplierReturns: Array<SupplierReturn>;
  /** One transfer by id; null when there is none. */
  transfer?: Maybe<Transfer>;
  /** Transfers between warehouses, newest first, filtered, paged by cursor (`first` at most 100). */
  transfers: TransferConnection;
  /** Confirmed order lines with something not delivered yet (ordered − delivered − cancelled > 0), oldest confirmation first, paged by cursor (`first` at most 100); only customers the caller may see, as for shipments. */
  undeliveredOrderLines: UndeliveredOrderLineConnection;
  /** One warehouse by id; NOT_FOUND when there is none (FORBIDDEN for roles that see no stock). */
  warehouse: Warehouse;
  /** Warehouses ordered by code, paged by cursor (`first` at most 100). */
  warehouses: WarehouseConnection;
};


export type QueryExpectedReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExpectedReceiptFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLoanArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLoansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LoanFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOutboundSummaryArgs = {
  by: Array<OutboundGrouping>;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReceiptArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReceiptFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryShipmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShipmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ShipmentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySlowMoversArgs = {
  days: Scalars['Int']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryStockAlarmsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StockAlarmFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStockCountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStockCountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StockCountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStockLevelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StockLevelFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStockMovementSummaryArgs = {
  from: Scalars['String']['input'];
  productId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['String']['input'];
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryStockMovesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StockMoveFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySupplierReturnArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupplierReturnsArgs = {
  receiptId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTransferArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTransfersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TransferFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUndeliveredOrderLinesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UndeliveredOrderLineFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWarehouseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWarehousesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Goods received into a warehouse, against a purchase order or without one. */
export type Receipt = {
  __typename?: 'Receipt';
  /** Who received them; null when unknown. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** Stable identifier (UUID), as inventory.receipt.posted names it. */
  id: Scalars['ID']['output'];
  /** What was received, one line per product or purchase order line. */
  lines: Array<ReceiptLine>;
  /** The receipt number, GR-000001 onwards. */
  number: Scalars['String']['output'];
  /** The purchase order received against; null for goods received without one. */
  purchaseOrderId?: Maybe<Scalars['ID']['output']>;
  /** When the goods arrived. */
  receivedAt: Scalars['DateTime']['output'];
  /** The supplier (a purchasing record); null without a purchase order. */
  supplierId?: Maybe<Scalars['ID']['output']>;
  /** The warehouse that received the goods; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** A page of receipts, newest first. */
export type ReceiptConnection = {
  __typename?: 'ReceiptConnection';
  /** The receipts on this page with their cursors. */
  edges: Array<ReceiptEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One receipt in a page. */
export type ReceiptEdge = {
  __typename?: 'ReceiptEdge';
  /** Opaque cursor of this receipt. */
  cursor: Scalars['String']['output'];
  /** The receipt. */
  node: Receipt;
};

/** Narrows a list of receipts; all given criteria must hold. */
export type ReceiptFilter = {
  /** Only receipts at or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only receipts against this purchase order. */
  purchaseOrderId?: InputMaybe<Scalars['ID']['input']>;
  /** Only receipts from this supplier. */
  supplierId?: InputMaybe<Scalars['ID']['input']>;
  /** Only receipts before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only receipts into this warehouse. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** One product received on a receipt. */
export type ReceiptLine = {
  __typename?: 'ReceiptLine';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** The purchase order line received against; null without a purchase order. */
  purchaseOrderLineId?: Maybe<Scalars['ID']['output']>;
  /** How much was received. */
  quantity: Scalars['String']['output'];
  /** The RECEIPT move that put it on the ledger. */
  stockMoveId: Scalars['ID']['output'];
  /** What one unit cost (the purchase order's price unless given); null for callers who may not see costs. */
  unitCost?: Maybe<Money>;
};

/** How receipts against purchase orders are checked. */
export type ReceiptSettings = {
  __typename?: 'ReceiptSettings';
  /** How much more than a line's open ordered quantity may be received, in percent (e.g. "5"); more is refused. */
  overReceiptTolerance: Scalars['String']['output'];
  /** When the setting last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Goods received against a purchase order. */
export type ReceiveGoodsInput = {
  /** The lines received, at least one, each line at most once. */
  lines: Array<ReceiveGoodsLineInput>;
  /** The purchase order (as approved by purchasing); NOT_FOUND naming the field when unknown here. */
  purchaseOrderId: Scalars['ID']['input'];
  /** When the goods arrived; now when omitted; not in the future. */
  receivedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The warehouse receiving the goods (any warehouse, not only the one expected); NOT_FOUND naming the field when unknown. */
  warehouseId: Scalars['ID']['input'];
};

/** One purchase order line received. */
export type ReceiveGoodsLineInput = {
  /** The purchase order line; NOT_FOUND naming the field when it is not a line of the order. */
  purchaseOrderLineId: Scalars['ID']['input'];
  /** How much arrived, a positive decimal string with at most three decimals; at most the line's open ordered quantity plus the tolerance, less what was received before. */
  quantity: Scalars['String']['input'];
  /** What one unit cost, in the order's currency; the line's price when omitted. */
  unitCost?: InputMaybe<MoneyInput>;
};

/** Goods received back from a customer against a delivered shipment. */
export type ReceiveReturnInput = {
  /** What came back, per order line and condition. */
  lines: Array<ReturnLineInput>;
  /** Why the customer sent them back. */
  reason: Scalars['String']['input'];
  /** The delivered shipment the goods came from. */
  shipmentId: Scalars['ID']['input'];
  /** The warehouse restocked goods go back into; the shipment's warehouse when omitted. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** Goods received without a purchase order (against one: receiveGoods). */
export type ReceiveStockInput = {
  /** The product received; NOT_FOUND naming the field when unknown or retired. */
  productId: Scalars['ID']['input'];
  /** How much, a positive decimal string with at most three decimals. */
  quantity: Scalars['String']['input'];
  /** A note, e.g. the delivery note number (up to 500 characters). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** What one unit cost, in the product's currency; the standard cost when omitted. */
  unitCost?: InputMaybe<MoneyInput>;
  /** The warehouse receiving it; NOT_FOUND naming the field when unknown. */
  warehouseId: Scalars['ID']['input'];
};

/** Goods of a transfer that arrived. */
export type ReceiveTransferInput = {
  /** What arrived per product, at most what is still in transit; omitted: everything still in transit. */
  lines?: InputMaybe<Array<TransferLineInput>>;
  /** The transfer; NOT_FOUND naming the field when unknown. */
  transferId: Scalars['ID']['input'];
};

/** What becomes of returned goods. */
export type ReturnCondition =
  /** Fit to sell again: back into the warehouse's stock by a CUSTOMER_RETURN move, serving waiting shortages first. */
  | 'RESTOCK'
  /** Damaged or unusable: recorded on the return, no stock move. */
  | 'SCRAP';

/** One order line's returned quantity and condition. */
export type ReturnLineInput = {
  /** What becomes of it. */
  condition: ReturnCondition;
  /** The order line's id; it must be a line the shipment delivered. */
  orderLineId: Scalars['ID']['input'];
  /** How much came back, a positive decimal string with at most three decimals. */
  quantity: Scalars['String']['input'];
};

export type ReturnToSupplierInput = {
  /** What goes back, one entry per receipt line. */
  lines: Array<ReturnToSupplierLineInput>;
  /** Why the goods go back (1 to 500 characters). */
  reason: Scalars['String']['input'];
  /** The posted receipt the goods came in on. */
  receiptId: Scalars['ID']['input'];
};

/** One receipt line to send back. */
export type ReturnToSupplierLineInput = {
  /** How much to send back: positive, at most three decimals, at most what the line received less what went back before. */
  quantity: Scalars['String']['input'];
  /** A line of the receipt. */
  receiptLineId: Scalars['ID']['input'];
};

/** A customer's confirmed order, numbered SO-000001, …; fulfilled by inventory, billed by finance. */
export type SalesOrder = {
  __typename?: 'SalesOrder';
  /** How far the order's delivery has come, with its shipments: only those the caller may see (NOT_PLANNED with none for a role that sees no shipments). */
  delivery: Delivery;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The order's lines as inventory reserved them; empty until the confirmation reached inventory, and for callers who may not see the order (reps see their customers' orders only). */
  stock: Array<OrderLineStock>;
};

/** The safety stock and reorder quantity of a product in a warehouse. */
export type SetStockRuleInput = {
  /** The product; NOT_FOUND naming the field when unknown or retired. */
  productId: Scalars['ID']['input'];
  /** How much purchasing should reorder when the alarm is raised. */
  reorderQuantity: Scalars['String']['input'];
  /** Below this much available stock an alarm is raised; 0 turns the alarm off. */
  safetyStock: Scalars['String']['input'];
  /** The warehouse; NOT_FOUND naming the field when unknown. */
  warehouseId: Scalars['ID']['input'];
};

/** Goods of a loan that came back, or that the customer keeps. */
export type SettleLoanInput = {
  /** The loan; NOT_FOUND naming the field when unknown, CONFLICT when nothing is out any more. */
  loanId: Scalars['ID']['input'];
  /** How much, at most what is still out; omitted: everything still out. */
  quantity?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A shipping notice (delivery order), numbered DN-000001, …: goods of one customer's order lines (of
 * one or several orders) to go out of one warehouse, tracked until delivered. Raised automatically
 * when stock is reserved for an order (one open notice per order and warehouse, topped up when a
 * shortage is reserved later), or by hand with `planShipment`. Shipped partly, the rest goes onto a
 * backorder notice. Its status follows from its quantities and dates.
 */
export type Shipment = {
  __typename?: 'Shipment';
  /** The notice this one took the unshipped rest of (it is a backorder); null otherwise, or when the caller may not see it. */
  backorderOf?: Maybe<Shipment>;
  /** The courier, as given when shipped; null until shipped or when none was given. */
  carrier?: Maybe<Scalars['String']['output']>;
  /** The customer the goods go to. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** When the customer received the goods; null until delivered. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the gateway serves this notice's delivery note as a PDF (GET with the bearer token), printed from the notice as it stands. */
  deliveryNotePdfPath: Scalars['String']['output'];
  /** Every recorded change to this shipment (planned, shipped, delivered, cancelled), newest first; visible to whoever may see the shipment. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What the notice plans, ships and shipped, per order line, oldest first. */
  lines: Array<ShipmentLine>;
  /** The notice's number, DN-000001, … */
  number: Scalars['String']['output'];
  /** The sales order the notice serves when it serves one only, resolved by the sales subgraph; null when it serves several, or the caller may not see it (so one such reference never blanks a list). */
  order?: Maybe<SalesOrder>;
  /** The id of the sales order the notice serves when it serves one order only; null when its lines are of several orders (see `lines`). */
  orderId?: Maybe<Scalars['ID']['output']>;
  /** When the shipping notice was raised. */
  plannedAt: Scalars['DateTime']['output'];
  /** The day the goods are planned to leave (YYYY-MM-DD); null when not agreed. */
  plannedFor?: Maybe<Scalars['String']['output']>;
  /** Goods the customer sent back against this shipment once delivered, oldest first. */
  returns: Array<CustomerReturn>;
  /** When the goods left the warehouse; null until shipped. */
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How far the notice has come, derived from its quantities and dates. */
  status: ShipmentStatus;
  /** The courier's tracking number; null until shipped. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /** The warehouse the goods leave from; null for notices from before notices had lines that had nothing reserved, or when the caller may not see warehouses. */
  warehouse?: Maybe<Warehouse>;
};


/**
 * A shipping notice (delivery order), numbered DN-000001, …: goods of one customer's order lines (of
 * one or several orders) to go out of one warehouse, tracked until delivered. Raised automatically
 * when stock is reserved for an order (one open notice per order and warehouse, topped up when a
 * shortage is reserved later), or by hand with `planShipment`. Shipped partly, the rest goes onto a
 * backorder notice. Its status follows from its quantities and dates.
 */
export type ShipmentHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of shipping notices, newest first. */
export type ShipmentConnection = {
  __typename?: 'ShipmentConnection';
  /** The notices on this page with their cursors. */
  edges: Array<ShipmentEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One shipping notice in a page. */
export type ShipmentEdge = {
  __typename?: 'ShipmentEdge';
  /** Opaque cursor of this notice. */
  cursor: Scalars['String']['output'];
  /** The notice. */
  node: Shipment;
};

/** Narrows a list of shipping notices; all given criteria must hold. */
export type ShipmentFilter = {
  /** Only notices to this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only notices with a line of this sales order. */
  orderId?: InputMaybe<Scalars['ID']['input']>;
  /** Only notices in this status. */
  status?: InputMaybe<ShipmentStatus>;
  /** Only notices out of this warehouse. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** One order line on a shipping notice. Quantities are decimal strings. */
export type ShipmentLine = {
  __typename?: 'ShipmentLine';
  /** What was taken off this notice: the order line cancelled, or the rest of a shipment not kept as a backorder. */
  cancelled: Scalars['String']['output'];
  /** The sales order the line belongs to. */
  orderId: Scalars['ID']['output'];
  /** The order line's id, as sales numbers it. */
  orderLineId: Scalars['ID']['output'];
  /** While the notice is PLANNED: what it plans to send. Once shipped: what it sent (the rest went onto a backorder notice or was cancelled). */
  planned: Scalars['String']['output'];
  /** The product; null when the caller may not see it, or inventory does not know it. */
  product?: Maybe<Product>;
  /** What went out with this notice; 0 until shipped. */
  shipped: Scalars['String']['output'];
};

/** A quantity of one order line, for planning or shipping. */
export type ShipmentLineInput = {
  /** The order line's id, as sales numbers it. */
  orderLineId: Scalars['ID']['input'];
  /** How much, a decimal string with at most three decimals. */
  quantity: Scalars['String']['input'];
};

/** How far a shipping notice has come; it only moves forward. */
export type ShipmentStatus =
  /** Nothing is planned on it any more (its order lines were cancelled) and nothing went out. */
  | 'CANCELLED'
  /** Received by the customer. */
  | 'DELIVERED'
  /** The notice is raised; the goods are still in the warehouse. */
  | 'PLANNED'
  /** Handed to the courier. */
  | 'SHIPPED';

/** A product lying in a warehouse with no outbound movement for a while. */
export type SlowMover = {
  __typename?: 'SlowMover';
  /** The last outbound movement (delivery, sample or loan out) of the product from the warehouse; null when it never went out. */
  lastOutboundAt?: Maybe<Scalars['DateTime']['output']>;
  /** On hand in the warehouse (decimal string). */
  onHandQuantity: Scalars['String']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** On hand at the product's standard cost, in the product's currency; null for callers who may not see costs. */
  value?: Maybe<Money>;
  /** The warehouse; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** A safety alarm: available stock of a product in a warehouse fell below its safety level. One per crossing; cleared when stock recovers. */
export type StockAlarm = {
  __typename?: 'StockAlarm';
  /** Available stock when the alarm was raised. */
  available: Scalars['String']['output'];
  /** Stable identifier (UUID), as the events name it. */
  id: Scalars['ID']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** When it was raised. */
  raisedAt: Scalars['DateTime']['output'];
  /** When available stock was back at the safety level; null while the alarm is open. */
  recoveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** How much to reorder, as set when the alarm was raised. */
  reorderQuantity: Scalars['String']['output'];
  /** The safety level it fell below. */
  safetyStock: Scalars['String']['output'];
  /** The warehouse; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** A page of safety alarms, newest first. */
export type StockAlarmConnection = {
  __typename?: 'StockAlarmConnection';
  /** The alarms on this page with their cursors. */
  edges: Array<StockAlarmEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One safety alarm in a page. */
export type StockAlarmEdge = {
  __typename?: 'StockAlarmEdge';
  /** Opaque cursor of this alarm. */
  cursor: Scalars['String']['output'];
  /** The alarm. */
  node: StockAlarm;
};

/** Narrows a list of safety alarms. */
export type StockAlarmFilter = {
  /** True or omitted: open alarms only; false: cleared ones only. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only this product's alarms. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this warehouse's alarms. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * A stock count sheet of one warehouse (an inventory adjustment or stock reconciliation): the expected
 * quantity of each product is frozen when it is put on the sheet; counted quantities are entered or
 * imported; posting writes, in one transaction, a COUNT move of counted − expected for every counted
 * line that differs. Posting moves the difference from the FROZEN quantity, so moves made after the
 * freeze (a delivery while the shelves were counted) stand and a count is never refused because stock
 * moved meanwhile. A count that lowers on hand below what is reserved keeps the reservations (they are
 * flagged in `inventory.count.posted.v1`, `reservedBeyondOnHand`, and cannot ship until stock comes in);
 * one that would take on hand below zero is refused unless the warehouse allows negative stock.
 */
export type StockCount = {
  __typename?: 'StockCount';
  /** Who made it; null when unknown. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** When it was cancelled; null unless it was. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many of them have a counted quantity. */
  countedLines: Scalars['Int']['output'];
  /** When it was made (and most expected quantities frozen). */
  createdAt: Scalars['DateTime']['output'];
  /** The value of the differences at the products' standard cost (the sum of the lines' rounded values), one amount per currency; empty when the caller may not see costs. */
  differenceValue: Array<Money>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** How many products are on the sheet. */
  lineCount: Scalars['Int']['output'];
  /** The products on the sheet, by product id; `onlyDifferences`: only counted lines whose counted quantity differs from the expected one (the review list). */
  lines: Array<StockCountLine>;
  /** A note given when it was made; null when none. */
  note?: Maybe<Scalars['String']['output']>;
  /** The count number, CNT-000001 onwards. */
  number: Scalars['String']['output'];
  /** When it was posted; null until then. */
  postedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who posted it; null until posted or when unknown. */
  postedBy?: Maybe<Scalars['ID']['output']>;
  /** Where it stands. */
  state: StockCountState;
  /** The warehouse counted; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};


/**
 * A stock count sheet of one warehouse (an inventory adjustment or stock reconciliation): the expected
 * quantity of each product is frozen when it is put on the sheet; counted quantities are entered or
 * imported; posting writes, in one transaction, a COUNT move of counted − expected for every counted
 * line that differs. Posting moves the difference from the FROZEN quantity, so moves made after the
 * freeze (a delivery while the shelves were counted) stand and a count is never refused because stock
 * moved meanwhile. A count that lowers on hand below what is reserved keeps the reservations (they are
 * flagged in `inventory.count.posted.v1`, `reservedBeyondOnHand`, and cannot ship until stock comes in);
 * one that would take on hand below zero is refused unless the warehouse allows negative stock.
 */
export type StockCountLinesArgs = {
  onlyDifferences?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of counts, newest first. */
export type StockCountConnection = {
  __typename?: 'StockCountConnection';
  /** The counts on this page with their cursors. */
  edges: Array<StockCountEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One count in a page. */
export type StockCountEdge = {
  __typename?: 'StockCountEdge';
  /** Opaque cursor of this count. */
  cursor: Scalars['String']['output'];
  /** The count. */
  node: StockCount;
};

/** Narrows a list of counts; all given criteria must hold. */
export type StockCountFilter = {
  /** Only counts in this state. */
  state?: InputMaybe<StockCountState>;
  /** Only counts of this warehouse. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** One product on a count sheet. */
export type StockCountLine = {
  __typename?: 'StockCountLine';
  /** What was counted; null until entered. */
  counted?: Maybe<Scalars['String']['output']>;
  /** counted − expected; null until counted. Posting moves exactly this much. */
  difference?: Maybe<Scalars['String']['output']>;
  /** The difference valued at the product's standard cost (rounded half up at the minor unit); null until counted or when the caller may not see costs. */
  differenceValue?: Maybe<Money>;
  /** What the books said when the product was put on the sheet (its on hand then). */
  expected: Scalars['String']['output'];
  /** When the expected quantity was frozen. */
  frozenAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** On hand in the warehouse now: differs from `expected` when stock moved after the freeze (those moves stand). */
  onHandNow: Scalars['String']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
};

/** Where a stock count stands. */
export type StockCountState =
  /** Cancelled: nothing was posted. */
  | 'CANCELLED'
  /** Being counted: counted quantities may be entered or imported. */
  | 'OPEN'
  /** Posted: its differences are COUNT moves on the ledger; nothing more may change. */
  | 'POSTED';

/** A product and warehouse whose stock level disagrees with the ledger or the reservations (quantities are decimal strings). */
export type StockLedgerMismatch = {
  __typename?: 'StockLedgerMismatch';
  /** The level's on-hand quantity (0 when there is no level row). */
  onHand: Scalars['String']['output'];
  /** The product; null when it was retired. */
  product?: Maybe<Product>;
  /** The product's id (UUID), also when the product was retired. */
  productId: Scalars['ID']['output'];
  /** The level's reserved quantity. */
  reserved: Scalars['String']['output'];
  /** The sum of the ledger's moves for the product and warehouse; on hand should equal it. */
  sumOfMoves: Scalars['String']['output'];
  /** The sum of the open reservations; reserved should equal it. */
  sumOfReservations: Scalars['String']['output'];
  /** The warehouse. */
  warehouse?: Maybe<Warehouse>;
  /** The warehouse's id (UUID). */
  warehouseId: Scalars['ID']['output'];
};

/** The stock of one product in one warehouse. Quantities are decimal strings with up to three decimals, in the product's unit. */
export type StockLevel = {
  __typename?: 'StockLevel';
  /** What can still be promised: on hand − reserved. */
  available: Scalars['String']['output'];
  /** Stable identifier (UUID) of this product-and-warehouse level. */
  id: Scalars['ID']['output'];
  /** What transfers from other warehouses have sent here and not delivered yet. */
  inTransit: Scalars['String']['output'];
  /** What approved purchase orders counted in this warehouse still expect (see expectedReceipts). */
  incoming: Scalars['String']['output'];
  /** What is physically there: the sum of the ledger's moves. */
  onHand: Scalars['String']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** How much purchasing should reorder when the alarm is raised. */
  reorderQuantity: Scalars['String']['output'];
  /** What is set aside for confirmed orders. */
  reserved: Scalars['String']['output'];
  /** Below this much available stock a safety alarm is raised; 0 means no alarm. */
  safetyStock: Scalars['String']['output'];
  /** When this level last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** On hand valued at the product's standard cost; null for callers who may not see costs. */
  value?: Maybe<Money>;
  /** The warehouse; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** A page of stock levels, ordered by product SKU. */
export type StockLevelConnection = {
  __typename?: 'StockLevelConnection';
  /** The levels on this page with their cursors. */
  edges: Array<StockLevelEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One stock level in a page. */
export type StockLevelEdge = {
  __typename?: 'StockLevelEdge';
  /** Opaque cursor of this level. */
  cursor: Scalars['String']['output'];
  /** The level. */
  node: StockLevel;
};

/** Narrows a list of stock levels; all given criteria must hold. */
export type StockLevelFilter = {
  /** Only levels whose available stock is below their safety level (when true). */
  belowSafety?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only this product's levels. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this warehouse's levels. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** One line of the stock ledger: a signed quantity of a product into (+) or out of (−) a warehouse. Never changed; a wrong move is corrected by another. */
export type StockMove = {
  __typename?: 'StockMove';
  /** The user who moved it, or on whose behalf an event moved it; null when unknown. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What kind of move it is. */
  kind: StockMoveKind;
  /** When it moved. */
  movedAt: Scalars['DateTime']['output'];
  /** The product moved; null when the caller may not see it or it was retired. */
  product?: Maybe<Product>;
  /** The signed quantity, a decimal string: positive into the warehouse, negative out of it. */
  quantity: Scalars['String']['output'];
  /** Why it moved, as the person who moved it wrote it; null when not given. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The id of that document; null for a move of its own. */
  referenceId?: Maybe<Scalars['ID']['output']>;
  /** The kind of document the move belongs to (e.g. SALES_ORDER, SHIPMENT); null for a move of its own. */
  referenceType?: Maybe<Scalars['String']['output']>;
  /** What one unit was worth when it moved; null when unknown or the caller may not see costs. */
  unitCost?: Maybe<Money>;
  /** The warehouse; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** A page of stock moves, newest first. */
export type StockMoveConnection = {
  __typename?: 'StockMoveConnection';
  /** The moves on this page with their cursors. */
  edges: Array<StockMoveEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One stock move in a page. */
export type StockMoveEdge = {
  __typename?: 'StockMoveEdge';
  /** Opaque cursor of this move. */
  cursor: Scalars['String']['output'];
  /** The move. */
  node: StockMove;
};

/** Narrows a list of stock moves; all given criteria must hold. */
export type StockMoveFilter = {
  /** Only moves at or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only moves of this kind. */
  kind?: InputMaybe<StockMoveKind>;
  /** Only this product's moves. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only moves before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this warehouse's moves. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a stock move did: the kinds of the ledger. Inbound kinds add stock, outbound kinds take it; ADJUSTMENT and COUNT go either way. */
export type StockMoveKind =
  /** A correction with a reason (either way). */
  | 'ADJUSTMENT'
  /** A difference found by a stock count (either way). */
  | 'COUNT'
  /** Goods a customer sent back (inbound). */
  | 'CUSTOMER_RETURN'
  /** Goods delivered to a customer (outbound). */
  | 'DELIVERY'
  /** Goods lent to a customer (outbound). */
  | 'LOAN_OUT'
  /** Lent goods coming back (inbound). */
  | 'LOAN_RETURN'
  /** Goods received from a supplier (inbound). */
  | 'RECEIPT'
  /** Goods given away as a sample (outbound). */
  | 'SAMPLE'
  /** Goods sent back to a supplier (outbound). */
  | 'SUPPLIER_RETURN'
  /** Goods arriving from another warehouse (inbound). */
  | 'TRANSFER_IN'
  /** Goods leaving for another warehouse (outbound). */
  | 'TRANSFER_OUT';

/** One product in one warehouse over a period: what it started with, what came in and went out, and what it ended with (decimal strings). */
export type StockMovementSummary = {
  __typename?: 'StockMovementSummary';
  /** On hand at the end of the period: opening + in − out. */
  closingQuantity: Scalars['String']['output'];
  /** What came in during the period (receipts, transfers in, returns, positive adjustments…). */
  inQuantity: Scalars['String']['output'];
  /** On hand at the start of the period: the sum of every move before it. */
  openingQuantity: Scalars['String']['output'];
  /** What went out during the period (deliveries, transfers out, supplier returns, negative adjustments…), as a positive number. */
  outQuantity: Scalars['String']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** The warehouse; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** Stock set aside in one warehouse for one order line. */
export type StockReservation = {
  __typename?: 'StockReservation';
  /** How much, a decimal string. */
  quantity: Scalars['String']['output'];
  /** The warehouse holding it; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** Goods sent back to the supplier against a posted receipt, out of the warehouse that received them, numbered SR-000001 onwards. */
export type SupplierReturn = {
  __typename?: 'SupplierReturn';
  /** Who sent them back; null when unknown. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** Stable identifier (UUID), as inventory.supplier-return.posted names it. */
  id: Scalars['ID']['output'];
  /** What went back, one line per receipt line. */
  lines: Array<SupplierReturnLine>;
  /** The return's number, SR-000001 onwards. */
  number: Scalars['String']['output'];
  /** The purchase order the receipt was against; null for goods received without one. */
  purchaseOrderId?: Maybe<Scalars['ID']['output']>;
  /** Why the goods went back (damaged, wrong item, …). */
  reason: Scalars['String']['output'];
  /** The receipt the goods came in on. */
  receipt?: Maybe<Receipt>;
  /** When the goods left. */
  returnedAt: Scalars['DateTime']['output'];
  /** The supplier (a purchasing record); null without a purchase order. */
  supplierId?: Maybe<Scalars['ID']['output']>;
  /** The warehouse the goods left; null when the caller may not see it. */
  warehouse?: Maybe<Warehouse>;
};

/** One receipt line's quantity sent back. */
export type SupplierReturnLine = {
  __typename?: 'SupplierReturnLine';
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** The purchase order line received against; null without a purchase order. */
  purchaseOrderLineId?: Maybe<Scalars['ID']['output']>;
  /** How much went back (a decimal string). */
  quantity: Scalars['String']['output'];
  /** The receipt line the goods came in on. */
  receiptLineId: Scalars['ID']['output'];
  /** The SUPPLIER_RETURN move that took it off the ledger. */
  stockMoveId: Scalars['ID']['output'];
  /** What one unit cost when received; null for callers who may not see costs. */
  unitCost?: Maybe<Money>;
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** Goods sent from one warehouse to another (TRANSFER_OUT at the source, TRANSFER_IN at the destination as they arrive). */
export type Transfer = {
  __typename?: 'Transfer';
  /** Who sent them; null when unknown. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** Where the goods left; null when the caller may not see it. */
  fromWarehouse?: Maybe<Warehouse>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What was sent and what has arrived, per product. */
  lines: Array<TransferLine>;
  /** The transfer number, TR-000001 onwards. */
  number: Scalars['String']['output'];
  /** A note given when it was sent; null when none. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the goods left. */
  shippedAt: Scalars['DateTime']['output'];
  /** Where it stands. */
  state: TransferState;
  /** Where they go; null when the caller may not see it. */
  toWarehouse?: Maybe<Warehouse>;
};

/** A page of transfers, newest first. */
export type TransferConnection = {
  __typename?: 'TransferConnection';
  /** The transfers on this page with their cursors. */
  edges: Array<TransferEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One transfer in a page. */
export type TransferEdge = {
  __typename?: 'TransferEdge';
  /** Opaque cursor of this transfer. */
  cursor: Scalars['String']['output'];
  /** The transfer. */
  node: Transfer;
};

/** Narrows a list of transfers; all given criteria must hold. */
export type TransferFilter = {
  /** Only transfers leaving this warehouse. */
  fromWarehouseId?: InputMaybe<Scalars['ID']['input']>;
  /** Only transfers carrying this product. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only transfers in this state. */
  state?: InputMaybe<TransferState>;
  /** Only transfers going to this warehouse. */
  toWarehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** One product on a transfer. */
export type TransferLine = {
  __typename?: 'TransferLine';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** How much is still on its way: quantity − received. */
  inTransit: Scalars['String']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** How much was sent. */
  quantity: Scalars['String']['output'];
  /** How much has arrived. */
  received: Scalars['String']['output'];
};

/** One product to send. */
export type TransferLineInput = {
  /** The product; NOT_FOUND naming the field when unknown or retired. */
  productId: Scalars['ID']['input'];
  /** How much, a positive decimal string with at most three decimals; never more than is available at the source. */
  quantity: Scalars['String']['input'];
};

/** Where a transfer stands, from its lines' quantities. */
export type TransferState =
  /** Sent; nothing has arrived yet. */
  | 'IN_TRANSIT'
  /** Some has arrived, the rest is still on its way. */
  | 'PARTLY_RECEIVED'
  /** Everything sent has arrived. */
  | 'RECEIVED';

/** Goods to send from one warehouse to another. */
export type TransferStockInput = {
  /** Where the goods leave; NOT_FOUND naming the field when unknown. */
  fromWarehouseId: Scalars['ID']['input'];
  /** The products, at least one, each at most once. */
  lines: Array<TransferLineInput>;
  /** A note (up to 500 characters). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Where they go (another warehouse); NOT_FOUND naming the field when unknown. */
  toWarehouseId: Scalars['ID']['input'];
};

/** What of one confirmed order line has not gone out yet (quantities are decimal strings). */
export type UndeliveredOrderLine = {
  __typename?: 'UndeliveredOrderLine';
  /** What was cancelled since. */
  cancelledQuantity: Scalars['String']['output'];
  /** When the order was confirmed. */
  confirmedAt: Scalars['DateTime']['output'];
  /** The customer the order is for. */
  customer?: Maybe<Customer>;
  /** What went out on shipped notices. */
  deliveredQuantity: Scalars['String']['output'];
  /** The sales order. */
  orderId: Scalars['ID']['output'];
  /** The order line's id, as sales numbers it. */
  orderLineId: Scalars['ID']['output'];
  /** The order's number as sales announced it; null when the announcement has not arrived. */
  orderNumber?: Maybe<Scalars['String']['output']>;
  /** What the line ordered. */
  orderedQuantity: Scalars['String']['output'];
  /** The product; null when the caller may not see it. */
  product?: Maybe<Product>;
  /** What is set aside for the line in stock now. */
  reservedQuantity: Scalars['String']['output'];
  /** What the line still waits for (no stock to reserve). */
  shortQuantity: Scalars['String']['output'];
  /** Ordered − delivered − cancelled: what is still to go out. */
  undeliveredQuantity: Scalars['String']['output'];
  /** The warehouse the order asked for; null when any warehouse may serve it. */
  warehouse?: Maybe<Warehouse>;
};

export type UndeliveredOrderLineConnection = {
  __typename?: 'UndeliveredOrderLineConnection';
  /** The lines of this page. */
  edges: Array<UndeliveredOrderLineEdge>;
  /** Where the page ends and whether more follow. */
  pageInfo: PageInfo;
};

export type UndeliveredOrderLineEdge = {
  __typename?: 'UndeliveredOrderLineEdge';
  /** Opaque cursor of this line. */
  cursor: Scalars['String']['output'];
  /** The order line. */
  node: UndeliveredOrderLine;
};

/** Narrows the undelivered order lines; all given criteria must hold. */
export type UndeliveredOrderLineFilter = {
  /** Only lines of this customer. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only lines of this product. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only lines the warehouse is asked for or holds a reservation of. */
  warehouseId?: InputMaybe<Scalars['ID']['input']>;
};

/** A change to a product: only the fields given change; a null specification or category clears it. */
export type UpdateProductInput = {
  /** A new category (up to 100 characters); null clears it. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** A new list price; in another currency only with the standard cost in that currency too. */
  listPrice?: InputMaybe<MoneyInput>;
  /** A new display name (1–200 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new unique code (same rules as on creation); CONFLICT naming input.sku when taken. */
  sku?: InputMaybe<Scalars['String']['input']>;
  /** A new specification (up to 4,000 characters); null clears it. */
  specification?: InputMaybe<Scalars['String']['input']>;
  /** A new standard cost, in the product's (new) currency; only roles that may set costs may give it. */
  standardCost?: InputMaybe<MoneyInput>;
  /** A new unit of measure (1–20 characters). */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A change to a warehouse: only the fields given change; a null address clears it. */
export type UpdateWarehouseInput = {
  /** Whether the warehouse is in use from now on. false is refused (CONFLICT WAREHOUSE_NOT_EMPTY naming the field, what holds it in details) while it still holds stock on hand or reserved, a transfer from or to it is not fully received, or a count, planned shipping notice or loan of it is open, as Odoo refuses to archive a location that still contains products. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new postal address (up to 500 characters); null clears it. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Whether moves may take stock here below zero from now on. */
  allowNegativeStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new display name (1–200 characters). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A place stock is kept in: a unique code, a name and an address. */
export type Warehouse = {
  __typename?: 'Warehouse';
  /** Whether the warehouse is in use. Nothing moves in or out of one that is not: receiving, adjusting, transferring from or to it, counting in it and setting stock rules are refused with BAD_USER_INPUT (WAREHOUSE_INACTIVE) naming the warehouse field; orders naming it wait short, orders naming none reserve elsewhere; purchase orders may not name it. */
  active: Scalars['Boolean']['output'];
  /** Postal address, as lines separated by newlines; null when not given. */
  address?: Maybe<Scalars['String']['output']>;
  /** Whether moves may take stock here below zero; false unless set (then a move taking more than is available is refused). */
  allowNegativeStock: Scalars['Boolean']['output'];
  /** Unique short code, upper-case, e.g. BER-1. */
  code: Scalars['String']['output'];
  /** When the warehouse was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Every recorded change to this warehouse, newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. "Berlin central warehouse". */
  name: Scalars['String']['output'];
};


/** A place stock is kept in: a unique code, a name and an address. */
export type WarehouseHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of warehouses, ordered by code. */
export type WarehouseConnection = {
  __typename?: 'WarehouseConnection';
  /** The warehouses on this page with their cursors. */
  edges: Array<WarehouseEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One warehouse in a page. */
export type WarehouseEdge = {
  __typename?: 'WarehouseEdge';
  /** Opaque cursor of this warehouse. */
  cursor: Scalars['String']['output'];
  /** The warehouse. */
  node: Warehouse;
};
