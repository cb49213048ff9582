import { rmSync } from 'node:fs';
import { say, warn } from './output.js';
import { pidRecordLive, readPidFiles, terminate, type PidRecord } from './processes.js';

// `rapport stop`: stops whatever `rapport start|kafka|test` left running, from any terminal.
// Supervisors (the `start`/`kafka` commands themselves) go first, so they stop their children
// in order; then whatever is left: gateway, subgraphs, Kafka brokers.

const SUPERVISOR_GRACE_MS = 60_000;
const PROCESS_GRACE_MS = 10_000;

/** 0 supervisors, 1 gateways, 2 subgraphs, 3 brokers and databases (the chaos suite's have a `chaos-` prefix). */
const rank = (name: string): number => {
  const bare = name.replace(/^chaos-/, '');
  return name.startsWith('cli-') ? 0 : bare === 'gateway' ? 1 : bare.startsWith('kafka') || bare === 'postgres' ? 3 : 2;
};

/** `cli-<command>-<pid>` is a `rapport <command>` run itself. */
const describe = (record: PidRecord): string => {
  const command = /^cli-([a-z-]+?)(?:-\d+)?$/.exec(record.name)?.[1];
  return command ? `\`rapport ${command}\`` : record.name;
};

async function stopOne(record: PidRecord & { file: string }, graceMs: number): Promise<void> {
  if (record.pid === 0 || !pidRecordLive(record)) {
    rmSync(record.file, { force: true });
    say(`${describe(record)} was not running (removed its stale pid file)`);
    return;
  }
  const before = new Set(readPidFiles().map((r) => r.name));
  const outcome = await terminate(record.pid, record.group, graceMs);
  rmSync(record.file, { force: true });
  const after = new Set(readPidFiles().map((r) => r.name));
  const alsoStopped = [...before].filter((n) => n !== record.name && !after.has(n) && rank(n) > 0);
  say(
    `stopped ${describe(record)} (pid ${record.pid}${outcome === 'killed' ? ', killed after it ignored SIGTERM' : ''})` +
      (alsoStopped.length > 0 ? `, which stopped ${alsoStopped.join(', ')}` : ''),
  );
}

export async function runStop(): Promise<number> {
  if (readPidFiles().length === 0) {
    say('nothing to stop (no pid files in .rapport/run)');
    return 0;
  }
  for (let r = 0; r <= 3; r += 1) {
    // Re-read each round: a supervisor removes the pid files of what it stopped.
    const records = readPidFiles().filter((record) => rank(record.name) === r);
    await Promise.all(
      records.map((record) =>
        stopOne(record, r === 0 ? SUPERVISOR_GRACE_MS : PROCESS_GRACE_MS).catch((error: unknown) => {
          warn(`could not stop ${describe(record)} (pid ${record.pid}): ${error instanceof Error ? error.message : String(error)}`);
        }),
      ),
    );
  }
  const left = readPidFiles();
  if (left.length > 0) {
    warn(`still running: ${left.map((r) => `${r.name} (pid ${r.pid})`).join(', ')}`);
    return 1;
  }
  return 0;
}
