import { describe, expect, it } from 'vitest';
import { createTally, tallyLine, tallyText } from '../src/test-tally.js';

describe('test tally', () => {
  it('adds up the vitest summaries turbo streams from each workspace', () => {
    const tally = createTally();
    tallyLine(tally, '@rapport/sales:test:       Tests  25 passed (25)');
    tallyLine(tally, '@rapport/bus:test:       Tests  1 failed | 1 passed (2)');
    tallyLine(tally, '@rapport/gateway:test: \u001b[2m      Tests \u001b[22m 2 skipped | 7 passed (9)');
    tallyLine(tally, '@rapport/bus:test:  Test Files  1 failed (1)');
    expect(tally).toEqual({ passed: 33, failed: 1, skipped: 2, files: 3 });
    expect(tallyText(tally)).toBe('tests: 33 passed, 1 failed, 2 skipped');
  });
});
