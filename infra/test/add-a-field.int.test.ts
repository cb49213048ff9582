import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';

// The README's "How to add a field to a subgraph", followed literally on a scratch copy of the
// repository: every snippet of that section is applied as its sentence says (create a file, or
// insert lines after / before a named line), then the commands of its `bash` block run there.
// A snippet the test cannot place, or a command that fails, fails the test: the README stays true.

const SECTION = '## How to add a field to a subgraph';

type Step =
  { kind: 'create'; path: string; text: string } | { kind: 'insert'; path: string; where: 'after' | 'before'; line: string; text: string } | { kind: 'run'; script: string };

/** The steps of the README section `heading`: each code block with the instruction before it. */
function walkthroughSteps(readme: string, heading = SECTION): Step[] {
  const start = readme.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "${heading}"`);
  const next = readme.indexOf('\n## ', start + heading.length);
  const section = readme.slice(start, next < 0 ? undefined : next);
  // Alternating prose and fenced blocks: ```lang\n…\n```
  const parts = section.split(/^```(\w*)\n([\s\S]*?)^```$/m);
  const steps: Step[] = [];
  for (let i = 1; i < parts.length; i += 3) {
    const prose = (parts[i - 1] ?? '').replace(/\s+/g, ' ');
    const lang = parts[i] ?? '';
    const text = parts[i + 1] ?? '';
    const create = [...prose.matchAll(/Create `([^`]+)`/g)].at(-1);
    const insert = [...prose.matchAll(/[Ii]n `([^`]+)`, (after|before) the line `([^`]+)`, add:|(after|before) the line `([^`]+)`, add:/g)].at(-1);
    const lastFile = [...prose.matchAll(/[Ii]n `([^`]+)`/g)].at(-1)?.[1];
    const candidates: { at: number; step: Step }[] = [];
    if (create) candidates.push({ at: create.index, step: { kind: 'create', path: create[1]!, text } });
    if (insert) {
      // "and in the same file, before the line …" names the file of the step before.
      const path = insert[1] ?? (/in the same file/.test(prose) ? previousPath(steps) : lastFile);
      if (!path) throw new Error(`the README's step "${insert[0]}" names no file`);
      const where = (insert[2] ?? insert[4]) as 'after' | 'before';
      candidates.push({ at: insert.index, step: { kind: 'insert', path, where, line: (insert[3] ?? insert[5])!, text } });
    }
    if (lang === 'bash' && /run:\s*$/.test(prose)) candidates.push({ at: prose.length, step: { kind: 'run', script: text } });
    const step = candidates.sort((a, b) => b.at - a.at)[0]?.step;
    if (!step) throw new Error(`the README shows a snippet in "${heading}" without saying where it goes:\n${text}`);
    steps.push(step);
  }
  return steps;
}

function previousPath(steps: readonly Step[]): string | undefined {
  const last = steps.at(-1);
  return last && last.kind !== 'run' ? last.path : undefined;
}

/** Applies a create or insert step under `root`; an anchor line must be there exactly once. */
function applyStep(root: string, step: Exclude<Step, { kind: 'run' }>): void {
  const file = join(root, step.path);
  if (step.kind === 'create') {
    if (existsSync(file)) throw new Error(`${step.path} exists already: the walkthrough must add something new`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, step.text);
    return;
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.flatMap((l, i) => (l.trim() === step.line.trim() ? [i] : []));
  if (at.length !== 1) throw new Error(`${step.path} has the line \`${step.line}\` ${at.length} times, not once`);
  const added = step.text.replace(/\n$/, '').split('\n');
  const index = step.where === 'after' ? at[0]! + 1 : at[0]!;
  lines.splice(index, 0, ...added);
  writeFileSync(file, lines.join('\n'));
}

/** Copies the checkout's files (tracked and new, not ignored) to `to`, sharing its installed node_modules. */
function scratchCopy(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f.length > 0 && existsSync(join(repoRoot, f)));
  for (const f of files) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    cpSync(join(repoRoot, f), join(to, f), { preserveTimestamps: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(to, 'node_modules'), 'dir');
  // infra/bin/rapport (behind `npm run compose`) installs when package-lock.json is newer than the
  // install, and an install from the scratch copy would run `npm ci` in the node_modules it shares
  // with the checkout (emptying it: seen once). So the copy is made a second older than the install:
  // `-nt` compares nanoseconds, and a millisecond Date set with utimesSync lands up to a millisecond
  // later than the install's own time (newer, in 20 of 20 tries).
  const installed = statSync(join(repoRoot, 'node_modules', '.package-lock.json')).mtime;
  const older = new Date(installed.getTime() - 1000);
  utimesSync(join(to, 'package-lock.json'), older, older);
}

function withoutReportDir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.RAPPORT_TEST_REPORT_DIR;
  return copy;
}

