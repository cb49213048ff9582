import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** What an opportunity becomes when it reaches a closing stage. */
export const CLOSING_OUTCOMES = ['WON', 'LOST'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/**
 * One step of the sales pipeline, with the probability of winning a deal that stands in it.
 * A closing stage (`closesAs` set) ends the opportunity as won or lost.
 */
export const PipelineStage = defineEntity({
  name: 'PipelineStage',
  tableName: 'pipeline_stage',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    probability: p.integer(),
    position: p.integer(),
    closesAs: p.enum([...CLOSING_OUTCOMES]).nullable(),
  },
});
export type IPipelineStage = InferEntity<typeof PipelineStage>;

export const isClosing = (stage: IPipelineStage): boolean => stage.closesAs !== null && stage.closesAs !== undefined;
