import { randomUUID } from 'node:crypto';
import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal, TokenVerifier } from '@rapport/auth';
import { createConsumerKafka, disconnectPromptly, FETCH_WAIT_MS, on, type EventHandlerRegistration } from '@rapport/bus';
import { AccessRevokedV1, parseData, parseEnvelope, type EventData } from '@rapport/contracts';
import { AppError } from '@rapport/errors';
import type { Consumer } from 'kafkajs';
import pg from 'pg';
import type { Logger } from 'pino';

/**
 * Access tokens revoked before they expire (signed out, user deactivated): the tokens named by id,
 * and every token of the user issued at or before `issuedBefore`. An entry is kept until
 * `expiresAt`, when every token it names has expired anyway.
 */
export interface Revocation {
  /** The event that carried it; adding the same one twice changes nothing. */
  id: string;
  userId: string;
  tokenIds: readonly string[];
  issuedBefore: Date | null;
  expiresAt: Date;
}

/**
 * The deny list one process consults on every request, in memory. Subgraphs fill it from their
 * `access_revocation` table (kept from `identity.access.revoked.v1` through the inbox); the gateway
 * from the topic directly.
 */
export class RevocationList {
  private readonly byUser = new Map<string, Map<string, Revocation>>();

  add(revocation: Revocation): void {
    if (revocation.expiresAt.getTime() <= Date.now()) return;
    const entries = this.byUser.get(revocation.userId) ?? new Map<string, Revocation>();
    entries.set(revocation.id, revocation);
    this.byUser.set(revocation.userId, entries);
  }

  /**
   * Whether `principal`'s token is revoked. Token ids match exactly; `issuedBefore` compares with the
   * token's `iat`, which has whole seconds, so a token issued in the same second as the revocation
   * counts as revoked (and a token without `iat` too): the safe side.
   */
  isRevoked(principal: Principal, now = Date.now()): boolean {
    const entries = this.byUser.get(principal.userId);
    if (!entries) return false;
    for (const [id, entry] of entries) {
      if (entry.expiresAt.getTime() <= now) {
        entries.delete(id);
        continue;
      }
      if (principal.tokenId && entry.tokenIds.includes(principal.tokenId)) return true;
      if (entry.issuedBefore && (principal.issuedAt === undefined || principal.issuedAt * 1000 <= entry.issuedBefore.getTime())) return true;
    }
    if (entries.size === 0) this.byUser.delete(principal.userId);
    return false;
  }

  /** Forgets entries past their expiry; returns how many remain. */
  prune(now = Date.now()): number {
    let remaining = 0;
    for (const [userId, entries] of this.byUser) {
      for (const [id, entry] of entries) if (entry.expiresAt.getTime() <= now) entries.delete(id);
      if (entries.size === 0) this.byUser.delete(userId);
      remaining += entries.size;
    }
    return remaining;
  }
}

export const tokenRevoked = (): AppError => new AppError('UNAUTHENTICATED', 'TOKEN_REVOKED', 'the access token was revoked (signed out or deactivated): sign in again');

/** `verifier`, refusing tokens `list` holds as revoked (UNAUTHENTICATED, TOKEN_REVOKED). */
export function revokingVerifier(verifier: TokenVerifier, list: RevocationList): TokenVerifier {
  return async (token) => {
    const principal = await verifier(token);
    if (list.isRevoked(principal)) throw tokenRevoked();
    return principal;
  };
}

const revocationOf = (id: string, data: EventData<typeof AccessRevokedV1>): Revocation => ({
  id,
  userId: data.userId,
  tokenIds: data.tokenIds,
  issuedBefore: data.issuedBefore ? new Date(data.issuedBefore) : null,
  expiresAt: new Date(data.expiresAt),
});

/** A PostgreSQL text[] literal of `values` (every element quoted and escaped). */
const textArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;

/** The subgraph's durable copy of the deny list, so a restarted instance (or a second one) knows it too. */
export class AccessRevocationMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists access_revocation (
        id text primary key,
        user_id text not null,
        token_ids text[] not null default '{}',
        issued_before timestamptz null,
        expires_at timestamptz not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql('create index if not exists access_revocation_expires_idx on access_revocation (expires_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists access_revocation;');
  }
}

export const ACCESS_REVOCATION_MIGRATION = { name: 'Migration00000000000003_access_revocation', class: AccessRevocationMigration };

/**
 * The handler every subgraph registers: records the revocation (inbox, same transaction) and puts it
 * in this process's list at once — before the commit, which errs on the safe side: a rolled-back
 * attempt is retried, and an entry only ever refuses tokens identity revoked.
 */
export function accessRevocationHandlers(list: RevocationList): EventHandlerRegistration[] {
  return [
    on(AccessRevokedV1, async (data, event, em) => {
      await em.execute('delete from access_revocation where expires_at <= now()');
      await em.execute(`insert into access_revocation (id, user_id, token_ids, issued_before, expires_at) values (?, ?, ?::text[], ?, ?) on conflict (id) do nothing`, [
        event.id,
        data.userId,
        textArray(data.tokenIds),
        data.issuedBefore,
        data.expiresAt,
      ]);
      // Other instances of this service reload the table when this commits (`watchRevocations`).
      await em.execute(`select pg_notify('${REVOCATION_CHANNEL}', '')`);
      list.add(revocationOf(event.id, data));
    }),
  ];
}

/** The channel a commit that added a revocation notifies: every instance of the service listens on it. */
export const REVOCATION_CHANNEL = 'access_revocation';

export interface RevocationWatchOptions {
  /** The service's database. */
  databaseUrl: string;
  /** Reloads the deny list from the table (`loadRevocations`). */
  reload: () => Promise<unknown>;
  logger: Logger;
  /** The safety-net reload, whatever was notified (30 s unless told). */
  safetyReloadMs?: number;
  /** How long to wait before listening again after the connection was lost (1 s unless told). */
  reconnectMs?: number;
}

