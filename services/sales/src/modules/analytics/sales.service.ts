import type { SqlEntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  formatMoneyAmount,
  formatQuantity,
  moneyAmountSql,
  normaliseMoneyAmount,
  parseAmount,
  quantityUnits,
  requireIsoDate,
  requireOneOf,
  requireUuid,
  type Money,
} from '@rapport/errors';
import { headedTeams, type DatedAmount, type Viewer } from '@rapport/subgraph-kit';
import { whoseNumbers, withWorkMem } from './forecast.service.js';
import { ownNumbers, percent, splitByMonths, where, withinAny, type Condition, type NumbersSource } from './scope.js';

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
  rows.map((r) => ({ amount: normaliseMoneyAmount(r.amount, r.currency), currency: r.currency.trim() })).sort((a, b) => a.currency.localeCompare(b.currency));

/** Amounts summed per currency, exact, sorted by currency. */
const sumPerCurrency = (amounts: readonly { amount: string; currency: string }[]): Money[] => {
  const units = new Map<string, bigint>();
  for (const a of amounts) units.set(a.currency.trim(), (units.get(a.currency.trim()) ?? 0n) + parseAmount('amount', a.amount));
  return [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => ({ currency, amount: formatMoneyAmount(sum, currency) }));
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
 * rate, and the deals open now with their amounts and weighted amounts — per currency, exact. The
 * orders are read from `sales_rollup_order` and the open deals with a close date from
 * `sales_rollup_pipeline` (per owner and team, kept by triggers); with `rollups: false` all from the rows.
 */
export async function salesPerformance(em: SqlEntityManager, viewer: Viewer, args: PerformanceArgs, source: NumbersSource = {}): Promise<RepPerformance[]> {
  const range = dateRange(args.from, args.to);
  const rollup = source.rollups !== false;
  const scope = [ownNumbers(viewer), ...whoseNumbers(args.repId, args.teamId)];
  const rolledScope = [ownNumbers(viewer, 'r'), ...whoseNumbers(args.repId, args.teamId, 'r')];
  const orders = rollup
    ? where([{ sql: 'r.orders > 0 and r.day >= ? and r.day < ?', params: [range.from, range.to] }, ...rolledScope])
    : where([{ sql: SOLD, params: [] }, within('so.confirmed_at', range), ...scope]);
  const closed = where([{ sql: "o.deleted_at is null and o.status <> 'OPEN'", params: [] }, within('o.closed_at', range), ...scope]);
  // Open deals: with a close date from the forecast's roll-up, without one from the opportunities.
  const open = where([{ sql: `o.deleted_at is null and o.status = 'OPEN'${rollup ? ' and o.expected_close_date is null' : ''}`, params: [] }, ...scope]);
  const rolledOpen = where([{ sql: rollup ? 'r.deals > 0' : 'false', params: [] }, ...rolledScope]);
  const [orderRows, closedRows, openRows] = await withWorkMem(em, async (tx) => [
    await tx.execute<{ rep_id: string | null; currency: string; day: string; n: string; amount: string }[]>(
      rollup
        ? `select r.owner_id as rep_id, r.currency, r.day::text as day, sum(r.orders) as n, sum(r.total) as amount from sales_rollup_order r where ${orders.sql} group by 1, 2, 3`
        : `select ca.owner_id as rep_id, so.currency, ((so.confirmed_at at time zone 'UTC')::date)::text as day, count(*) as n, sum(so.total) as amount
             from sales_order so left join customer_access ca on ca.customer_id = so.customer_id
            where ${orders.sql} group by 1, 2, 3`,
      orders.params,
    ),
    await tx.execute<{ rep_id: string | null; status: string; currency: string; n: string; amount: string }[]>(
      `select ca.owner_id as rep_id, o.status, o.currency, count(*) as n, sum(o.amount) as amount
         from opportunity o left join customer_access ca on ca.customer_id = o.customer_id
        where ${closed.sql} group by 1, 2, 3`,
      closed.params,
    ),
    await tx.execute<{ rep_id: string | null; currency: string; n: string; amount: string; weighted: string }[]>(
      `select d.rep_id, d.currency, sum(d.n) as n, sum(d.amount) as amount, round(sum(d.amount * s.probability) / 100, 4) as weighted from (
         select r.owner_id as rep_id, r.currency, r.stage_id, r.deals as n, r.amount from sales_rollup_pipeline r where ${rolledOpen.sql}
         union all
         select ca.owner_id, o.currency, o.stage_id, 1, o.amount from opportunity o left join customer_access ca on ca.customer_id = o.customer_id where ${open.sql}
       ) d join pipeline_stage s on s.id = d.stage_id
        group by 1, 2`,
      [...rolledOpen.params, ...open.params],
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
  /** The net amounts per currency and day of confirmation (UTC), for `baseCurrencyTotal`: read only when asked. */
  dayAmounts: () => Promise<DatedAmount[]>;
}

/**
 * What was sold in [from, to) (orders confirmed then, not cancelled): order lines' quantities and
 * net amounts, grouped by the chosen dimensions — product, the customer's industry and region (the
 * read copy sales keeps from the customers service's events; null when unknown), month of
 * confirmation (UTC), rep — always by currency; and the totals per currency. Amounts are exact
 * numeric sums shown at their currency's minor unit or more places (`formatMoneyAmount`); no
 * conversion to a base currency (finance's rates are not available to sales). PostgreSQL gives the
 * rows as they are answered (strings and numbers) and the totals, so a summary of 42,000 rows costs
 * no decimal work per row here.
 */
export async function productSales(em: SqlEntityManager, viewer: Viewer, args: ProductSalesArgs, source: NumbersSource = {}): Promise<ProductSales> {
  const range = dateRange(args.from, args.to);
  const dims = new Set(args.groupBy.map((d, i) => requireOneOf(`groupBy[${i}]`, d, PRODUCT_SALES_DIMENSIONS)));
  const productId = args.productId ? requireUuid('productId', args.productId) : null;
  const scope = [{ sql: SOLD, params: [] }, ownNumbers(viewer), ...whoseNumbers(args.repId, args.teamId), productId ? { sql: 'l.product_id = ?', params: [productId] } : null];
  const rollup = source.rollups === false ? null : rollupFor(dims, viewer, args);
  const split = rollup ? splitByMonths(range) : { months: null, edges: [range] };
  const months = split.months;
  const parts = await Promise.all([
    months && rollup ? rollupPart(em, rollup, dims, months, productId) : null,
    split.edges.length ? rawPart(em, dims, where([...scope, withinAny('so.confirmed_at', split.edges)])) : null,
    // A team head's own customers outside the teams they head: not in the team roll-up, from the lines.
    months && rollup?.kind === 'team' && rollup.rest ? rawPart(em, dims, where([...scope, rollup.rest, withinAny('so.confirmed_at', [months])])) : null,
  ]);
  const companyWide = rollup !== null && rollup.kind !== 'team';
  const dayAmounts = async (): Promise<DatedAmount[]> => {
    const rows = companyWide
      ? await em.execute<{ currency: string; day: string; amount: string }[]>(
          'select currency, day::text as day, amount from sales_rollup_day where day >= ? and day < ? and amount <> 0 order by day, currency',
          [range.from, range.to],
        )
      : await dailyRows(em, where([...scope, withinAny('so.confirmed_at', [range])]));
    return rows.map((r) => ({ amount: r.amount, currency: r.currency.trim(), day: r.day }));
  };
  return { ...combine(parts.filter((p): p is Part => p !== null)), dayAmounts };
}

/** Rows of one source (a roll-up, or the lines of some days) in the summary's order, with their totals per currency. */
interface Part {
  rows: ProductSalesRow[];
  totals: { currency: string; amount: string }[];
}

/** The sold lines matching `filter` summed per currency and day of confirmation (UTC). */
const dailyRows = (em: SqlEntityManager, filter: Condition) =>
  withWorkMem(em, (tx) =>
    tx.execute<{ currency: string; day: string; amount: string }[]>(
      `select so.currency, ((so.confirmed_at at time zone 'UTC')::date)::text as day, sum(l.line_total) as amount
         from sales_order so join sales_order_line l on l.order_id = so.id left join customer_access ca on ca.customer_id = so.customer_id
        where ${filter.sql} group by 1, 2`,
      filter.params,
    ),
  );

/** The output columns but currency and the sums, in the summary's order: as SQL over the source's aliases, or `null` of the column's type when not grouped by. */
const ROW_COLUMNS = [
  ['productId', 'uuid'],
  ['industry', 'text'],
  ['region', 'text'],
  ['country', 'text'],
  ['month', 'text'],
  ['repId', 'uuid'],
] as const;
type RowColumn = (typeof ROW_COLUMNS)[number][0];

/** `select` list of the key columns (each either its expression or a typed null) and the grouped expressions among them. */
function keyColumns(expressions: Partial<Record<RowColumn, string>>): { select: string; grouped: string[] } {
  const grouped = ROW_COLUMNS.flatMap(([name]) => (expressions[name] ? [expressions[name]] : []));
  const select = ROW_COLUMNS.map(([name, type]) => `${expressions[name] ? `${expressions[name]}${type === 'text' ? '::text' : ''}` : `null::${type}`} as "${name}"`).join(', ');
  return { select, grouped };
}

/** The summary's order: currency, then the key columns, nulls last (as `merge` sorts). */
const ORDER = `order by "currency", ${ROW_COLUMNS.map(([name]) => `"${name}"`).join(', ')}`;

/** Sums of a group as the summary answers them: lines as a number, quantity and amount as their canonical strings. */
const sums = (lines: string, quantity: string, amount: string, currency: string): string =>
  `${lines}::int as lines, trim_scale(${quantity})::text as quantity, ${moneyAmountSql(amount, currency)} as amount`;

/** The order lines matching `filter` summed per the chosen dimensions and currency, and per currency alone for the totals (one pass, GROUPING SETS). */
async function rawPart(em: SqlEntityManager, dims: Set<ProductSalesDimension>, filter: Condition): Promise<Part> {
  const needsProfile = dims.has('INDUSTRY') || dims.has('REGION');
  const keys = keyColumns({
    productId: dims.has('PRODUCT') ? 'l.product_id' : undefined,
    industry: dims.has('INDUSTRY') ? 'cp.industry' : undefined,
    region: dims.has('REGION') ? 'cp.region' : undefined,
    country: dims.has('REGION') ? 'cp.country' : undefined,
    month: dims.has('MONTH') ? "to_char(so.confirmed_at at time zone 'UTC', 'YYYY-MM')" : undefined,
    repId: dims.has('REP') ? 'ca.owner_id' : undefined,
  });
  const grouping = keys.grouped.length ? `grouping sets ((${keys.grouped.join(', ')}, so.currency), (so.currency))` : 'so.currency';
  const result = await withWorkMem(em, (tx) =>
    tx.execute<(ProductSalesRow & { total: boolean })[]>(
      `select ${keys.select}, so.currency::text as currency, ${sums('count(*)', 'sum(l.quantity)', 'sum(l.line_total)', 'so.currency')},
              ${keys.grouped.length ? `grouping(${keys.grouped.join(', ')}) <> 0` : 'false'} as total
         from sales_order so
         join sales_order_line l on l.order_id = so.id
         left join customer_access ca on ca.customer_id = so.customer_id
         ${needsProfile ? 'left join customer_profile cp on cp.customer_id = so.customer_id' : ''}
        where ${filter.sql}
        group by ${grouping}
        ${ORDER}`,
      filter.params,
    ),
  );
  const part: Part = { rows: [], totals: [] };
  for (const { total, ...row } of result) {
    if (total) part.totals.push({ currency: row.currency, amount: row.amount });
    else part.rows.push(row);
  }
  if (!keys.grouped.length) part.totals = part.rows.map((r) => ({ currency: r.currency, amount: r.amount }));
  return part;
}

/**
 * Which roll-up answers the summary's whole months, if any (the days before and after them are
 * summed from the order lines and added):
 * - a caller who sees every number, without narrowing: `sales_rollup_product` grouped by product
 *   and month, `sales_rollup_segment` by industry, region and month;
 * - grouped by product and month, a team head (the teams they head, plus — from the lines — their own
 *   customers outside those teams) or anyone narrowing to a team they see whole:
 *   `sales_rollup_team_product`.
 * Everything else (a rep, a rep narrowed to, other groupings) is summed from the order lines.
 */
type Rollup = { kind: 'product' | 'segment' } | { kind: 'team'; teams: string[]; rest: Condition | null };

function rollupFor(dims: Set<ProductSalesDimension>, viewer: Viewer, args: ProductSalesArgs): Rollup | null {
  if (args.repId) return null;
  const productMonth = [...dims].every((d) => d === 'PRODUCT' || d === 'MONTH');
  const own = ownNumbers(viewer);
  if (!own && !args.teamId) {
    if (args.productId) return null;
    if (productMonth) return { kind: 'product' };
    if ([...dims].every((d) => d === 'INDUSTRY' || d === 'REGION' || d === 'MONTH')) return { kind: 'segment' };
    return null;
  }
  if (!productMonth) return null;
  const teamId = args.teamId ? requireUuid('teamId', args.teamId) : null;
  const headed = own ? headedTeams(viewer) : null;
  if (teamId) return !headed || headed.includes(teamId) ? { kind: 'team', teams: [teamId], rest: null } : null;
  if (!headed?.length) return null;
  return {
    kind: 'team',
    teams: [...headed],
    rest: { sql: `ca.owner_id = ? and (ca.team_id is null or ca.team_id not in (${headed.map(() => '?').join(', ')}))`, params: [viewer.principal.userId, ...headed] },
  };
}

async function rollupPart(em: SqlEntityManager, rollup: Rollup, dims: Set<ProductSalesDimension>, range: { from: string; to: string }, productId: string | null): Promise<Part> {
  const conditions: Condition[] = [{ sql: 'r.month >= ? and r.month < ?', params: [range.from, range.to] }];
  if (rollup.kind === 'team') conditions.push({ sql: `r.team_id in (${rollup.teams.map(() => '?').join(', ')})`, params: rollup.teams });
  if (productId) conditions.push({ sql: 'r.product_id = ?', params: [productId] });
  const filter = where(conditions);
  const table = `sales_rollup_${rollup.kind === 'team' ? 'team_product' : rollup.kind}`;
  const month = dims.has('MONTH') ? "to_char(r.month, 'YYYY-MM')" : undefined;
  const keys = keyColumns(
    rollup.kind === 'segment'
      ? {
          industry: dims.has('INDUSTRY') ? 'r.industry' : undefined,
          region: dims.has('REGION') ? 'r.region' : undefined,
          country: dims.has('REGION') ? 'r.country' : undefined,
          month,
        }
      : { productId: dims.has('PRODUCT') ? 'r.product_id' : undefined, month },
  );
  const totals = () =>
    em.execute<Part['totals']>(
      `select r.currency::text as currency, sum(r.amount)::text as amount from ${table} r where ${filter.sql} group by r.currency having sum(r.lines) > 0`,
      filter.params,
    );
  // Grouped exactly as the product roll-up (or one team's) is kept: its rows as they are, in the summary's order along its index.
  const asKept = dims.has('PRODUCT') && dims.has('MONTH') && (rollup.kind === 'product' || (rollup.kind === 'team' && rollup.teams.length === 1));
  const rows = asKept
    ? em.execute<ProductSalesRow[]>(
        `select ${keys.select}, r.currency::text as currency, ${sums('r.lines', 'r.quantity', 'r.amount', 'r.currency')}
           from ${table} r where ${filter.sql} and r.lines > 0
          order by r.currency, r.product_id, r.month`,
        filter.params,
      )
    : em.execute<ProductSalesRow[]>(
        `select ${keys.select}, r.currency::text as currency, ${sums('sum(r.lines)', 'sum(r.quantity)', 'sum(r.amount)', 'r.currency')}
           from ${table} r where ${filter.sql}
          group by ${[...keys.grouped, 'r.currency'].join(', ')}
         having sum(r.lines) > 0
          ${ORDER}`,
        filter.params,
      );
  return { rows: await rows, totals: await totals() };
}

/** The parts' rows (added up per group when more than one part has rows) and their totals per currency, exact, sorted by currency. */
function combine(parts: Part[]): { rows: ProductSalesRow[]; totals: Money[] } {
  const filled = parts.filter((p) => p.rows.length);
  return {
    rows: filled.length > 1 ? merge(filled.map((p) => p.rows)) : (filled[0]?.rows ?? []),
    totals: sumPerCurrency(parts.flatMap((p) => p.totals)),
  };
}

const keyOf = (r: ProductSalesRow): string => JSON.stringify([r.currency, ...ROW_COLUMNS.map(([name]) => r[name])]);

/** Rows of several parts added up per group, exact, in the summary's order (nulls last). */
function merge(parts: ProductSalesRow[][]): ProductSalesRow[] {
  const groups = new Map<string, { row: ProductSalesRow; lines: number; quantity: bigint; amount: bigint }>();
  for (const r of parts.flat()) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { row: r, lines: 0, quantity: 0n, amount: 0n };
    g.lines += r.lines;
    g.quantity += quantityUnits(r.quantity);
    g.amount += parseAmount('amount', r.amount);
    groups.set(key, g);
  }
  const order = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);
  return [...groups.values()]
    .map((g) => ({ ...g.row, lines: g.lines, quantity: formatQuantity(g.quantity), amount: formatMoneyAmount(g.amount, g.row.currency) }))
    .sort((x, y) => {
      for (const k of ['currency', ...ROW_COLUMNS.map(([name]) => name)] as const) {
        const c = order(x[k], y[k]);
        if (c) return c;
      }
      return 0;
    });
}
