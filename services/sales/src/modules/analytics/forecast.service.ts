import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, normaliseMoneyAmount, requireIsoDate, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import type { Viewer } from '@rapport/subgraph-kit';
import { DEFAULT_PIPELINE_ID, type ForecastCategory } from '../pipeline/pipeline-stage.entity.js';
import { monthRange, ownNumbers, percent, splitByMonths, where, withinAny, type Condition, type NumbersSource } from './scope.js';

export const FORECAST_GROUPINGS = ['COMPANY', 'TEAM', 'REP'] as const;
export type ForecastGrouping = (typeof FORECAST_GROUPINGS)[number];

export interface ForecastArgs {
  fromMonth: string;
  toMonth: string;
  groupBy?: ForecastGrouping | null;
  pipelineId?: string | null;
  repId?: string | null;
  teamId?: string | null;
}

export interface ForecastRow {
  month: string;
  repId: string | null;
  teamId: string | null;
  category: ForecastCategory;
  currency: string;
  count: number;
  amount: string;
  weightedAmount: string;
}

/** Narrowing by rep (the customer's owner) and team (the customer's team) on `customer_access` (alias `ca`) or a roll-up's owner and team columns. */
export function whoseNumbers(repId: string | null | undefined, teamId: string | null | undefined, alias = 'ca'): Condition[] {
  const conditions: Condition[] = [];
  if (repId) conditions.push({ sql: `${alias}.owner_id = ?`, params: [requireUuid('repId', repId)] });
  if (teamId) conditions.push({ sql: `${alias}.team_id = ?`, params: [requireUuid('teamId', teamId)] });
  return conditions;
}

/**
 * The weighted pipeline: open deals by expected close month (UTC), stage forecast category and
 * currency, per rep, team or the company (`groupBy`): how many, their amount and amount ×
 * probability (exact numeric, four places). Only the deals of customers the viewer's numbers
 * cover (`ownNumbers`); deals without an expected close date are not in any month. Read from
 * `sales_rollup_pipeline` (per owner, team, month, stage and currency, kept by triggers; the
 * stage's probability and category joined now), or with `rollups: false` from the opportunities.
 */
export async function forecast(em: SqlEntityManager, viewer: Viewer, args: ForecastArgs, source: NumbersSource = {}): Promise<ForecastRow[]> {
  const { start, end } = monthRange(args.fromMonth, args.toMonth);
  const groupBy = args.groupBy ? requireOneOf('groupBy', args.groupBy, FORECAST_GROUPINGS) : 'COMPANY';
  const pipelineId = args.pipelineId ? requireUuid('pipelineId', args.pipelineId) : null;
  const rollup = source.rollups !== false;
  const who = rollup ? 'r' : 'ca';
  const rep = groupBy === 'REP' ? `${who}.owner_id` : 'null::uuid';
  const team = groupBy === 'COMPANY' ? 'null::uuid' : `${who}.team_id`;
  const scope = [pipelineId ? { sql: 's.pipeline_id = ?', params: [pipelineId] } : null, ownNumbers(viewer, who), ...whoseNumbers(args.repId, args.teamId, who)];
  const filter = rollup
    ? where([{ sql: 'r.deals > 0 and r.month >= ? and r.month < ?', params: [start, end] }, ...scope])
    : where([{ sql: "o.deleted_at is null and o.status = 'OPEN' and o.expected_close_date >= ? and o.expected_close_date < ?", params: [start, end] }, ...scope]);
  const from = rollup
    ? `(select r.month, r.owner_id, r.team_id, r.stage_id, r.currency, r.deals, r.amount from sales_rollup_pipeline r) r join pipeline_stage s on s.id = r.stage_id`
    : `(select date_trunc('month', o.expected_close_date)::date as month, o.stage_id, o.currency, 1 as deals, o.amount, o.customer_id, o.deleted_at, o.status, o.expected_close_date from opportunity o) o
       join pipeline_stage s on s.id = o.stage_id left join customer_access ca on ca.customer_id = o.customer_id`;
  const t = rollup ? 'r' : 'o';
  const rows = await withWorkMem(em, (tx) =>
    tx.execute<{ month: string; rep_id: string | null; team_id: string | null; category: ForecastCategory; currency: string; count: string; amount: string; weighted: string }[]>(
      `select to_char(g.month, 'YYYY-MM') as month, g.rep_id, g.team_id, g.category, g.currency, g.count, g.amount, g.weighted from (
         select ${t}.month, ${rep} as rep_id, ${team} as team_id, s.forecast_category as category, ${t}.currency,
                sum(${t}.deals) as count, sum(${t}.amount) as amount, round(sum(${t}.amount * s.probability) / 100, 4) as weighted
           from ${from}
          where ${filter.sql}
          group by 1, 2, 3, 4, 5) g
        order by g.month, g.rep_id nulls first, g.team_id nulls first, g.category, g.currency`,
      filter.params,
    ),
  );
  return rows.map((r) => ({
    month: r.month,
    repId: r.rep_id,
    teamId: r.team_id,
    category: r.category,
    currency: r.currency.trim(),
    count: Number(r.count),
    amount: normaliseMoneyAmount(r.amount, r.currency),
    weightedAmount: normaliseMoneyAmount(r.weighted, r.currency),
  }));
}

