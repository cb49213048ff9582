import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, formatAmount, formatQuantity, parseAmount, normaliseAmount, quantityUnits, requireIsoDate, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import type { DatedAmount, Viewer } from '@rapport/subgraph-kit';
import { whoseNumbers, withWorkMem } from './forecast.service.js';
import { ownNumbers, percent, where, type Condition } from './scope.js';

/** A period of dates [from, to), both YYYY-MM-DD, read as UTC days; BAD_USER_INPUT naming the field. */
export function dateRange(from: string, to: string): { from: string; to: string } {
  const start = requireIsoDate('from', from);
  const end = requireIsoDate('to', to);
  if (end <= start) throw badInput('to', 'to must be after from', 'INVALID_RANGE');
  return { from: start, to: end };
}

/** `column` (a timestamptz) within the UTC days [from, to). */
const within = (column: string, range: { from: string; to: string }): Condition => ({
  sql: `${column} >= (?::date)::timestamp at time zone 'UTC' and ${column} < (?::date)::timestamp at time zone 'UTC'`,
  params: [range.from, range.to],
});

/** The orders that count as sold: confirmed or completed (not cancelled), by when they were confirmed. */
const SOLD = "so.status <> 'CANCELLED'";

const byCurrency = (rows: { currency: string; amount: string }[]): Money[] =>
  rows.map((r) => ({ amount: normaliseAmount(r.amount), currency: r.currency.trim() })).sort((a, b) => a.currency.localeCompare(b.currency));

/** Amounts summed per currency, exact, sorted by currency. */
const sumPerCurrency = (amounts: readonly { amount: string; currency: string }[]): Money[] => {
  const units = new Map<string, bigint>();
  for (const a of amounts) units.set(a.currency, (units.get(a.currency) ?? 0n) + parseAmount('amount', a.amount));
  return [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => ({ currency, amount: normaliseAmount(formatAmount(sum)) }));
};

export interface RepPerformance {
  repId: string | null;
  ordersCount: number;
  orderTotals: Money[];
  wonCount: number;
  wonAmounts: Money[];
  lostCount: number;
  winRate: string | null;
  openCount: number;
  openAmounts: Money[];
  weightedOpenAmounts: Money[];
  /** The orders' totals per currency and day of confirmation (UTC), for `orderTotalInBase`. */
  orderAmounts: DatedAmount[];
}

export interface PerformanceArgs {
  from: string;
  to: string;
  repId?: string | null;
  teamId?: string | null;
}

/**
 * Per salesperson (the owner of the customers; null for customers without one): orders confirmed in
 * [from, to) and their net totals, deals won and lost in the period with their amounts and the win
 * rate, and the deals open now with their amounts and weighted amounts — per currency, exact.
 */
