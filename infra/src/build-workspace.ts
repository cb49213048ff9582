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
import { createHash } from 'node:crypto';
import { builtinModules, createRequire } from 'node:module';
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
 * libraries only printing, imports and exports load (on first use), and pg's optional native
 * binding. kafkajs is bundled: @rapport/bus imports the kafkajs modules it patches (its request
 * queue) by their paths, so the bundle holds one copy, the patched one. Loaded from node_modules,
 * its ~140 files cost a subgraph ~0.25 s of CPU at start, resolving and compiling each.
 */
export const UNBUNDLED = ['pdfkit', 'exceljs', 'pg-native'];

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
 * `@apollo/utils.createhash` in a bundle: Node's hashes, and a SHA-256 of one short text (Apollo
 * Server's key of a request's parsed document: `createHash('sha256').update(query).digest('hex')`)
 * answered from the texts hashed last. Building a Node Hash object cost more than the rest of
 * finding the document (a map read); a client sends the same few texts again and again. At most
 * REMEMBERED_HASHES texts of at most REMEMBERED_TEXT_LENGTH characters are kept (the oldest goes
 * first); anything else (another algorithm or encoding, a Buffer, a second update) is Node's hash.
 */
export const REMEMBERING_CREATEHASH = `import { createHash as nodeCreateHash } from 'node:crypto';
const REMEMBERED_HASHES = 500;
const REMEMBERED_TEXT_LENGTH = 5000;
const remembered = new Map();
class TextSha256 {
  #text;
  #hash;
  #nodeHash() {
    if (this.#hash === undefined) {
      this.#hash = nodeCreateHash('sha256');
      if (this.#text !== undefined) this.#hash.update(this.#text);
      this.#text = undefined;
    }
    return this.#hash;
  }
  update(data, encoding) {
    if (this.#hash === undefined && this.#text === undefined && typeof data === 'string' && encoding === undefined) this.#text = data;
    else this.#nodeHash().update(data, encoding);
    return this;
  }
  digest(encoding) {
    const text = this.#text;
    if (text === undefined || encoding !== 'hex' || text.length > REMEMBERED_TEXT_LENGTH) return this.#nodeHash().digest(encoding);
    let hex = remembered.get(text);
    if (hex === undefined) {
      hex = nodeCreateHash('sha256').update(text).digest('hex');
      if (remembered.size >= REMEMBERED_HASHES) remembered.delete(remembered.keys().next().value);
      remembered.set(text, hex);
    }
    return hex;
  }
}
export function createHash(kind) {
  return kind === 'sha256' ? new TextSha256() : nodeCreateHash(kind);
}
`;

/**
 * Appended to `negotiator`'s index in a bundle: `mediaType` (the preferred one of `available`)
 * answered from the last answers for the same \`Accept\` header and choices. Apollo Server asks it on
 * every request (whether the client takes the legacy incremental format; which JSON type to answer),
 * and parsing the header and sorting the choices cost more than the rest of executing a small query.
 * A string answer is kept (the first of a fresh list: nobody shares it); at most 100 headers of at
 * most 200 characters, the oldest forgotten first.
 */
export const REMEMBERING_NEGOTIATOR = `
;(function rememberMediaTypes() {
  var choose = Negotiator.prototype.mediaType;
  var chosen = new Map();
  Negotiator.prototype.mediaType = function mediaType(available) {
    var accept = this.request.headers.accept;
    if (!Array.isArray(available) || (accept !== undefined && (typeof accept !== 'string' || accept.length > 200))) return choose.call(this, available);
    var key = (accept === undefined ? 'none' : 'accept ' + accept) + '\\n' + available.join('\\n');
    var known = chosen.get(key);
    if (known !== undefined || chosen.has(key)) return known;
    var answer = choose.call(this, available);
    if (answer !== undefined && typeof answer !== 'string') return answer;
    if (chosen.size >= 100) chosen.delete(chosen.keys().next().value);
    chosen.set(key, answer);
    return answer;
  };
})();
`;

