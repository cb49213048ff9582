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

/** One agent's tickets in the period. */
export type AgentSupportFigures = {
  __typename?: 'AgentSupportFigures';
  /** The assignee (a user id of the identity subgraph); null for unassigned tickets. */
  assigneeId?: Maybe<Scalars['ID']['output']>;
  /** How those opened in the period fared against their first-response targets. */
  firstResponseSla: SlaAttainment;
  /** Mean seconds from opening to first response of those opened and answered; null when none were. */
  meanSecondsToFirstResponse?: Maybe<Scalars['Float']['output']>;
  /** Mean seconds from opening to resolution of those resolved; null when none were. */
  meanSecondsToResolution?: Maybe<Scalars['Float']['output']>;
  /** The agent's tickets opened in the period. */
  opened: Scalars['Int']['output'];
  /** How those opened in the period fared against their resolution targets. */
  resolutionSla: SlaAttainment;
  /** The agent's tickets resolved in the period. */
  resolved: Scalars['Int']['output'];
};

/**
 * A knowledge-base article: a how-to or known fix support writes once and links to the tickets it
 * solves. Editors (support agents, directors, admins) work on a draft and publish it as numbered
 * versions; everyone else reads the latest published version.
 */
export type Article = {
  __typename?: 'Article';
  /** When the article was archived; null unless archived (archived articles are only seen when archiving or restoring them). */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The latest published text; for an article never published (seen only by editors), the draft's. */
  body: Scalars['String']['output'];
  /** The subject area the article belongs to, e.g. Billing or Pumps. */
  category: Scalars['String']['output'];
  /** When the article was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The working draft the next publication will copy; null for callers who may not edit articles. */
  draft?: Maybe<ArticleDraft>;
  /** Every recorded change to this article, newest first. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** When the latest version was published; null while the article has never been published. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Number of the latest published version; null while the article has never been published. */
  publishedVersion?: Maybe<Scalars['Int']['output']>;
  /** Whether the article has been published yet. */
  status: ArticleStatus;
  /** The latest published title; for an article never published (seen only by editors), the draft's. */
  title: Scalars['String']['output'];
  /** Every published version, newest first; empty while the article has never been published. */
  versions: Array<ArticleVersion>;
};


/**
 * A knowledge-base article: a how-to or known fix support writes once and links to the tickets it
 * solves. Editors (support agents, directors, admins) work on a draft and publish it as numbered
 * versions; everyone else reads the latest published version.
 */
