// Adds up the JSON reports vitest itself writes, one per workspace (see vitest.shared.ts), so
// `npm test` ends on one plain line: "tests: N passed, N failed" (plus skipped, test files that
// failed to run, and workspaces that wrote no report, when there are any).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files vitest reported as failed though none of their tests did (an import or hook failed). */
  brokenFiles: number;
  /** Workspaces whose report was read. */
  reported: string[];
  /** Workspaces expected to report that did not (their vitest never finished, or turbo stopped before). */
  missing: string[];
}

/** What this module reads of vitest's JSON reporter output. */
interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

function isReport(value: unknown): value is VitestJsonReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests'].every((k) => typeof r[k] === 'number') && Array.isArray(r.testResults);
}

/** Sums the `<workspace>.json` reports in `dir`; `expected` names the workspaces that should have written one. */
export function readTally(dir: string, expected: readonly string[]): Tally {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0, reported: [], missing: [] };
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const file of files) {
    const report: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (!isReport(report)) throw new Error(`${join(dir, file)} is not a vitest JSON report`);
    tally.passed += report.numPassedTests;
    tally.failed += report.numFailedTests;
    tally.skipped += report.numPendingTests + report.numTodoTests;
    tally.brokenFiles += report.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')).length;
    tally.reported.push(basename(file, '.json'));
  }
  tally.missing = expected.filter((name) => !tally.reported.includes(name));
  return tally;
}

export const tallyText = (tally: Tally): string =>
  [
    `tests: ${tally.passed} passed, ${tally.failed} failed`,
    tally.skipped ? `, ${tally.skipped} skipped` : '',
    tally.brokenFiles ? `, ${tally.brokenFiles} test file${tally.brokenFiles === 1 ? '' : 's'} failed to run` : '',
    tally.missing.length ? `; no report from ${tally.missing.join(', ')}` : '',
  ].join('');
