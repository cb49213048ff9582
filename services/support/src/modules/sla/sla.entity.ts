import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { updatedAt } from '@rapport/subgraph-kit/properties';
import { TICKET_PRIORITIES } from '../ticket/ticket.entity.js';

/** How soon support must first answer and resolve a ticket of one priority, in minutes from opening. */
export const SlaTarget = defineEntity({
  name: 'SlaTarget',
  tableName: 'sla_target',
  properties: {
    priority: p.enum([...TICKET_PRIORITIES]).primary(),
    firstResponseMinutes: p.integer(),
    resolutionMinutes: p.integer(),
    updatedAt: updatedAt(),
  },
});
export type ISlaTarget = InferEntity<typeof SlaTarget>;

/** The longest target accepted: one year. */
export const MAX_TARGET_MINUTES = 525_600;