/**
 * Runs `work` in a transaction with more memory for sorting and hashing (the numbers' GROUP BYs over
 * 100,000s of rows otherwise spill to disk), reset when it ends.
 */
export const withWorkMem = <T>(em: SqlEntityManager, work: (tx: SqlEntityManager) => Promise<T>): Promise<T> =>
  em.transactional(async (tx) => {
    await tx.execute("set local work_mem = '64MB'");
    return work(tx);
  });

export interface FunnelArgs {
  from: string;
  to: string;
  pipelineId?: string | null;
  repId?: string | null;
  teamId?: string | null;
}

export interface FunnelStageRow {
  stageId: string;
  reached: number;
  amounts: Money[];
  standing: number;
  conversionToNext: string | null;
  averageDays: string | null;
}

export interface Funnel {
  pipelineId: string;
  opened: number;
  won: number;
  lost: number;
  winRate: string | null;
  stages: FunnelStageRow[];
}

/**
 * The funnel of the opportunities opened in [from, to) (dates, UTC) in one pipeline: per stage how
 * many reached it (stood in it or a later stage, Lost not counting as later) and their amounts per
 * currency, how many stand there now, the conversion to the next stage (percent), the average days
 * spent in it (stays until now for those still there; not for closing stages); and the win rate
 * (won of those closed, percent). The whole months of the period are read from the roll-ups
 * `sales_rollup_cohort` and `sales_rollup_stay` (per owner, team and month opened), the days before
 * and after them from the opportunities and their stays; with `rollups: false` all of it from those.
 */
