import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound, optionalText, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import {
  CLOSING_OUTCOMES,
  DEFAULT_PIPELINE_ID,
  FORECAST_CATEGORIES,
  Pipeline,
  PipelineStage,
  type ClosingOutcome,
  type ForecastCategory,
  type IPipeline,
  type IPipelineStage,
} from './pipeline-stage.entity.js';
import { forgetStages } from './pipeline.loaders.js';

/** Every pipeline by name; the same for everyone who may read them (`viewer`'s access is checked). */
export const listPipelines = (em: SqlEntityManager, viewer: Viewer): Promise<IPipeline[]> => em.find(Pipeline, {}, { orderBy: { name: 'asc' } });

/** The stages of `pipelineId` (the default pipeline when omitted) in pipeline order. */
export async function listStages(em: SqlEntityManager, viewer: Viewer, pipelineId?: string | null): Promise<IPipelineStage[]> {
  const id = pipelineId ? (await getPipeline(em, pipelineId, 'pipelineId')).id : DEFAULT_PIPELINE_ID;
  return em.find(PipelineStage, { pipelineId: id }, { orderBy: { position: 'asc' } });
}

/** The pipeline `id`; BAD_USER_INPUT when malformed, NOT_FOUND when unknown, both naming `field`. */
export async function getPipeline(em: SqlEntityManager, id: string, field: string): Promise<IPipeline> {
  const pipeline = await em.findOne(Pipeline, { id: requireUuid(field, id) });
  if (!pipeline) throw notFound('Pipeline', id, field);
  return pipeline;
}

/** The stage `id`; BAD_USER_INPUT when malformed, NOT_FOUND when unknown, both naming `field`. */
export async function getStage(em: SqlEntityManager, id: string, field: string): Promise<IPipelineStage> {
  const stage = await em.findOne(PipelineStage, { id: requireUuid(field, id) });
  if (!stage) throw notFound('PipelineStage', id, field);
  return stage;
}

/** Where new opportunities start: the first stage of `pipelineId` (the default pipeline when omitted). */
export async function firstStage(em: SqlEntityManager, pipelineId = DEFAULT_PIPELINE_ID): Promise<IPipelineStage> {
  const [stage] = await em.find(PipelineStage, { pipelineId, closesAs: null }, { orderBy: { position: 'asc' }, limit: 1 });
  if (!stage) throw badInput('input.pipelineId', `input.pipelineId: pipeline ${pipelineId} has no open stage to start in`, 'PIPELINE_EMPTY');
  return stage;
}

export interface CreatePipelineInput {
  name: string;
  teamId?: string | null;
  description?: string | null;
}

/** Creates a pipeline without stages (add them with `addPipelineStage`); CONFLICT when the name is taken. */
export async function createPipeline(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: CreatePipelineInput): Promise<IPipeline> {
  const name = requireText('input.name', input.name, 100);
  const teamId = input.teamId ? requireUuid('input.teamId', input.teamId) : null;
  const description = optionalText('input.description', input.description ?? null, 1000);
  if (await em.count(Pipeline, { name })) throw conflict('PIPELINE_NAME_TAKEN', `a pipeline named ${name} exists already`, 'input.name');
  const pipeline = em.create(Pipeline, { id: randomUUID(), name, teamId, description });
  await em.flush();
  return pipeline;
}

export interface StageInput {
  name?: string | null;
  probability?: number | null;
  position?: number | null;
  closesAs?: ClosingOutcome | null;
  forecastCategory?: ForecastCategory | null;
}

function checkProbability(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) throw badInput(field, `${field} must be a whole percentage from 0 to 100`, 'INVALID_PROBABILITY');
  return value;
}

/**
 * Puts `stage` at `position` (1 = first; past the end = last) among its pipeline's stages and
 * renumbers the others 1…n (the position key is checked at commit, so the shuffle is one flush).
 */
