import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { byIdLoader, groupedLoader, restrictToVisibleCustomers, type Access } from '@rapport/subgraph-kit';
import { CLOSED_STATUSES, Ticket } from './ticket.entity.js';
import { ticketPolicy } from './ticket.policy.js';

/**
 * Per-request loaders: N ticket references, or the open tickets of N customers, cost one query,
 * narrowed to the customers the caller may see; a caller whose department has no access to
 * tickets gets nulls and empty lists without a query.
 */
export const createTicketLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const access: Access = principal ? ticketPolicy[principal.role] : 'none';
  return {
    ticketById: byIdLoader(async (ids) => {
      if (access === 'none') return [];
      const qb = em.createQueryBuilder(Ticket, 't').select('*').where({ id: { $in: [...ids] } });
      restrictToVisibleCustomers(qb, 't', principal, access);
      return qb.getResultList();
    }),
    openTicketsByCustomer: groupedLoader(
      async (customerIds) => {
        if (access === 'none') return [];
        const qb = em
          .createQueryBuilder(Ticket, 't')
          .select('*')
          .where({ customerId: { $in: [...customerIds] }, status: { $nin: [...CLOSED_STATUSES] } });
        restrictToVisibleCustomers(qb, 't', principal, access);
        return qb.orderBy({ openedAt: 'desc', id: 'desc' }).getResultList();
      },
      (ticket) => ticket.customerId,
    ),
  };
};