/**
 * Keeps this instance's deny list in step with the table that another instance of the same service
 * fills (one consumer group: only one instance handles each revocation event): a connection of its
 * own listens on `REVOCATION_CHANNEL`, which the handler notifies in its transaction, so a commit
 * reloads the list at once. It replaced a reload every second, which woke every subgraph process and
 * its PostgreSQL backend every second while nothing happened. A lost connection is opened again (and
 * the list reloaded, for what was notified meanwhile); a reload every `safetyReloadMs` stays as a net.
 */
export function watchRevocations(options: RevocationWatchOptions): { start(): Promise<void>; stop(): Promise<void> } {
  const log = options.logger.child({ component: 'revocation-watch' });
  const reconnectMs = options.reconnectMs ?? 1000;
  let stopped = false;
  let client: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let safetyTimer: NodeJS.Timeout | undefined;
  // Reloads never overlap; a notification during one asks for one more after it.
  let reloading: Promise<void> | undefined;
  let again = false;
  const reload = (): void => {
    if (reloading) {
      again = true;
      return;
    }
    reloading = options
      .reload()
      .then(
        () => undefined,
        (error: unknown) => log.warn({ err: error }, 'reloading revoked tokens failed'),
      )
      .finally(() => {
        reloading = undefined;
        if (again && !stopped) {
          again = false;
          reload();
        }
      });
  };
  const listen = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.databaseUrl, application_name: 'revocation-watch', connectionTimeoutMillis: 3000, keepAlive: true });
    let lost = false;
    const onLost = (error?: unknown): void => {
      if (lost || stopped) return;
      lost = true;
      log.warn({ err: error }, 'revocation watch lost its database connection; listening again');
      void c.end().catch(() => undefined);
      if (client === c) client = undefined;
      schedule();
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', () => reload());
    try {
      await c.connect();
      await c.query(`listen ${REVOCATION_CHANNEL}`);
    } catch (error) {
      lost = true;
      await c.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
  };
  const schedule = (): void => {
    if (stopped || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      listen().then(
        () => reload(),
        (error: unknown) => {
          log.warn({ err: error }, 'revocation watch could not listen; retrying');
          schedule();
        },
      );
    }, reconnectMs);
    reconnectTimer.unref();
  };
  return {
    async start() {
      await listen();
      safetyTimer = setInterval(reload, options.safetyReloadMs ?? 30_000);
      safetyTimer.unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      clearInterval(safetyTimer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
      await reloading;
    },
  };
}

/** Loads the unexpired revocations of the subgraph's table into `list` (at start, and then every few moments). */
export async function loadRevocations(em: SqlEntityManager, list: RevocationList): Promise<number> {
  const rows = await em.execute<{ id: string; user_id: string; token_ids: string[]; issued_before: Date | null; expires_at: Date }[]>(
    'select id, user_id, token_ids, issued_before, expires_at from access_revocation where expires_at > now()',
  );
  for (const row of rows) {
    list.add({
      id: row.id,
      userId: row.user_id,
      tokenIds: row.token_ids,
      issuedBefore: row.issued_before ? new Date(row.issued_before) : null,
      expiresAt: new Date(row.expires_at),
    });
  }
  list.prune();
  return rows.length;
}

export interface RevocationFeedOptions {
  brokers: string[];
  topicPrefix: string;
  list: RevocationList;
  logger: Logger;
  /** Names this process's consumer group (unique per process: every instance must see every revocation). */
  clientId: string;
}

export interface RevocationFeed {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * For a process without a database (the gateway): reads `identity.access.revoked.v1` straight from
 * Kafka into `list`, in a consumer group of its own, from the beginning of the topic (entries past
 * their expiry are skipped), so every instance learns every revocation, also those before it started.
 * No inbox is needed: adding a revocation twice changes nothing.
 */
export function createRevocationFeed(options: RevocationFeedOptions): RevocationFeed {
  const log = options.logger.child({ component: 'revocation-feed' });
  const groupId = `${options.topicPrefix}${options.clientId}.revocations.${randomUUID()}`;
  const kafka = createConsumerKafka({ brokers: options.brokers, clientId: options.clientId, logger: options.logger });
  let consumer: Consumer | undefined;
  return {
    async start() {
      const c = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false, // As the event consumers (`createEventConsumer`): a fetch and a heartbeat every
        // FETCH_WAIT_MS (3 s) while idle; a revocation still arrives as soon as it is written (the
        // broker answers the fetch then), and `stop` fails the fetch in flight rather than wait for it.
        sessionTimeout: 10000,
        heartbeatInterval: FETCH_WAIT_MS - 500,
        maxWaitTimeInMs: FETCH_WAIT_MS,
      });
      consumer = c;
      const joined = new Promise<void>((resolve) => c.on(c.events.GROUP_JOIN, () => resolve()));
      await c.connect();
      await c.subscribe({ topics: [`${options.topicPrefix}${AccessRevokedV1.topic}`], fromBeginning: true });
      await c.run({
        autoCommit: false,
        eachMessage: async ({ message }) => {
          try {
            const event = parseEnvelope(message.value?.toString() ?? '');
            if (event.type !== AccessRevokedV1.type) return;
            options.list.add(revocationOf(event.id, parseData(AccessRevokedV1, event)));
          } catch (error) {
            log.error({ err: error, offset: message.offset }, 'unreadable revocation event skipped');
          }
        },
      });
      await joined;
    },
    async stop() {
      await disconnectPromptly(kafka, consumer);
      consumer = undefined;
      // The group was this process's alone; leave nothing behind.
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
