import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { conflict } from '@rapport/errors';

export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const TICKET_STATUSES = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'REOPENED'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket is done with; every other status counts as open. */
export const CLOSED_STATUSES: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];
/** Statuses from which a ticket may be resolved. */
export const RESOLVABLE_STATUSES: readonly TicketStatus[] = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'REOPENED'];

/** A customer's request for help, from opening to resolution. */
export const Ticket = defineEntity({
  name: 'Ticket',
  tableName: 'ticket',
  properties: {
    id: p.uuid().primary(),
    number: p.text().unique(),
    customerId: p.uuid(),
    subject: p.text(),
    description: p.text().nullable(),
    priority: p.enum([...TICKET_PRIORITIES]),
    status: p.enum([...TICKET_STATUSES]),
    openedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    /** Set when the ticket is (softly) deleted; restorable. */
    deletedAt: p.datetime().nullable(),
  },
});
export type ITicket = InferEntity<typeof Ticket>;

/** `T-000042` from the sequence value 42. */
export const ticketNumber = (sequenceValue: string | number | bigint): string => `T-${String(sequenceValue).padStart(6, '0')}`;

/** Marks `ticket` resolved at `at`; only a ticket still being worked on can be resolved. */
export function resolve(ticket: ITicket, at: Date): void {
  if (!RESOLVABLE_STATUSES.includes(ticket.status)) {
    throw conflict('TICKET_NOT_RESOLVABLE', `ticket ${ticket.number} is ${ticket.status} and cannot be resolved`, 'id');
  }
  ticket.status = 'RESOLVED';
  ticket.resolvedAt = at;
}