async function place(em: SqlEntityManager, stage: IPipelineStage, position: number | null | undefined): Promise<void> {
  const others = (await em.find(PipelineStage, { pipelineId: stage.pipelineId }, { orderBy: { position: 'asc' } })).filter((s) => s.id !== stage.id);
  const at = position === null || position === undefined ? others.length : Math.min(Math.max(position, 1), others.length + 1) - 1;
  others.splice(at, 0, stage);
  others.forEach((s, i) => {
    if (s.position !== i + 1) s.position = i + 1;
  });
}

function stageFields(input: StageInput, current: IPipelineStage | null) {
  const closesAs = input.closesAs === undefined ? (current?.closesAs ?? null) : input.closesAs ? requireOneOf('input.closesAs', input.closesAs, CLOSING_OUTCOMES) : null;
  let forecastCategory =
    input.forecastCategory === undefined
      ? (current?.forecastCategory ?? null)
      : input.forecastCategory
        ? requireOneOf('input.forecastCategory', input.forecastCategory, FORECAST_CATEGORIES)
        : null;
  if (closesAs && input.forecastCategory) throw badInput('input.forecastCategory', 'input.forecastCategory: a closing stage is not forecast', 'CLOSING_STAGE');
  if (closesAs) forecastCategory = null;
  else if (!forecastCategory) forecastCategory = 'PIPELINE';
  return { closesAs, forecastCategory };
}

/** Adds a stage to a pipeline at `position` (last when omitted); CONFLICT when the pipeline has a stage of that name. */
export async function addStage(em: SqlEntityManager, viewer: Viewer<WriteAccess>, pipelineId: string, input: StageInput): Promise<IPipelineStage> {
  const pipeline = await getPipeline(em, pipelineId, 'pipelineId');
  const name = requireText('input.name', input.name ?? '', 100);
  const probability = checkProbability('input.probability', input.probability ?? -1);
  const { closesAs, forecastCategory } = stageFields(input, null);
  return em.transactional(async (tx) => {
    await tx.execute('select id from pipeline where id = ? for update', [pipeline.id]);
    if (await tx.count(PipelineStage, { pipelineId: pipeline.id, name }))
      throw conflict('STAGE_NAME_TAKEN', `pipeline ${pipeline.name} has a stage named ${name} already`, 'input.name');
    const stage = tx.create(PipelineStage, { id: randomUUID(), pipelineId: pipeline.id, name, probability, position: 0, closesAs, forecastCategory });
    await place(tx, stage, input.position);
    await tx.flush();
    forgetStages(tx);
    return stage;
  });
}

/** Changes a stage's name, probability, position, closing outcome or forecast category (what is given); opportunities standing in it keep it. */
export async function updateStage(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, input: StageInput): Promise<IPipelineStage> {
  return em.transactional(async (tx) => {
    const stage = await getStage(tx, id, 'id');
    await tx.execute('select id from pipeline where id = ? for update', [stage.pipelineId]);
    if (input.name !== undefined && input.name !== null) {
      const name = requireText('input.name', input.name, 100);
      if (name !== stage.name && (await tx.count(PipelineStage, { pipelineId: stage.pipelineId, name })))
        throw conflict('STAGE_NAME_TAKEN', `the pipeline has a stage named ${name} already`, 'input.name');
      stage.name = name;
    }
    if (input.probability !== undefined && input.probability !== null) stage.probability = checkProbability('input.probability', input.probability);
    const { closesAs, forecastCategory } = stageFields(input, stage);
    if (closesAs !== stage.closesAs) {
      const [used] = await tx.execute<{ n: string }[]>('select count(*) as n from opportunity where stage_id = ?', [stage.id]);
      if (Number(used?.n ?? 0) > 0) throw conflict('STAGE_IN_USE', `stage ${stage.name} has opportunities: its closing outcome cannot change`, 'input.closesAs');
    }
    stage.closesAs = closesAs;
    stage.forecastCategory = forecastCategory;
    if (input.position !== undefined && input.position !== null) await place(tx, stage, input.position);
    await tx.flush();
    forgetStages(tx);
    return stage;
  });
}
