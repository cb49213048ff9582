import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { publish } from '@rapport/bus';
import { TicketOpenedV1, TicketResolvedV1, type EventMetadata } from '@rapport/contracts';
import { badInput, conflict, isUuid, notFound, optionalText, pageSize, requireOneOf, requireText, requireUuid } from '@rapport/errors';
import {
  assertCustomerVisible,
  decodeCursor,
  readAccess,
  restoreAccess,
  restrictToVisibleCustomers,
  toConnection,
  writeAccess,
  type Access,
  type Connection,
} from '@rapport/subgraph-kit';
import { resolve, Ticket, TICKET_PRIORITIES, TICKET_STATUSES, ticketNumber, type ITicket } from './ticket.entity.js';
import { ticketPolicy } from './ticket.policy.js';

export interface OpenTicketInput {
  customerId: string;
  subject: string;
  description?: string | null;
  priority?: string | null;
}

/**
 * Validates, numbers and opens a ticket with its `support.ticket.opened.v1` event in one flush;
 * a caller limited to their customers may open tickets only for a customer they may see.
 */
export async function openTicket(em: SqlEntityManager, principal: Principal | null, input: OpenTicketInput, meta: EventMetadata): Promise<ITicket> {
  const access = writeAccess(ticketPolicy, principal, 'tickets');
  const customerId = requireUuid('input.customerId', input.customerId);
  const subject = requireText('input.subject', input.subject);
  const description = optionalText('input.description', input.description, 10000);
  const priority = requireOneOf('input.priority', input.priority ?? 'NORMAL', TICKET_PRIORITIES);
  await assertCustomerVisible(em, principal, access, customerId, 'input.customerId');
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
 * concurrent resolutions cannot both succeed. A ticket the caller may not see is NOT_FOUND.
 */
export async function resolveTicket(em: SqlEntityManager, principal: Principal | null, id: string, meta: EventMetadata): Promise<ITicket> {
  const access = writeAccess(ticketPolicy, principal, 'tickets');
  const ticketId = requireUuid('id', id);
  return em.transactional(async (tx) => {
    const ticket = await ticketQuery(tx, principal, access).andWhere({ id: ticketId }).setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResult();
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

/** One ticket by id; NOT_FOUND when it does not exist or belongs to a customer the caller may not see. */
export async function getTicket(em: SqlEntityManager, principal: Principal | null, id: string, field = 'id'): Promise<ITicket> {
  const access = readAccess(ticketPolicy, principal, 'tickets');
  return findVisible(em, principal, access, requireUuid(field, id), field);
}

/**
 * The one base query for tickets: those of the customers the caller may see, without the deleted
 * ones (or, with `deleted`, only those). Every list, lookup, loader and mutation starts here.
 */
export function ticketQuery(em: SqlEntityManager, principal: Principal | null, access: Access, deleted = false) {
  const qb = em.createQueryBuilder(Ticket, 't').select('*');
  qb.where(deleted ? 't.deleted_at is not null' : 't.deleted_at is null');
  restrictToVisibleCustomers(qb, 't', principal, access);
  return qb;
}

async function findVisible(em: SqlEntityManager, principal: Principal | null, access: Access, id: string, field: string, deleted = false): Promise<ITicket> {
  const ticket = await ticketQuery(em, principal, access, deleted).andWhere({ id }).getSingleResult();
  if (!ticket) throw notFound('Ticket', id, field);
  return ticket;
}

export interface TicketFilter {
  customerId?: string | null;
  status?: string | null;
  priority?: string | null;
}

/** The tickets the caller may see, newest first by (openedAt, id), paged by keyset (never OFFSET). */
export async function listTickets(
  em: SqlEntityManager,
  principal: Principal | null,
  filter: TicketFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ITicket>> {
  const access = readAccess(ticketPolicy, principal, 'tickets');
  const limit = pageSize('first', first);
  const qb = ticketQuery(em, principal, access);
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

/**
 * Deletes a ticket softly: it disappears from every list, lookup and customer's open tickets, and
 * can be restored. A ticket the caller may not see is NOT_FOUND; one already deleted, CONFLICT.
 */
export async function deleteTicket(em: SqlEntityManager, principal: Principal | null, id: string): Promise<ITicket> {
  const access = writeAccess(ticketPolicy, principal, 'tickets');
  const ticketId = requireUuid('id', id);
  const ticket = await ticketQuery(em, principal, access).andWhere({ id: ticketId }).getSingleResult();
  if (!ticket) {
    await findVisible(em, principal, access, ticketId, 'id', true);
    throw conflict('TICKET_ALREADY_DELETED', `Ticket ${ticketId} is already deleted`, 'id');
  }
  ticket.deletedAt = new Date();
  await em.flush();
  return ticket;
}

/** Restores a softly deleted ticket (admins, directors, support agents, team heads); a live one is CONFLICT. */
export async function restoreTicket(em: SqlEntityManager, principal: Principal | null, id: string): Promise<ITicket> {
  const access = restoreAccess(ticketPolicy, principal, 'tickets');
  const ticketId = requireUuid('id', id);
  const ticket = await ticketQuery(em, principal, access, true).andWhere({ id: ticketId }).getSingleResult();
  if (!ticket) {
    await findVisible(em, principal, access, ticketId, 'id');
    throw conflict('TICKET_NOT_DELETED', `Ticket ${ticketId} is not deleted`, 'id');
  }
  ticket.deletedAt = null;
  await em.flush();
  return ticket;
}
