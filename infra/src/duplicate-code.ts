// Copied code in the project's shared code, found with jscpd (a maintained copy/paste detector): the
// same run of tokens (names and strings included; whitespace and comments not) in two places. It
// covers packages/, infra/, gateway/, each service's top-level files (main.ts,
// create-*-service.ts, config.ts, context.ts, loaders.ts, testing.ts and the suite stubs beside
// them) and the modules of the services in COVERED_MODULES, tests included; not generated code or
// migrations, and not yet the modules listed in UNCOVERED_MODULES or the services in
// UNCOVERED_SERVICES (each with the reason).
// `npm run duplicates` prints the pairs and fails on any;
// infra/test/duplicate-code.test.ts runs the same check in `npm test`.
// Data that repeats on purpose (a demo CSV and its mapping, as a user would type them) is marked
// with `// jscpd:ignore-start` … `// jscpd:ignore-end` and a reason.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as Jscpd from 'jscpd';
import { repoRoot } from './paths.js';

// jscpd's ESM build imports `colors/safe` without an extension, which Node refuses: use its CommonJS build.
const { detectClones } = createRequire(import.meta.url)('jscpd') as typeof Jscpd;

/** A pair of places holding the same code, as `path:first-last`. */
export interface DuplicatePair {
  a: string;
  b: string;
  lines: number;
}

/** The shortest copy that counts: 6 lines and 50 tokens (jscpd's defaults). */
export const DUPLICATE_THRESHOLD = { minLines: 6, minTokens: 50 } as const;

/** Services whose `src/modules/` the check covers (their shared test setup is in their `src/testing.ts` or `src/test-fixtures.ts` and the kit's testing helpers). */
export const COVERED_MODULES = ['customers', 'support', 'identity', 'sales', 'inventory', 'finance', 'purchasing'] as const;

/** Module folders (`services/<service>/src/modules/<module>`) the check leaves out for now, and why. */
export const UNCOVERED_MODULES: Readonly<Record<string, string>> = {};

/** Services whose modules the check does not cover yet, and why (all of their modules). */
export const UNCOVERED_SERVICES: Readonly<Record<string, string>> = {};

/** The files the check covers, relative to `root`: tracked or new (not ignored) TypeScript files. */
export function sharedCodeFiles(root: string = repoRoot): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.ts'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => /^(packages|infra|gateway|services)\//.test(file))
    .filter((file) => !/\/(generated|migrations|node_modules)\//.test(file))
    .filter((file) => {
      const module = /^services\/([^/]+)\/src\/modules\/([^/]+)\//.exec(file);
      if (!module) return true;
      const [, service = '', name = ''] = module;
      return (COVERED_MODULES as readonly string[]).includes(service) && !(`${service}/${name}` in UNCOVERED_MODULES);
    });
}

/** The copied runs among `files` (paths relative to `root`), longest first. */
export async function findDuplicates(files: readonly string[] = sharedCodeFiles(), root: string = repoRoot): Promise<DuplicatePair[]> {
  const clones = await detectClones({
    path: files.map((file) => join(root, file)),
    format: ['typescript'],
    ...DUPLICATE_THRESHOLD,
    silent: true,
    reporters: [],
    noTips: true,
  });
  const place = (d: Awaited<ReturnType<typeof detectClones>>[number]['duplicationA']): string => `${relative(root, d.sourceId)}:${d.start.line}-${d.end.line}`;
  return clones
    .map(({ duplicationA: a, duplicationB: b }) => {
      const [first, second] = [place(a), place(b)].sort();
      return { a: first ?? '', b: second ?? '', lines: a.end.line - a.start.line + 1 };
    })
    .sort((x, y) => y.lines - x.lines || x.a.localeCompare(y.a));
}

/** `rapport duplicates`: prints each copied pair in the shared code; exit code 1 when there is any. */
export async function runDuplicates(): Promise<number> {
  const pairs = await findDuplicates();
  if (pairs.length === 0) {
    console.log(
      `no copied code in packages/, infra/, gateway/, the services' top-level files or the modules of ${COVERED_MODULES.join(', ')} (except ${Object.keys(UNCOVERED_MODULES).join(', ')})`,
    );
    return 0;
  }
  console.log(`${pairs.length} copied run(s) of ${DUPLICATE_THRESHOLD.minLines}+ lines; move each into one helper (CONTRIBUTING.md says where):`);
  for (const pair of pairs) console.log(`  ${pair.a} ~ ${pair.b} (${pair.lines} lines)`);
  return 1;
}
