// `npm run build` in a workspace (turbo's `build` task; `npm start` runs it first): its `src/` compiled
// ahead of time into `dist/`, file for file, so `npm start` runs the services and the gateway with
// plain Node instead of compiling them at every launch under tsx. TypeScript's own emitter, one file
// at a time (the code is written for `isolatedModules` and `verbatimModuleSyntax`, so no file needs
// another's types to be emitted); type checking stays with `npm run typecheck`. The SDL files a
// subgraph reads at start-up are copied beside the code. Tests, benchmarks and fixtures stay out.
//
// Plain Node runs this file (its types are stripped): it imports only Node and TypeScript.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** Files of `src/` that are not part of a running service. */
const LEFT_OUT = /\.(test|int\.test|bench)\.ts$|\.d\.ts$/;

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  sourceMap: true,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Compiles `<workspace>/src` into a fresh `<workspace>/dist`; answers how many files it wrote. */
export function buildWorkspace(workspace: string): { compiled: number; copied: number } {
  const src = join(workspace, 'src');
  const dist = join(workspace, 'dist');
  rmSync(dist, { recursive: true, force: true });
  let compiled = 0;
  let copied = 0;
  for (const file of filesUnder(src)) {
    const target = join(dist, relative(src, file));
    if (file.endsWith('.graphql')) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      copied += 1;
    } else if (file.endsWith('.ts') && !LEFT_OUT.test(file)) {
      const js = target.replace(/\.ts$/, '.js');
      // The source map names the TypeScript file where it stays, so stack traces point into src/.
      const compilerOptions = { ...COMPILER_OPTIONS, sourceRoot: relative(dirname(js), dirname(file)) };
      const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file, reportDiagnostics: true });
      const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length > 0) throw new Error(`${file}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
      mkdirSync(dirname(js), { recursive: true });
      writeFileSync(js, output.outputText);
      if (output.sourceMapText) writeFileSync(`${js}.map`, output.sourceMapText);
      compiled += 1;
    }
  }
  return { compiled, copied };
}

/**
 * The workspaces under `root` with a `build` script (packages, services, the gateway), as folders.
 * turbo runs each one's script; tests build them all in-process with `buildWorkspace`.
 */
export function buildableWorkspaces(root: string): string[] {
  return ['packages', 'services', '.']
    .flatMap((parent) =>
      readdirSync(join(root, parent), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(root, parent, e.name)),
    )
    .filter((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
        return manifest.scripts?.build !== undefined;
      } catch {
        return false;
      }
    });
}

if (import.meta.main) {
  const { compiled, copied } = buildWorkspace(process.cwd());
  console.log(`dist: ${compiled} compiled, ${copied} copied`);
}
