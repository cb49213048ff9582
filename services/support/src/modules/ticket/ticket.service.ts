import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { TicketOpenedV1, TicketResolvedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, isUuid, notFound, optionalText, pageSize, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import { decodeCursor, toConnection, type Connection } from '@rapport/subgraph-kit';
import { resolve, Ticket, TICKET_PRIORITIES, TICKET_STATUSES, ticketNumber, type ITicket } from './ticket.entity.js';

export interface OpenTicketInput {
  customerId: string;
  subject: string;
  description?: string | null;
  priority?: string | null;
}

/** Validates, numbers and opens a ticket with its `support.ticket.opened.v1` event in one flush. */
export async function openTicket(em: SqlEntityManager, input: OpenTicketInput, meta: EventMetadata): Promise<ITicket> {
  const customerId = requireUuid('input.customerId', input.customerId);
  const subject = requireText('input.subject', input.subject);
  const description = optionalText('input.description', input.description, 10000);
  const priority = requireOneOf('input.priority', input.priority ?? 'NORMAL', TICKET_PRIORITIES);
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
  });
  publish(
    em,
    TicketOpenedV1,
    ticket.id,
    { ticketId: ticket.id, customerId, number: ticket.number, subject, priority, openedAt: ticket.openedAt.toISOString() },
    meta,
  );
  await em.flush();
  return ticket;
}

/**
 * Resolves a ticket that is still being worked on (else CONFLICT) and writes its
 * `support.ticket.resolved.v1` event, in one transaction holding the ticket's row lock so two
 * concurrent resolutions cannot both succeed.
 */
export async function resolveTicket(em: SqlEntityManager, id: string, meta: EventMetadata): Promise<ITicket> {
  const ticketId = requireUuid('id', id);
  return em.transactional(async (tx) => {
    const ticket = await tx.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!ticket) throw notFound('Ticket', id, 'id');
    const resolvedAt = new Date();
    resolve(ticket, resolvedAt);
    publish(
      tx,
      TicketResolvedV1,
      ticket.id,
      { ticketId: ticket.id, customerId: ticket.customerId, number: ticket.number, resolvedAt: resolvedAt.toISOString() },
      meta,
    );
    return ticket;
  });
}

export async function getTicket(em: SqlEntityManager, id: string, field = 'id'): Promise<ITicket> {
  const ticket = await em.findOne(Ticket, { id: requireUuid(field, id) });
  if (!ticket) throw notFound('Ticket', id, field);
  return ticket;
}

export interface TicketFilter {
  customerId?: string | null;
  status?: string | null;
  priority?: string | null;
}

/** Tickets newest first by (openedAt, id), paged by keyset (never OFFSET). */
export async function listTickets(
  em: SqlEntityManager,
  filter: TicketFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ITicket>> {
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(Ticket, 't').select('*');
  if (filter?.customerId) qb.andWhere({ customerId: requireUuid('filter.customerId', filter.customerId) });
  if (filter?.status) qb.andWhere({ status: requireOneOf('filter.status', filter.status, TICKET_STATUSES) });
  if (filter?.priority) qb.andWhere({ priority: requireOneOf('filter.priority', filter.priority, TICKET_PRIORITIES) });
  if (after) {
    const cursor = decodeCursor('after', after);
    if (Number.isNaN(Date.parse(cursor.sortValue)) || !isUuid(cursor.id)) throw badInput('after', 'after is not a cursor this API issued', 'INVALID_CURSOR');
    qb.andWhere('(t.opened_at, t.id) < (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ openedAt: 'desc', id: 'desc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (t) => t.openedAt.toISOString());
}
