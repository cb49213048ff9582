import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict } from '@rapport/errors';
import { createdAt, currency, deletedAt, money, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';
import type { IPipelineStage } from '../pipeline/pipeline-stage.entity.js';

export const OPPORTUNITY_STATUSES = ['OPEN', 'WON', 'LOST'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** A potential deal with a customer, moving through the pipeline until it is won or lost. */
export const Opportunity = defineEntity({
  name: 'Opportunity',
  tableName: 'opportunity',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid(),
    title: p.text(),
    amount: money(),
    currency: currency(),
    stageId: p.uuid(),
    /** The furthest stage (by position when it got there) it has stood in, Lost not counting: how far it got, for the funnel. */
    furthestStageId: p.uuid(),
    status: p.enum([...OPPORTUNITY_STATUSES]),
    expectedCloseDate: p.date().nullable(),
    closedAt: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the opportunity is (softly) deleted; restorable. */
    deletedAt: deletedAt(),
  },
});
export type IOpportunity = InferEntity<typeof Opportunity>;

/**
 * Moves an open opportunity to `stage`; a closing stage sets its status (WON or LOST) and the
 * closing time, and a stage beyond `furthest` (the furthest it got so far) becomes the furthest. A
 * closed opportunity does not move any more (CONFLICT).
 */
export function moveToStage(opportunity: IOpportunity, stage: IPipelineStage, now = new Date(), furthest?: IPipelineStage | null): void {
  if (opportunity.status !== 'OPEN') {
    throw conflict('OPPORTUNITY_CLOSED', `opportunity ${opportunity.id} is ${opportunity.status.toLowerCase()} and can no longer move`, 'id');
  }
  opportunity.stageId = stage.id;
  if (stage.closesAs !== 'LOST' && (!furthest || stage.position > furthest.position)) opportunity.furthestStageId = stage.id;
  if (stage.closesAs) {
    opportunity.status = stage.closesAs;
    opportunity.closedAt = now;
  }
}
