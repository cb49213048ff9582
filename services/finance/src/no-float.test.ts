import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No float anywhere in finance's money code: money and quantities go through `@rapport/errors`' bigint
 * helpers and PostgreSQL numeric. A JS number conversion or float rounding in finance's source, in
 * `@rapport/errors` (the decimal, money, quantity and exchange helpers themselves) or in
 * `@rapport/print` (which formats the amounts printed on invoices, credit notes and reminders) —
 * tests and generated code aside — fails this test, naming the file and line.
 */
const FLOAT_USES: readonly [RegExp, string][] = [
  [/\bparseFloat\s*\(/, 'parseFloat'],
  [/\bNumber\s*\(/, 'Number()'],
  [/\bNumber\.parse(Float|Int)\b/, 'Number.parseFloat/parseInt'],
  [/\.toFixed\s*\(/, 'toFixed'],
  [/\.toPrecision\s*\(/, 'toPrecision'],
  [/\bMath\.(round|floor|ceil|trunc|fround)\s*\(/, 'Math rounding'],
  [/(?:[=(,:?]|\breturn)\s*\+\s*[\w.]*(amount|total|price|net|tax|balance)\w*\b/i, 'unary + on an amount'],
  [/\bdecimal\(\s*'number'\s*\)|\bp\.(double|float)\(/, 'a float column type'],
];

export function floatUses(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((text, index) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
    const code = text.replace(/\/\/.*$/, '');
    for (const [pattern, what] of FLOAT_USES) if (pattern.test(code)) found.push(`${index + 1}: ${what}: ${text.trim()}`);
  });
  return found;
}

const srcDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('../../../', import.meta.url));
/** The money code scanned besides finance's own: the shared decimal helpers and the printing of documents. */
const SHARED_MONEY_CODE = ['packages/errors/src', 'packages/print/src'];
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

describe('finance code uses no floats for money', () => {
  it('recognises each float use it bans', () => {
    const sample = ['const a = parseFloat(x);', 'const b = Number(total);', 'x.toFixed(2)', 'Math.round(y * 100)', 'const c = +amount;', "price: p.decimal('number')"];
    expect(sample.map((line) => floatUses(line).length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(floatUses('const n = nextDocumentNumber(tx); // Number( in a comment is fine')).toEqual([]);
  });

  it('finds none in services/finance/src', () => {
    const files = sources(srcDir);
    expect(files.length).toBeGreaterThan(20);
    const uses = files.flatMap((file) => floatUses(readFileSync(file, 'utf8')).map((use) => `${relative(srcDir, file)}:${use}`));
    expect(uses).toEqual([]);
  });

  it.each(SHARED_MONEY_CODE)('finds none in %s', (dir) => {
    const root = join(repoDir, dir);
    const files = sources(root);
    expect(files.length).toBeGreaterThan(2);
    const uses = files.flatMap((file) => floatUses(readFileSync(file, 'utf8')).map((use) => `${relative(repoDir, file)}:${use}`));
    expect(uses).toEqual([]);
  });
});
