import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, groupAlive, pidAlive, spawnManaged, stopManaged, waitForHttpOk, type ManagedProcess } from '../src/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-processes-test-'));
const started: ManagedProcess[] = [];

afterAll(async () => {
  for (const p of started) await stopManaged(p, 1_000);
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, script: string): Promise<ManagedProcess> {
  const p = await spawnManaged({ name, command: process.execPath, args: ['-e', script], cwd: dir, env: process.env, logFile: join(dir, `${name}.log`), match: '-e', pidDir: dir });
  started.push(p);
  return p;
}

async function logLine(p: ManagedProcess, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 200; i += 1) {
    const match = pattern.exec(readFileSync(p.logFile, 'utf8'));
    if (match) return match;
    await sleep(25);
  }
  throw new Error(`${p.name} never logged ${pattern}`);
}

const stubborn = `
  const { spawn } = require('node:child_process');
  process.on('SIGTERM', () => {});
  const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); console.log('child up'); setInterval(() => {}, 1000)"], { stdio: 'inherit' });
  console.log('child ' + child.pid);
  setInterval(() => {}, 1000);
`;

describe('spawnManaged and stopManaged', () => {
  it('writes a pid file, and stops a process with SIGTERM, removing the pid file', async () => {
    const p = await run('polite', `console.log('up'); setInterval(() => {}, 1000)`);
    await logLine(p, /up/);
    expect(JSON.parse(readFileSync(join(dir, 'polite.pid'), 'utf8'))).toMatchObject({ name: 'polite', pid: p.pid, group: true });

    expect(await stopManaged(p, 5_000)).toBe('stopped');

    expect(groupAlive(p.pid)).toBe(false);
    expect(existsSync(join(dir, 'polite.pid'))).toBe(false);
  });

  it('kills a process that ignores SIGTERM once the grace period ends, together with its children', async () => {
    const p = await run('stubborn', stubborn);
    const childPid = Number((await logLine(p, /child (\d+)/))[1]);
    await logLine(p, /child up/);

    expect(await stopManaged(p, 300)).toBe('killed');

    expect(pidAlive(childPid)).toBe(false);
    expect(groupAlive(p.pid)).toBe(false);
  });
});

describe('waitForHttpOk', () => {
  it('resolves once the URL answers 200', async () => {
    const port = await freePort();
    const p = await run(
      'server',
      `const started = Date.now();
       require('node:http').createServer((req, res) => { res.statusCode = Date.now() - started > 300 ? 200 : 503; res.end(); }).listen(${port}, '127.0.0.1');`,
    );

    await expect(waitForHttpOk(`http://127.0.0.1:${port}/ready`, { timeoutMs: 10_000, process: p })).resolves.toBeUndefined();

    await stopManaged(p, 2_000);
  });

  it('fails with the tail of the log when the process exits before it is ready', async () => {
    const port = await freePort();
    const p = await run('crasher', `console.error('cannot connect to the database'); process.exit(3)`);

    await expect(waitForHttpOk(`http://127.0.0.1:${port}/ready`, { timeoutMs: 10_000, process: p })).rejects.toThrow(/crasher exited \(code 3\).*cannot connect to the database/s);
  });
});
