import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { SlaTargetSetV1, type EventMetadata } from '@rapport/contracts';
import { badInput } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { TICKET_PRIORITIES, type ITicket } from '../ticket/ticket.entity.js';
import { computeSlaClock, type SlaClock } from './sla-clock.js';
import { MAX_TARGET_MINUTES, SlaTarget, type ISlaTarget } from './sla.entity.js';
import type { TicketPriority } from '../../generated/types.js';

/** The SLA targets of every priority, LOW to URGENT; readable by whoever may see tickets. */
export async function listSlaTargets(em: SqlEntityManager, viewer: Viewer): Promise<ISlaTarget[]> {
  const targets = await em.find(SlaTarget, {});
  return targets.sort((a, b) => TICKET_PRIORITIES.indexOf(a.priority) - TICKET_PRIORITIES.indexOf(b.priority));
}

export interface SetSlaTargetInput {
  priority: TicketPriority;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

function requireMinutes(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_TARGET_MINUTES) {
    throw badInput(field, `${field} must be a whole number of minutes between 1 and ${MAX_TARGET_MINUTES}`, 'INVALID_MINUTES');
  }
  return value;
}

/**
 * Sets the targets of one priority (`viewer` writes SLA targets: admins only, else FORBIDDEN `SLA_TARGET_FORBIDDEN`). The first response may not take
 * longer than the resolution. Every ticket of that priority is measured against the new targets from now on.
 */
export async function setSlaTarget(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: SetSlaTargetInput, meta: EventMetadata): Promise<ISlaTarget> {
  const priority = input.priority;
  const firstResponseMinutes = requireMinutes('input.firstResponseMinutes', input.firstResponseMinutes);
  const resolutionMinutes = requireMinutes('input.resolutionMinutes', input.resolutionMinutes);
  if (firstResponseMinutes > resolutionMinutes) {
    throw badInput('input.firstResponseMinutes', 'input.firstResponseMinutes must not exceed input.resolutionMinutes', 'FIRST_RESPONSE_AFTER_RESOLUTION');
  }
  const target = (await em.findOne(SlaTarget, { priority })) ?? em.create(SlaTarget, { priority, firstResponseMinutes, resolutionMinutes });
  target.firstResponseMinutes = firstResponseMinutes;
  target.resolutionMinutes = resolutionMinutes;
  publish(em, SlaTargetSetV1, priority, { priority, firstResponseMinutes, resolutionMinutes, setAt: new Date().toISOString() }, meta);
  await em.flush();
  return target;
}

/** Where a ticket stands against its priority's targets at `now`. */
export function ticketSla(ticket: ITicket, target: ISlaTarget, now: Date): SlaClock {
  const done = ticket.status === 'RESOLVED' || ticket.status === 'CLOSED';
  return computeSlaClock({
    openedAt: ticket.openedAt,
    firstResponseMinutes: target.firstResponseMinutes,
    resolutionMinutes: target.resolutionMinutes,
    pausedSeconds: ticket.pausedSeconds,
    pausedSince: ticket.pausedSince ?? null,
    firstRespondedAt: ticket.firstRespondedAt ?? null,
    firstResponsePausedSeconds: ticket.firstResponsePausedSeconds ?? null,
    resolvedAt: done ? (ticket.resolvedAt ?? null) : null,
    now,
  });
}
