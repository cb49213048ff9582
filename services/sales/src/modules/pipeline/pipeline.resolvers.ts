import type { Resolvers } from '../../generated/graphql.js';
import { isClosing } from './pipeline-stage.entity.js';
import { pipelinePolicy } from './pipeline.policy.js';
import { listStages } from './pipeline.service.js';

export const pipelineResolvers: Resolvers = {
  Query: {
    pipelineStages: (_, __, ctx) => listStages(ctx.em, ctx.viewer(pipelinePolicy, 'read')),
  },
  PipelineStage: {
    closing: (stage) => isClosing(stage),
  },
};
