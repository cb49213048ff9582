import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatAmount, parseAmount, requireIsoDate, requireUuid } from '@rapport/errors';
import { visibleCustomersSql, type Viewer } from '@rapport/subgraph-kit';
import { utcToday } from '../invoice/invoice.entity.js';

export interface AgeingRow {
  currency: string;
  current: string;
  days1To30: string;
  days31To60: string;
  days61To90: string;
  over90: string;
  total: string;
  invoiceCount: number;
}

/** The bucket of an invoice `late` days past due: 0 not yet due, 1 for 1–30, 2 for 31–60, 3 for 61–90, 4 beyond. */
export const bucketOf = (late: number): number => (late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4);

/**
 * What customers owe on open invoices per currency, in ageing buckets by days past the due date as
 * of `asOf` (current: not yet due), summed by PostgreSQL on numeric (exact), over the invoices the
 * caller may see — a rep's customers, a team head's team's, everything for finance — optionally
 * one customer's.
 */
export async function receivablesAgeing(em: SqlEntityManager, viewer: Viewer, args: { customerId?: string | null; asOf?: string | null }): Promise<AgeingRow[]> {
  const asOf = args.asOf ? requireIsoDate('asOf', args.asOf) : utcToday();
  const where = ['i.amount_paid + i.amount_credited < i.total'];
  const params: unknown[] = [asOf];
  if (args.customerId) {
    where.push('i.customer_id = ?');
    params.push(requireUuid('customerId', args.customerId));
  }
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    where.push(`i.customer_id in (${visible.sql})`);
    params.push(...visible.params);
  }
  // Summed per currency and due date by PostgreSQL (numeric, exact) from the open-invoice index, then
  // put in buckets here on bigint: a few hundred rows instead of every invoice.
  const groups = await em.execute<{ currency: string; late: number; balance: string; n: number }[]>(
    `select i.currency, (?::date - i.due_date) as late, sum(i.total - i.amount_paid - i.amount_credited)::text as balance, count(*)::int as n
       from invoice i where ${where.join(' and ')} group by i.currency, i.due_date`,
    params,
  );
  const byCurrency = new Map<string, { buckets: bigint[]; n: number }>();
  for (const g of groups) {
    const row = byCurrency.get(g.currency) ?? { buckets: [0n, 0n, 0n, 0n, 0n], n: 0 };
    row.buckets[bucketOf(g.late)]! += parseAmount('balance', g.balance);
    row.n += g.n;
    byCurrency.set(g.currency, row);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { buckets, n }]) => ({
      currency,
      current: formatAmount(buckets[0]!),
      days1To30: formatAmount(buckets[1]!),
      days31To60: formatAmount(buckets[2]!),
      days61To90: formatAmount(buckets[3]!),
      over90: formatAmount(buckets[4]!),
      total: formatAmount(buckets.reduce((sum, bucket) => sum + bucket, 0n)),
      invoiceCount: n,
    }));
}
