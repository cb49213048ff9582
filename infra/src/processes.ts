import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  fstatSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, ExecaError } from 'execa';
import getPort from 'get-port';
import isPortReachable from 'is-port-reachable';
import { CliError, indent } from './output.js';
import { runDir } from './paths.js';

// Spawning, waiting for and stopping the processes the CLI runs. Every long-running process is
// started in its own process group (so the terminal's Ctrl-C reaches only the CLI, which stops
// them in order) and gets a pid file in .rapport/run/, so `rapport stop` can find it from
// another terminal.

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What `.rapport/run/<name>.pid` holds. */
export interface PidRecord {
  name: string;
  pid: number;
  /** The pid is a process-group leader and the whole group is signalled. */
  group: boolean;
  /** A string the process's command line contains: guards against a recycled pid. */
  match: string;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  child: ChildProcess;
  /** Resolves when the process exits (never rejects). */
  exited: Promise<ExitStatus>;
  /** Null while it runs. */
  exitStatus(): ExitStatus | null;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * stdout and stderr go here, appended after a line marking the start (a restart keeps what the
   * previous run wrote); the file is rotated first when it exceeds {@link LOG_MAX_BYTES}.
   */
  logFile: string;
  /** See {@link PidRecord.match}; defaults to the last argument. */
  match?: string;
  /** Directory of the pid file; defaults to .rapport/run. */
  pidDir?: string;
}

/** Starts a detached process (its own process group) logging to a file, and writes its pid file. */
export async function spawnManaged(options: SpawnOptions): Promise<ManagedProcess> {
  rotateLog(options.logFile);
  const fd = openSync(options.logFile, 'a');
  writeSync(fd, `--- rapport: ${options.name} starting at ${new Date().toISOString()} ---\n`);
  let child: ChildProcess;
  try {
    child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    await once(child, 'spawn').catch((error: unknown) => {
      throw new CliError(`could not start ${options.name} (${options.command}): ${error instanceof Error ? error.message : String(error)}`);
    });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new CliError(`could not start ${options.name}: no pid`);
  const pidDir = options.pidDir ?? runDir;
  writePidFile({ name: options.name, pid, group: true, match: options.match ?? options.args.at(-1) ?? options.command }, pidDir);
  let status: ExitStatus | null = null;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      status = { code, signal };
      removePidFile(options.name, pid, pidDir);
      resolve(status);
    });
  });
  return { name: options.name, pid, logFile: options.logFile, child, exited, exitStatus: () => status };
}

/** A log is rotated once it passes this size: `<name>.log` → `<name>.log.1` → … `.log.<LOG_KEEP>`. */
export const LOG_MAX_BYTES = 20 * 1024 * 1024;
export const LOG_KEEP = 3;

/**
 * Rotates `path` when it is larger than `maxBytes`, keeping `keep` older files. The live file is
 * copied and then truncated rather than renamed, so a running process that appends to it (its
 * stdout is the file) goes on writing into the fresh file; lines written between the copy and the
 * truncation are lost, as with logrotate's copytruncate. Returns true when it rotated.
 */
export function rotateLog(path: string, maxBytes = LOG_MAX_BYTES, keep = LOG_KEEP): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  if (size <= maxBytes) return false;
  for (let i = keep - 1; i >= 1; i -= 1) {
    if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
  }
  copyFileSync(path, `${path}.1`);
  truncateSync(path, 0);
  return true;
}

/** SIGTERM to the process group, up to `graceMs` to exit, then SIGKILL. Leaves no member behind. */
export async function stopManaged(process_: ManagedProcess, graceMs = 10_000): Promise<'stopped' | 'killed'> {
  const outcome = await terminate(process_.pid, true, graceMs);
  await process_.exited;
  return outcome === 'killed' ? 'killed' : 'stopped';
}

export type TerminateOutcome = 'not-running' | 'stopped' | 'killed';

/**
 * Stops `pid` (and, when `group`, every process in its group): SIGTERM, wait up to `graceMs` for
 * them to go, then SIGKILL and wait again.
 */
