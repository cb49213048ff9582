import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';

/** Each `any` type written in `code`, as `line: text` (comments and strings say "any" freely). */
function anyTypes(code: string): string[] {
  const file = ts.createSourceFile('generated.ts', code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${line + 1}: ${code.split('\n')[line]?.trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// `npm run codegen` writes each service's types through the kit's `subgraphCodegen`, which rewrites
// the resolver template's `any`; this fails when a generated file (checked in) has one again.
describe('generated GraphQL types', () => {
  const generated = readdirSync(join(repoRoot, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((service) => {
      const dir = join(repoRoot, 'services', service.name, 'src', 'generated');
      return readdirSync(dir).map((file) => join('services', service.name, 'src', 'generated', file));
    });

  it('exist for every service, resolver types among them', () => {
    expect(generated.filter((path) => path.endsWith('/graphql.ts')).length).toBeGreaterThanOrEqual(7);
  });

  it('finds an any type, and not one in a comment', () => {
    expect(anyTypes('/** any of them */\nexport type F = (...args: any[]) => string;\n')).toEqual(['2: export type F = (...args: any[]) => string;']);
  });

  it.each(generated)('%s types nothing as any', (path) => {
    expect(anyTypes(readFileSync(join(repoRoot, path), 'utf8'))).toEqual([]);
  });
});
