import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AppError } from '@rapport/errors';
import { createdAt, deletedAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';
import { pauseAfterTransition, pausedSecondsAt } from '../sla/sla-clock.js';

export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const TICKET_STATUSES = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED'] as const;
export const TICKET_CHANNELS = ['EMAIL', 'PHONE', 'WEB', 'CHAT', 'VISIT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Where a ticket may go from each status; anything else is refused. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  NEW: ['OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED'],
  OPEN: ['WAITING_ON_CUSTOMER', 'RESOLVED'],
  WAITING_ON_CUSTOMER: ['OPEN', 'RESOLVED'],
  RESOLVED: ['CLOSED', 'REOPENED'],
  CLOSED: ['REOPENED'],
  REOPENED: ['OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED'],
};

/** Statuses in which a ticket is done with; every other status counts as open. */
export const CLOSED_STATUSES: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];

/** A customer's request for help, from opening to resolution. */
export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'ticket',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique('ticket_number_key'),
    customerId: p.uuid(),
    subject: p.text(),
    description: p.text().nullable(),
    priority: p.enum([...TICKET_PRIORITIES]),
    status: p.enum([...TICKET_STATUSES]),
    openedAt: timestamp(),
    resolvedAt: timestamp().nullable(),
    /** The customer's contact who asked, when known (a contact of the customers subgraph). */
    contactId: p.uuid().nullable(),
    channel: p.enum([...TICKET_CHANNELS]).nullable(),
    /** Free text, lower-cased. */
    category: p.text().nullable(),
    assigneeId: p.uuid().nullable(),
    teamId: p.uuid().nullable(),
    /** The first public comment by support (an agent or an admin). */
    firstRespondedAt: timestamp().nullable(),
    /** Seconds the SLA clocks were paused before that first response, frozen then. */
    firstResponsePausedSeconds: p.integer().nullable(),
    /** Seconds the SLA clocks stood still in pauses that have ended. */
    pausedSeconds: p.integer().default(0),
    /** When the running pause (WAITING_ON_CUSTOMER) began; null while the clocks run. */
    pausedSince: timestamp().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the ticket is (softly) deleted; restorable. */
    deletedAt: deletedAt(),
  },
});
export type ITicket = InferEntity<typeof Ticket>;

/** `T-000042` from the sequence value 42. */
export const ticketNumber = (sequenceValue: string | number | bigint): string => `T-${String(sequenceValue).padStart(6, '0')}`;

/**
 * Moves `ticket` to `to` at `at` along an allowed transition (else CONFLICT naming `field`),
 * stamping the resolution and starting or ending the SLA pause. Returns the status it left.
 */
/** A closed ticket takes no comments, assignment or edits (CONFLICT naming `field`): reopen it first. */
export function assertNotClosed(ticket: Pick<ITicket, 'number' | 'status'>, field: string): void {
  if (ticket.status === 'CLOSED') {
    throw new AppError('CONFLICT', 'TICKET_CLOSED', `ticket ${ticket.number} is closed: reopen it (status REOPENED) before changing it`, { field });
  }
}

export function changeStatus(ticket: ITicket, to: TicketStatus, at: Date, field = 'status'): TicketStatus {
  const from = ticket.status;
  const allowed = TICKET_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw new AppError('CONFLICT', 'TICKET_STATUS_TRANSITION_FORBIDDEN', `ticket ${ticket.number} is ${from} and cannot become ${to}`, {
      field,
      details: { from, to, allowed: [...allowed] },
    });
  }
  const pause = pauseAfterTransition({ pausedSeconds: ticket.pausedSeconds, pausedSince: ticket.pausedSince ?? null }, from, to, at);
  ticket.pausedSeconds = pause.pausedSeconds;
  ticket.pausedSince = pause.pausedSince;
  ticket.status = to;
  if (to === 'RESOLVED') ticket.resolvedAt = at;
  return from;
}

/** Records `at` as the ticket's first response, with the pause time so far, unless it already has one. */
export function recordFirstResponse(ticket: ITicket, at: Date): void {
  if (ticket.firstRespondedAt) return;
  ticket.firstRespondedAt = at;
  ticket.firstResponsePausedSeconds = pausedSecondsAt({ pausedSeconds: ticket.pausedSeconds, pausedSince: ticket.pausedSince ?? null }, at);
}

/** One change of a ticket's status: from what to what, why, by whom, when. Append-only. */
export const TicketStatusChange = defineEntity({
  name: 'TicketStatusChange',
  tableName: 'ticket_status_change',
  properties: {
    id: p.uuid().primary(),
    ticketId: p.uuid(),
    /** Null for the opening. */
    fromStatus: p.enum([...TICKET_STATUSES]).nullable(),
    toStatus: p.enum([...TICKET_STATUSES]),
    note: p.text().nullable(),
    changedBy: p.uuid().nullable(),
    at: timestamp(),
  },
});
export type ITicketStatusChange = InferEntity<typeof TicketStatusChange>;