function runScript(cwd: string, script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      // Without the report folder of `npm test`: the scratch copy's support tests would overwrite
      // support's own report there (a CI tally once counted 1 support test instead of 174).
      env: { ...withoutReportDir(process.env), PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'rapport-add-a-field-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the README's walkthrough: how to add a field to a subgraph", () => {
  it('reads every snippet of the section as a step with a place to go', () => {
    const steps = walkthroughSteps(readFileSync(join(repoRoot, 'README.md'), 'utf8'));

    expect(steps.map((s) => s.kind)).toEqual(['create', 'insert', 'insert', 'insert', 'insert', 'create', 'run']);
  });

  it('refuses a snippet whose place is not said, and an anchor line that is not there exactly once', () => {
    expect(() => walkthroughSteps(`${SECTION}\n\nSomething like:\n\n\`\`\`ts\nconst x = 1;\n\`\`\`\n`)).toThrow(/without saying where it goes/);
    const dir = mkdtempSync(join(tmpdir(), 'rapport-add-a-field-anchor-'));
    try {
      writeFileSync(join(dir, 'a.ts'), 'one\ntwo\ntwo\n');
      expect(() => applyStep(dir, { kind: 'insert', path: 'a.ts', where: 'after', line: 'three', text: 'x\n' })).toThrow(/0 times/);
      expect(() => applyStep(dir, { kind: 'insert', path: 'a.ts', where: 'after', line: 'two', text: 'x\n' })).toThrow(/2 times/);
      applyStep(dir, { kind: 'insert', path: 'a.ts', where: 'before', line: 'one', text: 'zero\n' });
      expect(readFileSync(join(dir, 'a.ts'), 'utf8')).toBe('zero\none\ntwo\ntwo\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works when followed literally on a scratch copy: the types are regenerated, the service typechecks, its test passes, the supergraph has the field', async () => {
    const steps = walkthroughSteps(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
    scratchCopy(scratch);
    const supergraphBefore = readFileSync(join(scratch, 'gateway', 'supergraph.graphql'), 'utf8');
    const generatedTypes = join(scratch, 'services', 'support', 'src', 'generated', 'types.ts');
    const generatedTicket = (ts: string): string => {
      const from = ts.indexOf('\nexport type Ticket = {\n');
      return from < 0 ? '' : ts.slice(from, ts.indexOf('\n};\n', from));
    };
    expect(generatedTicket(readFileSync(generatedTypes, 'utf8'))).toContain('\n  number: Scalars');
    expect(generatedTicket(readFileSync(generatedTypes, 'utf8'))).not.toContain('language');

    for (const step of steps) {
      if (step.kind !== 'run') {
        applyStep(scratch, step);
        continue;
      }
      const { code, output } = await runScript(scratch, step.script);
      expect(code, `the walkthrough's commands failed:\n${step.script}\n${output}`).toBe(0);
      expect(output).toMatch(/Tests\s+1 passed/);
    }

    // The walkthrough regenerated the support types: the field is in the generated Ticket.
    expect(generatedTicket(readFileSync(generatedTypes, 'utf8'))).toContain("\n  language: Scalars['String']['output'];\n");

    const ticketType = (sdl: string): string => {
      const from = sdl.indexOf('\ntype Ticket\n');
      return from < 0 ? '' : sdl.slice(from, sdl.indexOf('\n}\n', from));
    };
    expect(ticketType(supergraphBefore)).toContain('\n  openedAt: DateTime!\n');
    expect(ticketType(supergraphBefore)).not.toContain('language');
    // The field, with its description (printed as a block string), in the composed Ticket type.
    expect(ticketType(readFileSync(join(scratch, 'gateway', 'supergraph.graphql'), 'utf8'))).toMatch(
      /The language the customer writes in \(ISO 639-1, e\.g\. "en"\); English unless set\.\s*"""\n {2}language: String!\n/,
    );
  }, 240_000);
});
