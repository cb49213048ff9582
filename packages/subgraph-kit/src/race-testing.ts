import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { waitFor } from '@rapport/testing';

/** A row held `FOR UPDATE` by a test, so that concurrent transitions pile up behind it. */
export interface HeldRow {
  /** Waits until `count` other sessions of the database wait on a lock (the racers are all in place). */
  waitForWaiters(count: number): Promise<void>;
  /** Commits the holding transaction: the racers go. */
  release(): Promise<void>;
}

/**
 * Holds the row `id` of `table` in `databaseUrl` with `SELECT … FOR UPDATE` in a transaction of
 * its own. Racing N transitions behind it makes the race deterministic: code that reads the state
 * without the lock reads it while the row is held and decides on it (every racer "wins", blocked
 * only at its UPDATE); code that locks first waits, then decides on what the winner left.
 */
export async function holdRowLock(databaseUrl: string, table: string, id: string): Promise<HeldRow> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`refusing table name ${table}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  const held = await client.query(`select 1 from ${table} where id = $1 for update`, [id]);
  if (held.rowCount !== 1) {
    await client.end();
    throw new Error(`no ${table} row ${id} to hold`);
  }
  const pid = ((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0] as { pid: number }).pid;
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  return {
    async waitForWaiters(count) {
      await waitFor(
        async () => {
          const { rows } = await watcher.query<{ n: string }>(
            `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
            [pid],
          );
          return Number(rows[0]?.n ?? 0) >= count ? true : undefined;
        },
        { what: `${count} sessions waiting on the held ${table} row` },
      );
    },
    async release() {
      await client.query('commit');
      await client.end();
      await watcher.end();
    },
  };
}

export interface RaceOutcome<T> {
  /** Calls answered without errors. */
  won: T[];
  /** Calls answered with an error whose `extensions.code` is CONFLICT. */
  conflicts: { message: string; extensions?: Record<string, unknown> }[];
  /** Anything else: failures the race must not produce. */
  other: unknown[];
}

/** Sorts the answers of concurrent GraphQL calls into winners, CONFLICTs and anything else. */
export function raceOutcome<T>(results: readonly { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }[]): RaceOutcome<T> {
  const outcome: RaceOutcome<T> = { won: [], conflicts: [], other: [] };
  for (const result of results) {
    const error = result.errors?.[0];
    if (!error && result.data) outcome.won.push(result.data);
    else if (error?.extensions?.code === 'CONFLICT') outcome.conflicts.push(error);
    else outcome.other.push(result);
  }
  return outcome;
}

/** What a racer is: one GraphQL call, answered with data or errors. */
type Answer<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** The pool size a subgraph's ORM gets (orm.ts): at most this many racers wait in PostgreSQL at once. */
const POOL_MAX = 10;

/**
 * Fires `racers` calls of one transition of the aggregate in row `id` of `table` at once, all held
 * behind a test lock on the row until they are in place (`holdRowLock`), then lets them go, and
 * sorts the answers. Exactly one winner and `racers - 1` CONFLICTs is what the kit's `transition`
 * guarantees; code that decides on an unlocked read lets several win.
 */
export async function raceBehindRow<T>(databaseUrl: string, table: string, id: string, call: (racer: number) => Promise<Answer<T>>, racers = 20): Promise<RaceOutcome<T>> {
  const held = await holdRowLock(databaseUrl, table, id);
  let calls: Promise<Answer<T>>[] = [];
  try {
    calls = Array.from({ length: racers }, (_, i) => call(i));
    await held.waitForWaiters(Math.min(racers, POOL_MAX));
  } finally {
    await held.release();
  }
  return raceOutcome(await Promise.all(calls));
}

/** Audit entries written for record `entityId` of `entity` (optionally of one action). */
export async function countAuditEntries(em: EntityManager, entity: string, entityId: string, action?: string): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ n: string }[]>(
      `select count(*) as n from audit_entry where entity = ? and entity_id = ?${action ? ' and action = ?' : ''}`,
      action ? [entity, entityId, action] : [entity, entityId],
    );
  return Number(rows[0]?.n ?? 0);
}

/** Events in the outbox about aggregate `subject` (optionally of one type, e.g. `sales.opportunity.closed.v1`). */
export async function countOutboxEvents(em: EntityManager, subject: string, type?: string): Promise<number> {
  const rows = await em
    .getConnection()
    .execute<{ n: string }[]>(`select count(*) as n from outbox_message where message_key = ?${type ? ' and type = ?' : ''}`, type ? [subject, type] : [subject]);
  return Number(rows[0]?.n ?? 0);
}
