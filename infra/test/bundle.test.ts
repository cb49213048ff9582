import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSubgraph } from '../src/build-workspace.js';

// A subgraph's bundle, built from a two-file workspace of its own: what its stack traces say without
// `--enable-source-maps` (the bundle maps them itself, reading its map on the first stack), and how it
// imports Node's built-in modules.
const workspace = mkdtempSync(join(tmpdir(), 'rapport-bundle-'));
const src = join(workspace, 'src');
const deep = join(src, 'deep.ts');
const main = join(src, 'main.ts');

beforeAll(async () => {
  mkdirSync(src, { recursive: true });
  writeFileSync(
    deep,
    [
      "import { createServer } from 'node:http';",
      '',
      'export const serverType = typeof createServer;',
      '// Curly quotes (‘’) in a comment, a string and a regular expression.',
      "export const straightened = '“quoted”'.replace(/[“”]/g, '\"');",
      'export async function failLater(what: string): Promise<never> {',
      '  await Promise.resolve();',
      '  throw new Error(`failed: ${what}`);',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    main,
    [
      "import { failLater, serverType, straightened } from './deep.js';",
      '',
      "if (process.argv[2] === 'uncaught') await failLater('uncaught');",
      "const stack = await failLater('caught').catch((error: Error) => error.stack);",
      "process.stdout.write(JSON.stringify({ stack, serverType, straightened, undici: process.moduleLoadList.some((m) => m.includes('undici')) }));",
      '',
    ].join('\n'),
  );
  await bundleSubgraph(workspace);
}, 60_000);

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

const bundle = (): string => join(workspace, 'dist', 'main.js');

describe("a subgraph's bundle", () => {
  it('maps its stack traces into the TypeScript sources, plain Node with no flag', () => {
    const out = JSON.parse(execFileSync(process.execPath, [bundle()], { encoding: 'utf8' })) as { stack: string; serverType: string; straightened: string };
    const lines = out.stack.split('\n');
    expect(lines[0]).toBe('Error: failed: caught');
    // The throw (line 8, column 9) and the await of the caller (line 4), in their own files.
    expect(lines[1]).toBe(`    at failLater (${deep}:8:9)`);
    expect(lines[2]).toMatch(new RegExp(`^    at async ${main.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:15$`));
    expect(out.serverType).toBe('function');
  });

  it('is ASCII only (one other character makes V8 hold the whole bundle in two bytes a character), meaning the same', () => {
    expect(readFileSync(bundle(), 'utf8')).not.toMatch(/[^\x00-\x7f]/);
    const out = JSON.parse(execFileSync(process.execPath, [bundle()], { encoding: 'utf8' })) as { straightened: string };
    expect(out.straightened).toBe('"quoted"');
  });

  it('prints an uncaught error with the same mapped stack', () => {
    const run = spawnSync(process.execPath, [bundle(), 'uncaught'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Error: failed: uncaught');
    expect(run.stderr).toContain(`    at failLater (${deep}:8:9)`);
    expect(run.stderr).toContain(`${main}:3:`);
  });

  it("requires Node's built-in modules instead of importing them (no ES facade: node:http's loads undici)", () => {
    const text = readFileSync(bundle(), 'utf8');
    expect(text).not.toMatch(/^import\b/m);
    expect(text).toContain('require("node:http")');
    const out = JSON.parse(execFileSync(process.execPath, [bundle()], { encoding: 'utf8' })) as { undici: boolean };
    expect(out.undici).toBe(false);
  });
});

/**
 * A one-file workspace inside the repository (so its bundle finds the libraries) whose `src/main.ts`
 * is `lines`, bundled as a subgraph before the enclosing describe's tests and removed after them;
 * `run` starts the bundle with `args` and parses what it writes as JSON.
 */
function bundledScript<T>(prefix: string, lines: string[]): { dir: string; run: (...args: string[]) => T } {
  const dir = mkdtempSync(join(import.meta.dirname, '..', prefix));
  beforeAll(async () => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'main.ts'), [...lines, ''].join('\n'));
    await bundleSubgraph(dir);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, run: (...args) => JSON.parse(execFileSync(process.execPath, [join(dir, 'dist', 'main.js'), ...args], { encoding: 'utf8' })) as T };
}

// The libraries a subgraph's bundle swaps for faster equivalents (fasterLibrariesPlugin) answer as the
// originals do. Built in a workspace inside the repository, so the bundle finds the libraries.
describe("a subgraph's bundle of Apollo Server's hashing and content negotiation", () => {
  const { dir: libraries, run } = bundledScript<{
    hashes: string[];
    expected: string[];
    // No type acceptable: undefined, written as null.
    chosen: (string | null)[];
    chosenBefore: (string | null)[];
  }>('.bundle-libraries-', [
    "import { createHash as apolloHash } from '@apollo/utils.createhash';",
    "import Negotiator from 'negotiator';",
    "import { createHash } from 'node:crypto';",
    "const texts = ['{ a }', '{ b }', '{ a }', 'x'.repeat(6000), ''];",
    "const node = (t: string, kind = 'sha256'): string => createHash(kind).update(t).digest('hex');",
    'const hashes = [',
    "  ...texts.map((t) => apolloHash('sha256').update(t).digest('hex')),",
    "  apolloHash('sha256').update('{ a').update(' }').digest('hex'),",
    "  apolloHash('sha256').update('{ a }').digest().toString('hex'),",
    "  apolloHash('sha256').update(Buffer.from('{ a }')).digest('hex'),",
    "  apolloHash('sha256').update('{ a }').digest('base64'),",
    "  apolloHash('md5').update('{ a }').digest('hex'),",
    "  apolloHash('sha256').digest('hex'),",
    '];',
    "const expected = [...texts.map((t) => node(t)), node('{ a }'), node('{ a }'), node('{ a }'), createHash('sha256').update('{ a }').digest('base64'), node('{ a }', 'md5'), node('')];",
    "const accepts = [undefined, 'application/json', 'multipart/mixed; incrementalSpec=v0.2, application/json;q=0.5', 'text/html', 'application/graphql-response+json', 'x'.repeat(300)];",
    "const choices = [['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8'], ['multipart/mixed; incrementalSpec=v0.2', 'multipart/mixed; deferSpec=20220824']];",
    'const ask = (accept: string | undefined) => new Negotiator({ headers: { accept } });',
    'const chosen = accepts.flatMap((a) => choices.flatMap((c) => [ask(a).mediaType([...c]), ask(a).mediaType([...c])]));',
    'const chosenBefore = accepts.flatMap((a) => choices.flatMap((c) => [ask(a).mediaTypes([...c])[0], ask(a).mediaTypes([...c])[0]]));',
    'process.stdout.write(JSON.stringify({ hashes, expected, chosen, chosenBefore }));',
  ]);

  it('remembers hashes of texts and media types chosen, and answers what the libraries answer', () => {
    const text = readFileSync(join(libraries, 'dist', 'main.js'), 'utf8');
    expect(text).toContain('REMEMBERED_HASHES');
    expect(text).toContain('rememberMediaTypes');
    const out = run();
    expect(out.hashes).toEqual(out.expected);
    expect(out.chosen).toEqual(out.chosenBefore);
    expect(out.chosen).toContain('application/graphql-response+json; charset=utf-8');
    expect(out.chosen).toContain(null);
  });
});

// A subgraph's build validates its SDL as the service assembles it (an invalid one fails the build) and
// records its digest; the bundle's `buildSubgraphSchema` then honours `assumeValidSDL`, which the kit
// passes for that SDL only. Under `services/` (what makes a workspace a subgraph), inside the repository
// (the build resolves graphql and @apollo/subgraph from the workspace).
describe("a subgraph's build and its SDL", () => {
  const repoTmp = mkdtempSync(join(import.meta.dirname, '..', '.bundle-test-'));
  const subgraph = join(repoTmp, 'services', 'notes');
  const write = (file: string, text: string): void => {
    mkdirSync(join(subgraph, 'src'), { recursive: true });
    writeFileSync(join(subgraph, 'src', file), text);
  };

  beforeAll(() => {
    write(
      'main.ts',
      [
        "import { buildSubgraphSchema } from '@apollo/subgraph';",
        "import { parse } from 'graphql';",
        "const typeDefs = parse('type Query { note: String @nope }');",
        'const build = buildSubgraphSchema as (modules: { typeDefs: typeof typeDefs }[], options: { assumeValidSDL: boolean }) => unknown;',
        'const attempt = (assumeValidSDL: boolean): string => {',
        '  try {',
        '    build([{ typeDefs }], { assumeValidSDL });',
        "    return 'built';",
        '  } catch (error) {',
        '    return (error as Error).message;',
        '  }',
        '};',
        'process.stdout.write(JSON.stringify({ assumed: attempt(true), validated: attempt(false) }));',
        '',
      ].join('\n'),
    );
  });

  afterAll(() => {
    rmSync(repoTmp, { recursive: true, force: true });
  });

  it('fails on an SDL graphql refuses', async () => {
    write('note.graphql', 'type Note @key(fields: "id") { id: ID! text: Nowhere }\nextend type Query { note: Note }\n');
    await expect(bundleSubgraph(subgraph)).rejects.toThrow(/Unknown type "Nowhere"/);
  }, 60_000);

  it('records the digest of the SDL it validated, and the bundle skips the SDL rules only when asked', async () => {
    write('note.graphql', 'type Note @key(fields: "id") { id: ID! text: String }\nextend type Query { note: Note }\n');
    await bundleSubgraph(subgraph);
    expect(readFileSync(join(subgraph, 'dist', 'sdl.validated'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    const out = JSON.parse(execFileSync(process.execPath, [join(subgraph, 'dist', 'main.js')], { encoding: 'utf8' })) as { assumed: string; validated: string };
    expect(out.assumed).toBe('built');
    expect(out.validated).toMatch(/Unknown directive "@nope"/);
  }, 60_000);
});

// kafkajs hands its logger `{ stack: e.stack }` whatever its level; in a bundle reading a stack can
// cost the parse of the whole source map (LAZY_SOURCE_MAPS), so the bundle reads it only for a line
// kafkajs writes. Here an admin's event listener fails (kafkajs logs it at error, with its stack).
describe("a subgraph's bundle of kafkajs' log lines", () => {
  const { run } = bundledScript<{ reads: number; logged: (string | undefined)[] }>('.bundle-kafkajs-', [
    "import { Kafka, logLevel } from 'kafkajs';",
    'let reads = 0;',
    "const failure = new Error('listener failed');",
    "Object.defineProperty(failure, 'stack', { get: () => { reads += 1; return 'Error: listener failed (its stack)'; } });",
    'const logged: (string | undefined)[] = [];',
    'const kafka = new Kafka({',
    "  brokers: ['127.0.0.1:9'],",
    "  logLevel: logLevel[process.argv[2] as 'NOTHING' | 'ERROR'],",
    '  logCreator: () => ({ log }) => { logged.push((log as { stack?: string }).stack); },',
    '});',
    'const admin = kafka.admin();',
    'admin.on(admin.events.DISCONNECT, () => Promise.reject(failure));',
    'await admin.disconnect();',
    'await new Promise((resolve) => setImmediate(resolve));',
    'process.stdout.write(JSON.stringify({ reads, logged }));',
  ]);

  it('reads an error stack it logs only when it writes the line', () => {
    const off = run('NOTHING');
    expect(off.reads).toBe(0);
    expect(off.logged).toEqual([]);
    const on = run('ERROR');
    expect(on.reads).toBeGreaterThan(0);
    expect(on.logged).toContain('Error: listener failed (its stack)');
  });
});
