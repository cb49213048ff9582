import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import {
  TicketAssignedV1,
  TicketDeletedV1,
  TicketOpenedV1,
  TicketResolvedV1,
  TicketRestoredV1,
  TicketStatusChangedV1,
  TicketUpdatedV1,
  type EventMetadata,
} from '@rapport/contracts';
import { badInput, optionalText, requireText, requireUuid } from '@rapport/errors';
import {
  assertCustomerVisible,
  keysetPage,
  restoreDeleted,
  restrictToVisibleCustomers,
  softDelete,
  transition,
  whereDeleted,
  type Connection,
  type Deleted,
  type Keyset,
  type Viewer,
  type WriteAccess,
  visibleById,
} from '@rapport/subgraph-kit';
import { assertNotClosed, changeStatus, Ticket, ticketNumber, TicketStatusChange, type ITicket } from './ticket.entity.js';
import type { TicketChannel, TicketPriority, TicketStatus } from '../../generated/types.js';

export interface OpenTicketInput {
  customerId: string;
  subject: string;
  description?: string | null;
  priority?: TicketPriority | null;
  contactId?: string | null;
  channel?: TicketChannel | null;
  category?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
}

const optionalUuid = (field: string, value: string | null | undefined): string | null => (value === null || value === undefined ? null : requireUuid(field, value));
/** A free-text category as stored: trimmed, lower-cased (at most 100 characters), null when blank. */
const optionalCategory = (field: string, value: string | null | undefined): string | null => optionalText(field, value, 100)?.toLowerCase() ?? null;

function recordStatusChange(em: SqlEntityManager, ticket: ITicket, from: TicketStatus | null, note: string | null, changedBy: string | null, at: Date): void {
  em.create(TicketStatusChange, { id: randomUUID(), ticketId: ticket.id, fromStatus: from, toStatus: ticket.status, note, changedBy, at });
}

/**
 * Validates, numbers and opens a ticket with its `support.ticket.opened.v1` event in one flush;
 * a caller limited to their customers may open tickets only for a customer they may see.
 */
export async function openTicket(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: OpenTicketInput, meta: EventMetadata): Promise<ITicket> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const subject = requireText('input.subject', input.subject);
  const description = optionalText('input.description', input.description, 10000);
  const priority = input.priority ?? 'NORMAL';
  const contactId = optionalUuid('input.contactId', input.contactId);
  const channel = input.channel ?? null;
  const category = optionalCategory('input.category', input.category);
  const assigneeId = optionalUuid('input.assigneeId', input.assigneeId);
  const teamId = optionalUuid('input.teamId', input.teamId);
  await assertCustomerVisible(em, viewer, customerId, 'input.customerId');
  const [row] = await em.getConnection().execute<{ n: string }[]>(`select nextval('ticket_number_seq')::text as n`);
  if (!row) throw new Error('ticket_number_seq returned no value');
  const ticket = em.create(Ticket, {
    id: randomUUID(),
    number: ticketNumber(row.n),
    customerId,
    subject,
    description,
    priority,
    status: 'NEW',
    openedAt: new Date(),
    resolvedAt: null,
    contactId,
    channel,
    category,
    assigneeId,
    teamId,
    pausedSeconds: 0,
  });
  recordStatusChange(em, ticket, null, null, viewer.principal.userId, ticket.openedAt);
  publish(em, TicketOpenedV1, ticket.id, { ticketId: ticket.id, customerId, number: ticket.number, subject, priority, openedAt: ticket.openedAt.toISOString() }, meta);
  await em.flush();
  return ticket;
}

/**
 * Moves a ticket to `status` along an allowed transition (else CONFLICT naming `status`), records
 * the change with its note in the status history and, on resolution, writes
 * `support.ticket.resolved.v1` — all in one transaction holding the ticket's row lock, so two
 * concurrent changes cannot both start from the same status. A ticket the caller may not see is NOT_FOUND.
 */
export async function changeTicketStatus(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  status: TicketStatus,
  note: string | null | undefined,
  meta: EventMetadata,
): Promise<ITicket> {
  const ticketId = requireUuid('id', id);
  const to = status;
  const text = optionalText('note', note, 2000);
  return moveStatus(em, viewer, ticketId, to, text, 'status', meta);
}

