import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTally, tallyText } from '../src/test-tally.js';

const report = (tests: string[], files: { status: string; tests: string[] }[] = [{ status: 'passed', tests }]) => ({
  numPassedTests: tests.filter((t) => t === 'passed').length,
  numFailedTests: tests.filter((t) => t === 'failed').length,
  numPendingTests: tests.filter((t) => t === 'skipped').length,
  numTodoTests: tests.filter((t) => t === 'todo').length,
  success: !tests.includes('failed'),
  testResults: files.map((f) => ({ status: f.status, assertionResults: f.tests.map((status) => ({ status })) })),
});

describe('test tally', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-tally-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds up the JSON reports vitest wrote for each workspace, and names the workspaces that wrote none', () => {
    writeFileSync(join(dir, 'sales.json'), JSON.stringify(report(Array(25).fill('passed'))));
    writeFileSync(
      join(dir, 'bus.json'),
      JSON.stringify(
        report(
          ['failed', 'passed'],
          [
            { status: 'failed', tests: ['failed', 'passed'] },
            { status: 'failed', tests: [] },
          ],
        ),
      ),
    );
    writeFileSync(join(dir, 'gateway.json'), JSON.stringify(report([...Array(7).fill('passed'), 'skipped', 'todo'])));
    const tally = readTally(dir, ['bus', 'gateway', 'sales', 'support']);
    expect(tally).toEqual({ passed: 33, failed: 1, skipped: 2, brokenFiles: 1, reported: ['bus', 'gateway', 'sales'], missing: ['support'] });
    expect(tallyText(tally)).toBe('tests: 33 passed, 1 failed, 2 skipped, 1 test file failed to run; no report from support');
  });

  it('refuses a file that is not a vitest report rather than counting it as nothing', () => {
    const other = mkdtempSync(join(dir, 'other-'));
    writeFileSync(join(other, 'x.json'), JSON.stringify({ tests: 3 }));
    expect(() => readTally(other, [])).toThrow(/x\.json is not a vitest JSON report/);
  });
});
