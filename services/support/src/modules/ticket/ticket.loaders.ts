import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader } from '@rapport/subgraph-kit';
import { CLOSED_STATUSES, Ticket } from './ticket.entity.js';

/** Per-request loaders: N ticket references, or the open tickets of N customers, cost one query. */
export const createTicketLoaders = (em: SqlEntityManager) => ({
  ticketById: byIdLoader((ids) => em.find(Ticket, { id: { $in: [...ids] } })),
  openTicketsByCustomer: groupedLoader(
    (customerIds) =>
      em.find(
        Ticket,
        { customerId: { $in: [...customerIds] }, status: { $nin: [...CLOSED_STATUSES] } },
        { orderBy: { openedAt: 'desc', id: 'desc' } },
      ),
    (ticket) => ticket.customerId,
  ),
});
