import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './output.js';
import { runDir } from './paths.js';
import { pidAlive } from './processes.js';
import type { ProcessStatus, SupervisorState } from './supervisor.js';

// `rapport status`: what the `rapport start` supervisor runs — each process, its pid, restarts,
// uptime and readiness (asked of its /ready now, so it is the process's own answer).

/** Where `rapport start` keeps its supervisor's state. */
export const supervisorStateFile = join(runDir, 'supervisor.json');

export interface StatusRow {
  name: string;
  pid: string;
  state: string;
  restarts: number;
  uptime: string;
  ready: string;
}

/** "3h 02m", "4m 10s", "12s". */
export function formatUptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** `yes`, `no (<why>)` from the process's /ready, or `-` when it has none or does not run. */
export async function askReady(url: string | null, timeoutMs = 2_000): Promise<string> {
  if (!url) return '-';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status === 200) return 'yes';
    let why = `HTTP ${response.status}`;
    try {
      const body = JSON.parse(text) as { checks?: Record<string, boolean> };
      const failing = Object.entries(body.checks ?? {})
        .filter(([, ok]) => !ok)
        .map(([name]) => name);
      if (failing.length > 0) why = `${failing.join(', ')} down`;
    } catch {
      // not JSON: the status says enough
    }
    return `no (${why})`;
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return `no (${cause})`;
  }
}

export async function statusRows(processes: readonly ProcessStatus[], now = Date.now()): Promise<StatusRow[]> {
  return Promise.all(
    processes.map(async (p) => ({
      name: p.name,
      pid: p.pid === null ? '-' : String(p.pid),
      state: p.state === 'failed' ? 'FAILED (gave up)' : p.state,
      restarts: p.restarts,
      uptime: p.since && p.state === 'running' ? formatUptime(now - Date.parse(p.since)) : '-',
      ready: p.state === 'running' ? await askReady(p.readyUrl) : '-',
    })),
  );
}

/** A plain table: one header line, one line per row, columns padded. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

export async function runStatus(stateFile = supervisorStateFile): Promise<number> {
  if (!existsSync(stateFile)) {
    say('Rapport is not running (no `npm start` supervisor state in .rapport/run)');
    return 3;
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as SupervisorState;
  if (!pidAlive(state.supervisorPid)) {
    say(`Rapport is not running (the supervisor, pid ${state.supervisorPid}, is gone; stale state file)`);
    return 3;
  }
  const rows = await statusRows(state.processes);
  say(`supervisor pid ${state.supervisorPid}, up since ${state.startedAt}`);
  say(
    formatTable(
      ['process', 'pid', 'state', 'restarts', 'uptime', 'ready'],
      rows.map((r) => [r.name, r.pid, r.state, r.restarts, r.uptime, r.ready]),
    ),
  );
  const healthy = rows.every((r) => r.state === 'running' && (r.ready === 'yes' || r.ready === '-'));
  return healthy ? 0 : 1;
}
