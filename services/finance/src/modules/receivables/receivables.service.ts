import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { formatAmount, minorUnitOf, parseAmount, rateMissing, requireIsoDate, requireUuid } from '@rapport/errors';
import { headedTeams, visibleCustomersSql, type Viewer } from '@rapport/subgraph-kit';
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
  return (await inBaseGroups(em, base, asOf, where, params, NO_GROUP)).get(null) ?? emptyRow(base);
}

/** How open invoices are grouped: a SQL expression over `i` and `ca` (null: one group), and the join it needs. */
interface Grouping {
  expr: string | null;
  join: string;
}
const NO_GROUP: Grouping = { expr: null, join: '' };

/** A row of zeros in `currency`. */
const emptyRow = (currency: string): AgeingRow => bucketRows([{ currency, late: 0, balance: '0', n: 0 }])[0]!;

/**
 * Balances of the open invoices `where` selects, in base currency, bucketed per group: each at its rate to
 * base at issue, or (issued before any rate) at the rate of its issue date now set; RATE_MISSING without one.
 */
async function inBaseGroups(em: SqlEntityManager, base: string, asOf: string, where: string[], params: unknown[], group: Grouping): Promise<Map<string | null, AgeingRow>> {
  const minor = minorUnitOf(base);
  const key = group.expr ? `${group.expr} as grp,` : 'null::uuid as grp,';
  const by = group.expr ? `${group.expr}, ` : '';
  // Invoices with their rate at issue (all issued since rates exist): one pass, no rate lookup.
  const snapshot = await em.execute<GroupedAgeing[]>(
    `select ${key} ?::text as currency, (?::date - i.due_date) as late, sum(round((i.total - i.amount_paid - i.amount_credited) * i.rate_to_base, ?::int))::text as balance, count(*)::int as n
       from invoice i ${group.join} where ${where.join(' and ')} and i.rate_to_base is not null group by ${by}i.due_date`,
    [base, asOf, minor, ...params],
  );
  // Invoices issued before a rate was set: in base as they are, else at the rate of their issue date now set.
  const rate = `coalesce(case when i.currency = ?::char(3) then 1 end, r.rate)`;
  const looked = await em.execute<(GroupedAgeing & { missing_currency: string | null; missing_day: string | null })[]>(
    `select ${key} ?::text as currency, (?::date - i.due_date) as late,
            sum(round((i.total - i.amount_paid - i.amount_credited) * ${rate}, ?::int))::text as balance, count(*)::int as n,
            min(case when ${rate} is null then i.currency end) as missing_currency, min(case when ${rate} is null then i.issue_date::text end) as missing_day
       from invoice i ${group.join}
       left join lateral (
         select case when e.from_currency = i.currency then e.rate else round(1 / e.rate, 10) end as rate
           from exchange_rate e
          where ((e.from_currency = i.currency and e.to_currency = ?::char(3)) or (e.from_currency = ?::char(3) and e.to_currency = i.currency))
            and e.valid_on <= i.issue_date
          order by e.valid_on desc, (e.from_currency = i.currency) desc limit 1) r on true
      where ${where.join(' and ')} and i.rate_to_base is null group by ${by}i.due_date`,
    [base, asOf, base, minor, base, base, base, base, ...params],
  );
  const missing = looked.find((g) => g.missing_currency);
  if (missing) throw rateMissing('asOf', missing.missing_currency!, base, missing.missing_day!);
  const rows = new Map<string | null, AgeingRow>();
  for (const [grp, groups] of byGroup([...snapshot, ...looked])) rows.set(grp, bucketRows(groups)[0] ?? emptyRow(base));
  return rows;
}

/** Groups rows by their `grp`. */
function byGroup(rows: readonly GroupedAgeing[]): Map<string | null, GroupedAgeing[]> {
  const groups = new Map<string | null, GroupedAgeing[]>();
  for (const row of rows) groups.set(row.grp, [...(groups.get(row.grp) ?? []), row]);
  return groups;
}

export const RECEIVABLES_GROUPINGS = ['REP', 'TEAM'] as const;
export type ReceivablesGrouping = (typeof RECEIVABLES_GROUPINGS)[number];

/** One rep's or one team's receivables: per currency and in base. */
export interface ReceivablesGroup {
  grouping: ReceivablesGrouping;
  /** The rep (owner of the customers) or team; null for customers without one. */
  key: string | null;
  byCurrency: AgeingRow[];
  inBase: AgeingRow;
}

/**
 * Receivables in ageing buckets per owner rep (`REP`) or per team (`TEAM`) of the customers, as
 * `customer_access` holds them now: per currency and in base currency (as `receivablesAgeingInBase`).
 * Finance, directors and admins get every rep and team (customers without one as a null group); a
 * team head the reps and teams of the teams they head (and their own customers); a rep their own
 * customers only — never a customer merely shared with them. Largest total in base first. Backed by
 * the indexes on `customer_access` (owner, team) and the open invoices' partial indexes.
 */
export async function receivablesGrouped(em: SqlEntityManager, viewer: Viewer, grouping: ReceivablesGrouping, asOfInput: string | null | undefined): Promise<ReceivablesGroup[]> {
  const asOf = asOfInput ? requireIsoDate('asOf', asOfInput) : utcToday();
  const where = ['i.amount_paid + i.amount_credited < i.total'];
  const params: unknown[] = [];
  // Scoped as visibleCustomersSql scopes (null: sees everything), but by ownership and team only: no shared customers.
  if (visibleCustomersSql(viewer)) {
    const teams = headedTeams(viewer);
    where.push(`(ca.owner_id = ?${teams.length ? ` or ca.team_id in (${teams.map(() => '?').join(', ')})` : ''})`);
    params.push(viewer.principal.userId, ...teams);
  }
  const group: Grouping = { expr: grouping === 'REP' ? 'ca.owner_id' : 'ca.team_id', join: 'left join customer_access ca on ca.customer_id = i.customer_id' };
  const perCurrency = await em.execute<GroupedAgeing[]>(
    `select ${group.expr} as grp, i.currency, (?::date - i.due_date) as late, sum(i.total - i.amount_paid - i.amount_credited)::text as balance, count(*)::int as n
       from invoice i ${group.join} where ${where.join(' and ')} group by ${group.expr}, i.currency, i.due_date`,
    [asOf, ...params],
  );
  const base = await getBaseCurrency(em);
  const inBase = await inBaseGroups(em, base, asOf, where, params, group);
  return [...byGroup(perCurrency)]
    .map(([key, groups]) => ({ grouping, key, byCurrency: bucketRows(groups), inBase: inBase.get(key) ?? emptyRow(base) }))
    .sort((a, b) => {
      const diff = parseAmount('total', b.inBase.total) - parseAmount('total', a.inBase.total);
      return diff > 0n ? 1 : diff < 0n ? -1 : String(a.key).localeCompare(String(b.key));
    });
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

/** An AgeingGroup of one rep or team (`grp`; null when ungrouped or the customer has none). */
interface GroupedAgeing extends AgeingGroup {
  grp: string | null;
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
