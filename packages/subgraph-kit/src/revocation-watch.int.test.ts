import { AccessRevokedV1, createEvent } from '@rapport/contracts';
import { createTestDatabase, waitFor, type TestDatabase } from '@rapport/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createOrm, migrate, type MikroORM } from './orm.js';
import { ACCESS_REVOCATION_MIGRATION, accessRevocationHandlers, loadRevocations, RevocationList, watchRevocations } from './revocation.js';

// A second instance of a service learns a revocation the first one handled at its commit, not at
// the next poll: the safety-net reload is set to ten minutes here, so only the notification can do it.

const logger = createLogger('kit-revocation-watch', 'silent');
let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('kit_revocation_watch');
  orm = await createOrm({ url: db.url, entities: [], migrations: [ACCESS_REVOCATION_MIGRATION], logger });
  await migrate(orm);
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

/** What the instance that consumed the event does: the handler, in one transaction. */
async function handledElsewhere(userId: string): Promise<void> {
  const event = createEvent(AccessRevokedV1, userId, {
    userId,
    tokenIds: [`jti-${userId}`],
    issuedBefore: null,
    reason: 'SIGNED_OUT',
    revokedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
  });
  const [handler] = accessRevocationHandlers(new RevocationList());
  await orm.em.fork().transactional((em) => handler!.run(event, em));
}

const principal = (userId: string): { userId: string; email: string; role: 'SALES_REP'; teamIds: string[]; tokenId: string } => ({
  userId,
  email: `${userId}@rapport.example`,
  role: 'SALES_REP',
  teamIds: [],
  tokenId: `jti-${userId}`,
});

describe('the revocation watch of a second instance', () => {
  it('reloads its deny list when another instance commits a revocation, and again after its connection is cut', async () => {
    const list = new RevocationList();
    let reloads = 0;
    const watch = watchRevocations({
      databaseUrl: db.url,
      reload: async () => {
        reloads += 1;
        await loadRevocations(orm.em.fork(), list);
      },
      logger,
      safetyReloadMs: 600_000,
      reconnectMs: 100,
    });
    await watch.start();
    try {
      expect(list.isRevoked(principal('u1'))).toBe(false);
      await handledElsewhere('u1');
      await waitFor(async () => (list.isRevoked(principal('u1')) ? true : undefined), { timeoutMs: 5_000, what: 'the notified reload' });

      // The server ends the watch's connection (a restart, a failover): it listens again and reloads.
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ n: number }>(
          `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and application_name = 'revocation-watch'`,
        );
        expect(rows[0]?.n).toBe(1);
        const before = reloads;
        await waitFor(async () => (reloads > before ? true : undefined), { timeoutMs: 5_000, what: 'the reload after listening again' });
        await waitFor(
          async () => {
            const listening = await admin.query<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'revocation-watch'`,
            );
            return listening.rows[0]?.n === 1 ? true : undefined;
          },
          { timeoutMs: 5_000, what: 'the watch to listen again' },
        );
      } finally {
        await admin.end();
      }
      await handledElsewhere('u2');
      await waitFor(async () => (list.isRevoked(principal('u2')) ? true : undefined), { timeoutMs: 5_000, what: 'the notified reload after the reconnect' });
    } finally {
      await watch.stop();
    }
  }, 30_000);
});
