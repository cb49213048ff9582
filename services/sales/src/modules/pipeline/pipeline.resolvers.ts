import { readAccess, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import { isClosing, type IPipelineStage } from './pipeline-stage.entity.js';
import { pipelinePolicy } from './pipeline.policy.js';
import { listStages } from './pipeline.service.js';

export const pipelineResolvers: ResolverMap = {
  Query: {
    pipelineStages: (_: unknown, __: unknown, ctx: Context) => {
      readAccess(pipelinePolicy, ctx.principal, 'pipeline stages');
      return listStages(ctx.em);
    },
  },
  PipelineStage: {
    closing: (stage: IPipelineStage) => isClosing(stage),
  },
};
