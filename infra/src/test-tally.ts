// Adds up the vitest summaries that turbo streams, so `npm test` ends on one plain line:
// "tests: N passed, N failed" (plus skipped when any were), whatever number of workspaces ran.

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  files: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export function createTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, files: 0 };
}

/** Reads one output line; a vitest "Tests  2 failed | 40 passed (42)" line adds to the tally. */
export function tallyLine(tally: Tally, rawLine: string): void {
  const line = rawLine.replace(ANSI, '');
  const summary = /\bTests\s+(.*\(\d+\))\s*$/.exec(line);
  if (!summary?.[1]) return;
  const count = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(summary[1] ?? '')?.[1] ?? 0);
  tally.passed += count('passed');
  tally.failed += count('failed');
  tally.skipped += count('skipped');
  tally.files += 1;
}

export const tallyText = (tally: Tally): string =>
  `tests: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`;