export async function funnel(em: SqlEntityManager, viewer: Viewer, args: FunnelArgs, source: NumbersSource = {}): Promise<Funnel> {
  const from = requireIsoDate('from', args.from);
  const to = requireIsoDate('to', args.to);
  if (to <= from) throw badInput('to', 'to must be after from', 'INVALID_RANGE');
  const pipelineId = args.pipelineId ? requireUuid('pipelineId', args.pipelineId) : DEFAULT_PIPELINE_ID;
  const split = source.rollups === false ? { months: null, edges: [{ from, to }] } : splitByMonths({ from, to });
  const cohort = where([
    { sql: 'o.deleted_at is null and cs.pipeline_id = ?', params: [pipelineId] },
    withinAny('o.created_at', split.edges),
    ownNumbers(viewer),
    ...whoseNumbers(args.repId, args.teamId),
  ]);
  const months = split.months ? { sql: 'r.month >= ? and r.month < ?', params: [split.months.from, split.months.to] } : { sql: 'false', params: [] };
  const rolled = (extra: Condition) => where([extra, months, ownNumbers(viewer, 'r'), ...whoseNumbers(args.repId, args.teamId, 'r')]);
  const cohortRollup = rolled({ sql: 'r.deals > 0 and cs.pipeline_id = ?', params: [pipelineId] });
  const stayRollup = rolled({ sql: 'r.stays > 0 and r.pipeline_id = ?', params: [pipelineId] });
  const found = await withWorkMem(em, (tx) =>
    tx.execute<
      {
        kind: 'reach' | 'days' | 'outcome';
        stage_id: string | null;
        currency: string | null;
        n1: string | null;
        n2: string | null;
        n3: string | null;
        amount: string | null;
        days: string | null;
      }[]
    >(
      `with cohort as materialized (
         select o.id, o.amount, o.currency, o.status, o.stage_id, o.furthest_stage_id
           from opportunity o join pipeline_stage cs on cs.id = o.stage_id left join customer_access ca on ca.customer_id = o.customer_id
          where ${cohort.sql}),
       deals as (
         select r.currency, r.status, r.stage_id, r.furthest_stage_id, r.deals as n, r.amount
           from sales_rollup_cohort r join pipeline_stage cs on cs.id = r.stage_id where ${cohortRollup.sql}
         union all
         select currency, status, stage_id, furthest_stage_id, 1, amount from cohort),
       stays as (
         select r.stage_id, r.stays, r.closed_seconds, r.open_stays, r.open_entered from sales_rollup_stay r where ${stayRollup.sql}
         union all
         select h.stage_id, 1, case when h.left_at is not null then extract(epoch from h.left_at) - extract(epoch from h.entered_at) else 0 end,
                (h.left_at is null)::integer, case when h.left_at is null then extract(epoch from h.entered_at) else 0 end
           from cohort c join opportunity_stage_history h on h.opportunity_id = c.id)
       select 'reach' as kind, s.id as stage_id, d.currency, sum(d.n) as n1, coalesce(sum(d.n) filter (where d.stage_id = s.id), 0) as n2, null::bigint as n3, sum(d.amount) as amount, null::numeric as days
         from pipeline_stage s join (select d.*, fs.position as top from deals d join pipeline_stage fs on fs.id = d.furthest_stage_id) d on d.top >= s.position
        where s.pipeline_id = ? and s.closes_as is distinct from 'LOST'
        group by s.id, d.currency
       union all
       select 'days', stage_id, null, null, null, null, null,
              round(((sum(closed_seconds) + sum(open_stays) * extract(epoch from now()) - sum(open_entered)) / sum(stays)) / 86400, 2)
         from stays group by stage_id
       union all
       select 'outcome', null, null, coalesce(sum(n), 0), coalesce(sum(n) filter (where status = 'WON'), 0), coalesce(sum(n) filter (where status = 'LOST'), 0), null, null from deals`,
      [...cohort.params, ...cohortRollup.params, ...stayRollup.params, pipelineId],
    ),
  );
  const reach = found.filter((r) => r.kind === 'reach').map((r) => ({ stage_id: r.stage_id!, currency: r.currency, reached: r.n1!, standing: r.n2!, amount: r.amount }));
  const days = found.filter((r) => r.kind === 'days').map((r) => ({ stage_id: r.stage_id!, days: r.days }));
  const outcome = found.filter((r) => r.kind === 'outcome').map((r) => ({ opened: r.n1!, won: r.n2!, lost: r.n3! }));
  const stages = await em.execute<{ id: string; closes_as: string | null }[]>(
    "select id, closes_as from pipeline_stage where pipeline_id = ? and closes_as is distinct from 'LOST' order by position",
    [pipelineId],
  );
  const daysByStage = new Map(days.map((d) => [d.stage_id, d.days]));
  const rows: FunnelStageRow[] = stages.map((stage) => {
    const mine = reach.filter((r) => r.stage_id === stage.id);
    return {
      stageId: stage.id,
      reached: mine.reduce((n, r) => n + Number(r.reached), 0),
      standing: mine.reduce((n, r) => n + Number(r.standing), 0),
      amounts: mine
        .filter((r) => r.currency && r.amount !== null)
        .map((r) => ({ amount: normaliseMoneyAmount(r.amount!, r.currency!), currency: r.currency!.trim() }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
      conversionToNext: null,
      averageDays: stage.closes_as ? null : (daysByStage.get(stage.id) ?? null),
    };
  });
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    if (next) row.conversionToNext = percent(next.reached, row.reached);
  });
  const o = outcome[0]!;
  const won = Number(o.won);
  const lost = Number(o.lost);
  return { pipelineId, opened: Number(o.opened), won, lost, winRate: percent(won, won + lost), stages: rows };
}
