import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { byIdLoader, groupedLoader, type Access } from '@rapport/subgraph-kit';
import { CLOSED_STATUSES } from './ticket.entity.js';
import { ticketPolicy } from './ticket.policy.js';
import { ticketQuery } from './ticket.service.js';

/**
 * Per-request loaders (live tickets only): N ticket references, or the open tickets of N customers, cost one query,
 * narrowed to the customers the caller may see; a caller whose department has no access to
 * tickets gets nulls and empty lists without a query.
 */
export const createTicketLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const access: Access = principal ? ticketPolicy[principal.role] : 'none';
  return {
    ticketById: byIdLoader(async (ids) => {
      if (access === 'none') return [];
      return ticketQuery(em, principal, access).andWhere({ id: { $in: [...ids] } }).getResultList();
    }),
    openTicketsByCustomer: groupedLoader(
      async (customerIds) => {
        if (access === 'none') return [];
        return ticketQuery(em, principal, access)
          .andWhere({ customerId: { $in: [...customerIds] }, status: { $nin: [...CLOSED_STATUSES] } })
          .orderBy({ openedAt: 'desc', id: 'desc' })
          .getResultList();
      },
      (ticket) => ticket.customerId,
    ),
  };
};
