// Start-up of the system, tsx against the built start (`npm start`): each subgraph's time from launch
// to ready (all launched together, as `npm start` does), the gateway's, the whole system's from the
// first launch, and each process's resident memory once everything is ready. On a private
// PostgreSQL (migrated by a first, unmeasured launch) and the broker at KAFKA_BROKERS.
//   npx tsx infra/bench/start.bench.ts [rounds]   (from the repo root; builds first, as npm start does)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testTopicPrefix } from '@rapport/testing';
import { groupRssKb, launchSystem, type LaunchMode } from '../src/launch-system.js';
import { startPrivatePostgres } from '../src/private-postgres.js';
import { buildAll } from '../src/start-command.js';

const rounds = Number(process.argv[2] ?? 1);
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const dir = mkdtempSync(join(tmpdir(), 'rapport-start-bench-'));
const postgres = await startPrivatePostgres();

interface Figures {
  readyMs: Map<string, number[]>;
  rssKb: Map<string, number[]>;
  totalMs: number[];
}
const figures: Record<LaunchMode, Figures> = {
  tsx: { readyMs: new Map(), rssKb: new Map(), totalMs: [] },
  built: { readyMs: new Map(), rssKb: new Map(), totalMs: [] },
};
const push = (map: Map<string, number[]>, key: string, value: number): void => {
  map.set(key, [...(map.get(key) ?? []), value]);
};

async function round(mode: LaunchMode, measured: boolean): Promise<void> {
  const system = await launchSystem({ mode, databaseUrl: postgres.url, brokers, topicPrefix: testTopicPrefix(), dir });
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

try {
  const built = performance.now();
  await buildAll();
  console.log(`build (turbo run build, cached where unchanged): ${((performance.now() - built) / 1000).toFixed(1)} s`);
  await round('built', false);
  for (let i = 0; i < rounds; i += 1) {
    await round('tsx', true);
    await round('built', true);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const names = [...figures.built.readyMs.keys()];
  console.log(`\nmedian of ${rounds} round(s); ready = launch to first /ready answer (polled every 250 ms)`);
  console.log(`${'process'.padEnd(12)}${'ready tsx'.padStart(11)}${'ready built'.padStart(13)}${'RSS tsx'.padStart(11)}${'RSS built'.padStart(11)}`);
  for (const name of names) {
    const cell = (mode: LaunchMode, kind: 'readyMs' | 'rssKb'): string => {
      const value = median(figures[mode][kind].get(name) ?? []);
      return kind === 'readyMs' ? `${(value / 1000).toFixed(2)} s` : `${(value / 1024).toFixed(0)} MB`;
    };
    console.log(
      `${name.padEnd(12)}${cell('tsx', 'readyMs').padStart(11)}${cell('built', 'readyMs').padStart(13)}${cell('tsx', 'rssKb').padStart(11)}${cell('built', 'rssKb').padStart(11)}`,
    );
  }
  const total = (mode: LaunchMode): string => `${(median(figures[mode].totalMs) / 1000).toFixed(2)} s`;
  console.log(`${'whole system'.padEnd(12)}${total('tsx').padStart(11)}${total('built').padStart(13)}`);
} finally {
  await postgres.destroy();
  rmSync(dir, { recursive: true, force: true });
}