/** kafkajs' log fields `stack: e.stack` (`error.stack`), made a getter by {@link fasterLibrariesPlugin}. */
const LAZY_KAFKAJS_STACK = /\bstack: (e|error)\.stack\b/g;

/**
 * Libraries' code swapped for a faster equivalent in a subgraph's bundle; each one changes the cost of
 * every request, not what it does:
 * - `@apollo/utils.createhash` (Apollo Server hashes every operation's text, the key of its parsed
 *   document cache) asks `module.require`, which a bundled CommonJS module lacks: it fell back to the
 *   pure-JavaScript SHA-256 of `sha.js`. Node's own is what it would use unbundled, and the hash of a
 *   text sent again is remembered (REMEMBERING_CREATEHASH).
 * - `negotiator`'s `mediaType` remembers its answers (REMEMBERING_NEGOTIATOR).
 * - graphql's `instanceOf` outside NODE_ENV=production also compares class names when `instanceof`
 *   fails, to explain a second copy of graphql (another realm) — on every failing type check of
 *   every request; a bundle holds one copy, so the plain `instanceof` answers the same.
 * - kafkajs passes `{ stack: e.stack }` to its logger at levels that are off (`debug` in its consumer's
 *   runner when a fetch fails, as every stop makes one fail: `abortFetches` in @rapport/bus): reading
 *   `stack` formats it, and a bundle's first formatted stack reads and parses its source map
 *   (`LAZY_SOURCE_MAPS`), some 0.5 s of CPU. A getter reads it only when a log line is written
 *   (kafkajs copies the fields with `Object.assign` after its level check) (LAZY_KAFKAJS_STACK).
 */
