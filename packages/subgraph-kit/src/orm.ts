import { DefaultLogger, type LoggerOptions, type LogContext, type EntitySchema, type MigrationObject, type EventSubscriber } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { activeSpan, SpanKind, SpanStatusCode, type Tracer } from '@rapport/telemetry';

/** Creates the database `url` names when it does not exist (on the same server, via `postgres`). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error(`refusing database name "${dbName}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database "${dbName}"`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * MikroORM's logger for one service: every statement goes to `onQuery` (tests count them) and, inside
 * a traced request, to a span; the formatted line (DefaultLogger's whitespace clean-up, colours and
 * timing) is built only when `sink` writes trace lines, which it does not at the default level.
 */
export class ObservedLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly sink: Logger,
    private readonly onQuery: ((sql: string) => void) | undefined,
    private readonly tracer: Tracer | null,
  ) {
    super({ ...options, writer: (message) => sink.trace(message) });
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.onQuery?.(context.query);
    if (this.tracer && activeSpan()) this.traceQuery(this.tracer, context);
    if (this.sink.isLevelEnabled('trace')) super.logQuery(context);
  }

  /** A CLIENT span for a statement run inside a traced request or event (told after it ran: it starts `took` ms ago). */
  private traceQuery(tracer: Tracer, context: { query: string } & LogContext): void {
    const end = Date.now();
    const operation = /^\s*(\w+)/.exec(context.query)?.[1]?.toUpperCase() ?? 'SQL';
    const span = tracer.startSpan(operation, {
      kind: SpanKind.CLIENT,
      startTime: end - (context.took ?? 0),
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': context.query.slice(0, 2000) },
    });
    if (context.level === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  }
}

/** The migrations table `createOrm` configures. */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface OrmOptions {
  url: string;
  entities: unknown[];
  migrations: MigrationObject[];
  logger: Logger;
  /** Sees every SQL statement the ORM sends (tests count them). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  subscribers?: EventSubscriber[];
  /** Traces each SQL statement run inside a traced request or event (tracing on); null or absent: none. */
  tracer?: Tracer | null;
}

/** Initialises MikroORM for one service's database, creating the database first if needed. */
export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  await ensureDatabase(options.url);
  const log = options.logger.child({ component: 'mikro-orm' });
  return MikroORM.init({
    clientUrl: options.url,
    entities: options.entities as EntitySchema[],
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    migrations: {
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: MIGRATIONS_TABLE,
    },
    // One connection stays open while idle (pg-pool closes the others after 10 s idle): with none, an
    // idle service's periodic queries (the relay's safety net and the revocation reload, each every
    // 30 s at most) each opened a connection, a new PostgreSQL backend forked, authenticated and
    // exited 10 s later, about every 15 s per service (an idle pool querying every 12 s: 0.125 % of a
    // core in Node alone against 0.081 % with one kept, not counting the backends' start and exit).
    pool: { min: 1, max: options.poolMax ?? 10 },
    forceUtcTimezone: true,
    subscribers: options.subscribers ?? [],
    debug: ['query'],
    loggerFactory: (loggerOptions) => new ObservedLogger(loggerOptions, log, options.onQuery, options.tracer ?? null),
  });
}

/**
 * Whether every migration of `orm`'s list is recorded as applied, asked in one statement. MikroORM's
 * own check (`migrator.up()` with nothing pending) asks whether the database exists, whether the
 * table exists, then reads it in a transaction: five statements and the migrator's set-up at every
 * start. A missing table answers false. Names as MikroORM records them (no `.js`/`.ts`).
 */
export async function migrationsUpToDate(orm: MikroORM): Promise<boolean> {
  const wanted = (orm.config.get('migrations').migrationsList ?? []).map((m) => m.name.replace(/\.[jt]s$/, ''));
  let rows: { name: string }[];
  try {
    rows = await orm.em.getConnection().execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE}`);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return false; // undefined_table: a new database
    throw error;
  }
  const applied = new Set(rows.map((r) => r.name));
  return wanted.every((name) => applied.has(name));
}

/**
 * Applies pending migrations; each runs in a transaction and all of them together or none. When
 * every one is applied already (every start but the first after a change), one statement says so.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  if (await migrationsUpToDate(orm)) return [];
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

export type { MikroORM };