export type ArticleHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An article's working draft: what the next publication will make visible. */
export type ArticleDraft = {
  __typename?: 'ArticleDraft';
  /** The draft text. */
  body: Scalars['String']['output'];
  /** Whether the draft differs from the latest published version (always true before the first publication). */
  hasUnpublishedChanges: Scalars['Boolean']['output'];
  /** The draft title. */
  title: Scalars['String']['output'];
  /** When the draft's title or text last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of search results, best match first. */
export type ArticleSearchConnection = {
  __typename?: 'ArticleSearchConnection';
  /** The results on this page with their cursors. */
  edges: Array<ArticleSearchEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One search result in a page. */
export type ArticleSearchEdge = {
  __typename?: 'ArticleSearchEdge';
  /** Opaque cursor of this result. */
  cursor: Scalars['String']['output'];
  /** The result. */
  node: ArticleSearchHit;
};

/** One article found by a search, with how well it matched. */
export type ArticleSearchHit = {
  __typename?: 'ArticleSearchHit';
  /** The article. */
  article: Article;
  /** PostgreSQL `ts_rank` of the article against the query; higher is a better match. */
  rank: Scalars['Float']['output'];
};

/** Whether readers can see an article. */
export type ArticleStatus =
  /** Never published: only editors see it. */
  | 'DRAFT'
  /** Published at least once: every signed-in user reads its latest published version. */
  | 'PUBLISHED';

/** One published version of an article, as it was published; versions never change. */
export type ArticleVersion = {
  __typename?: 'ArticleVersion';
  /** The text as published in this version. */
  body: Scalars['String']['output'];
  /** When this version was published. */
  publishedAt: Scalars['DateTime']['output'];
  /** The user who published it; null when unknown. */
  publishedBy?: Maybe<Scalars['ID']['output']>;
  /** The title as published in this version. */
  title: Scalars['String']['output'];
  /** The version number, counting from 1 for the first publication. */
  version: Scalars['Int']['output'];
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

/** How many tickets of one category were opened in the period. */
export type CategoryCount = {
  __typename?: 'CategoryCount';
  /** The category (lower-case free text). */
  category: Scalars['String']['output'];
  /** Tickets of this category opened in the period. */
  count: Scalars['Int']['output'];
};

/** What a new article needs; it starts as a draft. */
export type CreateArticleInput = {
  /** The text (1–100,000 characters). */
  body: Scalars['String']['input'];
  /** The subject area (1–100 characters). */
  category: Scalars['String']['input'];
  /** The title (1–200 characters). */
  title: Scalars['String']['input'];
};

/**
 * A company or a person the business sells to, supports and bills. Owned by the customers
 * subgraph; every other subgraph adds the fields it owns (open tickets, deals, orders, receivables).
 */
export type Customer = {
  __typename?: 'Customer';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The customer's tickets still being worked on (neither RESOLVED nor CLOSED), newest first; empty when the caller may not see them. */
  openTickets: Array<Ticket>;
  /** How many of the customer's tickets (not deleted) are in each status, in lifecycle order; statuses without tickets are left out, and the list is empty when the caller may not see the customer's tickets. */
  ticketCounts: Array<TicketStatusCount>;
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

/** How many tickets opened in the period share one normalised subject. */
export type InquiryCount = {
  __typename?: 'InquiryCount';
  /** Tickets opened in the period with this subject. */
  count: Scalars['Int']['output'];
  /** The subject, normalised: lower-cased, whitespace collapsed, trimmed of whitespace and . , ; : ! ? */
  subject: Scalars['String']['output'];
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
  /**
   * Comments on a ticket the caller may work on (NOT_FOUND otherwise). Internal comments may be
   * written only by support agents, directors and admins (FORBIDDEN otherwise). The first public
   * comment by a support agent or an admin sets the ticket's `firstRespondedAt`. A closed ticket
   * takes no comments (CONFLICT, TICKET_CLOSED): reopen it first.
   */
  addTicketComment: TicketComment;
  /** Archives an article (a soft deletion): it leaves search, lookups and tickets' article lists and can be restored; CONFLICT when already archived. */
  archiveArticle: Article;
  /** Assigns a ticket to an agent and/or a team: what is given changes (null clears it), what is omitted stays (giving neither is BAD_USER_INPUT). CONFLICT (TICKET_CLOSED) on a closed ticket: reopen it first. */
  assignTicket: Ticket;
  /** Moves a ticket to another status along an allowed change (see TicketStatus; else CONFLICT naming `status`), records it in the status history and pauses or resumes the SLA clocks; a resolution is announced with `support.ticket.resolved.v1`. */
  changeTicketStatus: Ticket;
  /** Creates an article as a draft (support agents, directors, admins); readers see nothing until it is published. */
  createArticle: Article;
  /** Deletes a ticket softly: it disappears from every list, lookup and customer's open tickets and can be restored; CONFLICT when already deleted. */
  deleteTicket: Ticket;
  /** Links an article to a ticket it helped solve; the ticket must be one the caller may change and the article one they may see (else NOT_FOUND); CONFLICT when already linked. */
  linkArticleToTicket: Ticket;
  /** Opens a ticket in status NEW for a customer the caller may see and announces it with `support.ticket.opened.v1`. */
  openTicket: Ticket;
  /** Copies the draft to a new numbered published version that readers see from now on; CONFLICT when the draft has no changes since the last publication. */
  publishArticle: Article;
  /** Records the customer's rating of a RESOLVED or CLOSED ticket the caller may change; once per ticket (CONFLICT on a second rating or while the ticket is open), BAD_USER_INPUT naming `rating` outside 1–5. */
  rateTicket: SatisfactionRating;
  /** Resolves a NEW, OPEN, WAITING_ON_CUSTOMER or REOPENED ticket (else CONFLICT), records the change in its status history and announces it with `support.ticket.resolved.v1`; a shortcut for `changeTicketStatus(id, RESOLVED)`. */
  resolveTicket: Ticket;
  /** Restores an archived article (support agents, directors, admins); CONFLICT when it is not archived. */
  restoreArticle: Article;
  /** Restores a deleted ticket (admins, directors, support agents, team heads); CONFLICT when it is not deleted. */
  restoreTicket: Ticket;
  /** Sets the SLA targets of one priority (admins only, else FORBIDDEN); every ticket of that priority is measured against them from then on. */
  setSlaTarget: SlaTarget;
  /** Changes an article's draft (and category); readers keep the published version until the next publication. */
  updateArticleDraft: Article;
  /** Changes a ticket's subject, description, priority, category or channel. CONFLICT (TICKET_CLOSED) on a closed ticket: reopen it first. */
  updateTicket: Ticket;
};


export type MutationAddTicketCommentArgs = {
  body: Scalars['String']['input'];
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  ticketId: Scalars['ID']['input'];
};


export type MutationArchiveArticleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAssignTicketArgs = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationChangeTicketStatusArgs = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  status: TicketStatus;
};


export type MutationCreateArticleArgs = {
  input: CreateArticleInput;
};


export type MutationDeleteTicketArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLinkArticleToTicketArgs = {
  articleId: Scalars['ID']['input'];
  ticketId: Scalars['ID']['input'];
};


export type MutationOpenTicketArgs = {
  input: OpenTicketInput;
};


export type MutationPublishArticleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRateTicketArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  rating: Scalars['Int']['input'];
  ticketId: Scalars['ID']['input'];
};


export type MutationResolveTicketArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreArticleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreTicketArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetSlaTargetArgs = {
  input: SetSlaTargetInput;
};


export type MutationUpdateArticleDraftArgs = {
  id: Scalars['ID']['input'];
  input: UpdateArticleDraftInput;
};


export type MutationUpdateTicketArgs = {
  input: UpdateTicketInput;
};

/** What a new ticket needs. */
export type OpenTicketInput = {
  /** The agent to assign the ticket to (a user id). */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Free-text category (at most 100 characters), stored lower-cased. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** How the customer reached support. */
  channel?: InputMaybe<TicketChannel>;
  /** The customer's contact who asked (a contact id of the customers subgraph). */
  contactId?: InputMaybe<Scalars['ID']['input']>;
  /** The customer asking for help. */
  customerId: Scalars['ID']['input'];
  /** The request in full (at most 10,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to NORMAL. */
  priority?: InputMaybe<TicketPriority>;
  /** One-line summary (1–200 characters). */
  subject: Scalars['String']['input'];
  /** The team to assign the ticket to (a team id). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
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
  /** One article by id; NOT_FOUND when unknown, archived, or — for callers who may not edit articles — never published. */
  article: Article;
  /** Average satisfaction and number of ratings given from `from` to `to` (inclusive ISO dates, at most 366 days), per assignee or per customer; covers only tickets the caller may see. */
  satisfactionReport: SatisfactionReport;
  /**
   * Full-text search over the latest published version of every live article (editors also find
   * articles never published, by their draft), best match first by PostgreSQL ts_rank. Accepts
   * web-search syntax: words, "quoted phrases", -excluded words, or.
   */
  searchArticles: ArticleSearchConnection;
  /** The SLA targets of every priority, LOW to URGENT; for whoever may see tickets. */
  slaTargets: Array<SlaTarget>;
  /** Support figures from `from` to `to` (inclusive ISO dates, at most 366 days; BAD_USER_INPUT naming `to` otherwise), over the tickets the caller may see. */
  supportAnalysis: SupportAnalysis;
  /** The support service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  supportEventBus: EventBusStatus;
  /** One ticket by id; NOT_FOUND when no such ticket exists or it belongs to a customer the caller may not see. */
  ticket: Ticket;
  /** The tickets the caller may see, newest first (by opening time), filtered, paged by cursor (`first` at most 100). */
  tickets: TicketConnection;
};


export type QueryArticleArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySatisfactionReportArgs = {
  from: Scalars['String']['input'];
  groupBy: SatisfactionGroupBy;
  to: Scalars['String']['input'];
};


export type QuerySearchArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QuerySupportAnalysisArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The ratings of one assignee's or one customer's tickets. */
export type SatisfactionGroup = {
  __typename?: 'SatisfactionGroup';
  /** With groupBy AGENT: the tickets' assignee, null for unassigned tickets; always null with CUSTOMER. */
  assigneeId?: Maybe<Scalars['ID']['output']>;
  /** Their average, rounded to two decimals. */
  averageRating: Scalars['Float']['output'];
  /** With groupBy CUSTOMER: the customer; always null with AGENT. */
  customer?: Maybe<Customer>;
  /** How many ratings the group received in the period. */
  ratings: Scalars['Int']['output'];
};

/** How the satisfaction report groups its ratings. */
export type SatisfactionGroupBy =
  /** Per assignee of the rated tickets (unassigned tickets form one group with a null assignee). */
  | 'AGENT'
  /** Per customer whose tickets were rated. */
  | 'CUSTOMER';

/** How satisfied a customer was with the handling of one resolved or closed ticket; a ticket is rated at most once. */
export type SatisfactionRating = {
  __typename?: 'SatisfactionRating';
  /** What the customer said about it; null when nothing. */
  comment?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** When the rating was recorded. */
  ratedAt: Scalars['DateTime']['output'];
  /** The user who recorded it on the customer's behalf; null when unknown. */
  ratedBy?: Maybe<Scalars['ID']['output']>;
  /** From 1 (very dissatisfied) to 5 (very satisfied). */
  rating: Scalars['Int']['output'];
  /** The rated ticket. */
  ticket: Ticket;
};

/** Ratings given in a period, in total and per group, over the tickets the caller may see. */
export type SatisfactionReport = {
  __typename?: 'SatisfactionReport';
  /** Their average, rounded to two decimals; null when there were none. */
  averageRating?: Maybe<Scalars['Float']['output']>;
  /** First day of the period (ISO date, inclusive). */
  from: Scalars['String']['output'];
  /** How the groups are formed. */
  groupBy: SatisfactionGroupBy;
  /** One entry per assignee or customer with at least one rating, most ratings first. */
  groups: Array<SatisfactionGroup>;
  /** How many ratings were given in the period. */
  ratings: Scalars['Int']['output'];
  /** Last day of the period (ISO date, inclusive). */
  to: Scalars['String']['output'];
};

/** New SLA targets for one priority. */
export type SetSlaTargetInput = {
  /** Minutes from opening to the first public answer (1–525,600, at most resolutionMinutes). */
  firstResponseMinutes: Scalars['Int']['input'];
  /** The priority to set targets for. */
  priority: TicketPriority;
  /** Minutes from opening to resolution (1–525,600). */
  resolutionMinutes: Scalars['Int']['input'];
};

/**
 * How the tickets opened in a period fared against one SLA target (first response or resolution) of
 * their priority, as their clocks stand at the time of the request, by the rules of `Ticket.sla`:
 * wall-clock time from opening, the time spent WAITING_ON_CUSTOMER left out, the current targets.
 * Each ticket counts once: MET when its clock stopped (first response: the first public answer by
 * support, or the resolution if that came first; resolution: the resolution, while RESOLVED or
 * CLOSED) on or before its due time; MISSED when it stopped after it, or still runs and is already
 * past it; pending while it still runs within it. A reopened ticket's clocks run again.
 */
export type SlaAttainment = {
  __typename?: 'SlaAttainment';
  /** Tickets that met the target. */
  met: Scalars['Int']['output'];
  /** Tickets that missed it, including those still open and already past it. */
  missed: Scalars['Int']['output'];
  /** Tickets whose clock still runs within the target: no outcome yet, left out of `percent`. */
  pending: Scalars['Int']['output'];
  /**
   * met ÷ (met + missed) × 100 as a decimal string with exactly one decimal place, rounded half up
   * (exact, in integer arithmetic): 2 of 3 → "66.7", 1 of 16 → "6.3", 3 of 3 → "100.0"; null when
   * no ticket has an outcome yet (met + missed = 0).
   */
  percent?: Maybe<Scalars['String']['output']>;
};

/** How soon support must answer and resolve tickets of one priority, counted in wall-clock time from opening, without the time spent waiting on the customer. */
export type SlaTarget = {
  __typename?: 'SlaTarget';
  /** Minutes from opening to the first public answer by support. */
  firstResponseMinutes: Scalars['Int']['output'];
  /** Every recorded change to these targets, newest first. */
  history: Array<AuditEntry>;
  /** The priority these targets apply to. */
  priority: TicketPriority;
  /** Minutes from opening to resolution. */
  resolutionMinutes: Scalars['Int']['output'];
  /** When the targets were last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** How soon support must answer and resolve tickets of one priority, counted in wall-clock time from opening, without the time spent waiting on the customer. */
export type SlaTargetHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How often one knowledge-base article was linked as a solution in the period. */
export type SolutionCount = {
  __typename?: 'SolutionCount';
  /** The article. */
  article: Article;
  /** Tickets it was linked to in the period. */
  count: Scalars['Int']['output'];
};

/**
 * How support fared in a period, over the tickets the caller may see (a sales rep's covers their
 * customers only). Opened counts tickets opened in the period; resolved counts tickets resolved in
 * the period that are still RESOLVED or CLOSED. Mean times are wall-clock seconds, SLA pauses
 * included, rounded to whole seconds. SLA attainment covers the tickets opened in the period, as
 * their clocks stand at the time of the request (see SlaAttainment).
 */
export type SupportAnalysis = {
  __typename?: 'SupportAnalysis';
  /** The same figures per assignee (assigneeId null: unassigned), most opened first. */
  byAgent: Array<AgentSupportFigures>;
  /** The same figures per team the tickets are assigned to (teamId null: no team), most opened first. */
  byTeam: Array<TeamSupportFigures>;
  /** How the tickets opened in the period fared against their first-response targets. */
  firstResponseSla: SlaAttainment;
  /** First day of the period (ISO date, inclusive). */
  from: Scalars['String']['output'];
  /** Mean seconds from opening to the first response of the tickets opened in the period and answered; null when none were. */
  meanSecondsToFirstResponse?: Maybe<Scalars['Float']['output']>;
  /** Mean seconds from opening to resolution of the tickets resolved in the period; null when none were. */
  meanSecondsToResolution?: Maybe<Scalars['Float']['output']>;
  /** How the tickets opened in the period fared against their resolution targets. */
  resolutionSla: SlaAttainment;
  /** Tickets opened in the period. */
  ticketsOpened: Scalars['Int']['output'];
  /** Tickets resolved in the period (and not reopened since). */
  ticketsResolved: Scalars['Int']['output'];
  /** Last day of the period (ISO date, inclusive). */
  to: Scalars['String']['output'];
  /** The ten categories with the most tickets opened in the period, most first (uncategorised tickets are left out). */
  topCategories: Array<CategoryCount>;
  /**
   * The ten most frequent inquiries: the subjects of the tickets opened in the period, normalised
   * (lower-cased, runs of whitespace as one space, leading and trailing whitespace and . , ; : ! ?
   * removed) so that "Pump leaks!" and "pump  leaks" count as one; most tickets first, ties
   * alphabetically. Subjects are compared whole, not by meaning.
   */
  topInquiries: Array<InquiryCount>;
  /** The ten knowledge-base articles linked as solutions to the most tickets in the period (links made in the period, on tickets the caller may see), most first; archived articles, and for callers who may not edit articles unpublished ones, are left out. */
  topSolutions: Array<SolutionCount>;
};

/** A group of users, e.g. a sales team or a warehouse crew; teams nest to form the organisation's hierarchy. */
export type Team = {
  __typename?: 'Team';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};

/** One team's tickets in the period. */
export type TeamSupportFigures = {
  __typename?: 'TeamSupportFigures';
  /** How those opened in the period fared against their first-response targets. */
  firstResponseSla: SlaAttainment;
  /** Mean seconds from opening to first response of those opened and answered; null when none were. */
  meanSecondsToFirstResponse?: Maybe<Scalars['Float']['output']>;
  /** Mean seconds from opening to resolution of those resolved; null when none were. */
  meanSecondsToResolution?: Maybe<Scalars['Float']['output']>;
  /** The team's tickets opened in the period. */
  opened: Scalars['Int']['output'];
  /** How those opened in the period fared against their resolution targets. */
  resolutionSla: SlaAttainment;
  /** The team's tickets resolved in the period. */
  resolved: Scalars['Int']['output'];
  /** The team (a team id of the identity subgraph); null for tickets assigned to no team. */
  teamId?: Maybe<Scalars['ID']['output']>;
};

/** A customer's request for help, tracked from opening to resolution. Owned by the support subgraph. */
export type Ticket = {
  __typename?: 'Ticket';
  /** The knowledge-base articles linked to this ticket as having helped solve it, oldest link first; archived articles (and, for readers, unpublished ones) are left out. */
  articles: Array<Article>;
  /** The agent the ticket is assigned to; null while unassigned. */
  assignee?: Maybe<User>;
  /** Free-text category, lower-cased, e.g. "billing"; null when not categorised. */
  category?: Maybe<Scalars['String']['output']>;
  /** How the customer reached support; null when not recorded. */
  channel?: Maybe<TicketChannel>;
  /** The ticket's comments, oldest first; internal ones only for support agents, directors and admins. */
  comments: Array<TicketComment>;
  /** The customer's contact who asked for help (a contact id of the customers subgraph); null when not recorded. */
  contactId?: Maybe<Scalars['ID']['output']>;
  /** The customer who asked for help. Resolved by the customers subgraph: still answers (with `deletedAt`) when the customer was deleted, and its survivor's record when merged; null only when the caller may not see customers (so one such reference never blanks a list). */
  customer?: Maybe<Customer>;
  /** When the ticket was deleted; null unless deleted (deleted tickets are only seen when deleting or restoring them). */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The request in full, as the customer or agent described it; null when none was given. */
  description?: Maybe<Scalars['String']['output']>;
  /** When support (an agent or an admin) first answered with a public comment; null until then. */
  firstRespondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every recorded change to this ticket, newest first; visible to whoever may see the ticket. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Human-friendly number, unique and sequential, e.g. T-000042. */
  number: Scalars['String']['output'];
  /** When the ticket was opened. */
  openedAt: Scalars['DateTime']['output'];
  /** How urgently the ticket must be handled. */
  priority: TicketPriority;
  /** When the ticket was last resolved; null while it has not been (a reopened ticket keeps its last resolution time). */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The customer's satisfaction rating of this ticket; null until rated. */
  satisfaction?: Maybe<SatisfactionRating>;
  /** Where the ticket stands against its priority's SLA targets, computed at the time of the request. */
  sla: TicketSla;
  /** Where the ticket stands in its lifecycle. */
  status: TicketStatus;
  /** Every status the ticket went through, oldest first, starting with its opening as NEW. */
  statusHistory: Array<TicketStatusChange>;
  /** One-line summary of the request. */
  subject: Scalars['String']['output'];
  /** The team the ticket is assigned to; null while unassigned. */
  team?: Maybe<Team>;
};


/** A customer's request for help, tracked from opening to resolution. Owned by the support subgraph. */
export type TicketHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How a customer reached support with a ticket. */
export type TicketChannel =
  /** Through live chat. */
  | 'CHAT'
  /** By email. */
  | 'EMAIL'
  /** By telephone. */
  | 'PHONE'
  /** In person, at a site or office. */
  | 'VISIT'
  /** Through a web form or the customer portal. */
  | 'WEB';

/** A comment on a ticket: public ones are seen by everyone who sees the ticket, internal ones only by support agents, directors and admins. */
export type TicketComment = {
  __typename?: 'TicketComment';
  /** Who wrote it. */
  author: User;
  /** The comment's text. */
  body: Scalars['String']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** Whether only support agents, directors and admins see it. */
  internal: Scalars['Boolean']['output'];
  /** The ticket commented on. */
  ticket: Ticket;
};

/** A page of tickets, newest first. */
export type TicketConnection = {
  __typename?: 'TicketConnection';
  /** The tickets on this page with their cursors. */
  edges: Array<TicketEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One ticket in a page. */
export type TicketEdge = {
  __typename?: 'TicketEdge';
  /** Opaque cursor of this ticket. */
  cursor: Scalars['String']['output'];
  /** The ticket. */
  node: Ticket;
};

/** Narrows a ticket list; all given criteria must hold. */
export type TicketFilter = {
  /** Only tickets assigned to this agent. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only tickets of this category (compared lower-cased). */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Only tickets that came in through this channel. */
  channel?: InputMaybe<TicketChannel>;
  /** Only this customer's tickets. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only tickets of this priority. */
  priority?: InputMaybe<TicketPriority>;
  /** Only tickets in this status. */
  status?: InputMaybe<TicketStatus>;
  /** Only tickets assigned to this team. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** How urgently a ticket must be handled. */
export type TicketPriority =
  /** Before normal tickets. */
  | 'HIGH'
  /** Whenever there is time. */
  | 'LOW'
  /** The usual pace; the default. */
  | 'NORMAL'
  /** Drop everything: the customer is blocked. */
  | 'URGENT';

/** Where a ticket stands against its priority's SLA targets right now. The clocks run in wall-clock time and stand still while the ticket is WAITING_ON_CUSTOMER. */
export type TicketSla = {
  __typename?: 'TicketSla';
  /** Whether the first answer came, or is still missing, after its due time. Resolving a ticket before any answer settles its first response at the resolution time: in time when resolved by the due time. */
  firstResponseBreached: Scalars['Boolean']['output'];
  /** When the first public answer by support is due: opening + target + time paused before the answer (or before the resolution, for a ticket resolved unanswered; up to now while paused and unanswered). */
  firstResponseDueAt: Scalars['DateTime']['output'];
  /** Whether the clocks are paused because the ticket is waiting on the customer. */
  paused: Scalars['Boolean']['output'];
  /** Whether the resolution came, or is still missing, after its due time (a reopened ticket's clock runs again). */
  resolutionBreached: Scalars['Boolean']['output'];
  /** When the resolution is due: opening + target + time paused (up to now while paused). */
  resolutionDueAt: Scalars['DateTime']['output'];
};

/**
 * Lifecycle of a ticket. Allowed changes: NEW → OPEN, WAITING_ON_CUSTOMER or RESOLVED; OPEN →
 * WAITING_ON_CUSTOMER or RESOLVED; WAITING_ON_CUSTOMER → OPEN or RESOLVED; RESOLVED → CLOSED or
 * REOPENED; CLOSED → REOPENED; REOPENED → OPEN, WAITING_ON_CUSTOMER or RESOLVED.
 */
export type TicketStatus =
  /** Done with after resolution: no further work is expected; only reopening (to REOPENED) brings it back. */
  | 'CLOSED'
  /** Opened, not yet picked up. */
  | 'NEW'
  /** Being worked on by an agent. */
  | 'OPEN'
  /** Resolved once, then reopened because the problem came back. */
  | 'REOPENED'
  /** Solved; the customer may still reopen it. */
  | 'RESOLVED'
  /** Waiting for the customer to answer; the SLA clocks are paused meanwhile. */
  | 'WAITING_ON_CUSTOMER';

/** One change of a ticket's status: from what to what, why, by whom and when. */
export type TicketStatusChange = {
  __typename?: 'TicketStatusChange';
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /** The user who changed it; null when the system did. */
  changedBy?: Maybe<User>;
  /** The status the ticket left; null for its opening. */
  from?: Maybe<TicketStatus>;
  /** Why, as given by whoever changed it; null when no note was given. */
  note?: Maybe<Scalars['String']['output']>;
  /** The status the ticket entered. */
  to: TicketStatus;
};

/** How many of one customer's tickets are in one status. */
export type TicketStatusCount = {
  __typename?: 'TicketStatusCount';
  /** How many tickets are in it (at least 1). */
  count: Scalars['Int']['output'];
  /** The status counted. */
  status: TicketStatus;
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** Changes to an article's draft; give at least one field, omitted ones stay as they are. */
export type UpdateArticleDraftInput = {
  /** A new draft text (1–100,000 characters). */
  body?: InputMaybe<Scalars['String']['input']>;
  /** A new subject area (1–100 characters); takes effect at once, without publishing. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** A new draft title (1–200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a ticket's details: omitted fields stay as they are, null clears description, category and channel. */
export type UpdateTicketInput = {
  /** New category (at most 100 characters), stored lower-cased; null or blank clears it. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** New channel; null clears it. */
  channel?: InputMaybe<TicketChannel>;
  /** New full description (at most 10,000 characters); null or blank clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The ticket to change. */
  id: Scalars['ID']['input'];
  /** New priority; the SLA due dates follow its targets. Cannot be cleared. */
  priority?: InputMaybe<TicketPriority>;
  /** New one-line summary (1–200 characters); cannot be cleared. */
  subject?: InputMaybe<Scalars['String']['input']>;
};

/** A Rapport user (a rep, an agent, …), owned by the identity subgraph. */
export type User = {
  __typename?: 'User';
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
};
