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

/**
 * Something a rep did with a customer — a call, visit, meeting, email or note — or a visit they plan.
 * Logging one that happened moves the customer's `lastContactedAt`; a team head, director or admin reviews it.
 */
export type Activity = {
  __typename?: 'Activity';
  /** Whom a to-do (TASK) is addressed to: the customer's owner when it was raised; null for activities reps log. */
  assignee?: Maybe<User>;
  /** Details, free text. */
  body?: Maybe<Scalars['String']['output']>;
  /** The customer's contact it was with, if any (null when that contact was removed). */
  contact?: Maybe<Contact>;
  /** When it was logged. */
  createdAt: Scalars['DateTime']['output'];
  /** Who logged it; null for a to-do the system raised. */
  createdBy?: Maybe<User>;
  /** The customer it was with. */
  customer: Customer;
  /** When the follow-up (the next step, or the planned visit) was marked done; null while it is still a reminder. */
  followUpDoneAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who marked the follow-up done. */
  followUpDoneBy?: Maybe<User>;
  /** Every recorded change to this activity (logging, review), newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What kind of activity it is. */
  kind: ActivityKind;
  /** What to do next. */
  nextStep?: Maybe<Scalars['String']['output']>;
  /** The day the next step is due (ISO 8601 date): the reminder. */
  nextStepDue?: Maybe<Scalars['String']['output']>;
  /** When it happened; null for a planned visit. */
  occurredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The opportunity it was about, if any. */
  opportunity?: Maybe<Opportunity>;
  /** What came out of it. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** When the visit is planned; set for planned visits only. */
  plannedFor?: Maybe<Scalars['DateTime']['output']>;
  /** Its review by a team head, director or admin. */
  review: ActivityReview;
  /** One line saying what it was about. */
  subject: Scalars['String']['output'];
};


/**
 * Something a rep did with a customer — a call, visit, meeting, email or note — or a visit they plan.
 * Logging one that happened moves the customer's `lastContactedAt`; a team head, director or admin reviews it.
 */
export type ActivityHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of activities, newest first. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  /** The activities on this page with their cursors. */
  edges: Array<ActivityEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One activity in a page. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** Opaque cursor of this activity. */
  cursor: Scalars['String']['output'];
  /** The activity. */
  node: Activity;
};

/** Narrows an activity list; all given criteria must hold. */
export type ActivityFilter = {
  /** Only to-dos addressed to this user (a rep's own: their id with `dueBefore`). */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this customer's activities. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only reminders due before this day (ISO 8601 date): visits planned, or next steps due, before it, whose follow-up is not done yet. */
  dueBefore?: InputMaybe<Scalars['String']['input']>;
  /** Only activities of this kind. */
  kind?: InputMaybe<ActivityKind>;
  /** Only activities whose review stands here (e.g. PENDING, for a reviewer's queue). */
  reviewStatus?: InputMaybe<ReviewStatus>;
};

/** Kinds of activity. */
export type ActivityKind =
  /** A phone call. */
  | 'CALL'
  /** An email exchange. */
  | 'EMAIL'
  /** A meeting (at the business, online, elsewhere). */
  | 'MEETING'
  /** A note about the customer. */
  | 'NOTE'
  /** A visit that is planned, not yet made; does not count as contact. */
  | 'PLANNED_VISIT'
  /** A to-do the system raised for a rep (e.g. an overdue loan to chase), addressed to them (`assignee`) and due on `nextStepDue`; does not count as contact. Not for logActivity. */
  | 'TASK'
  /** A visit at the customer. */
  | 'VISIT';

/** The review of an activity. */
export type ActivityReview = {
  __typename?: 'ActivityReview';
  /** The reviewer's comment. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When it was reviewed; null while pending. */
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who reviewed it; null while pending. */
  reviewer?: Maybe<User>;
  /** Whether it is still pending, approved or rejected. */
  status: ReviewStatus;
};

/** A new address of a customer. */
export type AddAddressInput = {
  /** City or town (1–100 characters). */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 country code, e.g. DE (case-insensitive). */
  country: Scalars['String']['input'];
  /** The customer. */
  customerId: Scalars['ID']['input'];
  /** What the address is used for. */
  kind: AddressKind;
  /** Postal code (up to 20 characters). */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State, province or region (up to 100 characters). */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Street and house number (1–300 characters). */
  street: Scalars['String']['input'];
};

