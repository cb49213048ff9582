import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CliError, say } from './output.js';

/** The server URL services derive their own databases from, unless DATABASE_URL says otherwise. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const CLUSTERS_DIR = '/etc/postgresql';

/** Connects to `url` and runs `select 1`; resolves with the failure, or null when it worked. */
export async function tryConnect(url: string, timeoutMs = 3_000): Promise<Error | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True for a URL naming the PostgreSQL server on this machine's default port. */
export function isLocalDefault(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) && (parsed.port === '' || parsed.port === '5432');
  } catch {
    return false;
  }
}

/** `pg_ctlcluster … start` for each Debian-style cluster under /etc/postgresql; returns what it ran. */
function startLocalClusters(): string[] {
  const ran: string[] = [];
  for (const version of readdirSync(CLUSTERS_DIR)) {
    if (!existsSync(`${CLUSTERS_DIR}/${version}/main`)) continue;
    const args = ['--skip-systemctl-redirect', version, 'main', 'start'];
    const result = spawnSync('pg_ctlcluster', args, { encoding: 'utf8' });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    ran.push(`pg_ctlcluster ${args.join(' ')}${result.error ? ` (${result.error.message})` : output ? ` (${output})` : ''}`);
  }
  return ran;
}

export interface EnsurePostgresOptions {
  env: Record<string, string | undefined>;
  /** How long to wait for a server this call started. */
  timeoutMs?: number;
  quiet?: boolean;
  signal?: AbortSignal;
}

/**
 * Makes sure PostgreSQL answers at DATABASE_URL (else the local default) and returns that URL.
 * A stopped local Debian cluster is started; anything else that does not answer is an error.
 */
export async function ensurePostgres(options: EnsurePostgresOptions): Promise<string> {
  const url = options.env.DATABASE_URL && options.env.DATABASE_URL.length > 0 ? options.env.DATABASE_URL : DEFAULT_DATABASE_URL;
  const first = await tryConnect(url);
  if (!first) return url;
  const shown = redact(url);
  if (!isLocalDefault(url) || !existsSync(CLUSTERS_DIR)) {
    throw new CliError(`PostgreSQL does not answer at ${shown}: ${first.message}. Start it, or set DATABASE_URL to a server that runs.`);
  }
  if (!options.quiet) say(`PostgreSQL does not answer at ${shown} (${first.message}); starting the local cluster`);
  const ran = startLocalClusters();
  const deadline = performance.now() + (options.timeoutMs ?? 30_000);
  let last = first;
  while (performance.now() < deadline) {
    const error = await tryConnect(url);
    if (!error) return url;
    last = error;
    await sleep(500, undefined, options.signal ? { signal: options.signal } : {});
  }
  throw new CliError(`PostgreSQL still does not answer at ${shown}: ${last.message}. Tried: ${ran.join('; ') || 'no cluster found in /etc/postgresql'}`);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
