import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * What the PostgreSQL backends serving one database cost while a benchmark runs: their CPU (from
 * `/proc/<pid>/stat`, so only when the server runs on this machine and its processes are readable)
 * and, when the server preloads `pg_stat_statements` (a private one started with
 * `shared_preload_libraries=pg_stat_statements`; never the shared server), each statement's calls,
 * planning and execution time. `begin` before the measured window, `end` after it.
 */
export interface PostgresCost {
  begin(): Promise<void>;
  /** Lines to print, per request of `requests`. */
  end(requests: number): Promise<string[]>;
  close(): Promise<void>;
}

/** Linux reports process times in USER_HZ ticks, 100 per second on every architecture Node runs on here. */
const TICK_MS = 10;

/** utime + stime of process `pid` in ms, or undefined when it is gone or not readable. */
function cpuMs(pid: number): number | undefined {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Measures the backends of the database `databaseUrl` names (its other sessions: this one's queries run outside the window). */
export async function postgresCost(databaseUrl: string): Promise<PostgresCost> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const backends = async (): Promise<Map<number, number>> => {
    const { rows } = await client.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = cpuMs(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    return cpu;
  };
  const { rows: preload } = await client.query<{ on: boolean }>(`select current_setting('shared_preload_libraries') like '%pg_stat_statements%' as on`);
  const statements = preload[0]?.on === true;
  if (statements) await client.query('create extension if not exists pg_stat_statements');
  let before = new Map<number, number>();
  return {
    async begin() {
      if (statements) await client.query('select pg_stat_statements_reset()');
      before = await backends();
    },
    async end(requests) {
      const after = await backends();
      const lines: string[] = [];
      if (after.size > 0) {
        // A backend that started during the window counts whole; one that ended in it is lost (a busy pool keeps its connections).
        let used = 0;
        for (const [pid, ms] of after) used += ms - (before.get(pid) ?? 0);
        lines.push(`PostgreSQL backends (${after.size}): ${(used / requests).toFixed(3)} ms CPU/request`);
      }
      if (statements) {
        const { rows } = await client.query<{ calls: string; plan: number; exec: number; query: string }>(
          `select calls, total_plan_time as plan, total_exec_time as exec, query from pg_stat_statements
           where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_%'
           order by total_plan_time + total_exec_time desc limit 20`,
        );
        let plan = 0;
        let exec = 0;
        for (const row of rows) {
          plan += row.plan;
          exec += row.exec;
          const calls = Number(row.calls);
          lines.push(
            `  ${(calls / requests).toFixed(2)} calls/request, plan ${(row.plan / calls).toFixed(3)} ms, exec ${(row.exec / calls).toFixed(3)} ms per call: ${row.query.replace(/\s+/g, ' ').slice(0, 160)}`,
          );
        }
        lines.splice(lines.length - rows.length, 0, `pg_stat_statements: plan ${(plan / requests).toFixed(3)} ms + exec ${(exec / requests).toFixed(3)} ms per request`);
      }
      return lines;
    },
    close: () => client.end(),
  };
}
