import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { timestamp } from '@rapport/subgraph-kit/properties';

/** One stay of an opportunity in a stage: entered when it moved there, left when it moved on (null while it stands there). */
export const OpportunityStageHistory = defineEntity({
  name: 'OpportunityStageHistory',
  tableName: 'opportunity_stage_history',
  properties: {
    id: p.uuid().primary(),
    opportunityId: p.uuid(),
    stageId: p.uuid(),
    enteredAt: timestamp(),
    leftAt: timestamp().nullable(),
  },
});
export type IOpportunityStageHistory = InferEntity<typeof OpportunityStageHistory>;

const DAY_MS = 86_400_000;

/** Whole and fractional days between entering and leaving (or `now`), to two places, as a string. */
export function daysInStage(entry: Pick<IOpportunityStageHistory, 'enteredAt' | 'leftAt'>, now = new Date()): string {
  const ms = (entry.leftAt ?? now).getTime() - entry.enteredAt.getTime();
  const hundredths = Math.max(0, Math.round((ms * 100) / DAY_MS));
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
