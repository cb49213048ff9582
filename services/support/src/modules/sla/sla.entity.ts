import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TICKET_PRIORITIES } from '../ticket/ticket.entity.js';

/** How soon support must first answer and resolve a ticket of one priority, in minutes from opening. */
export const SlaTarget = defineEntity({
  name: 'SlaTarget',
  tableName: 'sla_target',
  properties: {
    priority: p.enum([...TICKET_PRIORITIES]).primary(),
    firstResponseMinutes: p.integer(),
    resolutionMinutes: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type ISlaTarget = InferEntity<typeof SlaTarget>;

/** The longest target accepted: one year. */
export const MAX_TARGET_MINUTES = 525_600;