export async function terminate(pid: number, group: boolean, graceMs: number): Promise<TerminateOutcome> {
  const alive = (): boolean => (group ? groupAlive(pid) : pidAlive(pid));
  if (!alive()) return 'not-running';
  signal(pid, group, 'SIGTERM');
  if (await waitUntil(() => !alive(), graceMs)) return 'stopped';
  signal(pid, group, 'SIGKILL');
  if (await waitUntil(() => !alive(), 5_000)) return 'killed';
  throw new CliError(`process ${pid} survived SIGKILL`);
}

function signal(pid: number, group: boolean, sig: NodeJS.Signals): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (condition()) return true;
    await sleep(50);
  }
  return condition();
}

const hasProc = existsSync('/proc/self/stat');

/** State and process group of `pid` from /proc, or null when there is no such process. */
function procStat(pid: number): { state: string; pgrp: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

/** True when `pid` runs (a zombie awaiting its parent's wait() counts as gone). */
export function pidAlive(pid: number): boolean {
  if (hasProc) {
    const stat = procStat(pid);
    return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while any live (non-zombie) process belongs to process group `pgid`. */
export function groupAlive(pgid: number): boolean {
  if (!hasProc) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') return true;
  }
  return false;
}

/** True when `record`'s process runs and is the one the record was written for. */
export function pidRecordLive(record: PidRecord): boolean {
  if (!(record.group ? groupAlive(record.pid) : pidAlive(record.pid))) return false;
  if (!hasProc) return true;
  if (record.group && !pidAlive(record.pid)) return true; // leader gone, members left: still ours
  try {
    return readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').split('\0').join(' ').includes(record.match);
  } catch {
    return false;
  }
}

export function writePidFile(record: PidRecord, dir = runDir): void {
  writeFileSync(join(dir, `${record.name}.pid`), `${JSON.stringify(record)}\n`);
}

/** Removes `<name>.pid` if it still names `pid` (a later run may have replaced it). */
export function removePidFile(name: string, pid: number, dir = runDir): void {
  const file = join(dir, `${name}.pid`);
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
    if (record.pid === pid) rmSync(file, { force: true });
  } catch {
    // already gone, or not ours to judge
  }
}

/** Every pid file in `dir`; unreadable ones are returned with pid 0 so they can be cleaned up. */
export function readPidFiles(dir = runDir): (PidRecord & { file: string })[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => {
      const file = join(dir, f);
      try {
        const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<PidRecord>;
        if (typeof record.pid !== 'number' || typeof record.name !== 'string') throw new Error('bad record');
        return { name: record.name, pid: record.pid, group: record.group === true, match: record.match ?? '', file };
      } catch {
        return { name: f.slice(0, -'.pid'.length), pid: 0, group: false, match: '', file };
      }
    });
}

export interface ReadyWaitOptions {
  timeoutMs: number;
  /** The process being waited for: its exit fails the wait at once, with the tail of its log. */
  process?: ManagedProcess;
  signal?: AbortSignal;
}

/**
 * Asks `probe` every 250 ms until it answers null (ready; otherwise it answers why not). Fails when
 * `timeoutMs` passes, when `process` exits first (both with the tail of its log), or when `signal`
 * aborts. `what` names the thing waited for in the errors.
 */
export async function waitUntilReady(what: string, probe: () => Promise<string | null>, options: ReadyWaitOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  const logs = (): string => (options.process ? `; last lines of ${options.process.logFile}:\n${indent(tailFile(options.process.logFile))}` : '');
  for (;;) {
    options.signal?.throwIfAborted();
    const exit = options.process?.exitStatus();
    if (options.process && exit) throw new CliError(`${options.process.name} exited (${exit.signal ?? `code ${exit.code}`}) before ${what} was ready${logs()}`);
    const notReady = await probe();
    if (notReady === null) return;
    if (performance.now() > deadline) throw new CliError(`${what} is not ready after ${Math.round(options.timeoutMs / 1000)} s: ${notReady}${logs()}`);
    await sleep(250, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/** Waits (as {@link waitUntilReady}) until `url` answers 200. */
export function waitForHttpOk(url: string, options: ReadyWaitOptions): Promise<void> {
  return waitUntilReady(
    url,
    async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        return response.status === 200 ? null : `HTTP ${response.status}`;
      } catch (error) {
        return error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      }
    },
    options,
  );
}

/** The last `lines` lines of a (possibly large) text file; empty when it does not exist. */
export function tailFile(path: string, lines = 30): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}

