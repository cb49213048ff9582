import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import { PipelineStage } from './pipeline-stage.entity.js';

/** Per-request loaders: the stages of N opportunities cost one query. */
export const createPipelineLoaders = (em: SqlEntityManager) => ({
  stageById: byIdLoader((ids) => em.find(PipelineStage, { id: { $in: [...ids] } })),
});
