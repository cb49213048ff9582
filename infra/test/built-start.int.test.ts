import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { testTopicPrefix } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/demo-data.js';
import { launchSystem, type LaunchedSystem } from '../src/launch-system.js';
import { repoRoot } from '../src/paths.js';
import { startPrivatePostgres, type PrivatePostgres } from '../src/private-postgres.js';
import { builtCommand, builtEntry, DIST_CONDITION, GATEWAY, SUBGRAPHS } from '../src/services.js';
import { buildableWorkspaces, buildWorkspace, bundleEntry } from '../src/build-workspace.js';

// What `npm start` runs: every workspace compiled once (as turbo's build task does, here in-process:
// no turbo inside the test run's turbo), then each subgraph and the
// gateway under plain Node on its dist/, on a private PostgreSQL and the shared broker (a topic
// prefix of its own); the demo data goes in through the gateway, as `npm start` loads it.

const dir = mkdtempSync(join(tmpdir(), 'rapport-built-start-'));
// Each process notes every module file it loads (a module hook preloaded through NODE_OPTIONS), to
// check what a bundled subgraph still loads from node_modules.
const moduleLog = (name: string): string => join(dir, `modules-${name}.txt`);
const hook = join(dir, 'module-log.mjs');
writeFileSync(
  hook,
  `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nregisterHooks({ load(url, context, next) { appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); } });\n`,
);
let postgres: PrivatePostgres;
let system: LaunchedSystem | undefined;

beforeAll(async () => {
  for (const workspace of buildableWorkspaces(repoRoot)) {
    buildWorkspace(workspace);
    await bundleEntry(workspace);
  }
  postgres = await startPrivatePostgres();
  system = await launchSystem({
    mode: 'built',
    databaseUrl: postgres.url,
    brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    topicPrefix: testTopicPrefix(),
    dir,
    envFor: (name) => ({ NODE_OPTIONS: `--import ${hook}`, MODULE_LOG: moduleLog(name) }),
  });
}, 300_000);

afterAll(async () => {
  await system?.stop();
  await postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the built start', () => {
  it('builds every package, service and the gateway through turbo with the one build script', () => {
    const turbo = JSON.parse(readFileSync(join(repoRoot, 'turbo.json'), 'utf8')) as { tasks: Record<string, { outputs?: string[] }> };
    expect(turbo.tasks.build?.outputs).toEqual(['dist/**']);
    const workspaces = buildableWorkspaces(repoRoot).map((dir) => relative(repoRoot, dir));
    expect(workspaces).toEqual(expect.arrayContaining(['gateway', 'packages/subgraph-kit', ...SUBGRAPHS.map((s) => `services/${s.name}`)]));
    for (const workspace of workspaces) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, workspace, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      const emit = `node ${relative(join(repoRoot, workspace), join(repoRoot, 'infra/src/build-workspace.ts'))}`;
      // The gateway also bundles its explorer (GraphiQL and Monaco's workers) into dist/explorer.
      expect(manifest.scripts.build, workspace).toBe(workspace === 'gateway' ? `${emit} && node src/explorer-bundle.ts` : emit);
    }
  });

  it('runs each subgraph and the gateway from its compiled dist/ with plain Node, no TypeScript loader', () => {
    for (const spec of [...SUBGRAPHS, GATEWAY]) {
      const { command, args, env } = builtCommand(spec);
      expect(command).toBe(process.execPath);
      expect(env.NODE_COMPILE_CACHE).toBe(join(repoRoot, '.rapport', 'compile-cache'));
      expect(args).toEqual([`--conditions=${DIST_CONDITION}`, builtEntry(spec)]);
      expect(builtEntry(spec)).toMatch(/^(services\/\w+|gateway)\/dist\/main\.js$/);
      expect(existsSync(join(repoRoot, builtEntry(spec))), builtEntry(spec)).toBe(true);
    }
    // The packages a service imports resolve to their dist/ under the condition, to their source without it.
    const kit = JSON.parse(readFileSync(join(repoRoot, 'packages/subgraph-kit/package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
    expect(kit.exports['.']).toEqual({ [DIST_CONDITION]: './dist/index.js', default: './src/index.ts' });
    expect(existsSync(join(repoRoot, 'packages/subgraph-kit/dist/index.js'))).toBe(true);
    expect(existsSync(join(repoRoot, 'services/sales/dist/modules/order/order.graphql')), 'the SDL beside the code').toBe(true);
  });

  it('runs each subgraph as one bundled file: it loads nothing of the workspace but the bundle, and from node_modules only picomatch', () => {
    for (const spec of SUBGRAPHS) {
      const loaded = readFileSync(moduleLog(spec.name), 'utf8')
        .split('\n')
        .filter((url) => url.startsWith('file:'));
      const entry = pathToFileURL(join(repoRoot, builtEntry(spec))).href;
      expect(
        loaded.filter((url) => !url.includes('/node_modules/')),
        spec.name,
      ).toEqual([entry]);
      // Not a second MikroORM (it finds its Migrator in the bundle), nor kafkajs (bundled, the bus
      // patching the bundled copy), nor the PDF library (loaded on first print): only picomatch,
      // which MikroORM's file finder (fdir) requires by name if installed.
      const libraries = new Set(loaded.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter((name) => name !== undefined));
      expect([...libraries].sort(), spec.name).toEqual(['picomatch']);
    }
  });

  it('runs the gateway as one bundled file too: nothing of the workspace but the bundle, nothing from node_modules', () => {
    const loaded = readFileSync(moduleLog(GATEWAY.name), 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'));
    expect(loaded.filter((url) => !url.includes('/node_modules/'))).toEqual([pathToFileURL(join(repoRoot, builtEntry(GATEWAY))).href]);
    // The explorer's esbuild only on a request for the explorer while its bundle is missing.
    const libraries = new Set(loaded.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter((name) => name !== undefined));
    expect([...libraries]).toEqual([]);
  });

  it('answers: every subgraph becomes ready, and the demo data goes in through the gateway', { timeout: 120_000 }, async () => {
    if (!system) throw new Error('not launched');
    expect(system.subgraphs.map((s) => s.spec.name).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
    for (const launched of [...system.subgraphs, system.gateway]) expect(launched.process.exitStatus(), launched.spec.name).toBeNull();
    const summary = await loadDemoData(system.gatewayUrl);
    expect(summary).toMatchObject({ created: true, repName: 'Rita Reyes' });
  });
});
