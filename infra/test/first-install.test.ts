import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';

// A newcomer's first `npm start` installs the dependencies under the machine's own Node (20 will do)
// before Node 24 is in node_modules, and npm warned about every package wanting a newer Node
// (EBADENGINE, about 40 of them). infra/bin/rapport runs that install with the flags read below; here
// they are used on a scratch project whose one dependency wants a Node that does not exist yet.
const bootstrap = readFileSync(join(repoRoot, 'infra', 'bin', 'rapport'), 'utf8');
const quietFlags = /^\s*quiet=\(([^)]*)\)/m.exec(bootstrap)?.[1]?.trim().split(/\s+/) ?? [];

const scratch = mkdtempSync(join(tmpdir(), 'rapport-first-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function installScratch(flags: string[]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(scratch, 'project-'));
  mkdirSync(join(dir, 'future'));
  writeFileSync(join(dir, 'future', 'package.json'), JSON.stringify({ name: 'future', version: '1.0.0', engines: { node: '>=99' } }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, dependencies: { future: 'file:./future' } }));
  const result = spawnSync('npm', ['install', ...flags], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("a newcomer's first install", () => {
  it('the bootstrap installs with only errors shown', () => {
    expect(quietFlags).toContain('--loglevel=error');
  });

  it('shows no EBADENGINE warning with the bootstrap’s flags, where npm’s defaults show one', { timeout: 120_000 }, () => {
    const loud = installScratch(['--no-fund', '--no-audit']);
    expect(loud.status).toBe(0);
    expect(loud.output).toContain('EBADENGINE');
    const quiet = installScratch(quietFlags);
    expect(quiet.status, quiet.output).toBe(0);
    expect(quiet.output).not.toContain('EBADENGINE');
    expect(quiet.output).not.toMatch(/npm warn/i);
  });
});
