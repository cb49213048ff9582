import type { Resolvers } from '../../generated/graphql.js';
import { isClosing, PipelineStage } from './pipeline-stage.entity.js';
import { pipelinePolicy } from './pipeline.policy.js';
import { addStage, createPipeline, listPipelines, listStages, updateStage } from './pipeline.service.js';

export const pipelineResolvers: Resolvers = {
  Query: {
    pipelines: (_, __, ctx) => listPipelines(ctx.em, ctx.viewer(pipelinePolicy, 'read')),
    pipelineStages: (_, args, ctx) => listStages(ctx.em, ctx.viewer(pipelinePolicy, 'read'), args.pipelineId),
  },
  Mutation: {
    createPipeline: (_, args, ctx) => createPipeline(ctx.em, ctx.viewer(pipelinePolicy, 'write'), args.input),
    addPipelineStage: (_, args, ctx) => addStage(ctx.em, ctx.viewer(pipelinePolicy, 'write'), args.pipelineId, args.input),
    updatePipelineStage: (_, args, ctx) => updateStage(ctx.em, ctx.viewer(pipelinePolicy, 'write'), args.id, args.input),
  },
  Pipeline: {
    stages: (pipeline, _, ctx) => ctx.em.find(PipelineStage, { pipelineId: pipeline.id }, { orderBy: { position: 'asc' } }),
  },
  PipelineStage: {
    closing: (stage) => isClosing(stage),
  },
};
