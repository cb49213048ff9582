// The one vitest configuration of the monorepo. The root vitest.config.ts runs every workspace as
// a project (`npx vitest run --project sales`, or a file path, from the root); each workspace's
// vitest.config.ts is this same configuration narrowed to itself, so `vitest run` inside a
// workspace and its `test` script under turbo behave as before.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// Types only: infra's `rapport test` reads testWorkspaces() and REPORT_DIR_ENV without loading vitest.
import type { TestProjectInlineConfiguration, ViteUserConfig } from 'vitest/config';

/** The repository root (this file's folder). */
export const REPO_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Set by `rapport test`: each workspace's run writes its vitest JSON report there, as `<project>.json`. */
export const REPORT_DIR_ENV = 'RAPPORT_TEST_REPORT_DIR';

interface TestSettings {
  testTimeout: number;
  hookTimeout: number;
  /** Test files of the workspace run in parallel (false: one at a time, for suites sharing a broker and a server). */
  fileParallelism: boolean;
  /**
   * Each test file in a fresh worker (true), or the files of a run one after another in the same
   * worker (false): modules imported once per worker instead of once per file. A service and its
   * dependencies take 2–3 s of CPU to import, more than many files' tests; the files still start
   * their own subgraphs on fresh databases and topics, and a module keeping state across systems
   * must not (checkBeforeEveryStop registers each check once; tracing is stopped by its test).
   */
  isolate: boolean;
}

const DEFAULTS: TestSettings = { testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false, isolate: true };

/** Workspaces whose files import the services and start them through the test harness: modules shared across files. */
const SHARED_MODULES: Partial<TestSettings> = { isolate: false };

/** Where a workspace differs, and why. */
const OVERRIDES: Record<string, Partial<TestSettings>> = {
  // Each gateway test file starts the whole system.
  gateway: { testTimeout: 60_000, hookTimeout: 120_000, ...SHARED_MODULES },
  customers: SHARED_MODULES,
  finance: SHARED_MODULES,
  identity: SHARED_MODULES,
  inventory: SHARED_MODULES,
  purchasing: SHARED_MODULES,
  sales: SHARED_MODULES,
  support: SHARED_MODULES,
  // Pure units, or tests of their own processes: vitest's defaults, as before this file.
  contracts: { testTimeout: 5_000, hookTimeout: 10_000, fileParallelism: true },
  errors: { testTimeout: 5_000, hookTimeout: 10_000, fileParallelism: true },
  infra: { testTimeout: 5_000, hookTimeout: 10_000, fileParallelism: true },
};

export interface TestWorkspace {
  /** The vitest project name: the folder's name (`sales`, `subgraph-kit`, `gateway`). */
  name: string;
  /** Absolute path of the workspace. */
  dir: string;
}

/** Every npm workspace with a `test` script, in the order of the root package.json's `workspaces`. */
export function testWorkspaces(root: string = REPO_ROOT): TestWorkspace[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(parent, e.name))
      .sort();
  });
  return dirs
    .filter((dir) => {
      const manifest = join(dir, 'package.json');
      return existsSync(manifest) && Boolean((JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: { test?: string } }).scripts?.test);
    })
    .map((dir) => ({ name: basename(dir), dir }));
}

const settingsOf = (name: string): TestSettings => ({ ...DEFAULTS, ...OVERRIDES[name] });

/** `default` on the terminal, plus a JSON report in `$RAPPORT_TEST_REPORT_DIR/<name>.json` when that is set. */
function reporters(name: string): NonNullable<NonNullable<ViteUserConfig['test']>['reporters']> {
  const dir = process.env[REPORT_DIR_ENV];
  return dir ? ['default', ['json', { outputFile: join(dir, `${name}.json`) }]] : ['default'];
}

/** A workspace's `vitest.setup.ts`, when it has one: run before each of its test files (checks every file must pass, e.g. inventory's ledger check). */
const setupFiles = (dir: string): string[] => (existsSync(join(dir, 'vitest.setup.ts')) ? [join(dir, 'vitest.setup.ts')] : []);

/** Run once per vitest run (not per file): test databases dropped during the run are dropped together at its end (packages/testing/src/global-setup.ts). */
const globalSetup = [join(REPO_ROOT, 'packages/testing/src/global-setup.ts')];

/** The project entry of `workspace` in the root configuration. */
function project({ name, dir }: TestWorkspace): TestProjectInlineConfiguration {
  const { testTimeout, hookTimeout, isolate } = settingsOf(name);
  return { test: { name, root: dir, testTimeout, hookTimeout, isolate, setupFiles: setupFiles(dir), globalSetup } };
}

/** The root configuration: every workspace a project; files run one at a time, as the strictest workspace asks. */
export function rootConfig(): ViteUserConfig {
  return { test: { projects: testWorkspaces().map(project), fileParallelism: false, reporters: reporters('all') } };
}

/** The configuration of the workspace whose vitest.config.ts is at `configUrl` (its `import.meta.url`). */
export function workspaceConfig(configUrl: string): ViteUserConfig {
  const dir = fileURLToPath(new URL('.', configUrl));
  const workspace = testWorkspaces().find((w) => relative(w.dir, dir) === '');
  if (!workspace) throw new Error(`${dir} is not a workspace with a test script`);
  const { testTimeout, hookTimeout, fileParallelism, isolate } = settingsOf(workspace.name);
  return {
    test: {
      name: workspace.name,
      root: workspace.dir,
      testTimeout,
      hookTimeout,
      fileParallelism,
      isolate,
      setupFiles: setupFiles(workspace.dir),
      globalSetup,
      reporters: reporters(workspace.name),
    },
  };
}
