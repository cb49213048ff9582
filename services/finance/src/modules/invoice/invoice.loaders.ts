import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, restrictToVisibleCustomers, type Caller } from '@rapport/subgraph-kit';
import { Invoice, utcToday } from './invoice.entity.js';
import { invoicePolicy } from './invoice.policy.js';

/**
 * Per-request loaders: N invoice references, or the overdue invoices of N customers, cost one
 * query, narrowed to the customers the caller may see; a caller whose department has no access
 * to invoices gets nulls and empty lists without a query.
 */
export const createInvoiceLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(invoicePolicy, 'lookup');
  return {
    invoiceById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      const qb = em
        .createQueryBuilder(Invoice, 'i')
        .select('*')
        .where({ id: { $in: [...ids] } });
      restrictToVisibleCustomers(qb, 'i', viewer);
      return qb.getResultList();
    }),
    overdueInvoicesByCustomer: groupedLoader(
      async (customerIds) => {
        if (!viewer) return [];
        const qb = em
          .createQueryBuilder(Invoice, 'i')
          .select('*')
          .where({ customerId: { $in: [...customerIds] }, dueDate: { $lt: utcToday() } })
          .andWhere('i.amount_paid < i.total');
        restrictToVisibleCustomers(qb, 'i', viewer);
        return qb.orderBy({ dueDate: 'asc', id: 'asc' }).getResultList();
      },
      (invoice) => invoice.customerId,
    ),
  };
};
