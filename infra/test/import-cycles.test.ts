import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImportCycles } from '../src/import-cycles.js';

describe('import cycles', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'rapport-cycles-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('finds a cycle made of a type-only import, as context.ts and create-*-service.ts had', { timeout: 30_000 }, async () => {
    writeFileSync(join(fixture, 'context.ts'), "import type { Loaders } from './create-service.js';\nexport type Context = { loaders: Loaders };\n");
    writeFileSync(join(fixture, 'create-service.ts'), "import type { Context } from './context.js';\nexport type Loaders = { of: (c: Context) => void };\n");
    writeFileSync(join(fixture, 'leaf.ts'), 'export const leaf = 1;\n');
    writeFileSync(join(fixture, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
    const cycles = await findImportCycles(['*.ts'], fixture);
    expect(cycles.map((cycle) => [...cycle].sort())).toEqual([['context.ts', 'create-service.ts']]);
  });

  it('finds none in the project', { timeout: 60_000 }, async () => {
    expect(await findImportCycles()).toEqual([]);
  });
});
