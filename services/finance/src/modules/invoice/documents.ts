import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import type { EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { requireUuid } from '@rapport/errors';
import { concurrentTransition, keysetPage, restrictToVisibleCustomers, type Connection, type Keyset, type Viewer } from '@rapport/subgraph-kit';

export type DocumentSeries = 'INV' | 'CN' | 'REM' | 'OB' | 'FEE';

/**
 * The next number of a series for a year, e.g. INV-2026-000001: a counter row per series and year,
 * incremented (and so row-locked) inside the issuing transaction. A rolled-back issue rolls the
 * counter back too, so numbers have no gaps (a database sequence would leave one); concurrent
 * issues of one series wait for each other here, only for the rest of that transaction.
 */
export async function nextDocumentNumber(tx: SqlEntityManager, series: DocumentSeries, issueDate: string): Promise<string> {
  if (!tx.isInTransaction()) throw new Error('document numbers are drawn inside the issuing transaction');
  const year = issueDate.slice(0, 4);
  const [row] = await tx.execute<{ last_number: number }[]>(
    `insert into document_counter (series, year, last_number) values (?, ?::int, 1)
     on conflict (series, year) do update set last_number = document_counter.last_number + 1
     returning last_number`,
    [series, year],
  );
  if (!row) throw new Error(`no number drawn for ${series} ${year}`);
  return `${series}-${year}-${String(row.last_number).padStart(6, '0')}`;
}

/**
 * Runs `work` in a transaction (the caller's when `em` is in one, e.g. an event handler's inbox
 * transaction), waiting at most 5 s for a row another request holds: a request that waits longer
 * is answered CONFLICT, like the kit's `transition`.
 */
export async function inTransaction<R>(em: SqlEntityManager, work: (tx: SqlEntityManager) => Promise<R>): Promise<R> {
  if (em.isInTransaction()) return work(em);
  try {
    return await em.transactional(async (tx) => {
      await tx.execute('set local lock_timeout = 5000');
      const result = await work(tx);
      await tx.flush();
      return result;
    });
  } catch (error) {
    if (error instanceof LockWaitTimeoutException || error instanceof DeadlockException) throw concurrentTransition(error);
    throw error;
  }
}

/** Narrows a list of a customer's documents that follow an invoice (credit notes, reminders). */
export interface InvoiceDocumentFilter {
  customerId?: string | null;
  invoiceId?: string | null;
}

/**
 * One keyset page of documents (credit notes, reminders) the caller may see — of the customers they
 * may see — optionally one customer's or one invoice's, in `order`; `field` names the list in errors.
 */
export async function listInvoiceDocuments<T extends { id: string }>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  order: Keyset<T>,
  field: string,
  viewer: Viewer,
  filter: InvoiceDocumentFilter | null | undefined,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const alias = 'd';
  const qb = em.createQueryBuilder<T, string>(entity, alias).select('*');
  restrictToVisibleCustomers(qb, alias, viewer);
  if (filter?.customerId) qb.andWhere(`${alias}.customer_id = ?`, [requireUuid('filter.customerId', filter.customerId)]);
  if (filter?.invoiceId) qb.andWhere(`${alias}.invoice_id = ?`, [requireUuid('filter.invoiceId', filter.invoiceId)]);
  return keysetPage(qb, order, { field, first: page.first, after: page.after });
}
