import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from '@rapport/subgraph-kit/properties';

/** What an opportunity becomes when it reaches a closing stage. */
export const CLOSING_OUTCOMES = ['WON', 'LOST'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/** Where an open deal in a stage counts in the forecast: the whole pipeline, the best case, or committed. */
export const FORECAST_CATEGORIES = ['PIPELINE', 'BEST_CASE', 'COMMIT'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** The pipeline every existing stage belongs to (migration 20261205180000). */
export const DEFAULT_PIPELINE_ID = '5a1e5000-0000-4000-8000-0000000000f0';

/** A sales pipeline (per team or product line) with its own stages; managed by admins and sales managers. */
export const Pipeline = defineEntity({
  name: 'Pipeline',
  tableName: 'pipeline',
  properties: {
    id: p.uuid().primary(),
    name: p.text().unique('pipeline_name_key'),
    teamId: p.uuid().nullable(),
    description: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type IPipeline = InferEntity<typeof Pipeline>;

/**
 * One step of the sales pipeline, with the probability of winning a deal that stands in it.
 * A closing stage (`closesAs` set) ends the opportunity as won or lost.
 */
export const PipelineStage = defineEntity({
  name: 'PipelineStage',
  tableName: 'pipeline_stage',
  properties: {
    id: p.uuid().primary(),
    pipelineId: p.uuid(),
    name: p.text(),
    probability: p.integer(),
    position: p.integer(),
    closesAs: p.enum([...CLOSING_OUTCOMES]).nullable(),
    /** Null for closing stages: closed deals are no longer forecast. */
    forecastCategory: p.enum([...FORECAST_CATEGORIES]).nullable(),
  },
});
export type IPipelineStage = InferEntity<typeof PipelineStage>;

export const isClosing = (stage: IPipelineStage): boolean => stage.closesAs !== null && stage.closesAs !== undefined;
