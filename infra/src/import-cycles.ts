// Import cycles between the project's own files, found with dpdm (type-only imports included: a
// cycle through types still ties the files into one unit that cannot be read or changed alone).
// `npm run cycles` prints them and fails on any; infra/test/import-cycles.test.ts runs the same check
// in `npm test`.
import { join } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { repoRoot } from './paths.js';

/** Every TypeScript file of every workspace, tests and benches included. */
export const PROJECT_SOURCES: readonly string[] = [
  'packages/*/{src,test}/**/*.ts',
  'services/*/{src,test,bench}/**/*.ts',
  'gateway/{src,test,bench}/**/*.ts',
  'infra/{src,test}/**/*.ts',
];

/** The import cycles among the files `globs` match under `root`, each as a list of paths relative to `root`. */
export async function findImportCycles(globs: readonly string[] = PROJECT_SOURCES, root: string = repoRoot): Promise<string[][]> {
  const tree = await parseDependencyTree([...globs], {
    cwd: root,
    context: root,
    extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
    js: ['.ts', '.tsx', '.mjs', '.js'],
    include: /\.(ts|tsx|mjs|js)$/,
    exclude: /node_modules\/(?!@rapport\/)/,
    // Its compiler options tell dpdm that `./x.js` in a NodeNext import is `./x.ts`.
    tsconfig: join(root, 'tsconfig.base.json'),
    transform: false,
    skipDynamicImports: false,
  });
  return parseCircular(tree); // paths relative to `root` (dpdm's context)
}

/** `rapport cycles`: prints each import cycle; exit code 1 when there is any. */
export async function runCycles(): Promise<number> {
  const cycles = await findImportCycles();
  if (cycles.length === 0) {
    console.log('no import cycles');
    return 0;
  }
  console.log(`${cycles.length} import cycle(s):`);
  for (const cycle of cycles) console.log(`  ${[...cycle, cycle[0]].join(' -> ')}`);
  return 1;
}
