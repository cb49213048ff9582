// The writers of bench/events.bench.ts: one-event transactions as a service's mutation writes them,
// or transactions of 100 events. In their own process (bench/writer-process.ts) by default, as in the
// system, where writers are the services' own processes; in the bench's process with BENCH_ONE_PROCESS=1.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish, publishMany } from '../src/index.js';
import { NoteWrittenV1 } from '../test/bus-fixture.js';

/** Milliseconds on a clock the writers' process and the bench's share. */
export const now = (): number => performance.timeOrigin + performance.now();

/** What the writers are asked to do. */
export type WriteJob =
  /** `total` one-event transactions started `rate` a second apart. */
  | { kind: 'rate'; rate: number; total: number }
  /** `events` one-event transactions by `writers` concurrent writers, as fast as they go. */
  | { kind: 'flat'; writers: number; events: number }
  /** `events` events in transactions of 100 (`publishMany`), one after the other. */
  | { kind: 'hundreds'; events: number };

/** What they did: each note's commit time (one-event jobs), when they started and ended, and their CPU time. */
export interface Written {
  commits: [noteId: string, committedAt: number][];
  start: number;
  written: number;
  cpuMs: number;
}

export async function runWriteJob(orm: MikroORM, job: WriteJob): Promise<Written> {
  const commits: [string, number][] = [];
  const write = async (): Promise<void> => {
    const em = orm.em.fork();
    const noteId = randomUUID();
    publish(em, NoteWrittenV1, noteId, { noteId, text: 'bench' });
    await em.flush();
    commits.push([noteId, now()]);
  };
  const cpuBefore = process.cpuUsage();
  const start = now();
  if (job.kind === 'rate') {
    const writes: Promise<void>[] = [];
    for (let i = 0; i < job.total; i += 1) {
      const wait = start + (i * 1000) / job.rate - now();
      if (wait > 0) await sleep(wait);
      writes.push(write());
    }
    await Promise.all(writes);
  } else if (job.kind === 'flat') {
    let left = job.events;
    await Promise.all(
      Array.from({ length: job.writers }, async () => {
        while (left > 0) {
          left -= 1;
          await write();
        }
      }),
    );
  } else {
    for (let i = 0; i < job.events; i += 100) {
      await orm.em.fork().transactional(async (tx) => {
        const notes = Array.from({ length: Math.min(100, job.events - i) }, () => randomUUID());
        await publishMany(
          tx as SqlEntityManager,
          NoteWrittenV1,
          notes.map((noteId) => ({ subject: noteId, data: { noteId, text: 'bench' } })),
        );
      });
    }
  }
  const written = now();
  const cpu = process.cpuUsage(cpuBefore);
  return { commits, start, written, cpuMs: (cpu.user + cpu.system) / 1000 };
}
