import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { indent } from './output.js';
import { groupAlive, rotateLog, stopManaged, tailFile, type ExitStatus, type ManagedProcess } from './processes.js';

// Keeps the processes of a running system up, as a process manager would: a process that exits
// without being asked to is restarted after a growing delay, and given up on (loudly) once it has
// crashed too often in a short time. The others keep running either way. Its state is written to
// a JSON file that `rapport status` reads from another terminal.

export interface RestartPolicy {
  /** Delay before the first restart; doubled for each further crash in the window. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up once a process has crashed this many times within `windowMs`. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 15_000, maxCrashes: 5, windowMs: 60_000 };

/** How often the logs of running processes are checked for rotation. */
const LOG_CHECK_MS = 10_000;

export type ProcessState = 'starting' | 'running' | 'restarting' | 'failed' | 'stopped';

export interface ProcessStatus {
  name: string;
  pid: number | null;
  state: ProcessState;
  /** Restarts after crashes since the supervisor started. */
  restarts: number;
  /** When the current process started (ISO), null when none runs. */
  since: string | null;
  /** How the last crash ended, e.g. "SIGKILL" or "code 1". */
  lastExit: string | null;
  readyUrl: string | null;
  logFile: string;
}

export interface SupervisorState {
  supervisorPid: number;
  startedAt: string;
  processes: ProcessStatus[];
}

export interface SupervisedSpec {
  name: string;
  /** Starts the process (again). */
  spawn: () => Promise<ManagedProcess>;
  /** Where readiness is asked (`rapport status`); none for processes without an HTTP endpoint. */
  readyUrl?: string;
  /** SIGTERM grace before SIGKILL when the supervisor stops it. */
  stopGraceMs?: number;
}

export type SupervisorEvent =
  | { kind: 'crashed'; name: string; exit: string; restartInMs: number; logTail: string }
  | { kind: 'restarted'; name: string; pid: number; restarts: number }
  | { kind: 'gave-up'; name: string; crashes: number; windowMs: number; logTail: string }
  | { kind: 'restart-failed'; name: string; error: string };

export interface SupervisorOptions {
  policy?: Partial<RestartPolicy>;
  /** Where the state is written for `rapport status`; none when omitted. */
  stateFile?: string;
  onEvent?: (event: SupervisorEvent) => void;
}

interface Entry {
  spec: SupervisedSpec;
  current: ManagedProcess | null;
  state: ProcessState;
  restarts: number;
  crashes: number[];
  since: number | null;
  lastExit: string | null;
  logFile: string;
  timer: NodeJS.Timeout | null;
}

const describeExit = (status: ExitStatus): string => status.signal ?? `code ${status.code}`;

/** Plain-text message for a supervisor event, as `rapport start` prints it. */
export function describeEvent(event: SupervisorEvent): string {
  switch (event.kind) {
    case 'crashed':
      return `${event.name} exited unexpectedly (${event.exit}); restarting in ${(event.restartInMs / 1000).toFixed(1)} s. Last lines of its log:\n${indent(event.logTail)}`;
    case 'restarted':
      return `${event.name} restarted (pid ${event.pid}, restart #${event.restarts})`;
    case 'gave-up':
      return [
        '',
        '!'.repeat(78),
        `!! GAVE UP on ${event.name}: it crashed ${event.crashes} times within ${Math.round(event.windowMs / 1000)} s and is NOT running.`,
        `!! The rest of the system keeps running. Fix the cause, then restart Rapport. Last lines of its log:`,
        indent(event.logTail),
        '!'.repeat(78),
      ].join('\n');
    case 'restart-failed':
      return `${event.name} could not be restarted: ${event.error}`;
  }
}

export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private readonly policy: RestartPolicy;
  private readonly startedAt = new Date().toISOString();
  private stopping = false;
  private logTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SupervisorOptions = {}) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  }

  /** Starts watching `process_`, already started by `spec.spawn()`. */
  adopt(spec: SupervisedSpec, process_: ManagedProcess): void {
    const entry: Entry = {
      spec,
      current: null,
      state: 'running',
      restarts: 0,
      crashes: [],
      since: null,
      lastExit: null,
      logFile: process_.logFile,
      timer: null,
    };
    this.entries.set(spec.name, entry);
    this.watch(entry, process_);
    this.logTimer ??= setInterval(() => this.rotateLogs(), LOG_CHECK_MS).unref();
  }

  /** Starts `spec` and watches it. */
  async add(spec: SupervisedSpec): Promise<ManagedProcess> {
    const process_ = await spec.spawn();
    this.adopt(spec, process_);
    return process_;
  }

  /** The process running now under `name` (it changes on each restart). */
  current(name: string): ManagedProcess | null {
    return this.entries.get(name)?.current ?? null;
  }

  status(): ProcessStatus[] {
    return [...this.entries.values()].map((e) => ({
      name: e.spec.name,
      pid: e.current?.pid ?? null,
      state: e.state,
      restarts: e.restarts,
      since: e.since === null ? null : new Date(e.since).toISOString(),
      lastExit: e.lastExit,
      readyUrl: e.spec.readyUrl ?? null,
      logFile: e.logFile,
    }));
  }

  /** Resolves once `name` is running again after a restart numbered at least `restarts`. */
  async waitForRestarts(name: string, restarts: number, timeoutMs = 60_000): Promise<ManagedProcess> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const entry = this.entries.get(name);
      if (entry?.state === 'failed') throw new Error(`${name} was given up`);
      if (entry && entry.restarts >= restarts && entry.state === 'running' && entry.current) return entry.current;
      if (performance.now() > deadline) throw new Error(`${name} was not restarted within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /**
   * Stops every process, in the order given (names not listed go last, together), each with its
   * grace period; no restart happens from now on.
   */
  async stop(order: readonly (readonly string[])[] = [], onStopped?: (name: string, how: 'stopped' | 'killed') => void): Promise<void> {
    this.stopping = true;
    if (this.logTimer) clearInterval(this.logTimer);
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    const listed = new Set(order.flat());
    const groups = [...order.map((g) => [...g]), [...this.entries.keys()].filter((n) => !listed.has(n))];
    for (const group of groups) {
      await Promise.all(
        group.map(async (name) => {
          const entry = this.entries.get(name);
          const current = entry?.current;
          if (!entry || !current) return;
          const how = await stopManaged(current, entry.spec.stopGraceMs ?? 10_000);
          entry.state = 'stopped';
          entry.current = null;
          onStopped?.(name, how);
        }),
      );
    }
    this.save();
  }

  private watch(entry: Entry, process_: ManagedProcess): void {
    entry.current = process_;
    entry.state = 'running';
    entry.since = Date.now();
    this.save();
    void process_.exited.then((status) => this.onExit(entry, process_, status));
  }

  private onExit(entry: Entry, process_: ManagedProcess, status: ExitStatus): void {
    if (this.stopping || entry.current !== process_) return;
    // A crashed leader may leave children in its group (tsx runs the service in a child process):
    // they would hold the port the restart needs.
    if (process_.pid > 0 && groupAlive(process_.pid)) {
      try {
        process.kill(-process_.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    entry.current = null;
    this.crashed(entry, describeExit(status));
  }

  /** Counts a crash; schedules the restart, or gives up. */
  private crashed(entry: Entry, exit: string): void {
    const now = Date.now();
    entry.lastExit = exit;
    entry.crashes = [...entry.crashes.filter((t) => now - t < this.policy.windowMs), now];
    const logTail = tailFile(entry.logFile, 20);
    if (entry.crashes.length >= this.policy.maxCrashes) {
      entry.state = 'failed';
      this.save();
      this.options.onEvent?.({ kind: 'gave-up', name: entry.spec.name, crashes: entry.crashes.length, windowMs: this.policy.windowMs, logTail });
      return;
    }
    const delay = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** (entry.crashes.length - 1));
    entry.state = 'restarting';
    this.save();
    this.options.onEvent?.({ kind: 'crashed', name: entry.spec.name, exit, restartInMs: delay, logTail });
    entry.timer = setTimeout(() => void this.restart(entry), delay);
  }

  private async restart(entry: Entry): Promise<void> {
    entry.timer = null;
    if (this.stopping) return;
    let process_: ManagedProcess;
    try {
      process_ = await entry.spec.spawn();
    } catch (error) {
      // A spawn that fails counts as a crash: retried with the same backoff, given up the same way.
      const message = error instanceof Error ? error.message : String(error);
      this.options.onEvent?.({ kind: 'restart-failed', name: entry.spec.name, error: message });
      if (!this.stopping) this.crashed(entry, `restart failed: ${message.split('\n')[0]}`);
      return;
    }
    if (this.stopping) {
      await stopManaged(process_, entry.spec.stopGraceMs ?? 10_000);
      return;
    }
    entry.restarts += 1;
    entry.logFile = process_.logFile;
    this.watch(entry, process_);
    this.options.onEvent?.({ kind: 'restarted', name: entry.spec.name, pid: process_.pid, restarts: entry.restarts });
  }

  private rotateLogs(): void {
    for (const entry of this.entries.values()) {
      try {
        rotateLog(entry.logFile);
      } catch {
        // a log we cannot rotate now is tried again next time
      }
    }
  }

  private save(): void {
    const file = this.options.stateFile;
    if (!file) return;
    const state: SupervisorState = { supervisorPid: process.pid, startedAt: this.startedAt, processes: this.status() };
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(tmp, file);
  }
}
