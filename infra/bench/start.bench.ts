// Start-up of the system, tsx against the built start (`npm start`): each subgraph's time from launch
// to ready (all launched together, as `npm start` does, and each launched alone, the others not
// running, as a restart of one service is), the gateway's, the whole system's from the first
// launch, each process's resident memory once everything is ready, and each subgraph's CPU to ready
// (alone: a figure the machine's load disturbs less than the time). On a private PostgreSQL
// (migrated by a first, unmeasured launch) and the broker at KAFKA_BROKERS.
//   npx tsx infra/bench/start.bench.ts [rounds] [--no-build] [--built-only]   (from the repo root)
// It builds first, as npm start does (`turbo run build`); --no-build uses the dist/ already there;
// --built-only leaves out the tsx rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTopicPrefix } from '@rapport/testing';
import { groupCpuMs, groupRssKb, launchSubgraphAlone, launchSystem, type LaunchMode, type LaunchOptions } from '../src/launch-system.js';
import { startPrivatePostgres } from '../src/private-postgres.js';
import { SUBGRAPHS } from '../src/services.js';
import { buildAll } from '../src/start-command.js';

const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')));
const rounds = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 1);
const modes: LaunchMode[] = flags.has('--built-only') ? ['built'] : ['tsx', 'built'];
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const dir = mkdtempSync(join(tmpdir(), 'rapport-start-bench-'));
const postgres = await startPrivatePostgres();
const options = (mode: LaunchMode): LaunchOptions => ({ mode, databaseUrl: postgres.url, brokers, topicPrefix: testTopicPrefix(), dir });

interface Figures {
  readyMs: Map<string, number[]>;
  rssKb: Map<string, number[]>;
  totalMs: number[];
  aloneMs: Map<string, number[]>;
  aloneCpuMs: Map<string, number[]>;
}
const empty = (): Figures => ({ readyMs: new Map(), rssKb: new Map(), totalMs: [], aloneMs: new Map(), aloneCpuMs: new Map() });
const figures: Record<LaunchMode, Figures> = { tsx: empty(), built: empty() };
const push = (map: Map<string, number[]>, key: string, value: number): void => {
  map.set(key, [...(map.get(key) ?? []), value]);
};
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

async function together(mode: LaunchMode, measured: boolean): Promise<void> {
  const system = await launchSystem(options(mode));
  try {
    if (!measured) return;
    for (const p of [...system.subgraphs, system.gateway]) {
      push(figures[mode].readyMs, p.spec.name, p.readyMs);
      push(figures[mode].rssKb, p.spec.name, groupRssKb(p.process.pid));
    }
    figures[mode].totalMs.push(system.totalMs);
  } finally {
    await system.stop();
  }
}

/** Each subgraph launched alone, one after the other; the CPU its process group used until ready. */
async function alone(mode: LaunchMode, measured: boolean): Promise<void> {
  for (const { name } of SUBGRAPHS) {
    const launched = await launchSubgraphAlone(options(mode), name);
    try {
      if (!measured) continue;
      push(figures[mode].aloneMs, name, launched.readyMs);
      push(figures[mode].aloneCpuMs, name, groupCpuMs(launched.process.pid));
    } finally {
      await launched.stop();
    }
  }
}

try {
  if (!flags.has('--no-build')) {
    const built = performance.now();
    await buildAll();
    process.stdout.write(`build (turbo run build, cached where unchanged): ${((performance.now() - built) / 1000).toFixed(1)} s\n`);
  }
  // Unmeasured: migrates the databases, and fills Node's compile cache (as any earlier start has).
  await together('built', false);
  await alone('built', false);
  process.stdout.write(`load average at the start: ${load()}\n`);
  for (let i = 0; i < rounds; i += 1) {
    for (const mode of modes) {
      await together(mode, true);
      await alone(mode, true);
    }
  }
  process.stdout.write(`load average at the end: ${load()}\n`);
  const median = (values: number[] | undefined): number => [...(values ?? [])].sort((a, b) => a - b)[Math.floor((values?.length ?? 0) / 2)] ?? NaN;
  const seconds = (ms: number): string => (Number.isNaN(ms) ? '' : `${(ms / 1000).toFixed(2)} s`);
  const columns: [string, (name: string) => string][] = modes.flatMap((mode): [string, (name: string) => string][] => [
    [`ready ${mode}`, (name) => seconds(median(figures[mode].readyMs.get(name)))],
    [`alone ${mode}`, (name) => seconds(median(figures[mode].aloneMs.get(name)))],
    [`CPU alone ${mode}`, (name) => seconds(median(figures[mode].aloneCpuMs.get(name)))],
    [`RSS ${mode}`, (name) => (figures[mode].rssKb.has(name) ? `${(median(figures[mode].rssKb.get(name)) / 1024).toFixed(0)} MB` : '')],
  ]);
  process.stdout.write(
    `\nmedian of ${rounds} round(s); ready = launch to first /ready answer (polled every 250 ms); alone = the subgraph launched with nothing else of the system running\n`,
  );
  process.stdout.write(`${'process'.padEnd(12)}${columns.map(([label]) => label.padStart(17)).join('')}\n`);
  for (const name of [...SUBGRAPHS.map((s) => s.name), 'gateway']) {
    process.stdout.write(`${name.padEnd(12)}${columns.map(([, cell]) => cell(name).padStart(17)).join('')}\n`);
  }
  const whole = modes.map((mode) => `${mode} ${seconds(median(figures[mode].totalMs))}`).join(', ');
  process.stdout.write(`whole system: ${whole}\n`);
} finally {
  await postgres.destroy();
  rmSync(dir, { recursive: true, force: true });
}