/** True when something accepts TCP connections on host:port. */
export const portAnswers = (port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> => isPortReachable(port, { host, timeout: timeoutMs });

/**
 * A TCP port nothing listens on right now (the OS picks it from its ephemeral range, so never one
 * of the fixed ports `npm start` uses). A port handed out here is not handed out again by this
 * process for 15 s or more, so consecutive calls never return the same one.
 */
export const freePort = (host = '127.0.0.1'): Promise<number> => getPort({ host });

/**
 * Runs a command to completion and answers its output (stdout and stderr interleaved). Fails with
 * the last 30 lines of that output, with "'<command>' is not installed" when there is no such
 * program, and with `signal`'s reason when it aborts (the command is then terminated).
 */
export async function runCaptured(
  command: string,
  args: readonly string[],
  what: string,
  options: { cwd?: string; signal?: AbortSignal; detached?: boolean } = {},
): Promise<string> {
  try {
    const result = await execa(command, args, {
      all: true,
      stdin: 'ignore',
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.signal ? { cancelSignal: options.signal } : {}),
      ...(options.detached ? { detached: true } : {}),
    });
    return result.all;
  } catch (error) {
    if (!(error instanceof ExecaError)) throw error;
    if (error.isCanceled && options.signal) throw options.signal.reason;
    if (error.code === 'ENOENT') throw new CliError(`${what}: '${command}' is not installed`);
    const output = (error.all ?? '').trimEnd().split('\n').slice(-30).join('\n');
    throw new CliError(`${what} failed (${error.signal ?? `exit ${error.exitCode}`}):\n${indent(output)}`);
  }
}

/** A running subprocess, as far as passing a signal on to it goes. */
export interface Killable {
  kill(signal: NodeJS.Signals): boolean;
}

/**
 * Runs a command in the foreground, on this terminal (stdio inherited), and answers its exit code
 * (128 + n when a signal ended it). `env` is its whole environment. `onSpawn` gets the subprocess,
 * e.g. to pass signals on.
 */
export async function runInTerminal(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onSpawn?: (subprocess: Killable) => void },
): Promise<number> {
  const subprocess = execa(command, args, { cwd: options.cwd, env: options.env, extendEnv: false, stdio: 'inherit' });
  options.onSpawn?.(subprocess);
  try {
    return (await subprocess).exitCode ?? 0;
  } catch (error) {
    if (!(error instanceof ExecaError)) throw error;
    if (error.exitCode !== undefined) return error.exitCode;
    if (error.signal) return signalExitCode(error.signal);
    throw new CliError(error.shortMessage);
  }
}

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Calls `onSignal` on the first SIGINT/SIGTERM/SIGHUP; later ones only say a stop is under way
 * (the handlers stay, so a second Ctrl-C cannot orphan children). Returns the uninstaller.
 */
export function trapStopSignals(onSignal: (signal: NodeJS.Signals) => void): () => void {
  let receivedAt: number | null = null;
  const handler = (sig: NodeJS.Signals): void => {
    if (receivedAt !== null) {
      // npm relays the terminal's Ctrl-C a moment after the terminal delivered it: not news.
      if (performance.now() - receivedAt > 1_000) process.stderr.write(`rapport: ${sig} received, still stopping; please wait\n`);
      return;
    }
    receivedAt = performance.now();
    onSignal(sig);
  };
  for (const sig of STOP_SIGNALS) process.on(sig, handler);
  return () => {
    for (const sig of STOP_SIGNALS) process.off(sig, handler);
  };
}

/** Exit code of a process ended by `signal` (shell convention 128 + n). */
export const signalExitCode = (sig: NodeJS.Signals): number => 128 + constants.signals[sig];

/** The error a stop signal turns into while a command is still starting up. */
export class Interrupted extends CliError {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`, signalExitCode(signal));
    this.name = 'Interrupted';
  }
}

/** Resolves when `signal` aborts (at once if it has). */
export const whenAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
