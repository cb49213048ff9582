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

/** The signed-in user's password change. */
export type ChangePasswordInput = {
  /** The password in use now. */
  currentPassword: Scalars['String']['input'];
  /** The new password: 10 to 200 characters, different from the current one. */
  newPassword: Scalars['String']['input'];
};

/** The company's logo as printed on documents: PNG or JPEG, at most 256 KB. Upload it with `PUT /files/identity/company/logo` (the image as the body, its Content-Type); read it with `GET` there. */
export type CompanyLogo = {
  __typename?: 'CompanyLogo';
  /** image/png or image/jpeg. */
  contentType: Scalars['String']['output'];
  /** Lower-case hex SHA-256 of the image. */
  sha256: Scalars['String']['output'];
  /** Its size in bytes. */
  sizeBytes: Scalars['Int']['output'];
};

/** The company that issues every printed document (quotations, order confirmations, delivery notes, purchase orders, invoices, reminders): kept once here, copied by each service that prints. Everyone signed in reads it; administrators change it. */
export type CompanyProfile = {
  __typename?: 'CompanyProfile';
  /** The bank's name. */
  bankName?: Maybe<Scalars['String']['output']>;
  /** BIC of the bank, 8 or 11 characters. */
  bic?: Maybe<Scalars['String']['output']>;
  /** City. */
  city?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 country code, e.g. DE. */
  country?: Maybe<Scalars['String']['output']>;
  /** Terms printed on documents that have none of their own. */
  defaultTerms?: Maybe<Scalars['String']['output']>;
  /** Email printed on the letterhead. */
  email?: Maybe<Scalars['String']['output']>;
  /** Printed at the foot of every page. */
  footerText?: Maybe<Scalars['String']['output']>;
  /** Printed under the letterhead on the first page. */
  headerText?: Maybe<Scalars['String']['output']>;
  /** IBAN without spaces (check digits verified). */
  iban?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The logo, or null when none was uploaded. */
  logo?: Maybe<CompanyLogo>;
  /** Where the logo is uploaded (PUT) and read (GET) at the gateway. */
  logoPath: Scalars['String']['output'];
  /** The company's legal name, as printed. */
  name: Scalars['String']['output'];
  /** Phone number printed on the letterhead. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Postal code. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** Street and number. */
  street?: Maybe<Scalars['String']['output']>;
  /** Tax number at the local tax office. */
  taxNumber?: Maybe<Scalars['String']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** VAT identification number, e.g. DE123456789. */
  vatId?: Maybe<Scalars['String']['output']>;
  /** Counts the changes; the copies in other services keep the highest. */
  version: Scalars['Int']['output'];
  /** Web site printed on the letterhead. */
  website?: Maybe<Scalars['String']['output']>;
};

