// `npm run build` in a workspace (turbo's `build` task; `npm start` runs it first): its `src/` compiled
// ahead of time into `dist/`, file for file, so `npm start` runs the services and the gateway with
// plain Node instead of compiling them at every launch under tsx. TypeScript's own emitter, one file
// at a time (the code is written for `isolatedModules` and `verbatimModuleSyntax`, so no file needs
// another's types to be emitted); type checking stays with `npm run typecheck`. The SDL files a
// subgraph reads at start-up are copied beside the code. Tests, benchmarks and fixtures stay out.
//
// A subgraph's entry point is then bundled (`bundleSubgraph`; the gateway's likewise, `bundleGateway`):
// `dist/main.js` becomes one file holding the service, the workspace packages and their libraries. Loading some 1,400 modules one by one
// (resolving, reading, compiling and linking each) was most of a subgraph's start-up; one file loads
// in about a third of the CPU. The other files of `dist/` stay (the SDL is read from there).
//
// Plain Node runs this file (its types are stripped): it imports only Node, TypeScript and esbuild.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
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

/**
 * Libraries left out of a subgraph's bundle, loaded from node_modules: the PDF and spreadsheet
 * libraries only printing, imports and exports load (on first use), pg's optional native binding,
 * and kafkajs, whose request queue @rapport/bus patches through `require` (a bundled copy would
 * run unpatched beside the patched one).
 */
export const UNBUNDLED = ['pdfkit', 'exceljs', 'pg-native', 'kafkajs'];

/** Whether `workspace` is a subgraph whose `dist/main.js` is bundled. */
export const bundlesEntry = (workspace: string): boolean => basename(dirname(workspace)) === 'services' && existsSync(join(workspace, 'src', 'main.ts'));

/** Whether `workspace` is the gateway, whose `dist/main.js` is bundled too ({@link bundleGateway}). */
export const isGateway = (workspace: string): boolean => basename(workspace) === 'gateway' && existsSync(join(workspace, 'src', 'main.ts'));

/**
 * In a bundle every module would see the bundle's own `import.meta.url`, `__dirname` and
 * `__filename`: each module gets the ones it has when built file for file instead (a workspace
 * file's compiled place in its `dist/`, a library's own file), so paths it derives (the SDL folder,
 * a `createRequire`) stay where they were. A library naming `__dirname` in a string or declaring its
 * own would not parse after the replacement: the build fails, it does not change silently.
 */
function ownLocation(file: string): string {
  const inWorkspaceSrc = !file.includes(`${sep}node_modules${sep}`) && file.includes(`${sep}src${sep}`) && /\.ts$/.test(file);
  return inWorkspaceSrc ? file.replace(`${sep}src${sep}`, `${sep}dist${sep}`).replace(/\.ts$/, '.js') : file;
}