/** A new contact of a customer. */
export type AddContactInput = {
  /** The customer the person works for. */
  customerId: Scalars['ID']['input'];
  /** Email addresses (at most 10). */
  emails?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Full name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Phone numbers (at most 10, each up to 40 characters). */
  phones?: InputMaybe<Array<Scalars['String']['input']>>;
  /** How the person prefers to be reached. */
  preferredChannel?: InputMaybe<ContactChannel>;
  /** Makes the contact the customer's primary contact, replacing the current one. Defaults to false. */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** Job title or role (up to 200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A postal address of a customer: where to bill, where to ship, or one of its sites. */
export type Address = {
  __typename?: 'Address';
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, upper-case, e.g. DE. */
  country: Scalars['String']['output'];
  /** When the address was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer at this address. */
  customer: Customer;
  /** When the address was removed; null unless removed. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every recorded change to this address, newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What the address is used for. */
  kind: AddressKind;
  /** Postal code as written in the country. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** State, province or region, where the country uses one. */
  region?: Maybe<Scalars['String']['output']>;
  /** Street and house number (and any further lines). */
  street: Scalars['String']['output'];
};


/** A postal address of a customer: where to bill, where to ship, or one of its sites. */
export type AddressHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What an address is used for. */
export type AddressKind =
  /** Invoices go here. */
  | 'BILLING'
  /** Goods are delivered here. */
  | 'SHIPPING'
  /** A site of the customer: a plant, a branch, a store. */
  | 'SITE';

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

/** A lead a signed-in seller took, e.g. at a trade show or on the phone. */
export type CaptureLeadInput = {
  /** Their company (up to 200 characters). */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Their email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** What they asked about (up to 4,000 characters). */
  message?: InputMaybe<Scalars['String']['input']>;
  /** The person's full name (1–200 characters). */
  name: Scalars['String']['input'];
  /** The rep who works the lead; defaults to the caller. A sales rep may only name themselves; a team head names reps of the teams they head. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Their phone number (up to 40 characters). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** How the lead came to the business. */
  source?: InputMaybe<CustomerSource>;
  /** The team the lead belongs to (its head sees and works it); defaults to the caller's own team. A team head may name any team they head, anyone else only their own. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** A person at a customer the business deals with. A customer has at most one primary contact. */
export type Contact = {
  __typename?: 'Contact';
  /** When the contact was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer this person works for. */
  customer: Customer;
  /** When the contact was removed; null unless removed. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Email addresses, lower-cased, without duplicates (at most 10). */
  emails: Array<Scalars['String']['output']>;
  /** Every recorded change to this contact, newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** Phone numbers as entered, without duplicates (at most 10). */
  phones: Array<Scalars['String']['output']>;
  /** How the person prefers to be reached; null when unknown. */
  preferredChannel?: Maybe<ContactChannel>;
  /** Whether this is the customer's primary contact (at most one per customer). */
  primary: Scalars['Boolean']['output'];
  /** Job title or role, e.g. "Head of purchasing". */
  title?: Maybe<Scalars['String']['output']>;
};


/** A person at a customer the business deals with. A customer has at most one primary contact. */
export type ContactHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How a contact prefers to be reached. */
export type ContactChannel =
  /** By email. */
  | 'EMAIL'
  /** By letter. */
  | 'LETTER'
  /** In person. */
  | 'MEETING'
  /** By phone. */
  | 'PHONE';

/** How a qualified lead becomes a customer. */
export type ConvertLeadInput = {
  /** Convert into this existing customer (e.g. a likely duplicate the refused conversion named) instead of creating one: the lead's person joins it as a contact, unless a contact with the lead's email is already there. */
  attachToCustomerId?: InputMaybe<Scalars['ID']['input']>;
  /** Create a new customer even though the lead likely is an existing one (see `convertLead`); false when omitted. */
  createDespiteDuplicates?: InputMaybe<Scalars['Boolean']['input']>;
  /** The new customer's kind: COMPANY (named after the lead's company, which it must have) or PERSON (named after the lead). Required unless `attachToCustomerId` is given. */
  customerKind?: InputMaybe<CustomerKind>;
  /** An opportunity the sales subgraph opens for the customer in the pipeline's first stage; none when omitted. */
  opportunity?: InputMaybe<ConvertLeadOpportunityInput>;
};

/** An opportunity to open for the new customer when a lead converts. */
export type ConvertLeadOpportunityInput = {
  /** Its expected value. */
  amount: MoneyInput;
  /** What the deal is about (1–200 characters). */
  title: Scalars['String']['input'];
};

/** What a new customer needs. */
export type CreateCustomerInput = {
  /** Main email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Industry, free text (up to 100 characters). */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Company or person. */
  kind: CustomerKind;
  /** Defaults to PROSPECT. */
  lifecycleState?: InputMaybe<LifecycleState>;
  /** Display name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Free-form notes (up to 10,000 characters). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The owning rep's user id; defaults to the caller. A sales rep may only name themselves. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Main phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** How the customer came to the business. */
  source?: InputMaybe<CustomerSource>;
  /** Labels; lower-cased and de-duplicated, at most 20 of up to 40 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Tax or VAT id (4–30 letters and digits; spaces, dots and dashes are dropped, letters upper-cased). */
  taxId?: InputMaybe<Scalars['String']['input']>;
  /** The owning team; defaults to the caller's own team when the caller owns the customer or is a team head naming another owner. Anyone but a director or admin may name only a team of their own (a team head: any team they head). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Importance tier. */
  tier?: InputMaybe<CustomerTier>;
};

/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's latest activities, newest first (`first` at most 100, default 20). */
  activities: Array<Activity>;
  /** The customer's addresses, by kind (billing, shipping, site), oldest first. */
  addresses: Array<Address>;
  /** The customer's contacts, the primary contact first, then by name. */
  contacts: Array<Contact>;
  /** When the record was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the customer was deleted (or merged into another); null unless deleted. Deleted customers are only seen when restoring, merged ones also by id (see mergedInto). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer's documents (not the deleted ones), newest first, paged by cursor. */
  documents: DocumentConnection;
  /** Main email address, lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  /** Every recorded change to this customer, newest first; visible to whoever may see the customer. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The customer's industry, as entered (free text, e.g. "Food processing"). */
  industry?: Maybe<Scalars['String']['output']>;
  /** Whether the customer is a company or an individual. */
  kind: CustomerKind;
  /** When the last activity (call, visit, meeting, email, note — not a planned visit) with the customer happened; null until one does. */
  lastContactedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the customer stands in its lifecycle. */
  lifecycleState: LifecycleState;
  /** Live customers that likely are the same as this one (score at least 0.5), best first, at most 10; only those the caller may see; none for a deleted or merged customer. */
  likelyDuplicates: Array<DuplicateCandidate>;
  /**
   * The customer this one was merged into: the survivor, kept current when the survivor is merged in
   * turn; null unless merged (or when the caller may not see it). Changes to a merged customer are
   * refused with CONFLICT naming the survivor in `extensions.details.mergedInto`.
   */
  mergedInto?: Maybe<Customer>;
  /** Display name: the company's name or the person's full name. */
  name: Scalars['String']['output'];
  /** Free-form notes about the customer. */
  notes?: Maybe<Scalars['String']['output']>;
  /** The sales rep who owns the customer; null while unassigned. */
  owner?: Maybe<User>;
  /** Main phone number as entered. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Users the customer is shared with, who see it and its records as its owner does; an entry is null for a user identity does not know (so one such share never blanks the customer). */
  sharedWith: Array<Maybe<User>>;
  /** How the customer came to the business; null when unknown. */
  source?: Maybe<CustomerSource>;
  /** Free labels, lower-cased and unique, at most 20 of up to 40 characters each. */
  tags: Array<Scalars['String']['output']>;
  /** Tax or VAT id, normalised: upper-case, without spaces, dots or dashes (e.g. DE123456789). */
  taxId?: Maybe<Scalars['String']['output']>;
  /** The team the customer belongs to; its head sees the customer. */
  team?: Maybe<Team>;
  /** The customer's importance tier (A most important); null while unrated. */
  tier?: Maybe<CustomerTier>;
  /** Everything that happened with this customer across Rapport that the caller may see (entries of modules its role may read), newest first, paged by cursor. */
  timeline: TimelineConnection;
};


/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type CustomerActivitiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type CustomerDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type CustomerHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type CustomerTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers, ordered by name. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers on this page with their cursors. */
  edges: Array<CustomerEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One customer in a page. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Opaque cursor of this customer. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** Narrows a customer list; all given criteria must hold. */
export type CustomerFilter = {
  /** Only customers with an address in this city (case-insensitive, whole name). */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Only customers created on or after this day (ISO 8601 date, UTC). */
  createdFrom?: InputMaybe<Scalars['String']['input']>;
  /** Only customers created on or before this day (ISO 8601 date, UTC). */
  createdTo?: InputMaybe<Scalars['String']['input']>;
  /** Only customers in this industry (case-insensitive, whole value). */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Only customers last contacted on or after this day (ISO 8601 date, UTC). */
  lastContactedFrom?: InputMaybe<Scalars['String']['input']>;
  /** Only customers last contacted on or before this day (ISO 8601 date, UTC). */
  lastContactedTo?: InputMaybe<Scalars['String']['input']>;
  /** Only customers in this lifecycle state. */
  lifecycleState?: InputMaybe<LifecycleState>;
  /** Only customers owned by this rep. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Case-insensitive substring of the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only customers having all of these tags (compared lower-cased). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only customers of this tier. */
  tier?: InputMaybe<CustomerTier>;
};

/** The customer field a CSV column fills. */
export type CustomerImportField =
  /** City of the billing address; with COUNTRY. */
  | 'CITY'
  /** Email of the primary contact. */
  | 'CONTACT_EMAIL'
  /** Name of the primary contact (required when a contact email or phone is given). */
  | 'CONTACT_NAME'
  /** Phone of the primary contact. */
  | 'CONTACT_PHONE'
  /** Country of the billing address: ISO 3166-1 alpha-2 code, e.g. DE; with CITY. */
  | 'COUNTRY'
  /** The customer's main email address. */
  | 'EMAIL'
  /** The customer's industry (free text). */
  | 'INDUSTRY'
  /** COMPANY or PERSON (case ignored); COMPANY when empty. */
  | 'KIND'
  /** A lifecycle state (LEAD, PROSPECT, ACTIVE, DORMANT, LOST; case ignored); PROSPECT when empty. */
  | 'LIFECYCLE_STATE'
  /** The customer's name (required in every row). */
  | 'NAME'
  /** Free notes. */
  | 'NOTES'
  /** The owning user's id; directors, admins and team heads may name anyone, reps only themselves. The importer when empty. */
  | 'OWNER_ID'
  /** The customer's main phone number. */
  | 'PHONE'
  /** How the customer came (REFERRAL, WEBSITE, TRADE_SHOW, COLD_CALL, PARTNER, OTHER; case ignored). */
  | 'SOURCE'
  /** Street of the billing address (optional; an address needs city and country). */
  | 'STREET'
  /** Tags, separated by semicolons, e.g. "food;export". */
  | 'TAGS'
  /** Tax or VAT id (spaces, dots and dashes ignored). */
  | 'TAX_ID'
  /** The tier: A, B or C. */
  | 'TIER';

/** Company or individual. */
export type CustomerKind =
  /** A business with contacts. */
  | 'COMPANY'
  /** A private person. */
  | 'PERSON';

/** A page of customers found by a search, best match first (then by id). */
export type CustomerSearchConnection = {
  __typename?: 'CustomerSearchConnection';
  /** The customers on this page with their cursors and scores. */
  edges: Array<CustomerSearchEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One customer found by a search, with how well it matched. */
export type CustomerSearchEdge = {
  __typename?: 'CustomerSearchEdge';
  /** Opaque cursor of this result (its score and id). */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
  /** Relevance between 0 and 1, higher is better: 1 for an exact e-mail or phone match, the trigram similarity for names (contacts' names count a little less). */
  score: Scalars['Float']['output'];
};

/** How a customer came to the business. */
export type CustomerSource =
  /** Reached by an unsolicited call. */
  | 'COLD_CALL'
  /** Any other way. */
  | 'OTHER'
  /** Brought by a partner. */
  | 'PARTNER'
  /** Recommended by an existing customer or contact. */
  | 'REFERRAL'
  /** Met at a trade show. */
  | 'TRADE_SHOW'
  /** Came through the website. */
  | 'WEBSITE';

/** A customer's importance tier. */
export type CustomerTier =
  /** Key customers. */
  | 'A'
  /** Regular customers. */
  | 'B'
  /** Occasional customers. */
  | 'C';

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

/**
 * A file attached to a customer — a quotation sent, a contract, a specification. Files are uploaded
 * and downloaded over HTTP, not GraphQL: `POST /files/customers/{customerId}/documents?kind=…&fileName=…`
 * with the file as the body and its Content-Type, and `GET` on `downloadPath`, both at the gateway
 * with the same bearer token.
 */
export type Document = {
  __typename?: 'Document';
  /** The file's media type, e.g. application/pdf. */
  contentType: Scalars['String']['output'];
  /** The customer it is attached to. */
  customer: Customer;
  /** When the document was deleted; null unless deleted. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What it is about, free text. */
  description?: Maybe<Scalars['String']['output']>;
  /** The gateway path that serves the file (GET with the bearer token), e.g. /files/documents/{id}. */
  downloadPath: Scalars['String']['output'];
  /** The file name offered on download (sanitised: no folders, no control characters). */
  fileName: Scalars['String']['output'];
  /** Every recorded change to this document, newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What the document is. */
  kind: DocumentKind;
  /** The SHA-256 of the file, lower-case hex: compare it with a downloaded copy. */
  sha256: Scalars['String']['output'];
  /** The file's size in bytes. */
  sizeBytes: Scalars['Int']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTime']['output'];
  /** Who uploaded it. */
  uploadedBy: User;
};


/**
 * A file attached to a customer — a quotation sent, a contract, a specification. Files are uploaded
 * and downloaded over HTTP, not GraphQL: `POST /files/customers/{customerId}/documents?kind=…&fileName=…`
 * with the file as the body and its Content-Type, and `GET` on `downloadPath`, both at the gateway
 * with the same bearer token.
 */
export type DocumentHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of a customer's documents, newest first. */
export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  /** Documents on this page with their cursors. */
  edges: Array<DocumentEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One document in a page. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  /** Opaque cursor of this document. */
  cursor: Scalars['String']['output'];
  /** The document. */
  node: Document;
};

/** Kinds of document. */
export type DocumentKind =
  /** A contract with the customer. */
  | 'CONTRACT'
  /** Anything else. */
  | 'OTHER'
  /** A quotation sent to the customer (it shows on the timeline as sent). */
  | 'QUOTATION'
  /** A specification: what the customer needs or what is to be delivered. */
  | 'SPECIFICATION';

/** A customer that likely is the same as another record, with how sure and why. */
export type DuplicateCandidate = {
  __typename?: 'DuplicateCandidate';
  /** The likely duplicate (only customers the caller may see are offered). */
  customer: Customer;
  /** The signals that matched, in the order SIMILAR_NAME, SAME_EMAIL, SAME_PHONE, SAME_TAX_ID. */
  reasons: Array<DuplicateReason>;
  /** How likely it is a duplicate, from 0.5 (possible) to 1 (certain); a tax id or email match alone scores at least 0.9. */
  score: Scalars['Float']['output'];
};

/** What an import does with a row that matches a customer (same tax id, email or name, ignoring case; or, in files up to 500 rows, a very similar name) the caller may see, or an earlier row of the file. */
export type DuplicateHandling =
  /** Create a new customer regardless. */
  | 'CREATE'
  /** Fill the existing customer's empty fields from the row, add its tags, and add its contact (primary when the customer has none) and its address (when the customer has none). */
  | 'MERGE'
  /** Leave the existing customer alone and count the row as skipped. */
  | 'SKIP';

/** Why a customer looks like a duplicate of another. */
export type DuplicateReason =
  /** The same email address: the customer's main email or one of its contacts' emails. */
  | 'SAME_EMAIL'
  /** The same phone number, compared by its digits: the customer's main phone or one of its contacts' phones. */
  | 'SAME_PHONE'
  /** The same tax or VAT id. */
  | 'SAME_TAX_ID'
  /** The names are similar (trigram similarity), e.g. a typo or a different legal suffix. */
  | 'SIMILAR_NAME';

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

/** The values to look for duplicates of, e.g. before creating a customer. */
export type FindDuplicatesInput = {
  /** Email to compare with customers' and their contacts' emails (ignoring case). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Name to compare by similarity (up to 200 characters). */
  name: Scalars['String']['input'];
  /** Phone to compare by its digits (at least 6) with customers' and their contacts' phones. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Tax or VAT id to compare (spaces, dots and dashes ignored, case-insensitive). */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** Which CSV column fills which customer field. */
export type ImportColumnMapping = {
  /** The column's name exactly as in the CSV header (surrounding spaces ignored). */
  column: Scalars['String']['input'];
  /** The customer field it fills; each field at most once. */
  field: CustomerImportField;
};

/** A file of customers to import (CSV or XLSX), and how. */
export type ImportCustomersInput = {
  /** The CSV text (RFC 4180: comma-separated, double quotes around fields with commas, quotes or line breaks), with a header line; required for CSV. Through the gateway a request may be at most about 100 kB (a subgraph alone takes about 1 MB); use the CLI for bigger files. */
  csv?: InputMaybe<Scalars['String']['input']>;
  /** Validate and count only: no customer, contact, address or event is written (the job report is). */
  dryRun: Scalars['Boolean']['input'];
  /** What to do with rows matching an existing customer or an earlier row. */
  duplicates: DuplicateHandling;
  /** The XLSX workbook, base64-encoded; required for XLSX. Base64 adds a third, so through the gateway (about 100 kB per request) a workbook may be about 70 kB; use the CLI for bigger files. */
  file?: InputMaybe<Scalars['String']['input']>;
  /** The kind of file; CSV when not given. */
  format?: InputMaybe<ImportFormat>;
  /** Which column fills which field; NAME must be mapped. */
  mapping: Array<ImportColumnMapping>;
  /** Whether one bad row stops the whole import. */
  mode: ImportMode;
};

/** A row the import matched to a customer already there, or to one an earlier row of the same file creates. */
export type ImportDuplicateRow = {
  __typename?: 'ImportDuplicateRow';
  /** The customer it matched; null when that customer was never written (it comes from an earlier row of a dry run or a rolled-back import). */
  customer?: Maybe<Customer>;
  /** What the import did with the row: SKIP or MERGE, as asked. */
  handling: DuplicateHandling;
  /** The row's line in the CSV file (the header is line 1), or its row number in the XLSX sheet. */
  line: Scalars['Int']['output'];
  /** The earlier line of this file that creates the matched customer; null when the customer was there before the import. */
  matchesLine?: Maybe<Scalars['Int']['output']>;
  /** What matched: the tax id, the email, the name (ignoring case; SIMILAR_NAME), or for files of at most 500 rows the best of the likely-duplicate scores (similar name, email incl. contacts, phone digits). */
  reason: DuplicateReason;
};

/** The kind of file an import reads. */
export type ImportFormat =
  /** CSV text (RFC 4180), in input.csv. */
  | 'CSV'
  /** An Excel workbook (.xlsx), base64-encoded, in input.file; its first worksheet is read, the first non-empty row is the header, errors name the sheet's row numbers. */
  | 'XLSX';

/** How an import treats bad rows. */
export type ImportMode =
  /** Write nothing when any row is bad (one transaction for the whole file). */
  | 'ALL_OR_NOTHING'
  /** Write the good rows and report the bad ones (one transaction per batch of 1000 rows). */
  | 'PER_ROW';

/** An import of customers from CSV: its options, progress and outcome. */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** Customers created (0 when rolled back). */
  created: Scalars['Int']['output'];
  /** Whether this was a dry run (counts say what would happen). */
  dryRun: Scalars['Boolean']['output'];
  /** The rows found to be duplicates, by line, with the customer each matched and what was done with it (on a dry run or a rolled-back import: what would have been done); the first 10,000. Empty with duplicates: CREATE. */
  duplicateRows: Array<ImportDuplicateRow>;
  /** How duplicates were treated. */
  duplicates: DuplicateHandling;
  /** The rejected rows, by line (the first 10,000). */
  errors: Array<ImportRowError>;
  /** Rows rejected. */
  failed: Scalars['Int']['output'];
  /** When it finished; null while running. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier (UUID); read the progress with importJob(id). */
  id: Scalars['ID']['output'];
  /** Rows merged into existing customers (0 when rolled back). */
  merged: Scalars['Int']['output'];
  /** How bad rows were treated. */
  mode: ImportMode;
  /** Rows dealt with so far. */
  processed: Scalars['Int']['output'];
  /** Rows skipped as duplicates (0 when rolled back). */
  skipped: Scalars['Int']['output'];
  /** When the import started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where the import stands. */
  status: ImportStatus;
  /** Data rows in the file (without the header). */
  total: Scalars['Int']['output'];
};

/** A row the import rejected. */
export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** The import field at fault in camelCase (e.g. contactEmail, tags.2 as tags); null when the row as a whole is wrong. */
  field?: Maybe<Scalars['String']['output']>;
  /** The line of the CSV file the row starts on (the header is line 1), or the row number in the XLSX sheet; 0 for a failure of the whole import. */
  line: Scalars['Int']['output'];
  /** Why the row was rejected. */
  reason: Scalars['String']['output'];
};

/** Where an import stands. */
export type ImportStatus =
  /** Done; every row was imported, merged or skipped. */
  | 'COMPLETED'
  /** Done; the good rows were written, the bad ones are in errors. */
  | 'COMPLETED_WITH_ERRORS'
  /** The database refused the write; nothing was written (ALL_OR_NOTHING); the reason is in errors. */
  | 'FAILED'
  /** ALL_OR_NOTHING with bad rows: nothing was written; the bad rows are in errors. */
  | 'ROLLED_BACK'
  /** Still running: the counts grow as batches complete. */
  | 'RUNNING';

/**
 * Unqualified interest in the business — a person (and perhaps their company) who asked about it —
 * kept apart from customers until it is qualified and converted into one. A lead belongs to its
 * owner: reps see their own leads and the unassigned ones; team heads, directors and admins see all.
 */
export type Lead = {
  __typename?: 'Lead';
  /** The company they speak for; null for a private person or when unknown. */
  company?: Maybe<Scalars['String']['output']>;
  /** The customer the lead became; null until CONVERTED (or when the caller may not see that customer). */
  convertedCustomer?: Maybe<Customer>;
  /** When the lead came in. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the lead was disqualified; set only when DISQUALIFIED. */
  disqualifyReason?: Maybe<Scalars['String']['output']>;
  /** Their email address, lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  /** Every recorded change to this lead (capture, qualification, conversion…), newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What they wrote or asked about. */
  message?: Maybe<Scalars['String']['output']>;
  /** The person who showed interest. */
  name: Scalars['String']['output'];
  /** The sales rep who works the lead; null while unassigned (web-form leads start unassigned). */
  owner?: Maybe<User>;
  /** Their phone number as entered. */
  phone?: Maybe<Scalars['String']['output']>;
  /** How the lead came to the business (WEBSITE for the public web form); null when unknown. */
  source?: Maybe<CustomerSource>;
  /** Where the lead stands. */
  status: LeadStatus;
};


/**
 * Unqualified interest in the business — a person (and perhaps their company) who asked about it —
 * kept apart from customers until it is qualified and converted into one. A lead belongs to its
 * owner: reps see their own leads and the unassigned ones; team heads, directors and admins see all.
 */
export type LeadHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of leads, newest first. */
export type LeadConnection = {
  __typename?: 'LeadConnection';
  /** The leads on this page with their cursors. */
  edges: Array<LeadEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One lead in a page. */
export type LeadEdge = {
  __typename?: 'LeadEdge';
  /** Opaque cursor of this lead. */
  cursor: Scalars['String']['output'];
  /** The lead. */
  node: Lead;
};

/** Narrows a lead list; all given criteria must hold. */
export type LeadFilter = {
  /** Only leads owned by this rep. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only leads in this status. */
  status?: InputMaybe<LeadStatus>;
};

/** The public web form's fields; every text is length-limited, the email is required. */
export type LeadFormInput = {
  /** Your company (up to 200 characters). */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Your email address (required; at most 5 submissions per address an hour). */
  email: Scalars['String']['input'];
  /** Your message (up to 4,000 characters). */
  message?: InputMaybe<Scalars['String']['input']>;
  /** Your full name (1–200 characters). */
  name: Scalars['String']['input'];
  /** Your phone number (up to 40 characters). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Leave empty. (A hidden field: a filled-in value marks the submission as automated and rejects it.) */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** What the public web form answers. */
export type LeadFormReceipt = {
  __typename?: 'LeadFormReceipt';
  /** True: the submission was recorded and a seller will be in touch. */
  received: Scalars['Boolean']['output'];
};

/** Where a lead stands. */
export type LeadStatus =
  /** Became a customer (see convertedCustomer). */
  | 'CONVERTED'
  /** Judged not worth pursuing, with a reason. */
  | 'DISQUALIFIED'
  /** Captured, not yet looked at. */
  | 'NEW'
  /** Judged worth pursuing; may now be converted into a customer. */
  | 'QUALIFIED';

/** Lifecycle of a customer relationship. */
export type LifecycleState =
  /** Buying. */
  | 'ACTIVE'
  /** Has not bought for a while. */
  | 'DORMANT'
  /** Unqualified interest. */
  | 'LEAD'
  /** Gone to a competitor or closed. */
  | 'LOST'
  /** Qualified, not yet buying. */
  | 'PROSPECT';

/** A new activity with a customer. */
export type LogActivityInput = {
  /** Details (up to 10,000 characters). */
  body?: InputMaybe<Scalars['String']['input']>;
  /** A contact of that customer it was with. */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  /** The customer (one the caller may change). */
  customerId: Scalars['ID']['input'];
  /** What kind of activity it is. */
  kind: ActivityKind;
  /** What to do next (up to 2,000 characters); required with nextStepDue. */
  nextStep?: InputMaybe<Scalars['String']['input']>;
  /** The day the next step is due (ISO 8601 date): the reminder. */
  nextStepDue?: InputMaybe<Scalars['String']['input']>;
  /** When it happened (not in the future); defaults to now. Not for planned visits. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The opportunity (sales subgraph) it was about. */
  opportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** What came out of it (up to 2,000 characters). */
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** When the visit is planned; required for, and only for, PLANNED_VISIT. */
  plannedFor?: InputMaybe<Scalars['DateTime']['input']>;
  /** What it was about (1–200 characters). */
  subject: Scalars['String']['input'];
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
  /** Adds an address to a customer the caller may change. */
  addAddress: Address;
  /** Adds a contact to a customer the caller may change. */
  addContact: Contact;
  /** Records a lead (status NEW) taken by a signed-in seller (sales reps, team heads, directors, admins). */
  captureLead: Lead;
  /** Marks the follow-up of an activity — its next step, or the planned visit — done, so it leaves the reminders (`activities(filter: { dueBefore })`): for whoever may change the customer. CONFLICT when it has none or it is done already. */
  completeFollowUp: Activity;
  /**
   * Converts a QUALIFIED lead (CONFLICT unless QUALIFIED) into a new customer with a primary contact,
   * or into an existing customer (`input.attachToCustomerId`), in one transaction, and announces it
   * with `customers.lead.converted.v1`. Duplicates are checked first: when the lead likely is a
   * customer the caller may see (similar name, same email or phone), creating a new one is refused
   * with CONFLICT (reason LEAD_MATCHES_CUSTOMER) listing the candidates in
   * `extensions.details.candidates` (customerId, name, score, reasons), so the client offers to attach
   * the lead to one of them, or to create a new customer anyway (`input.createDespiteDuplicates`).
   */
  convertLead: Lead;
  /** Creates a customer and announces it with `customers.customer.created.v1`. */
  createCustomer: Customer;
  /** Deletes a customer softly: it disappears from every list and lookup and can be restored. */
  deleteCustomer: Customer;
  /** Deletes a document softly: it leaves lists and downloads; its file is kept. */
  deleteDocument: Document;
  /** Marks a NEW or QUALIFIED lead DISQUALIFIED with the reason (required, up to 1,000 characters). */
  disqualifyLead: Lead;
  /** Imports customers with their primary contact and address from CSV (synchronously; progress readable with importJob meanwhile). Roles that may not change customers get FORBIDDEN. */
  importCustomers: ImportReport;
  /** Logs an activity with a customer, moves its `lastContactedAt` when the activity happened later, and announces it with `customers.activity.logged.v1`. */
  logActivity: Activity;
  /**
   * Merges one customer into another in one transaction: contacts, addresses, activities, timeline
   * entries and sharing move to the survivor, the survivor's empty fields are filled from the merged
   * one, which is deleted with `mergedInto` set; announced with `customers.customer.merged.v1`.
   * Directors, admins, and team heads who see both may merge. CONFLICT when merging a customer into
   * itself or one already merged (or deleted).
   */
  mergeCustomers: Customer;
  /** Marks a NEW lead QUALIFIED; CONFLICT in any other status. */
  qualifyLead: Lead;
  /** Removes an address softly; it can be restored. */
  removeAddress: Address;
  /** Removes a contact softly (it stops being primary); it can be restored. */
  removeContact: Contact;
  /** Restores a removed address (admins, directors, team heads). */
  restoreAddress: Address;
  /** Restores a removed contact, as an ordinary (not primary) contact (admins, directors, team heads). */
  restoreContact: Contact;
  /** Restores a deleted customer (admins, directors, team heads). */
  restoreCustomer: Customer;
  /** Approves or rejects a pending activity: for the head of the customer's team, directors and admins. */
  reviewActivity: Activity;
  /** Shares a customer with a user, who then sees it and its records in every subgraph; audited in the customer's history (`sharedWith`). */
  shareCustomer: Customer;
  /** The public web form (no sign-in): records an unassigned NEW lead from the WEBSITE. At most 5 submissions per email address an hour (CONFLICT beyond). */
  submitLeadForm: LeadFormReceipt;
  /** Moves a customer with all its open records to another rep, with an optional handover note (on the timeline, and audited); every subgraph re-scopes within seconds. */
  transferCustomer: Customer;
  /** Stops sharing a customer with a user; audited in the customer's history (`sharedWith`). */
  unshareCustomer: Customer;
  /** Changes a contact's given fields; setting it primary unsets the customer's previous primary contact. */
  updateContact: Contact;
  /** Changes the given fields of a customer the caller may change; recorded in its history. */
  updateCustomer: Customer;
  /** Changes a document's kind, file name or description, on a customer the caller may change. */
  updateDocument: Document;
};


export type MutationAddAddressArgs = {
  input: AddAddressInput;
};


export type MutationAddContactArgs = {
  input: AddContactInput;
};


export type MutationCaptureLeadArgs = {
  input: CaptureLeadInput;
};


export type MutationCompleteFollowUpArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConvertLeadArgs = {
  id: Scalars['ID']['input'];
  input: ConvertLeadInput;
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationDeleteCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisqualifyLeadArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationImportCustomersArgs = {
  input: ImportCustomersInput;
};


export type MutationLogActivityArgs = {
  input: LogActivityInput;
};


export type MutationMergeCustomersArgs = {
  mergedId: Scalars['ID']['input'];
  survivorId: Scalars['ID']['input'];
};


export type MutationQualifyLeadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveContactArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreContactArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReviewActivityArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  decision: ReviewDecision;
  id: Scalars['ID']['input'];
};


export type MutationShareCustomerArgs = {
  input: ShareCustomerInput;
};


export type MutationSubmitLeadFormArgs = {
  input: LeadFormInput;
};


export type MutationTransferCustomerArgs = {
  input: TransferCustomerInput;
};


export type MutationUnshareCustomerArgs = {
  input: ShareCustomerInput;
};


export type MutationUpdateContactArgs = {
  input: UpdateContactInput;
};


export type MutationUpdateCustomerArgs = {
  input: UpdateCustomerInput;
};


export type MutationUpdateDocumentArgs = {
  input: UpdateDocumentInput;
};

/** A potential deal with a customer, moving through the pipeline's stages until it is won or lost. */
export type Opportunity = {
  __typename?: 'Opportunity';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
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
  /** Activities of the customers the caller may see, newest first, filtered, paged by cursor (`first` at most 100). */
  activities: ActivityConnection;
  /** One activity by id; NOT_FOUND when no such activity exists or its customer is not the caller's to see. */
  activity: Activity;
  /**
   * One customer by id; NOT_FOUND when no such customer exists, or it was deleted. A customer merged
   * into another is answered as it was when merged, with `deletedAt` set and `mergedInto` naming the
   * survivor (which holds its contacts, records and timeline), for whoever may see the survivor.
   */
  customer: Customer;
  /** Customers ordered by name, filtered, paged by cursor (`first` at most 100). */
  customers: CustomerConnection;
  /** The customers service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  customersEventBus: EventBusStatus;
  /** One document of a customer the caller may see; NOT_FOUND otherwise, and once deleted. */
  document: Document;
  /** The customers the caller may see, with primary contact and billing address, as CSV (or, with format XLSX, an Excel workbook, base64-encoded) whose header names the import fields (so it imports back as is). */
  exportCustomers: Scalars['String']['output'];
  /** Customers the caller may see that likely are the same as the given values (score at least 0.5), best first. */
  findDuplicates: Array<DuplicateCandidate>;
  /** An import of customers, with its progress; its creator's, or any for directors and admins. */
  importJob: ImportReport;
  /** One lead by id; NOT_FOUND when it does not exist or the caller may not see it. */
  lead: Lead;
  /** The leads the caller may see, newest first, filtered, paged by cursor (`first` at most 100). */
  leads: LeadConnection;
  /**
   * Finds customers the caller may see by text: typo-tolerant on customer and contact names
   * ("acme pmps" finds "Acme Pumps"); a query with `@` matches e-mail addresses (customer's and
   * contacts', exactly or by part); a query of digits and phone punctuation (at least 4 digits)
   * matches phone numbers by their digits. Narrowed by `filter` as the customer list is; ranked
   * by score, then id; paged by cursor (`first` at most 100).
   */
  searchCustomers: CustomerSearchConnection;
};


export type QueryActivitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryActivityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExportCustomersArgs = {
  filter?: InputMaybe<CustomerFilter>;
  format?: InputMaybe<ImportFormat>;
};


export type QueryFindDuplicatesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  input: FindDuplicatesInput;
};


export type QueryImportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLeadArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLeadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LeadFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};

/** A reviewer's decision on an activity. */
export type ReviewDecision =
  /** Approve the activity. */
  | 'APPROVED'
  /** Reject the activity. */
  | 'REJECTED';

/** Where an activity's review stands. */
export type ReviewStatus =
  /** Approved by the reviewer. */
  | 'APPROVED'
  /** Not reviewed yet. */
  | 'PENDING'
  /** Rejected by the reviewer. */
  | 'REJECTED';

/** A customer and a user to share it with, or to stop sharing it with. */
export type ShareCustomerInput = {
  /** The customer. */
  customerId: Scalars['ID']['input'];
  /** The user. */
  userId: Scalars['ID']['input'];
};

/** A group of users, e.g. a sales team or a warehouse crew; teams nest to form the organisation's hierarchy. */
export type Team = {
  __typename?: 'Team';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/** A page of timeline entries, newest first. */
export type TimelineConnection = {
  __typename?: 'TimelineConnection';
  /** Entries on this page with their cursors. */
  edges: Array<TimelineEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One timeline entry in a page. */
export type TimelineEdge = {
  __typename?: 'TimelineEdge';
  /** Opaque cursor of this entry. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: TimelineEntry;
};

/** One thing that happened with a customer, in any service, learnt from that service's event. */
export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What kind of thing happened. */
  kind: TimelineKind;
  /** The module of the record it is about; an entry is shown only to those who may read that module (the role that gets FORBIDDEN for the record at its own subgraph does not see its entry here). */
  module: TimelineModule;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The service the event came from (support, sales, …). */
  sourceService: Scalars['String']['output'];
  /** The id of the record the event is about (ticket, order, …). */
  subjectId: Scalars['String']['output'];
  /** One line a person can read. */
  summary: Scalars['String']['output'];
};

/** Kinds of timeline entries. */
export type TimelineKind =
  /** An activity with the customer (call, visit, meeting, email, note, planned visit) was logged. */
  | 'ACTIVITY_LOGGED'
  /** A credit note was issued against an invoice. */
  | 'CREDIT_NOTE_ISSUED'
  /** The customer was created. */
  | 'CUSTOMER_CREATED'
  /** The customer was transferred to another owner; the summary carries the handover note, if one was given. */
  | 'CUSTOMER_TRANSFERRED'
  /** A contract, specification or other document was attached. */
  | 'DOCUMENT_ATTACHED'
  /** An invoice was issued. */
  | 'INVOICE_ISSUED'
  /** A lead was converted into this customer. */
  | 'LEAD_CONVERTED'
  /** The customer kept (part of) a loan or sample. */
  | 'LOAN_CONVERTED'
  /** Goods went out to the customer on loan or as a sample. */
  | 'LOAN_OUT'
  /** A loan passed its expected return date with goods still out. */
  | 'LOAN_OVERDUE'
  /** Loaned goods came back. */
  | 'LOAN_RETURNED'
  /** An opportunity was lost. */
  | 'OPPORTUNITY_LOST'
  /** An opportunity was opened. */
  | 'OPPORTUNITY_OPENED'
  /** An opportunity was won. */
  | 'OPPORTUNITY_WON'
  /** A sales order was confirmed. */
  | 'ORDER_CONFIRMED'
  /** A payment was received against an invoice. */
  | 'PAYMENT_RECEIVED'
  /** A sent quotation was accepted by the customer. */
  | 'QUOTATION_ACCEPTED'
  /** A quotation's approval was given, refused or voided. */
  | 'QUOTATION_APPROVAL_DECIDED'
  /** A quotation's discounts or prices wait for a manager's approval. */
  | 'QUOTATION_APPROVAL_REQUESTED'
  /** A quotation was sent: a QUOTATION document was attached. */
  | 'QUOTATION_SENT'
  /** Finance sent a payment reminder (dunning) for an overdue invoice. */
  | 'REMINDER_SENT'
  /** Goods came back from the customer against a shipment. */
  | 'RETURN_RECEIVED'
  /** A shipping notice was cancelled. */
  | 'SHIPMENT_CANCELLED'
  /** A shipment was delivered to the customer. */
  | 'SHIPMENT_DELIVERED'
  /** A shipping notice was raised. */
  | 'SHIPMENT_PLANNED'
  /** A shipment left the warehouse for the customer. */
  | 'SHIPMENT_SHIPPED'
  /** A support ticket was opened. */
  | 'TICKET_OPENED'
  /** A support ticket was resolved. */
  | 'TICKET_RESOLVED';

/** The modules timeline entries come from, each with its own access policy. */
export type TimelineModule =
  /** Activities logged with the customer (customers). */
  | 'ACTIVITIES'
  /** The customer record itself (customers). */
  | 'CUSTOMERS'
  /** Documents attached to the customer (customers). */
  | 'DOCUMENTS'
  /** Invoices (finance). */
  | 'INVOICES'
  /** Leads converted into the customer (customers). */
  | 'LEADS'
  /** Opportunities (sales). */
  | 'OPPORTUNITIES'
  /** Sales orders (sales). */
  | 'ORDERS'
  /** Payments (finance). */
  | 'PAYMENTS'
  /** Quotations and their discount approvals (sales). */
  | 'QUOTATIONS'
  /** Shipping notices and deliveries (inventory). */
  | 'SHIPMENTS'
  /** Stock, loans and samples (inventory). */
  | 'STOCK'
  /** Support tickets (support). */
  | 'TICKETS';

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** Who a customer moves to. */
export type TransferCustomerInput = {
  /** The customer to transfer. */
  customerId: Scalars['ID']['input'];
  /** A handover note for the new owner (at most 2,000 characters): shown on the customer's timeline and kept in its history. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The rep who owns it from now on. */
  toOwnerId: Scalars['ID']['input'];
  /** The team it belongs to from now on; unchanged when omitted. */
  toTeamId?: InputMaybe<Scalars['ID']['input']>;
};

/** Changes to a contact: only the fields given change; a nullable field given as null is cleared. */
export type UpdateContactInput = {
  /** The complete new list of email addresses (replaces the old). */
  emails?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The contact to change. */
  id: Scalars['ID']['input'];
  /** New full name; cannot be cleared. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The complete new list of phone numbers (replaces the old). */
  phones?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New preferred channel. */
  preferredChannel?: InputMaybe<ContactChannel>;
  /** true makes the contact the customer's primary contact (the old one stops being primary); false makes it an ordinary contact. */
  primary?: InputMaybe<Scalars['Boolean']['input']>;
  /** New title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a customer: only the fields given change; a nullable field given as null is cleared. */
export type UpdateCustomerInput = {
  /** New main email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** The customer to change. */
  id: Scalars['ID']['input'];
  /** New industry (up to 100 characters). */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** New lifecycle state; cannot be cleared. */
  lifecycleState?: InputMaybe<LifecycleState>;
  /** New display name (1–200 characters); cannot be cleared. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New notes (up to 10,000 characters). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** New main phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** New source. */
  source?: InputMaybe<CustomerSource>;
  /** The complete new set of tags (replaces the old; [] removes all); lower-cased, unique, at most 20 of up to 40 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New tax or VAT id (4–30 letters and digits; spaces, dots and dashes are dropped, letters upper-cased); null clears it. */
  taxId?: InputMaybe<Scalars['String']['input']>;
  /** New tier. */
  tier?: InputMaybe<CustomerTier>;
};

/** Changes to a document's description of itself (its file never changes): only the fields given change. */
export type UpdateDocumentInput = {
  /** New description (up to 2000 characters); null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New file name offered on download (up to 255 characters); cannot be cleared. */
  fileName?: InputMaybe<Scalars['String']['input']>;
  /** The document to change. */
  id: Scalars['ID']['input'];
  /** New kind; cannot be cleared. */
  kind?: InputMaybe<DocumentKind>;
};

/** A Rapport user (a rep, an agent, …), owned by the identity subgraph. */
export type User = {
  __typename?: 'User';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};