/** What a new team needs. */
export type CreateTeamInput = {
  /** The team's name (1–100 characters), unique ignoring case. */
  name: Scalars['String']['input'];
  /** The team it belongs to; omit for a top-level team. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a new user needs. */
export type CreateUserInput = {
  /** Name shown to colleagues (1–200 characters). */
  displayName: Scalars['String']['input'];
  /** Email address; stored lower-cased and must not belong to another user. */
  email: Scalars['String']['input'];
  /** The initial password (10–200 characters); omit for a user who cannot sign in until an administrator sets one. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** What the user does. */
  role: Role;
  /** The team the user joins; omit for none. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
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
  /** Changes the caller's password; UNAUTHENTICATED when the current one is wrong. Every session of the caller is signed out: sign in again. */
  changePassword: Scalars['Boolean']['output'];
  /** Creates a team (administrators only, else FORBIDDEN); CONFLICT when the name is taken, NOT_FOUND when the parent does not exist. */
  createTeam: Team;
  /** Creates a user (administrators only, else FORBIDDEN); CONFLICT when the email is taken, NOT_FOUND when the team does not exist. */
  createUser: User;
  /** Deactivates a user (administrators only): they can no longer sign in, every session of theirs is signed out and every access token of theirs is refused by the gateway and every subgraph once they have handled `identity.access.revoked.v1`; their history stays. CONFLICT when it would leave no active administrator. */
  deactivateUser: User;
  /**
   * Exchanges a refresh token for a new session; needs no access token. Each refresh token works
   * once: presenting one again signs out every session that came from it (UNAUTHENTICATED).
   */
  refreshSession: Session;
  /** Sets a new password for a user (administrators only), unlocks the account and signs out every session of theirs. */
  resetPassword: Scalars['Boolean']['output'];
  /** Changes a user's role (administrators only); it applies from the user's next sign-in or refresh. CONFLICT when it would leave no active administrator. */
  setUserRole: User;
  /**
   * Signs in with email and password; needs no access token. UNAUTHENTICATED with reason
   * INVALID_CREDENTIALS when the email or the password is wrong (the same answer for both),
   * ACCOUNT_LOCKED for 15 minutes after 5 wrong passwords in a row, ACCOUNT_DISABLED for a
   * deactivated user.
   */
  signIn: Session;
  /** Signs one of the caller's sessions out: revokes its refresh token and the access token this call is made with, which the gateway and every subgraph refuse (UNAUTHENTICATED, reason TOKEN_REVOKED) as soon as they have handled `identity.access.revoked.v1`, typically within a second or two. */
  signOut: Scalars['Boolean']['output'];
  /** Changes the company profile (administrators only, else FORBIDDEN); bad values are refused naming the field, e.g. `input.iban`. */
  updateCompanyProfile: CompanyProfile;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCreateTeamArgs = {
  input: CreateTeamInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeactivateUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  id: Scalars['ID']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationSetUserRoleArgs = {
  id: Scalars['ID']['input'];
  role: Role;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignOutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationUpdateCompanyProfileArgs = {
  input: UpdateCompanyProfileInput;
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
  /** The company profile every printed document carries. */
  companyProfile: CompanyProfile;
  /** The identity service's events: outbox backlog, dead letters, retries and consumer lag. ADMIN only. */
  identityEventBus: EventBusStatus;
  /** The signed-in user. */
  me: User;
  /** Every team, by name; follow `parent` to walk the hierarchy. */
  teams: Array<Team>;
  /** One user by id; NOT_FOUND when no such user exists. */
  user: User;
  /** Users ordered by display name, filtered, paged by cursor (`first` at most 100). */
  users: UserConnection;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a user does in the company; decides what they may see and do. */
export type Role =
  /** Invoices customers, records payments, follows receivables. */
  | 'ACCOUNTANT'
  /** Administers Rapport; sees and may change everything. */
  | 'ADMIN'
  /** Buys from suppliers. */
  | 'BUYER'
  /** Oversees several teams; sees everything in their departments. */
  | 'DIRECTOR'
  /** Leads a sales team and reviews its work. */
  | 'SALES_MANAGER'
  /** Sells to their own customers. */
  | 'SALES_REP'
  /** Handles customer tickets. */
  | 'SUPPORT_AGENT'
  /** Receives, stores and ships goods. */
  | 'WAREHOUSE_CLERK';

/** A signed-in session: a short-lived access token to call Rapport with, and a single-use refresh token for the next one. */
export type Session = {
  __typename?: 'Session';
  /** Send as `Authorization: Bearer <accessToken>` on every request: a signed JWT, valid for 15 minutes, verifiable with identity's `/.well-known/jwks.json`. */
  accessToken: Scalars['String']['output'];
  /** When the access token stops being accepted. */
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** Secret, single-use token that `refreshSession` exchanges for a new session before the access token expires; keep it out of logs and URLs. */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token stops being accepted (30 days after it was issued). */
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  /** The signed-in user. */
  user: User;
};

/** Credentials to sign in with. */
export type SignInInput = {
  /** The user's email address, in any case. */
  email: Scalars['String']['input'];
  /** The user's password. */
  password: Scalars['String']['input'];
};

/** A group of users, e.g. a sales team or a warehouse crew; teams nest to form the organisation's hierarchy. */
export type Team = {
  __typename?: 'Team';
  /** When the team was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Every recorded change to this team, newest first (secrets redacted); visible to any signed-in user. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** The users in this team (not in its sub-teams), by display name. */
  members: Array<User>;
  /** The team's name; unique, ignoring case. */
  name: Scalars['String']['output'];
  /** The team this one belongs to; null for a top-level team. */
  parent?: Maybe<Team>;
};


/** A group of users, e.g. a sales team or a warehouse crew; teams nest to form the organisation's hierarchy. */
export type TeamHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How many messages of one topic a consumer group has not consumed yet. */
export type TopicLag = {
  __typename?: 'TopicLag';
  /** Messages behind the end of the topic, over all partitions. */
  lag: Scalars['Int']['output'];
  /** The topic, namespaced. */
  topic: Scalars['String']['output'];
};

/** Changes to the company profile: only the fields given change; null or blank clears an optional field. */
export type UpdateCompanyProfileInput = {
  /** Bank name (≤ 100). */
  bankName?: InputMaybe<Scalars['String']['input']>;
  /** BIC, 8 or 11 characters. */
  bic?: InputMaybe<Scalars['String']['input']>;
  /** City (≤ 100). */
  city?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2 country code. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Default terms (≤ 5000). */
  defaultTerms?: InputMaybe<Scalars['String']['input']>;
  /** Email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Footer text (≤ 500). */
  footerText?: InputMaybe<Scalars['String']['input']>;
  /** Header text (≤ 500). */
  headerText?: InputMaybe<Scalars['String']['input']>;
  /** IBAN; spaces allowed, check digits verified. */
  iban?: InputMaybe<Scalars['String']['input']>;
  /** The legal name (1–200 characters); cannot be cleared. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Phone number (≤ 50). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Postal code (≤ 20). */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** True removes the logo. */
  removeLogo?: InputMaybe<Scalars['Boolean']['input']>;
  /** Street and number (≤ 200). */
  street?: InputMaybe<Scalars['String']['input']>;
  /** Tax number (≤ 30). */
  taxNumber?: InputMaybe<Scalars['String']['input']>;
  /** VAT identification number (≤ 20). */
  vatId?: InputMaybe<Scalars['String']['input']>;
  /** Web site (≤ 200). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** A Rapport user (a rep, an agent, …), owned by the identity subgraph. */
export type User = {
  __typename?: 'User';
  /** Whether the user may still work in Rapport; deactivated users keep their history. */
  active: Scalars['Boolean']['output'];
  /** When the user was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Name shown to colleagues and customers. */
  displayName: Scalars['String']['output'];
  /** Email address used to sign in, lower-cased; unique across users. */
  email: Scalars['String']['output'];
  /** Every recorded change to this user, newest first (secrets redacted); visible to any signed-in user. */
  history: Array<AuditEntry>;
  /** Stable identifier (UUID). */
  id: Scalars['ID']['output'];
  /** What the user does, which decides what they may see and do. */
  role: Role;
  /** The team the user belongs to; null when not in a team. */
  team?: Maybe<Team>;
};


/** A Rapport user (a rep, an agent, …), owned by the identity subgraph. */
export type UserHistoryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of users, ordered by display name. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users on this page with their cursors. */
  edges: Array<UserEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One user in a page. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque cursor of this user. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
};

/** Narrows a user list; all given criteria must hold. */
export type UserFilter = {
  /** Only users with this role. */
  role?: InputMaybe<Role>;
  /** Case-insensitive substring of the display name or the email. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only members of this team (not of its sub-teams). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};
