import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, DataLoader, groupedLoader, leanSql, notDeletedSql, ofVisibleCustomers, type Caller } from '@rapport/subgraph-kit';
import { CLOSED_STATUSES, Ticket, TICKET_STATUSES, TicketStatusChange, type TicketStatus } from './ticket.entity.js';
import { ticketPolicy } from './ticket.policy.js';
import { ticketQuery } from './ticket.service.js';

/** How many of one customer's tickets are in one status. */
export interface TicketStatusCount {
  status: TicketStatus;
  count: number;
}

/**
 * Per-request loaders (live tickets only): N ticket references, the open tickets or the ticket
 * counts of N customers, or the status history of N tickets, cost one query each, narrowed to the
 * customers the caller may see; a caller whose department has no access to tickets gets nulls and
 * empty lists without a query.
 */
export const createTicketLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(ticketPolicy, 'lookup');
  return {
    ticketById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      return ticketQuery(em, viewer)
        .andWhere({ id: { $in: [...ids] } })
        .getResultList();
    }),
    openTicketsByCustomer: groupedLoader(
      async (customerIds) => {
        if (!viewer) return [];
        const customers = ofVisibleCustomers(viewer, '"t"', customerIds);
        // Plain rows from SQL written once, not managed entities from `ticketQuery`'s builder: the
        // flagship's hot path needs no identity map or snapshot, nor the builder's CPU (see `leanSql`).
        // The same predicates as `ticketQuery(em, viewer).andWhere({ customerId: { $in }, status: { $nin: CLOSED_STATUSES } })`.
        return leanSql(
          em,
          Ticket,
          `select "t".* from "ticket" as "t"
           where ${notDeletedSql('"t"')} and "t"."status" not in (${CLOSED_STATUSES.map(() => '?').join(', ')}) and ${customers.sql}
           order by "t"."opened_at" desc, "t"."id" desc`,
          [...CLOSED_STATUSES, ...customers.params],
          { prepare: true },
        );
      },
      (ticket) => ticket.customerId,
    ),
    /** Per customer, one entry per status that has tickets, in lifecycle order. */
    ticketCountsByCustomer: new DataLoader<string, TicketStatusCount[]>(async (customerIds) => {
      if (!viewer) return customerIds.map(() => []);
      const rows = await ticketQuery(em, viewer)
        .select(['t.customerId', 't.status', raw('count(*)::int as count')])
        .andWhere({ customerId: { $in: [...customerIds] } })
        .groupBy(['t.customerId', 't.status'])
        .execute<{ customer_id: string; status: TicketStatus; count: number }[]>('all', false);
      const order = (status: TicketStatus) => TICKET_STATUSES.indexOf(status);
      return customerIds.map((id) =>
        rows
          .filter((row) => row.customer_id === id)
          .sort((a, b) => order(a.status) - order(b.status))
          .map((row) => ({ status: row.status, count: row.count })),
      );
    }),
    /** Only asked for tickets the caller already sees, so it needs no narrowing of its own. */
    statusHistoryByTicket: groupedLoader(
      async (ticketIds) => em.find(TicketStatusChange, { ticketId: { $in: [...ticketIds] } }, { orderBy: { at: 'asc', id: 'asc' } }),
      (change) => change.ticketId,
    ),
  };
};
