import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, pidAlive, rotateLog, spawnManaged, type ManagedProcess } from '../src/processes.js';
import { formatTable, runStatus, statusRows } from '../src/status-command.js';
import { Supervisor, type SupervisedSpec, type SupervisorEvent, type SupervisorState } from '../src/supervisor.js';

// Real processes (node -e scripts) under the supervisor `rapport start` uses.

const dir = mkdtempSync(join(tmpdir(), 'rapport-supervisor-test-'));
const supervisors: Supervisor[] = [];

afterAll(async () => {
  for (const s of supervisors) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const fastPolicy = { initialDelayMs: 50, maxDelayMs: 200, maxCrashes: 3, windowMs: 30_000 };

function spec(name: string, script: string, extra: Partial<SupervisedSpec> = {}): SupervisedSpec {
  return {
    name,
    spawn: (): Promise<ManagedProcess> =>
      spawnManaged({ name, command: process.execPath, args: ['-e', script], cwd: dir, env: process.env, logFile: join(dir, `${name}.log`), match: '-e', pidDir: dir }),
    stopGraceMs: 2_000,
    ...extra,
  };
}

async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const forever = `console.log('up ' + process.pid); setInterval(() => {}, 1000)`;

describe('Supervisor', () => {
  it('restarts a process killed with SIGKILL, keeps the others running, and keeps its log across the restart', async () => {
    const events: SupervisorEvent[] = [];
    const supervisor = new Supervisor({ policy: fastPolicy, onEvent: (e) => events.push(e) });
    supervisors.push(supervisor);
    const victim = await supervisor.add(spec('victim', forever));
    const bystander = await supervisor.add(spec('bystander', forever));
    await until(() => readFileSync(victim.logFile, 'utf8').includes(`up ${victim.pid}`), 'the victim to log');

    process.kill(-victim.pid, 'SIGKILL');
    const restarted = await supervisor.waitForRestarts('victim', 1, 10_000);
    await until(() => readFileSync(restarted.logFile, 'utf8').includes(`up ${restarted.pid}`), 'the restarted victim to log');

    expect(restarted.pid).not.toBe(victim.pid);
    expect(pidAlive(restarted.pid)).toBe(true);
    expect(supervisor.current('bystander')?.pid).toBe(bystander.pid);
    expect(pidAlive(bystander.pid)).toBe(true);
    const log = readFileSync(restarted.logFile, 'utf8');
    expect(log).toContain(`up ${victim.pid}`); // the first run's lines survive the restart
    expect(log).toContain(`up ${restarted.pid}`);
    expect(events.map((e) => e.kind)).toEqual(['crashed', 'restarted']);
    expect(events[0]).toMatchObject({ kind: 'crashed', name: 'victim', exit: 'SIGKILL' });
    expect(supervisor.status().find((s) => s.name === 'victim')).toMatchObject({ state: 'running', restarts: 1, lastExit: 'SIGKILL' });
  });

  it('gives up on a process that keeps crashing, saying so, while the others keep running', async () => {
    const events: SupervisorEvent[] = [];
    const stateFile = join(dir, 'state.json');
    const supervisor = new Supervisor({ policy: fastPolicy, stateFile, onEvent: (e) => events.push(e) });
    supervisors.push(supervisor);
    await supervisor.add(spec('crasher', `console.error('cannot reach the database'); process.exit(3)`));
    const bystander = await supervisor.add(spec('steady', forever));

    const gaveUp = await until(() => events.find((e) => e.kind === 'gave-up'), 'the supervisor to give up');

    expect(gaveUp).toMatchObject({ name: 'crasher', crashes: 3 });
    expect(gaveUp.kind === 'gave-up' && gaveUp.logTail).toContain('cannot reach the database');
    expect(events.filter((e) => e.kind === 'restarted')).toHaveLength(2);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as SupervisorState;
    expect(state.processes.find((p) => p.name === 'crasher')).toMatchObject({ state: 'failed', restarts: 2, lastExit: 'code 3', pid: null });
    expect(pidAlive(bystander.pid)).toBe(true);
    expect(supervisor.current('steady')?.pid).toBe(bystander.pid);
  });

  it('restarts with a growing delay', async () => {
    const events: SupervisorEvent[] = [];
    const supervisor = new Supervisor({ policy: { ...fastPolicy, maxCrashes: 4 }, onEvent: (e) => events.push(e) });
    supervisors.push(supervisor);
    await supervisor.add(spec('flaky', `process.exit(1)`));

    await until(() => events.some((e) => e.kind === 'gave-up'), 'the supervisor to give up');

    const delays = events.flatMap((e) => (e.kind === 'crashed' ? [e.restartInMs] : []));
    expect(delays).toEqual([50, 100, 200]);
  });

  it('stops what it supervises without restarting it', async () => {
    const supervisor = new Supervisor({ policy: fastPolicy });
    const p = await supervisor.add(spec('stopped', forever));

    await supervisor.stop();

    expect(pidAlive(p.pid)).toBe(false);
    expect(supervisor.status()[0]).toMatchObject({ state: 'stopped', restarts: 0 });
  });
});

describe('rotateLog', () => {
  it('copies a log past its size limit to .1 (shifting older ones), and truncates it in place for the writer', () => {
    const log = join(dir, 'big.log');
    writeFileSync(`${log}.1`, 'older\n');
    writeFileSync(log, 'x'.repeat(2_000));

    expect(rotateLog(log, 1_000, 3)).toBe(true);

    expect(readFileSync(log, 'utf8')).toBe('');
    expect(readFileSync(`${log}.1`, 'utf8')).toHaveLength(2_000);
    expect(readFileSync(`${log}.2`, 'utf8')).toBe('older\n');
    expect(rotateLog(log, 1_000, 3)).toBe(false);
  });
});

describe('rapport status', () => {
  it('shows each process with pid, state, restarts, uptime, and readiness asked of its /ready', async () => {
    const readyPort = await freePort();
    const notReadyPort = await freePort();
    const serve = (port: number, status: number, body: string): string =>
      `require('node:http').createServer((q, r) => { r.statusCode = ${status}; r.end(${JSON.stringify(body)}); }).listen(${port}, '127.0.0.1', () => console.log('listening')); `;
    const stateFile = join(dir, 'status.json');
    const supervisor = new Supervisor({ policy: fastPolicy, stateFile });
    supervisors.push(supervisor);
    const a = await supervisor.add(spec('ready-one', serve(readyPort, 200, '{"status":"ready"}'), { readyUrl: `http://127.0.0.1:${readyPort}/ready` }));
    await supervisor.add(
      spec('unready-one', serve(notReadyPort, 503, '{"status":"not ready","checks":{"database":true,"kafka":false}}'), { readyUrl: `http://127.0.0.1:${notReadyPort}/ready` }),
    );
    await until(() => existsSync(a.logFile) && readFileSync(a.logFile, 'utf8').includes('listening'), 'the servers to listen');
    await until(() => readFileSync(join(dir, 'unready-one.log'), 'utf8').includes('listening'), 'the servers to listen');

    const rows = await statusRows(supervisor.status());
    const exitCode = await runStatus(stateFile);

    expect(rows).toEqual([
      { name: 'ready-one', pid: String(a.pid), state: 'running', restarts: 0, uptime: expect.stringMatching(/^\d+s$/), ready: 'yes' },
      { name: 'unready-one', pid: expect.stringMatching(/^\d+$/), state: 'running', restarts: 0, uptime: expect.stringMatching(/^\d+s$/), ready: 'no (kafka down)' },
    ]);
    expect(exitCode).toBe(1); // not everything is ready
    expect(formatTable(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\nxxx  y');
  });
});
