import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, leanRows } from '@rapport/subgraph-kit';
import { PipelineStage, type IPipelineStage } from './pipeline-stage.entity.js';

/**
 * How long a process answers stages from its own copy of the (small) stage table before reading it
 * again. A stage this process changes is read from the database for this long after the change
 * (`forgetStages`), so its callers see it at once; a change made by another instance of the service
 * shows here at most this long after its commit. A stage id the copy does not know is never answered
 * from it: the table is read again.
 */
export const STAGE_COPY_MS = 1_000;

interface StageCopy {
  byId: ReadonlyMap<string, Readonly<IPipelineStage>>;
  readAt: number;
}

interface StageCopies {
  copy: StageCopy | null;
  /** A read in flight and the generation it began in (it is kept only if no change came meanwhile). */
  reading: Promise<StageCopy> | null;
  generation: number;
  /** Until then, stages are read per request (a change of this process may not be committed yet). */
  bypassUntil: number;
}

/** One copy per database: keyed by the ORM's configuration, which every fork of its EntityManager shares. */
const copies = new WeakMap<object, StageCopies>();

function copiesOf(em: SqlEntityManager): StageCopies {
  let entry = copies.get(em.config);
  if (!entry) {
    entry = { copy: null, reading: null, generation: 0, bypassUntil: 0 };
    copies.set(em.config, entry);
  }
  return entry;
}

async function readAllStages(em: SqlEntityManager, entry: StageCopies): Promise<StageCopy> {
  if (entry.reading) return entry.reading;
  const generation = entry.generation;
  const reading = leanRows(em, em.createQueryBuilder(PipelineStage).select('*')).then((rows) => {
    const copy: StageCopy = { byId: new Map(rows.map((row) => [row.id, Object.freeze(row)])), readAt: Date.now() };
    if (entry.generation === generation) entry.copy = copy;
    return copy;
  });
  entry.reading = reading;
  try {
    return await reading;
  } finally {
    if (entry.reading === reading) entry.reading = null;
  }
}

/**
 * The stages `ids` (null for an unknown one), from the process's copy of the stage table while it is
 * fresh and knows every id asked, else from the database (which renews the copy). The rows are plain
 * frozen objects holding what the entities would hold, shared between requests: read only.
 */
export async function stagesById(em: SqlEntityManager, ids: readonly string[]): Promise<Readonly<IPipelineStage>[]> {
  const entry = copiesOf(em);
  const now = Date.now();
  if (now < entry.bypassUntil)
    return leanRows(
      em,
      em
        .createQueryBuilder(PipelineStage)
        .select('*')
        .where({ id: { $in: [...ids] } }),
    );
  let copy = entry.copy;
  if (!copy || now - copy.readAt >= STAGE_COPY_MS || ids.some((id) => !copy!.byId.has(id))) copy = await readAllStages(em, entry);
  return ids.flatMap((id) => copy.byId.get(id) ?? []);
}

/** Drops the process's copy of the stages after a change to them (call it in the transaction that makes the change). */
export function forgetStages(em: SqlEntityManager): void {
  const entry = copiesOf(em);
  entry.generation++;
  entry.copy = null;
  entry.bypassUntil = Date.now() + STAGE_COPY_MS;
}

/** Per-request loaders: the stages of N opportunities cost one query at most, none while the process's copy is fresh. */
export const createPipelineLoaders = (em: SqlEntityManager) => ({
  stageById: byIdLoader((ids) => stagesById(em, ids)),
});
