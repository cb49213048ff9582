import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { publish } from '@rapport/bus';
import { TicketCommentedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, notFound, requireText, requireUuid } from '@rapport/errors';
import type { Viewer, WriteAccess } from '@rapport/subgraph-kit';
import { assertNotClosed, recordFirstResponse } from '../ticket/ticket.entity.js';
import { ticketQuery } from '../ticket/ticket.service.js';
import { TicketComment, type ITicketComment } from './comment.entity.js';
import { respondsForSupport, seesInternalComments } from './comment.policy.js';

/**
 * Adds a comment to a ticket the caller may work on (else NOT_FOUND). Internal comments may be
 * written only by those who may read them (else FORBIDDEN). The first public comment by a support
 * agent or an admin stamps the ticket's first response, under the ticket's row lock so two
 * simultaneous answers cannot both count as first.
 */
export async function addTicketComment(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  ticketId: string,
  body: string,
  internal: boolean | null | undefined,
  meta: EventMetadata,
): Promise<ITicketComment> {
  const id = requireUuid('ticketId', ticketId);
  const text = requireText('body', body, 10000);
  const isInternal = internal ?? false;
  if (isInternal && !seesInternalComments(viewer)) {
    throw new AppError('FORBIDDEN', 'INTERNAL_COMMENT_FORBIDDEN', `${viewer.principal.role} may not write internal comments`, { field: 'internal' });
  }
  return em.transactional(async (tx) => {
    const ticket = await ticketQuery(tx, viewer).andWhere({ id }).setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResult();
    if (!ticket) throw notFound('Ticket', id, 'ticketId');
    assertNotClosed(ticket, 'ticketId');
    const at = new Date();
    const comment = tx.create(TicketComment, { id: randomUUID(), ticketId: ticket.id, authorId: viewer.principal.userId, body: text, internal: isInternal, createdAt: at });
    const firstResponse = !isInternal && respondsForSupport(viewer) && !ticket.firstRespondedAt;
    if (!isInternal && respondsForSupport(viewer)) recordFirstResponse(ticket, at);
    publish(
      tx,
      TicketCommentedV1,
      ticket.id,
      { ticketId: ticket.id, customerId: ticket.customerId, commentId: comment.id, authorId: comment.authorId, internal: isInternal, firstResponse, commentedAt: at.toISOString() },
      meta,
    );
    return comment;
  });
}
