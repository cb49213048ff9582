import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { Migration } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';

/** The request header a client sends a key in; the gateway forwards it to the subgraphs. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that is the stored answer of an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key and its answer are kept: a retry within this time gets the first answer. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The table of used keys, per caller, with a hash of the request and the answer; one per subgraph database. */
export class IdempotencyMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists idempotency_key (
        caller_id text not null,
        key text not null,
        request_hash text not null,
        response jsonb null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        primary key (caller_id, key)
      );`);
    this.addSql('create index if not exists idempotency_key_expires_idx on idempotency_key (expires_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists idempotency_key;');
  }
}

export const IDEMPOTENCY_MIGRATION = { name: 'Migration00000000000005_idempotency', class: IdempotencyMigration };

/** Deletes keys older than their time to live; returns how many went. */
export async function purgeExpiredIdempotencyKeys(em: SqlEntityManager): Promise<number> {
  const rows = await em.getConnection().execute<{ n: string }[]>('with gone as (delete from idempotency_key where expires_at <= now() returning 1) select count(*) as n from gone');
  return Number(rows[0]?.n ?? 0);
}

/** Purges expired keys every `intervalMs` until stopped (a subgraph runs one). */
export function startIdempotencyPurge(em: () => SqlEntityManager, logger: Logger, intervalMs = 60 * 60 * 1000): { stop(): void } {
  const timer = setInterval(() => {
    purgeExpiredIdempotencyKeys(em()).then(
      (n) => n && logger.info({ purged: n }, 'expired idempotency keys purged'),
      (error: unknown) => logger.warn({ err: error }, 'purging idempotency keys failed; retried at the next interval'),
    );
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

interface IdempotencyContext {
  em: SqlEntityManager;
  principal: Principal | null;
}

const requestHash = (request: { query?: string | undefined; operationName?: string | null | undefined; variables?: Record<string, unknown> | undefined }): string =>
  createHash('sha256')
    .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
    .digest('hex');

const errorResponse = <T extends BaseContext>(context: GraphQLRequestContext<T>, error: AppError): GraphQLResponse => ({
  http: context.response.http,
  body: { kind: 'single', singleResult: { errors: [error.toGraphQLError().toJSON()] } },
});

/**
 * Makes mutations safe to retry. A mutation sent with an `Idempotency-Key` header by a signed-in
 * caller runs in one database transaction that first claims the key (caller, key) in
 * `idempotency_key` and, before committing, stores the answer beside it: the effect, its audit
 * entries, its outbox events and the stored answer commit together or not at all. So:
 * - a retry with the same key and the same request gets the stored answer (header
 *   `Idempotent-Replayed: true`) and changes nothing;
 * - the same key with a different request is refused: CONFLICT `IDEMPOTENCY_KEY_REUSED`;
 * - a duplicate arriving while the first still runs waits on the first's uncommitted claim (the
 *   primary key), then gets its answer — or runs itself if the first rolled back;
 * - an answer with errors is not stored and its effects are rolled back, so a retry runs afresh.
 * Keys live 24 hours (`IDEMPOTENCY_TTL_MS`); an expired key may be used again.
 */
export function idempotentMutations<TContext extends IdempotencyContext>(ttlMs = IDEMPOTENCY_TTL_MS): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(start) {
      const key = start.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (!key) return;
      let claim: { em: SqlEntityManager; callerId: string } | null = null;
      return {
        async responseForOperation(context) {
          if (context.operation?.operation !== 'mutation') return null;
          const callerId = context.contextValue.principal?.userId;
          // Public mutations (signing in) are not keyed: their answers hold secrets and their callers no identity.
          if (!callerId) return null;
          if (!KEY.test(key)) {
            return errorResponse(
              context,
              new AppError('BAD_USER_INPUT', 'INVALID_IDEMPOTENCY_KEY', 'the Idempotency-Key header must be 1–255 visible ASCII characters', { field: IDEMPOTENCY_KEY_HEADER }),
            );
          }
          const hash = requestHash(context.request);
          const em = context.contextValue.em;
          await em.begin();
          try {
            // Blocks while another request holds an uncommitted claim of the same key; an expired key is claimed afresh.
            const claimed = await em.execute<{ claimed: number }[]>(
              `insert into idempotency_key (caller_id, key, request_hash, created_at, expires_at)
               values (?, ?, ?, now(), now() + make_interval(secs => ?))
               on conflict (caller_id, key) do update
                 set request_hash = excluded.request_hash, response = null, created_at = excluded.created_at, expires_at = excluded.expires_at
                 where idempotency_key.expires_at <= now()
               returning 1 as claimed`,
              [callerId, key, hash, ttlMs / 1000],
            );
            if (claimed.length > 0) {
              claim = { em, callerId };
              return null;
            }
            const [first] = await em.execute<{ request_hash: string; response: FormattedExecutionResult | null }[]>(
              'select request_hash, response from idempotency_key where caller_id = ? and key = ?',
              [callerId, key],
            );
            await em.rollback();
            if (!first || first.request_hash !== hash || !first.response) {
              return errorResponse(
                context,
                new AppError('CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'idempotency key reused with a different request', { field: IDEMPOTENCY_KEY_HEADER }),
              );
            }
            context.response.http.headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
            return { http: context.response.http, body: { kind: 'single', singleResult: first.response } };
          } catch (error) {
            if (em.isInTransaction()) await em.rollback();
            throw error;
          }
        },
        async willSendResponse(context) {
          if (!claim) return;
          const { em, callerId } = claim;
          claim = null;
          const result = context.response.body.kind === 'single' ? context.response.body.singleResult : null;
          if (!result || result.errors?.length) {
            await em.rollback();
            return;
          }
          try {
            await em.execute('update idempotency_key set response = ? where caller_id = ? and key = ?', [JSON.stringify(result), callerId, key]);
            await em.commit();
          } catch (error) {
            if (em.isInTransaction()) await em.rollback().catch(() => undefined);
            context.logger.error(`an idempotent mutation could not commit: ${String(error)}`);
            // Nothing was committed: say so rather than answer with data that does not exist.
            context.response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: 'the mutation could not be committed; retry with the same Idempotency-Key', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
            };
          }
        },
      };
    },
  };
}