const ownLocationPlugin: esbuild.Plugin = {
  name: 'own-location',
  setup(build) {
    build.onLoad({ filter: /\.(m?[jt]s|cjs)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/import\.meta\.(url|dirname|filename)|\b__dirname\b|\b__filename\b/.test(source)) return undefined;
      const own = ownLocation(args.path);
      const contents = source
        .replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(own).href))
        .replace(/import\.meta\.dirname|\b__dirname\b/g, JSON.stringify(dirname(own)))
        .replace(/import\.meta\.filename|\b__filename\b/g, JSON.stringify(own));
      const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
      return { contents, loader, resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Libraries' code swapped for a faster equivalent in a subgraph's bundle; each one changes the cost of
 * every request, not what it does:
 * - `@apollo/utils.createhash` (Apollo Server hashes every operation's text, the key of its parsed
 *   document cache) asks `module.require`, which a bundled CommonJS module lacks: it fell back to the
 *   pure-JavaScript SHA-256 of `sha.js`. Node's own is what it would use unbundled.
 * - graphql's `instanceOf` outside NODE_ENV=production also compares class names when `instanceof`
 *   fails, to explain a second copy of graphql (another realm) — on every failing type check of
 *   every request; a bundle holds one copy, so the plain `instanceof` answers the same.
 */
const fasterLibrariesPlugin: esbuild.Plugin = {
  name: 'faster-libraries',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({ path: 'createhash', namespace: 'faster-libraries' }));
    build.onLoad({ filter: /^createhash$/, namespace: 'faster-libraries' }, () => ({
      contents: "export { createHash } from 'node:crypto';",
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]graphql[\\/]jsutils[\\/]instanceOf\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const check = /process\.env\.NODE_ENV === 'production'/;
      if (!check.test(source)) throw new Error(`${args.path}: graphql's production check changed; see fasterLibrariesPlugin`);
      return { contents: source.replace(check, 'true'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * esbuild's `keepNames` helper, as it emits it, and a replacement that leaves a function alone when it
 * already has the name (a function declaration, a named function expression): `keepNames` calls it
 * for every nested function and closure each time its enclosing function runs (per request), and
 * `Object.defineProperty` on a fresh function is not cheap. Setting a name a function has changes nothing.
 */
const NAME_HELPER = 'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';
const CHEAPER_NAME_HELPER = 'var __name = (target, value) => target.name === value ? target : __defProp(target, "name", { value, configurable: true });';

/**
 * Bundles subgraph `workspace`'s `src/main.ts` (with the workspace packages' sources and the
 * libraries but {@link UNBUNDLED}) into `dist/main.js`, with a source map into the sources.
 * Run after `buildWorkspace` (which writes the rest of `dist/`). `more`: libraries also left out and
 * expressions replaced, for the gateway's bundle ({@link bundleGateway}).
 */
export async function bundleSubgraph(workspace: string, more: { external?: string[]; define?: Record<string, string> } = {}): Promise<{ bytes: number }> {
  const outfile = join(workspace, 'dist', 'main.js');
  const result = await esbuild.build({
    entryPoints: [join(workspace, 'src', 'main.ts')],
    outfile,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: 'linked',
    // The map points into the files on disk (a smaller map: Node reads it at start for --enable-source-maps).
    sourcesContent: false,
    external: [...UNBUNDLED, ...(more.external ?? [])],
    ...(more.define ? { define: more.define } : {}),
    // Classes keep their names: MikroORM finds its Migrator extension by name (else it imports a
    // second copy of itself from node_modules) and names entities and errors after their classes.
    keepNames: true,
    // CommonJS libraries in an ES module bundle call `require` (kafkajs, pg, …): Node's own, from here.
    banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" },
    plugins: [fasterLibrariesPlugin, ownLocationPlugin],
    logLevel: 'silent',
    metafile: true,
    write: false,
  });
  if (result.errors.length > 0) throw new Error(`${workspace}: ${result.errors.map((e) => e.text).join('; ')}`);
  let bytes = 0;
  for (const file of result.outputFiles) {
    let contents = file.text;
    if (file.path === outfile) {
      // One line of the same count: the source map's lines stay where they were.
      if (!contents.includes(NAME_HELPER)) throw new Error(`${workspace}: esbuild's __name helper changed; see CHEAPER_NAME_HELPER`);
      contents = contents.replace(NAME_HELPER, CHEAPER_NAME_HELPER);
    }
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, contents);
    bytes += Buffer.byteLength(contents);
  }
  return { bytes };
}

/**
 * Bundles the gateway's `src/main.ts` into `dist/main.js` as {@link bundleSubgraph} does a subgraph's,
 * with the same libraries left out, and esbuild, which the gateway imports only to build a missing
 * explorer bundle (`dist/explorer/`, built beside it by `src/explorer-bundle.ts`; its place is derived
 * from the module's own `import.meta.url`, kept by the plugin). `import.meta.main` is the bundle's in
 * every module bundled: it is defined false, or `explorer-bundle.ts`, which asks it to know whether it
 * runs as the build script, would rebuild the explorer at every start.
 */
export const bundleGateway = (workspace: string): Promise<{ bytes: number }> => bundleSubgraph(workspace, { external: ['esbuild'], define: { 'import.meta.main': 'false' } });

/** Bundles `workspace`'s entry if it is a subgraph or the gateway; answers the bundle's size, or undefined. */
export async function bundleEntry(workspace: string): Promise<{ bytes: number } | undefined> {
  if (bundlesEntry(workspace)) return bundleSubgraph(workspace);
  if (isGateway(workspace)) return bundleGateway(workspace);
  return undefined;
}

if (import.meta.main) {
  const { compiled, copied } = buildWorkspace(process.cwd());
  const bundle = await bundleEntry(process.cwd());
  const bundled = bundle ? `, dist/main.js bundled (${(bundle.bytes / 1e6).toFixed(1)} MB)` : '';
  process.stdout.write(`dist: ${compiled} compiled, ${copied} copied${bundled}\n`);
}
