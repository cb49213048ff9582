import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { normaliseAmount, requireIsoDate, requireUuid } from '@rapport/errors';
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
  const rows = await em.execute<{ currency: string; current: string; d30: string; d60: string; d90: string; over: string; total: string; n: number }[]>(
    `select currency,
            coalesce(sum(bal) filter (where late <= 0), 0)::text as current,
            coalesce(sum(bal) filter (where late between 1 and 30), 0)::text as d30,
            coalesce(sum(bal) filter (where late between 31 and 60), 0)::text as d60,
            coalesce(sum(bal) filter (where late between 61 and 90), 0)::text as d90,
            coalesce(sum(bal) filter (where late > 90), 0)::text as over,
            sum(bal)::text as total, count(*)::int as n
       from (select i.currency, i.total - i.amount_paid - i.amount_credited as bal, (?::date - i.due_date) as late
               from invoice i where ${where.join(' and ')} ) open
      group by currency order by currency`,
    params,
  );
  return rows.map((r) => ({
    currency: r.currency,
    current: normaliseAmount(r.current),
    days1To30: normaliseAmount(r.d30),
    days31To60: normaliseAmount(r.d60),
    days61To90: normaliseAmount(r.d90),
    over90: normaliseAmount(r.over),
    total: normaliseAmount(r.total),
    invoiceCount: r.n,
  }));
}
