import { describe, expect, it } from 'vitest';
import { replaceExportOnce } from './replace-export.js';

describe('replaceExportOnce', () => {
  it('replaces an export once and hands the same pair to a second caller', () => {
    const exports = { double: (n: number) => n * 2 };
    const first = replaceExportOnce(exports, 'double', (original) => (n) => original(n) + 1);
    const second = replaceExportOnce(exports, 'double', (original) => (n) => original(n) + 100);
    expect(second).toBe(first);
    expect(exports.double).toBe(first.replacement);
    expect(exports.double(5)).toBe(11);
    expect(first.original(5)).toBe(10);
  });

  it('keeps replacements of two modules apart', () => {
    const a = { f: () => 'a' };
    const b = { f: () => 'b' };
    replaceExportOnce(a, 'f', (original) => () => `${original()}!`);
    replaceExportOnce(b, 'f', (original) => () => `${original()}?`);
    expect([a.f(), b.f()]).toEqual(['a!', 'b?']);
  });
});
