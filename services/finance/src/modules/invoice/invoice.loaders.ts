import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanSql, restrictToVisibleCustomers, ofVisibleCustomers, visibleCustomersSql, type Caller } from '@rapport/subgraph-kit';
import { CreditNote, CreditNoteLine } from '../credit-note/credit-note.entity.js';
import { Allocation, Payment } from '../payment/payment.entity.js';
import { Invoice, InvoiceLine, InvoiceTax, utcToday } from './invoice.entity.js';
import { invoicePolicy } from './invoice.policy.js';

/**
 * Per-request loaders: N invoice references, or the overdue invoices of N customers, cost one
 * query, narrowed to the customers the caller may see; a caller whose department has no access
 * to invoices gets nulls and empty lists without a query. The parts of a document (lines, taxes,
 * allocations) are loaded for documents already checked visible.
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
    paymentById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      const qb = em
        .createQueryBuilder(Payment, 'p')
        .select('*')
        .where({ id: { $in: [...ids] } });
      restrictToVisibleCustomers(qb, 'p', viewer);
      return qb.getResultList();
    }),
    creditNoteById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      const qb = em
        .createQueryBuilder(CreditNote, 'c')
        .select('*')
        .where({ id: { $in: [...ids] } });
      restrictToVisibleCustomers(qb, 'c', viewer);
      return qb.getResultList();
    }),
    overdueInvoicesByCustomer: groupedLoader(
      async (customerIds) => {
        if (!viewer) return [];
        const customers = ofVisibleCustomers(viewer, '"i"', customerIds);
        // Plain rows from SQL written once, not managed entities from a query builder: the flagship's hot
        // path needs no identity map or snapshot, nor the builder's CPU (see `leanSql`).
        return leanSql(
          em,
          Invoice,
          `select "i".* from "invoice" as "i"
         where "i"."due_date" < ? and "i"."amount_paid" + "i"."amount_credited" < "i"."total" and ${customers.sql}
         order by "i"."due_date" asc, "i"."id" asc`,
          [utcToday(), ...customers.params],
          { prepare: true },
        );
      },
      (invoice) => invoice.customerId,
    ),
    creditByCustomer: groupedLoader(
      async (customerIds) => {
        if (!viewer) return [];
        const ids = [...customerIds];
        const marks = ids.map(() => '?').join(', ');
        const visible = visibleCustomersSql(viewer);
        const scope = visible ? ` and customer_id in (${visible.sql})` : '';
        return em.execute<{ customer_id: string; currency: string; amount: string }[]>(
          `select customer_id, currency, sum(amount)::text as amount from (
             select customer_id, currency, amount - amount_allocated as amount from payment where amount_allocated < amount and customer_id in (${marks})${scope}
             union all
             select customer_id, currency, gross_total - amount_applied - amount_refunded from credit_note where amount_applied + amount_refunded < gross_total and customer_id in (${marks})${scope}
           ) held group by customer_id, currency order by currency`,
          [...ids, ...(visible?.params ?? []), ...ids, ...(visible?.params ?? [])],
        );
      },
      (row) => row.customer_id,
    ),
    invoiceLines: groupedLoader(
      (ids) => em.find(InvoiceLine, { invoiceId: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (line) => line.invoiceId,
    ),
    invoiceTaxes: groupedLoader(
      (ids) => em.find(InvoiceTax, { invoiceId: { $in: [...ids] } }, { orderBy: { taxRate: 'asc' } }),
      (tax) => tax.invoiceId,
    ),
    allocationsByInvoice: groupedLoader(
      (ids) => em.find(Allocation, { invoiceId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (a) => a.invoiceId,
    ),
    allocationsByPayment: groupedLoader(
      (ids) => em.find(Allocation, { paymentId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (a) => a.paymentId ?? '',
    ),
    creditNotesByInvoice: groupedLoader(
      (ids) => em.find(CreditNote, { invoiceId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (c) => c.invoiceId,
    ),
    creditNoteLines: groupedLoader(
      (ids) => em.find(CreditNoteLine, { creditNoteId: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (l) => l.creditNoteId,
    ),
  };
};
