import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { CliError } from './output.js';
import { freePort, removePidFile, runCaptured, writePidFile } from './processes.js';
import { tryConnect } from './postgres.js';

// A throwaway PostgreSQL server of our own (initdb + pg_ctl from the machine's PostgreSQL binaries,
// data in a temp folder, on a free port), for runs that stop the database on purpose — the chaos
// suite — without touching the shared server anyone else uses.

export interface PrivatePostgres {
  /** Server URL (database `postgres`); services derive `rapport_<name>` from it. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown: connections are cut, as in an outage). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
  /** The server's (postmaster's) pid while it runs; its backends are in its process group. */
  pid(): number | undefined;
  /** The server's log (its stderr). */
  logFile: string;
}

/** The newest `/usr/lib/postgresql/<version>/bin` (or PG_BIN), where initdb and pg_ctl live. */
export function postgresBinDir(env: Record<string, string | undefined> = process.env): string {
  if (env.PG_BIN) return env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new CliError(`no PostgreSQL binaries in ${root}/<version>/bin (set PG_BIN to the folder holding initdb and pg_ctl)`);
  return join(root, newest, 'bin');
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
const asServerUser = (command: string, args: readonly string[]): [string, string[]] =>
  userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];

/** Runs `command` as the server user, detached: its own process group, so a Ctrl-C meant for the caller does not stop the server. */
function run(command: string, args: readonly string[], what: string): Promise<string> {
  const [cmd, argv] = asServerUser(command, args);
  return runCaptured(cmd, argv, what, { detached: true });
}

/** initdb into a temp folder, then a server on a free port of 127.0.0.1, trusting local connections. */
export async function startPrivatePostgres(
  options: {
    env?: Record<string, string | undefined>;
    pidName?: string;
    /** Keep fsync and full-page writes on, as a real server has them (benchmarks of commits); off by default. */
    durable?: boolean;
    /** More server settings (`-c name=value`), e.g. a bigger buffer cache for a bulk load. */
    settings?: Record<string, string>;
  } = {},
): Promise<PrivatePostgres> {
  const bin = postgresBinDir(options.env);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  if (userInfo().uid === 0) {
    // `id` run as the server user names its uid and gid.
    const pgUser = await run('id', ['-u'], 'id').then((out) => Number(out.trim()));
    const pgGroup = await run('id', ['-g'], 'id').then((out) => Number(out.trim()));
    chownSync(dir, pgUser, pgGroup);
  }
  const port = await freePort();
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], 'initdb');
  const pgCtl = join(bin, 'pg_ctl');
  // fsync off (unless durable): the data only has to survive a server stop, not a machine crash.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${options.durable ? '' : ' -c fsync=off -c full_page_writes=off'}${Object.entries(
    options.settings ?? {},
  )
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join('')}`;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const start = async (): Promise<void> => {
    await run(pgCtl, ['-D', data, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start'], 'starting the private PostgreSQL');
    const error = await tryConnect(url);
    if (error) throw new CliError(`the private PostgreSQL does not answer at ${url}: ${error.message}`);
    // A pid file, so `rapport stop` stops the server should its owner die without stopping it.
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (options.pidName && pid > 0) writePidFile({ name: options.pidName, pid, group: false, match: data });
  };
  const stop = async (): Promise<void> => {
    if (options.pidName) {
      try {
        removePidFile(options.pidName, Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]));
      } catch {
        // not running
      }
    }
    await run(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'], 'stopping the private PostgreSQL').catch((error: unknown) => {
      if (!/is the server running|No such file/i.test(String(error))) throw error;
    });
  };
  try {
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    logFile,
    start,
    stop,
    pid() {
      try {
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
      } catch {
        return undefined;
      }
    },
    async destroy() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