export async function salesPerformance(em: SqlEntityManager, viewer: Viewer, args: PerformanceArgs): Promise<RepPerformance[]> {
  const range = dateRange(args.from, args.to);
  const scope = [ownNumbers(viewer), ...whoseNumbers(args.repId, args.teamId)];
  const orders = where([{ sql: SOLD, params: [] }, within('so.confirmed_at', range), ...scope]);
  const closed = where([{ sql: "o.deleted_at is null and o.status <> 'OPEN'", params: [] }, within('o.closed_at', range), ...scope]);
  const open = where([{ sql: "o.deleted_at is null and o.status = 'OPEN'", params: [] }, ...scope]);
  const [orderRows, closedRows, openRows] = await Promise.all([
    em.execute<{ rep_id: string | null; currency: string; day: string; n: string; amount: string }[]>(
      `select ca.owner_id as rep_id, so.currency, ((so.confirmed_at at time zone 'UTC')::date)::text as day, count(*) as n, sum(so.total) as amount
         from sales_order so left join customer_access ca on ca.customer_id = so.customer_id
        where ${orders.sql} group by 1, 2, 3`,
      orders.params,
    ),
    em.execute<{ rep_id: string | null; status: string; currency: string; n: string; amount: string }[]>(
      `select ca.owner_id as rep_id, o.status, o.currency, count(*) as n, sum(o.amount) as amount
         from opportunity o left join customer_access ca on ca.customer_id = o.customer_id
        where ${closed.sql} group by 1, 2, 3`,
      closed.params,
    ),
    em.execute<{ rep_id: string | null; currency: string; n: string; amount: string; weighted: string }[]>(
      `select ca.owner_id as rep_id, o.currency, count(*) as n, sum(o.amount) as amount, round(sum(o.amount * s.probability) / 100, 4) as weighted
         from opportunity o join pipeline_stage s on s.id = o.stage_id left join customer_access ca on ca.customer_id = o.customer_id
        where ${open.sql} group by 1, 2`,
      open.params,
    ),
  ]);
  const reps = new Map<string | null, RepPerformance>();
  const rep = (id: string | null): RepPerformance => {
    let r = reps.get(id);
    if (!r) {
      r = {
        repId: id,
        ordersCount: 0,
        orderTotals: [],
        orderAmounts: [],
        wonCount: 0,
        wonAmounts: [],
        lostCount: 0,
        winRate: null,
        openCount: 0,
        openAmounts: [],
        weightedOpenAmounts: [],
      };
      reps.set(id, r);
    }
    return r;
  };
  for (const row of orderRows) {
    const r = rep(row.rep_id);
    r.ordersCount += Number(row.n);
    r.orderAmounts.push({ amount: row.amount, currency: row.currency.trim(), day: row.day });
  }
  for (const row of closedRows) {
    const r = rep(row.rep_id);
    if (row.status === 'WON') {
      r.wonCount += Number(row.n);
      r.wonAmounts.push(...byCurrency([row]));
    } else r.lostCount += Number(row.n);
  }
  for (const row of openRows) {
    const r = rep(row.rep_id);
    r.openCount += Number(row.n);
    r.openAmounts.push(...byCurrency([row]));
    r.weightedOpenAmounts.push(...byCurrency([{ currency: row.currency, amount: row.weighted }]));
  }
  const sort = (m: Money[]) => m.sort((a, b) => a.currency.localeCompare(b.currency));
  return [...reps.values()]
    .map((r) => ({
      ...r,
      orderTotals: sumPerCurrency(r.orderAmounts),
      wonAmounts: sort(r.wonAmounts),
      openAmounts: sort(r.openAmounts),
      weightedOpenAmounts: sort(r.weightedOpenAmounts),
      winRate: percent(r.wonCount, r.wonCount + r.lostCount),
    }))
    .sort((a, b) => (a.repId ?? '').localeCompare(b.repId ?? ''));
}

export const PRODUCT_SALES_DIMENSIONS = ['PRODUCT', 'INDUSTRY', 'REGION', 'MONTH', 'REP'] as const;
export type ProductSalesDimension = (typeof PRODUCT_SALES_DIMENSIONS)[number];

export interface ProductSalesArgs {
  from: string;
  to: string;
  groupBy: readonly ProductSalesDimension[];
  repId?: string | null;
  teamId?: string | null;
  productId?: string | null;
}

export interface ProductSalesRow {
  productId: string | null;
  industry: string | null;
  region: string | null;
  country: string | null;
  month: string | null;
  repId: string | null;
  currency: string;
  lines: number;
  quantity: string;
  amount: string;
}

export interface ProductSales {
  rows: ProductSalesRow[];
  totals: Money[];
}

/**
 * What was sold in [from, to) (orders confirmed then, not cancelled): order lines' quantities and
 * net amounts, grouped by the chosen dimensions — product, the customer's industry and region (the
 * read copy sales keeps from the customers service's events; null when unknown), month of
 * confirmation (UTC), rep — always by currency; and the totals per currency. Amounts are exact
 * numeric sums; no conversion to a base currency (finance's rates are not available to sales).
 */