/**
 * Resolves a ticket that is still being worked on (else CONFLICT): the shortcut for
 * `changeTicketStatus(id, RESOLVED)`, with the same history entry and `support.ticket.resolved.v1` event.
 */
export async function resolveTicket(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ITicket> {
  const ticketId = requireUuid('id', id);
  return moveStatus(em, viewer, ticketId, 'RESOLVED', null, 'id', meta);
}

async function moveStatus(em: SqlEntityManager, viewer: Viewer, ticketId: string, to: TicketStatus, note: string | null, field: string, meta: EventMetadata): Promise<ITicket> {
  return transition(
    em,
    (tx) => findVisible(tx, viewer, ticketId, 'id'),
    (ticket, tx) => {
      const at = new Date();
      const from = changeStatus(ticket, to, at, field);
      recordStatusChange(tx, ticket, from, note, viewer.principal.userId, at);
      const { id, customerId, number } = ticket;
      publish(tx, TicketStatusChangedV1, id, { ticketId: id, customerId, number, fromStatus: from, toStatus: to, note, changedAt: at.toISOString() }, meta);
      if (to === 'RESOLVED') {
        publish(tx, TicketResolvedV1, ticket.id, { ticketId: ticket.id, customerId: ticket.customerId, number: ticket.number, resolvedAt: at.toISOString() }, meta);
      }
      return ticket;
    },
  );
}

/**
 * Assigns a ticket to an agent and/or a team: what is given changes (null clears it), what is
 * omitted stays; giving neither is BAD_USER_INPUT. The ids are users and teams of the identity
 * subgraph, taken as given.
 */
export async function assignTicket(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  assigneeId: string | null | undefined,
  teamId: string | null | undefined,
  meta: EventMetadata,
): Promise<ITicket> {
  const ticketId = requireUuid('id', id);
  if (assigneeId === undefined && teamId === undefined) throw badInput('assigneeId', 'give assigneeId, teamId or both (null clears one)', 'REQUIRED');
  const assignee = assigneeId === undefined ? undefined : optionalUuid('assigneeId', assigneeId);
  const team = teamId === undefined ? undefined : optionalUuid('teamId', teamId);
  return transition(
    em,
    (tx) => findVisible(tx, viewer, ticketId, 'id'),
    (ticket, tx) => {
      assertNotClosed(ticket, 'id');
      if (assignee !== undefined) ticket.assigneeId = assignee;
      if (team !== undefined) ticket.teamId = team;
      const { customerId, number } = ticket;
      publish(
        tx,
        TicketAssignedV1,
        ticket.id,
        { ticketId: ticket.id, customerId, number, assigneeId: ticket.assigneeId ?? null, teamId: ticket.teamId ?? null, assignedAt: new Date().toISOString() },
        meta,
      );
      return ticket;
    },
  );
}

export interface UpdateTicketInput {
  id: string;
  subject?: string | null;
  description?: string | null;
  priority?: TicketPriority | null;
  category?: string | null;
  channel?: TicketChannel | null;
}

/**
 * Changes the given fields of a ticket and leaves the others; null clears description, category
 * and channel, while subject and priority cannot be cleared (BAD_USER_INPUT). A new priority moves
 * the SLA due dates to its targets.
 */
export async function updateTicket(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: UpdateTicketInput, meta: EventMetadata): Promise<ITicket> {
  const ticketId = requireUuid('input.id', input.id);
  const changes: Partial<Pick<ITicket, 'subject' | 'description' | 'priority' | 'category' | 'channel'>> = {};
  if (input.subject !== undefined) {
    if (input.subject === null) throw badInput('input.subject', 'input.subject cannot be cleared', 'REQUIRED');
    changes.subject = requireText('input.subject', input.subject);
  }
  if (input.description !== undefined) changes.description = optionalText('input.description', input.description, 10000);
  if (input.priority !== undefined) {
    if (input.priority === null) throw badInput('input.priority', 'input.priority cannot be cleared', 'REQUIRED');
    changes.priority = input.priority;
  }
  if (input.category !== undefined) changes.category = optionalCategory('input.category', input.category);
  if (input.channel !== undefined) changes.channel = input.channel ?? null;
  return transition(
    em,
    (tx) => findVisible(tx, viewer, ticketId, 'input.id'),
    (ticket, tx) => {
      assertNotClosed(ticket, 'input.id');
      const changedFields = Object.keys(changes).filter((field) => changes[field as keyof typeof changes] !== ticket[field as keyof typeof changes]);
      Object.assign(ticket, changes);
      if (changedFields.length > 0) {
        const { customerId, number, subject, priority, category, channel } = ticket;
        publish(
          tx,
          TicketUpdatedV1,
          ticket.id,
          { ticketId: ticket.id, customerId, number, changedFields, subject, priority, category: category ?? null, channel: channel ?? null, updatedAt: new Date().toISOString() },
          meta,
        );
      }
      return ticket;
    },
  );
}

/** One ticket by id; NOT_FOUND when it does not exist or belongs to a customer the caller may not see. */
export async function getTicket(em: SqlEntityManager, viewer: Viewer, id: string, field = 'id'): Promise<ITicket> {
  return findVisible(em, viewer, requireUuid(field, id), field);
}

/**
 * The one base query for tickets: those of the customers the caller may see, the live ones unless
 * `deleted` says otherwise. Every list, lookup, loader and mutation starts here.
 */
export function ticketQuery(em: SqlEntityManager, viewer: Viewer, deleted: Deleted = 'exclude') {
  const qb = whereDeleted(em.createQueryBuilder(Ticket, 't').select('*'), 't', deleted);
  restrictToVisibleCustomers(qb, 't', viewer);
  return qb;
}

async function findVisible(em: SqlEntityManager, viewer: Viewer, id: string, field: string, deleted: Deleted = 'exclude'): Promise<ITicket> {
  return visibleById(ticketQuery(em, viewer, deleted), 'Ticket', id, field);
}

export interface TicketFilter {
  customerId?: string | null;
  status?: TicketStatus | null;
  priority?: TicketPriority | null;
  assigneeId?: string | null;
  teamId?: string | null;
  channel?: TicketChannel | null;
  category?: string | null;
}

/** Tickets newest first: by opening time, then id. */
const TICKET_ORDER: Keyset<ITicket> = { sort: 't.opened_at', kind: 'timestamp', direction: 'desc', id: 't.id', sortValue: (t) => t.openedAt.toISOString() };

/** The tickets the caller may see, newest first by (openedAt, id), paged by keyset (never OFFSET). */
export async function listTickets(
  em: SqlEntityManager,
  viewer: Viewer,
  filter: TicketFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ITicket>> {
  const qb = ticketQuery(em, viewer);
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.status) qb.andWhere({ status: filter.status });
  if (filter?.priority) qb.andWhere({ priority: filter.priority });
  if (filter?.assigneeId) qb.andWhere({ assigneeId: requireUuid('filter.assigneeId', filter.assigneeId) });
  if (filter?.teamId) qb.andWhere({ teamId: requireUuid('filter.teamId', filter.teamId) });
  if (filter?.channel) qb.andWhere({ channel: filter.channel });
  if (filter?.category) {
    const category = optionalCategory('filter.category', filter.category);
    if (category) qb.andWhere({ category });
  }
  return keysetPage(qb, TICKET_ORDER, { field: 'tickets', first, after });
}

/**
 * Deletes a ticket softly: it disappears from every list, lookup and customer's open tickets, and
 * can be restored. A ticket the caller may not see is NOT_FOUND; one already deleted, CONFLICT.
 */
export async function deleteTicket(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ITicket> {
  const ticketId = requireUuid('id', id);
  return softDelete(em, {
    entity: 'Ticket',
    load: (tx) => findVisible(tx, viewer, ticketId, 'id', 'include'),
    announce: (ticket, tx, at) =>
      publish(tx, TicketDeletedV1, ticket.id, { ticketId: ticket.id, customerId: ticket.customerId, number: ticket.number, deletedAt: at.toISOString() }, meta),
  });
}

/** Restores a softly deleted ticket (admins, directors, support agents, team heads); a live one is CONFLICT. */
export async function restoreTicket(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, meta: EventMetadata): Promise<ITicket> {
  const ticketId = requireUuid('id', id);
  return restoreDeleted(em, {
    entity: 'Ticket',
    load: (tx) => findVisible(tx, viewer, ticketId, 'id', 'include'),
    announce: (ticket, tx, at) =>
      publish(tx, TicketRestoredV1, ticket.id, { ticketId: ticket.id, customerId: ticket.customerId, number: ticket.number, restoredAt: at.toISOString() }, meta),
  });
}
