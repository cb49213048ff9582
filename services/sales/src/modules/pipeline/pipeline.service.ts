import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { notFound, requireUuid } from '@rapport/errors';
import type { Viewer } from '@rapport/subgraph-kit';
import { PipelineStage, type IPipelineStage } from './pipeline-stage.entity.js';

/** The pipeline's stages in pipeline order; the stages are the same for everyone who may read them (`viewer`'s access is checked). */
export const listStages = (em: SqlEntityManager, viewer: Viewer): Promise<IPipelineStage[]> => em.find(PipelineStage, {}, { orderBy: { position: 'asc' } });

/** The stage `id`; BAD_USER_INPUT when malformed, NOT_FOUND when unknown, both naming `field`. */
export async function getStage(em: SqlEntityManager, id: string, field: string): Promise<IPipelineStage> {
  const stage = await em.findOne(PipelineStage, { id: requireUuid(field, id) });
  if (!stage) throw notFound('PipelineStage', id, field);
  return stage;
}

/** Where new opportunities start: the first stage of the pipeline. */
export async function firstStage(em: SqlEntityManager): Promise<IPipelineStage> {
  const [stage] = await em.find(PipelineStage, {}, { orderBy: { position: 'asc' }, limit: 1 });
  if (!stage) throw new Error('the pipeline has no stages: migration data is missing');
  return stage;
}
