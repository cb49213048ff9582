import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatAmount, minorUnitOf, parseAmount, rateMissing, requireIsoDate, requireUuid } from '@rapport/errors';
import { visibleCustomersSql, type Viewer } from '@rapport/subgraph-kit';
import { getBaseCurrency } from '../currency/currency.service.js';
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
export async function receivablesAgeing(em: SqlEntityManager, viewer: Viewer, args: AgeingArgs): Promise<AgeingRow[]> {
  const { asOf, where, params } = openInvoicesOf(viewer, args);
  // Summed per currency and due date by PostgreSQL (numeric, exact) from the open-invoice index, then
  // put in buckets here on bigint: a few hundred rows instead of every invoice.
  const groups = await em.execute<AgeingGroup[]>(
    `select i.currency, (?::date - i.due_date) as late, sum(i.total - i.amount_paid - i.amount_credited)::text as balance, count(*)::int as n
       from invoice i where ${where.join(' and ')} group by i.currency, i.due_date`,
    [asOf, ...params],
  );
  return bucketRows(groups);
}

/**
 * The same ageing in one row in the base currency: each open invoice's balance converted at its rate
 * to base at issue (half up at the base's minor unit, per invoice), or — for an invoice issued before
 * a rate was set — at the rate of its issue date now set. An invoice with no rate at all is refused:
 * RATE_MISSING naming its currency and issue date.
 */
export async function receivablesAgeingInBase(em: SqlEntityManager, viewer: Viewer, args: AgeingArgs): Promise<AgeingRow> {
  const { asOf, where, params } = openInvoicesOf(viewer, args);
  const base = await getBaseCurrency(em);
  const minor = minorUnitOf(base);
  // Invoices with their rate at issue (all issued since rates exist): one pass, no rate lookup.
  const snapshot = await em.execute<AgeingGroup[]>(
    `select ?::text as currency, (?::date - i.due_date) as late, sum(round((i.total - i.amount_paid - i.amount_credited) * i.rate_to_base, ?::int))::text as balance, count(*)::int as n
       from invoice i where ${where.join(' and ')} and i.rate_to_base is not null group by i.due_date`,
    [base, asOf, minor, ...params],
  );
  // Invoices issued before a rate was set: in base as they are, else at the rate of their issue date now set.
  const rate = `coalesce(case when i.currency = ?::char(3) then 1 end, r.rate)`;
  const looked = await em.execute<(AgeingGroup & { missing_currency: string | null; missing_day: string | null })[]>(
    `select ?::text as currency, (?::date - i.due_date) as late,
            sum(round((i.total - i.amount_paid - i.amount_credited) * ${rate}, ?::int))::text as balance, count(*)::int as n,
            min(case when ${rate} is null then i.currency end) as missing_currency, min(case when ${rate} is null then i.issue_date::text end) as missing_day
       from invoice i
       left join lateral (
         select case when e.from_currency = i.currency then e.rate else round(1 / e.rate, 10) end as rate
           from exchange_rate e
          where ((e.from_currency = i.currency and e.to_currency = ?::char(3)) or (e.from_currency = ?::char(3) and e.to_currency = i.currency))
            and e.valid_on <= i.issue_date
          order by e.valid_on desc, (e.from_currency = i.currency) desc limit 1) r on true
      where ${where.join(' and ')} and i.rate_to_base is null group by i.due_date`,
    [base, asOf, base, minor, base, base, base, base, ...params],
  );
  const groups = [...snapshot, ...looked];
  const missing = looked.find((g) => g.missing_currency);
  if (missing) throw rateMissing('asOf', missing.missing_currency!, base, missing.missing_day!);
  return bucketRows(groups)[0] ?? bucketRows([{ currency: base, late: 0, balance: '0', n: 0 }])[0]!;
}

export interface AgeingArgs {
  customerId?: string | null;
  asOf?: string | null;
}

interface AgeingGroup {
  currency: string;
  late: number;
  balance: string;
  n: number;
}

/** The open invoices the caller may see (optionally one customer's) as SQL conditions on `i`, and the day they are aged on. */
function openInvoicesOf(viewer: Viewer, args: AgeingArgs): { asOf: string; where: string[]; params: unknown[] } {
  const asOf = args.asOf ? requireIsoDate('asOf', args.asOf) : utcToday();
  const where = ['i.amount_paid + i.amount_credited < i.total'];
  const params: unknown[] = [];
  if (args.customerId) {
    where.push('i.customer_id = ?');
    params.push(requireUuid('customerId', args.customerId));
  }
  const visible = visibleCustomersSql(viewer);
  if (visible) {
    where.push(`i.customer_id in (${visible.sql})`);
    params.push(...visible.params);
  }
  return { asOf, where, params };
}

/** Sums of balances per currency and days late into one row of buckets per currency, sorted by currency. */
function bucketRows(groups: readonly AgeingGroup[]): AgeingRow[] {
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
