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
