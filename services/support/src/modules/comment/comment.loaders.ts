import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { ticketPolicy } from '../ticket/ticket.policy.js';
import { TicketComment } from './comment.entity.js';
import { seesInternalComments } from './comment.policy.js';

/**
 * The comments of N tickets in one query, oldest first. Only asked for tickets the caller already
 * sees; internal comments are left out for callers who may not read them.
 */
export const createCommentLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(ticketPolicy, 'lookup');
  const internalToo = viewer !== null && seesInternalComments(viewer);
  return {
    commentsByTicket: groupedLoader(
      async (ticketIds) => em.find(TicketComment, { ticketId: { $in: [...ticketIds] }, ...(internalToo ? {} : { internal: false }) }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (comment) => comment.ticketId,
    ),
  };
};
