import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader } from '@rapport/subgraph-kit';
import { Invoice, utcToday } from './invoice.entity.js';

/** Per-request loaders: N invoice references, or the overdue invoices of N customers, cost one query. */
export const createInvoiceLoaders = (em: SqlEntityManager) => ({
  invoiceById: byIdLoader((ids) => em.find(Invoice, { id: { $in: [...ids] } })),
  overdueInvoicesByCustomer: groupedLoader(
    (customerIds) =>
      em
        .createQueryBuilder(Invoice, 'i')
        .select('*')
        .where({ customerId: { $in: [...customerIds] }, dueDate: { $lt: utcToday() } })
        .andWhere('i.amount_paid < i.total')
        .orderBy({ dueDate: 'asc', id: 'asc' })
        .getResultList(),
    (invoice) => invoice.customerId,
  ),
});
