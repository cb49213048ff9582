// CPU to ready of two builds of the subgraphs, launched alternately: each subgraph alone, or the seven
// together, from two repository roots (a worktree at a base commit and this one, each built with
// `turbo run build --force`). Each bundle runs as `rapport start` runs it (plain Node, its tree's own
// compile cache) on one private PostgreSQL and the broker at KAFKA_BROKERS; `/ready` is polled every
// 20 ms and the CPU is the process's user + system time at its first ready (a figure the machine's
// load disturbs less than the time). One unmeasured launch of each first (migrations, topics, caches).
//   npx tsx infra/bench/start-ab.bench.ts <base root> <new root> <sales,identity,…|together> [pairs]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startPrivatePostgres } from '../src/private-postgres.js';
import { freePort } from '../src/processes.js';
import { SUBGRAPHS } from '../src/services.js';

const [baseRoot = '', newRoot = '', what = 'together', pairsArg = '3'] = process.argv.slice(2);
if (!baseRoot || !newRoot) throw new Error('usage: start-ab.bench.ts <base root> <new root> <names|together> [pairs]');
const trees = { base: baseRoot, new: newRoot };
type Tree = keyof typeof trees;
const pairs = Number(pairsArg);
const postgres = await startPrivatePostgres();
const topicPrefix = `startab${Date.now().toString(36)}.`;
const load = (): string => (loadavg()[0] ?? 0).toFixed(1);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** CPU milliseconds (USER_HZ 100) and resident MB of process `pid`. */
function usage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpuMs: (Number(fields[11]) + Number(fields[12])) * 10, rssMb: Math.round(rssKb / 1024) };
}

/** Launches `name` of `tree`, waits for its first /ready answer, reads its usage, stops it. */
async function launch(tree: Tree, name: string): Promise<{ readyMs: number; cpuMs: number; rssMb: number }> {
  const root = trees[tree];
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--conditions=rapport-dist', `${root}/services/${name}/dist/main.js`], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: postgres.url,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
      NODE_COMPILE_CACHE: `${root}/.rapport/compile-cache`,
      // Tokens are verified per request, not at start: no identity needed.
      AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (child.exitCode !== null) throw new Error(`${tree} ${name} exited with ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
  }
  const readyMs = performance.now() - began;
  const used = usage(child.pid ?? 0);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { readyMs, ...used };
}

/** base then new in even pairs, new then base in odd ones. */
const order = (pair: number): Tree[] => (pair % 2 === 0 ? ['base', 'new'] : ['new', 'base']);
const names = what === 'together' ? SUBGRAPHS.map((s) => s.name) : what.split(',');
try {
  for (const name of names) for (const tree of ['new', 'base'] as const) await launch(tree, name);
  if (what === 'together') {
    for (let pair = 0; pair < pairs; pair += 1) {
      for (const tree of order(pair)) {
        const at = load();
        const all = await Promise.all(names.map((name) => launch(tree, name)));
        const cpuMs = all.reduce((sum, r) => sum + r.cpuMs, 0);
        const rss = all.map((r) => r.rssMb);
        process.stdout.write(
          `together ${tree} (load ${at}): last ready ${seconds(Math.max(...all.map((r) => r.readyMs)))}, CPU summed ${seconds(cpuMs)}, RSS ${Math.min(...rss)}-${Math.max(...rss)} MB\n`,
        );
      }
    }
  } else {
    for (const name of names) {
      const cpu: Record<Tree, number[]> = { base: [], new: [] };
      for (let pair = 0; pair < pairs; pair += 1) {
        for (const tree of order(pair)) {
          const at = load();
          const r = await launch(tree, name);
          cpu[tree].push(r.cpuMs);
          process.stdout.write(`${name} ${tree} (load ${at}): ready ${seconds(r.readyMs)}, CPU ${seconds(r.cpuMs)}, RSS ${r.rssMb} MB\n`);
        }
      }
      const mean = (values: number[]): string => seconds(values.reduce((a, b) => a + b, 0) / values.length);
      process.stdout.write(`${name}: CPU to ready, mean of ${pairs}: base ${mean(cpu.base)}, new ${mean(cpu.new)}\n`);
    }
  }
} finally {
  await postgres.stop();
}