const fasterLibrariesPlugin: esbuild.Plugin = {
  name: 'faster-libraries',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({ path: 'createhash', namespace: 'faster-libraries' }));
    build.onLoad({ filter: /^createhash$/, namespace: 'faster-libraries' }, () => ({ contents: REMEMBERING_CREATEHASH, loader: 'js' }));
    build.onLoad({ filter: /[\\/]node_modules[\\/]negotiator[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/Negotiator\.prototype\.mediaType = function mediaType\(available\) \{\n\s*var set = this\.mediaTypes\(available\);\n\s*return set && set\[0\];/.test(source)) {
        throw new Error(`${args.path}: negotiator's mediaType changed; see REMEMBERING_NEGOTIATOR`);
      }
      return { contents: source + REMEMBERING_NEGOTIATOR, loader: 'js', resolveDir: dirname(args.path) };
    });
    build.onLoad({ filter: /[\\/]node_modules[\\/]kafkajs[\\/]src[\\/].+\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(LAZY_KAFKAJS_STACK, 'get stack() { return $1.stack }');
      if (contents === source && /[\\/]consumer[\\/]runner\.js$/.test(args.path)) {
        throw new Error(`${args.path}: kafkajs' runner no longer logs { stack: e.stack }; see LAZY_KAFKAJS_STACK`);
      }
      return contents === source ? undefined : { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
    build.onLoad({ filter: /[\\/]graphql[\\/]jsutils[\\/]instanceOf\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const check = /process\.env\.NODE_ENV === 'production'/;
      if (!check.test(source)) throw new Error(`${args.path}: graphql's production check changed; see fasterLibrariesPlugin`);
      return { contents: source.replace(check, 'true'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** Node's built-in modules, by their bare names (`fs`, `timers/promises`, …). */
const BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/**
 * A bundle's `import … from 'node:http'` (any built-in module) made a `require` of it. An ES module
 * import of a built-in makes Node build the module's ES facade, which reads every one of its
 * exports, getters included: `node:http`'s load Node's internal undici (its fetch, WebSocket, …;
 * 46–66 ms of CPU measured apart), `node:process`'s build the set of allowed flags. A `require`
 * reads nothing until the code uses a name, and the names a module imports are read on use, as
 * the bundle reads any CommonJS module's.
 */
const builtinsByRequirePlugin: esbuild.Plugin = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.kind !== 'import-statement' || !BUILTINS.has(name)) return undefined;
      return { path: `node:${name}`, namespace: 'builtin-by-require' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * Stack traces mapped into the sources from the bundle's source map, read when the first stack is
 * formatted instead of at start: Node's `--enable-source-maps` reads and parses the whole map
 * (3–4 MB) and measures every line of the bundle as it loads it, ~75 ms of CPU per process at
 * every start, though most processes never print a stack. A frame in the bundle gets the place in
 * the TypeScript source its map gives (as Node prints it with the flag); other frames stay as V8
 * writes them. Plain JavaScript, run first in the bundle (its banner).
 */
export const LAZY_SOURCE_MAPS = `{
  const bundleUrl = import.meta.url;
  let bundleMap;
  const mapOfBundle = () => {
    if (bundleMap !== undefined) return bundleMap;
    bundleMap = null;
    try {
      const { readFileSync } = process.getBuiltinModule('node:fs');
      const { SourceMap } = process.getBuiltinModule('node:module');
      const mapUrl = new URL(bundleUrl.slice(bundleUrl.lastIndexOf('/') + 1) + '.map', bundleUrl);
      const payload = JSON.parse(readFileSync(mapUrl, 'utf8'));
      const root = new URL(payload.sourceRoot ? payload.sourceRoot.replace(/\\/?$/, '/') : './', mapUrl);
      payload.sources = payload.sources.map((source) => new URL(source, root).href);
      payload.sourceRoot = '';
      bundleMap = new SourceMap(payload);
    } catch {
      // No map, or not readable: frames stay as they are.
    }
    return bundleMap;
  };
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const frame = (site) => {
    const text = String(site);
    if (site.getFileName() !== bundleUrl) return text;
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const entry = line && column ? mapOfBundle()?.findEntry(line - 1, column - 1) : undefined;
    if (!entry?.originalSource) return text;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    const at = bundleUrl + ':' + line + ':' + column;
    const index = text.lastIndexOf(at);
    return index < 0 ? text : text.slice(0, index) + source + ':' + (entry.originalLine + 1) + ':' + (entry.originalColumn + 1) + text.slice(index + at.length);
  };
  Error.prepareStackTrace = (error, sites) => {
    let header;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = '<error>';
    }
    return sites.length === 0 ? header : header + '\\n    at ' + sites.map(frame).join('\\n    at ');
  };
}`;

/**
 * esbuild's `keepNames` helper, as it emits it, and a replacement that leaves a function alone when it
 * already has the name (a function declaration, a named function expression): `keepNames` calls it
 * for every nested function and closure each time its enclosing function runs (per request), and
 * `Object.defineProperty` on a fresh function is not cheap. Setting a name a function has changes nothing.
 */
const NAME_HELPER = 'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';
const CHEAPER_NAME_HELPER = 'var __name = (target, value) => target.name === value ? target : __defProp(target, "name", { value, configurable: true });';

/**
 * `source` with every character outside ASCII written as its `\uXXXX` escape. esbuild escapes them
 * in code (its `charset: 'ascii'`) but keeps them in comments and left one in a regular expression
 * (a library's `/[‘“…]/`): one such character makes the whole bundle a two-byte string for V8, which
 * Node decodes from UTF-8 at every start (about twice the time of an ASCII file, some 30–100 ms for
 * a 7 MB bundle). An escape means the same character in a string, a template, a regular expression
 * or an identifier, and is text in a comment. Columns after it on its line move by five per
 * character (comments, mostly, on lines of their own).
 */
export const asciiOnly = (source: string): string => source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Where `@apollo/subgraph` builds the schema from the federated document, as its 2.15 build writes it. */
const APOLLO_BUILD = 'function buildSubgraphSchema(modulesOrSDL) {';
const APOLLO_AST = '(0, graphql_1.buildASTSchema)(subgraph.document);';

/**
 * `@apollo/subgraph`'s `buildSubgraphSchema` in a subgraph's bundle takes graphql's `buildASTSchema`
 * options as a second argument (the kit's `buildSchema` passes `assumeValidSDL` when the build
 * validated the very SDL: {@link validateSubgraphSdl}); unpatched it validates the SDL at every start.
 */
const sdlValidatedPlugin: esbuild.Plugin = {
  name: 'sdl-validated',
  setup(build) {
    build.onLoad({ filter: /[\\/]@apollo[\\/]subgraph[\\/]dist[\\/]buildSubgraphSchema\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(APOLLO_BUILD) || !source.includes(APOLLO_AST)) throw new Error(`${args.path}: @apollo/subgraph's schema building changed; see sdlValidatedPlugin`);
      const contents = source
        .replace(APOLLO_BUILD, 'function buildSubgraphSchema(modulesOrSDL, astOptions) {')
        .replace(APOLLO_AST, '(0, graphql_1.buildASTSchema)(subgraph.document, astOptions);');
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Validates subgraph `workspace`'s SDL, assembled as it runs (the kit's `loadSdl`, which `npm run
 * compose` uses too), by building its subgraph schema as the service does: an invalid SDL fails the
 * build. Writes the SDL's SHA-256 to `dist/sdl.validated` (`VALIDATED_SDL_FILE` in the kit), which
 * lets the bundled start skip graphql's SDL validation for that SDL and no other.
 */
async function validateSubgraphSdl(workspace: string): Promise<void> {
  const root = join(import.meta.dirname, '..', '..');
  // The kit's SDL reader imports only Node: plain Node runs its source (types stripped).
  const { loadSdl, VALIDATED_SDL_FILE } = (await import(pathToFileURL(join(root, 'packages', 'subgraph-kit', 'src', 'sdl.ts')).href)) as {
    loadSdl: (srcDir: string, service?: string) => string;
    VALIDATED_SDL_FILE: string;
  };
  const sdl = loadSdl(join(workspace, 'src'), basename(workspace));
  const require = createRequire(join(workspace, 'package.json'));
  const { parse } = require('graphql') as { parse: (source: string) => unknown };
  const { buildSubgraphSchema } = require('@apollo/subgraph') as { buildSubgraphSchema: (modules: { typeDefs: unknown }[]) => unknown };
  buildSubgraphSchema([{ typeDefs: parse(sdl) }]);
  mkdirSync(join(workspace, 'dist'), { recursive: true });
  writeFileSync(join(workspace, 'dist', VALIDATED_SDL_FILE), `${createHash('sha256').update(sdl).digest('hex')}\n`);
}

/**
 * Bundles subgraph `workspace`'s `src/main.ts` (with the workspace packages' sources and the
 * libraries but {@link UNBUNDLED}) into `dist/main.js`, with a source map into the sources.
 * Run after `buildWorkspace` (which writes the rest of `dist/`). `more`: libraries also left out and
 * expressions replaced, for the gateway's bundle ({@link bundleGateway}).
 */
export async function bundleSubgraph(workspace: string, more: { external?: string[]; define?: Record<string, string> } = {}): Promise<{ bytes: number }> {
  const outfile = join(workspace, 'dist', 'main.js');
  const subgraph = bundlesEntry(workspace);
  if (subgraph) await validateSubgraphSdl(workspace);
  const result = await esbuild.build({
    entryPoints: [join(workspace, 'src', 'main.ts')],
    outfile,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: 'linked',
    // The map points into the files on disk (a smaller map: read when the first stack trace is formatted).
    sourcesContent: false,
    external: [...UNBUNDLED, ...(more.external ?? [])],
    ...(more.define ? { define: more.define } : {}),
    // Classes keep their names: MikroORM finds its Migrator extension by name (else it imports a
    // second copy of itself from node_modules) and names entities and errors after their classes.
    keepNames: true,
    // CommonJS libraries in an ES module bundle call `require` (kafkajs, pg, …): Node's own, from here
    // (taken without an ES import of node:module, see builtinsByRequirePlugin). Then the source maps.
    banner: { js: `const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);\n${LAZY_SOURCE_MAPS}` },
    plugins: [builtinsByRequirePlugin, fasterLibrariesPlugin, ...(subgraph ? [sdlValidatedPlugin] : []), ownLocationPlugin],
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
      contents = asciiOnly(contents.replace(NAME_HELPER, CHEAPER_NAME_HELPER));
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
