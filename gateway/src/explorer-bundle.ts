// The explorer's browser bundle: GraphiQL 5, React and the Monaco editor with its web workers, built
// by esbuild from `gateway/explorer/app.ts` into `gateway/dist/explorer/`. GraphiQL 5 is published as
// ES modules only (no browser build), so it is bundled here once rather than fetched from a CDN.
// `npm run build -w @rapport/gateway` (and so `npm start`) builds it; a gateway run from source
// (tests, `npm run dev`) builds it on the first request for the explorer when it is missing or stale.
//
// Plain Node runs this file for the build script (its types are stripped): it imports only Node and esbuild.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The gateway workspace's folder (this file runs from `src/` under tsx and from `dist/` when built). */
const GATEWAY = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(GATEWAY, 'explorer', 'app.ts');
/** Where the bundle lives, served at /explorer/assets/<file>. */
export const EXPLORER_BUNDLE_DIR = join(GATEWAY, 'dist', 'explorer');

/** The files of the bundle and their content types: the page loads the first two, Monaco the workers. */
export const EXPLORER_ASSETS = {
  'app.js': 'text/javascript',
  'app.css': 'text/css',
  'editor.worker.js': 'text/javascript',
  'json.worker.js': 'text/javascript',
  'graphql.worker.js': 'text/javascript',
} as const;
export type ExplorerAsset = keyof typeof EXPLORER_ASSETS;

const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
}

/** What the bundle is made of: the entry's text and the versions bundled. A change means a rebuild. */
export function explorerBundleStamp(): string {
  const versions = ['graphiql', 'react', 'react-dom', 'esbuild'].map((pkg) => `${pkg}@${versionOf(pkg)}`);
  return createHash('sha256').update(readFileSync(SOURCE)).update(versions.join(' ')).digest('hex');
}

function isCurrent(stamp: string): boolean {
  try {
    return readFileSync(join(EXPLORER_BUNDLE_DIR, 'stamp'), 'utf8') === stamp;
  } catch {
    return false;
  }
}

/**
 * Builds the bundle into EXPLORER_BUNDLE_DIR unless the one there is current; answers whether it built.
 * Written to a fresh folder and renamed into place, so two processes building at once leave one whole bundle.
 */
export async function buildExplorerBundle(options: { force?: boolean } = {}): Promise<boolean> {
  const stamp = explorerBundleStamp();
  if (!options.force && isCurrent(stamp)) return false;
  const { build } = await import('esbuild');
  const staging = `${EXPLORER_BUNDLE_DIR}.${process.pid}.${Date.now()}`;
  const common = {
    bundle: true,
    minify: true,
    legalComments: 'none',
    target: 'es2022',
    logLevel: 'error',
    absWorkingDir: GATEWAY,
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  await build({
    ...common,
    entryPoints: { app: SOURCE },
    outdir: staging,
    format: 'esm',
    // Monaco's codicon font goes into the stylesheet, so the bundle is exactly the files above.
    loader: { '.ttf': 'dataurl' },
  });
  await build({ ...common, entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, mod]) => [name, require.resolve(mod)])), outdir: staging, format: 'iife' });
  writeFileSync(join(staging, 'stamp'), stamp);
  mkdirSync(join(EXPLORER_BUNDLE_DIR, '..'), { recursive: true });
  rmSync(EXPLORER_BUNDLE_DIR, { recursive: true, force: true });
  try {
    renameSync(staging, EXPLORER_BUNDLE_DIR);
  } catch (error) {
    // Another process put its bundle in place first: keep that one.
    rmSync(staging, { recursive: true, force: true });
    if (!isCurrent(stamp)) throw error;
  }
  return true;
}

if (import.meta.main) {
  const started = performance.now();
  await buildExplorerBundle({ force: true });
  process.stdout.write(`explorer bundle: ${EXPLORER_BUNDLE_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