export async function productSales(em: SqlEntityManager, viewer: Viewer, args: ProductSalesArgs): Promise<ProductSales> {
  const range = dateRange(args.from, args.to);
  const dims = new Set(args.groupBy.map((d, i) => requireOneOf(`groupBy[${i}]`, d, PRODUCT_SALES_DIMENSIONS)));
  const filter = where([
    { sql: SOLD, params: [] },
    within('so.confirmed_at', range),
    ownNumbers(viewer),
    ...whoseNumbers(args.repId, args.teamId),
    args.productId ? { sql: 'l.product_id = ?', params: [requireUuid('productId', args.productId)] } : null,
  ]);
  const rollup = rollupFor(dims, viewer, args);
  if (rollup) return summarise(await rollupRows(em, rollup, dims, range));
  const needsProfile = dims.has('INDUSTRY') || dims.has('REGION');
  const columns = [
    dims.has('PRODUCT') ? 'l.product_id' : 'null::uuid',
    dims.has('INDUSTRY') ? 'cp.industry' : 'null::text',
    dims.has('REGION') ? 'cp.region' : 'null::text',
    dims.has('REGION') ? 'cp.country' : 'null::text',
    dims.has('MONTH') ? "to_char(so.confirmed_at at time zone 'UTC', 'YYYY-MM')" : 'null::text',
    dims.has('REP') ? 'ca.owner_id' : 'null::uuid',
  ];
  const rows = await withWorkMem(em, (tx) =>
    tx.execute<SummaryRow[]>(
      `select ${columns[0]} as product_id, ${columns[1]} as industry, ${columns[2]} as region, ${columns[3]} as country, ${columns[4]} as month, ${columns[5]} as rep_id,
            so.currency, count(*) as lines, sum(l.quantity) as quantity, sum(l.line_total) as amount
       from sales_order so
       join sales_order_line l on l.order_id = so.id
       left join customer_access ca on ca.customer_id = so.customer_id
       ${needsProfile ? 'left join customer_profile cp on cp.customer_id = so.customer_id' : ''}
      where ${filter.sql}
      group by 1, 2, 3, 4, 5, 6, 7
      order by 7, 1, 2, 3, 4, 5, 6`,
      filter.params,
    ),
  );
  return summarise(rows);
}

type SummaryRow = {
  product_id: string | null;
  industry: string | null;
  region: string | null;
  country: string | null;
  month: string | null;
  rep_id: string | null;
  currency: string;
  lines: string | number;
  quantity: string;
  amount: string;
};

/** Rows as GraphQL shows them, with the totals per currency. */
function summarise(rows: SummaryRow[]): ProductSales {
  const result = rows.map((r) => ({
    productId: r.product_id,
    industry: r.industry,
    region: r.region,
    country: r.country?.trim() ?? null,
    month: r.month,
    repId: r.rep_id,
    currency: r.currency.trim(),
    lines: Number(r.lines),
    quantity: formatQuantity(quantityUnits(r.quantity)),
    amount: normaliseAmount(r.amount),
  }));
  // Exact totals: the amounts summed as integer units of the money scale (four places).
  const units = new Map<string, bigint>();
  for (const r of result) units.set(r.currency, (units.get(r.currency) ?? 0n) + parseAmount('amount', r.amount));
  return {
    rows: result,
    totals: [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => ({ currency, amount: normaliseAmount(formatAmount(sum)) })),
  };
}

/**
 * Which company-wide roll-up answers the summary, if any: only for a caller who sees every number
 * (no rep or team narrowing) and whole months, grouped by product and month, or by industry,
 * region and month. Everything else is summed from the order lines.
 */
function rollupFor(dims: Set<ProductSalesDimension>, viewer: Viewer, args: ProductSalesArgs): 'product' | 'segment' | null {
  if (ownNumbers(viewer) || args.repId || args.teamId || args.productId) return null;
  if (!args.from.endsWith('-01') || !args.to.endsWith('-01')) return null;
  if ([...dims].every((d) => d === 'PRODUCT' || d === 'MONTH')) return 'product';
  if ([...dims].every((d) => d === 'INDUSTRY' || d === 'REGION' || d === 'MONTH')) return 'segment';
  return null;
}

async function rollupRows(em: SqlEntityManager, rollup: 'product' | 'segment', dims: Set<ProductSalesDimension>, range: { from: string; to: string }): Promise<SummaryRow[]> {
  const product = rollup === 'product' && dims.has('PRODUCT') ? 'r.product_id' : 'null::uuid';
  const industry = rollup === 'segment' && dims.has('INDUSTRY') ? 'r.industry' : 'null::text';
  const region = rollup === 'segment' && dims.has('REGION') ? 'r.region' : 'null::text';
  const country = rollup === 'segment' && dims.has('REGION') ? 'r.country' : 'null::text';
  const month = dims.has('MONTH') ? "to_char(r.month, 'YYYY-MM')" : 'null::text';
  return em.execute<SummaryRow[]>(
    `select ${product} as product_id, ${industry} as industry, ${region} as region, ${country} as country, ${month} as month, null::uuid as rep_id,
            r.currency, sum(r.lines) as lines, sum(r.quantity) as quantity, sum(r.amount) as amount
       from sales_rollup_${rollup} r
      where r.month >= ? and r.month < ?
      group by 1, 2, 3, 4, 5, 6, 7
     having sum(r.lines) > 0
      order by 7, 1, 2, 3, 4, 5, 6`,
    [range.from, range.to],
  );
}
