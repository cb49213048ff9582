import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput, normaliseAmount, requireIsoDate, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import type { Viewer } from '@rapport/subgraph-kit';
import { DEFAULT_PIPELINE_ID, type ForecastCategory } from '../pipeline/pipeline-stage.entity.js';
import { monthRange, ownNumbers, percent, where, type Condition } from './scope.js';

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

/** Narrowing by rep (the customer's owner) and team (the customer's team) on `customer_access` (alias `ca`). */
export function whoseNumbers(repId: string | null | undefined, teamId: string | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (repId) conditions.push({ sql: 'ca.owner_id = ?', params: [requireUuid('repId', repId)] });
  if (teamId) conditions.push({ sql: 'ca.team_id = ?', params: [requireUuid('teamId', teamId)] });
  return conditions;
}

/**
 * The weighted pipeline: open deals by expected close month (UTC), stage forecast category and
 * currency, per rep, team or the company (`groupBy`): how many, their amount and amount ×
 * probability (exact numeric, four places). Only the deals of customers the viewer's numbers
 * cover (`ownNumbers`); deals without an expected close date are not in any month.
 */
export async function forecast(em: SqlEntityManager, viewer: Viewer, args: ForecastArgs): Promise<ForecastRow[]> {
  const { start, end } = monthRange(args.fromMonth, args.toMonth);
  const groupBy = args.groupBy ? requireOneOf('groupBy', args.groupBy, FORECAST_GROUPINGS) : 'COMPANY';
  const pipelineId = args.pipelineId ? requireUuid('pipelineId', args.pipelineId) : null;
  const rep = groupBy === 'REP' ? 'ca.owner_id' : 'null::uuid';
  const team = groupBy === 'COMPANY' ? 'null::uuid' : 'ca.team_id';
  const filter = where([
    { sql: "o.deleted_at is null and o.status = 'OPEN' and o.expected_close_date >= ? and o.expected_close_date < ?", params: [start, end] },
    pipelineId ? { sql: 's.pipeline_id = ?', params: [pipelineId] } : null,
    ownNumbers(viewer),
    ...whoseNumbers(args.repId, args.teamId),
  ]);
  const rows = await em.execute<
    { month: string; rep_id: string | null; team_id: string | null; category: ForecastCategory; currency: string; count: string; amount: string; weighted: string }[]
  >(
    `select to_char(o.expected_close_date, 'YYYY-MM') as month, ${rep} as rep_id, ${team} as team_id, s.forecast_category as category, o.currency,
            count(*) as count, sum(o.amount) as amount, round(sum(o.amount * s.probability) / 100, 4) as weighted
       from opportunity o
       join pipeline_stage s on s.id = o.stage_id
       left join customer_access ca on ca.customer_id = o.customer_id
      where ${filter.sql}
      group by 1, 2, 3, 4, 5
      order by 1, 2 nulls first, 3 nulls first, 4, 5`,
    filter.params,
  );
  return rows.map((r) => ({
    month: r.month,
    repId: r.rep_id,
    teamId: r.team_id,
    category: r.category,
    currency: r.currency.trim(),
    count: Number(r.count),
    amount: normaliseAmount(r.amount),
    weightedAmount: normaliseAmount(r.weighted),
  }));
}

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
 * (won of those closed, percent).
 */
export async function funnel(em: SqlEntityManager, viewer: Viewer, args: FunnelArgs): Promise<Funnel> {
  const from = requireIsoDate('from', args.from);
  const to = requireIsoDate('to', args.to);
  if (to <= from) throw badInput('to', 'to must be after from', 'INVALID_RANGE');
  const pipelineId = args.pipelineId ? requireUuid('pipelineId', args.pipelineId) : DEFAULT_PIPELINE_ID;
  const cohort = where([
    {
      sql: "o.deleted_at is null and o.created_at >= (?::date)::timestamp at time zone 'UTC' and o.created_at < (?::date)::timestamp at time zone 'UTC' and cs.pipeline_id = ?",
      params: [from, to, pipelineId],
    },
    ownNumbers(viewer),
    ...whoseNumbers(args.repId, args.teamId),
  ]);
  const cohortSql = `select o.id, o.amount, o.currency, o.status, o.stage_id
      from opportunity o join pipeline_stage cs on cs.id = o.stage_id left join customer_access ca on ca.customer_id = o.customer_id
     where ${cohort.sql}`;
  const [reach, days, outcome] = await Promise.all([
    em.execute<{ stage_id: string; currency: string | null; reached: string; amount: string | null; standing: string }[]>(
      `with cohort as materialized (${cohortSql}),
       top as (
         select c.id, c.amount, c.currency, c.stage_id, max(s.position) filter (where s.closes_as is distinct from 'LOST') as top
           from cohort c join opportunity_stage_history h on h.opportunity_id = c.id join pipeline_stage s on s.id = h.stage_id
          group by c.id, c.amount, c.currency, c.stage_id)
       select s.id as stage_id, t.currency, count(t.id) as reached, sum(t.amount) as amount, count(t.id) filter (where t.stage_id = s.id) as standing
         from pipeline_stage s left join top t on t.top >= s.position
        where s.pipeline_id = ? and s.closes_as is distinct from 'LOST'
        group by s.id, t.currency`,
      [...cohort.params, pipelineId],
    ),
    em.execute<{ stage_id: string; days: string | null }[]>(
      `with cohort as materialized (${cohortSql})
       select h.stage_id, round(avg(extract(epoch from coalesce(h.left_at, now()) - h.entered_at)) / 86400, 2) as days
         from cohort c join opportunity_stage_history h on h.opportunity_id = c.id
        group by h.stage_id`,
      cohort.params,
    ),
    em.execute<{ opened: string; won: string; lost: string }[]>(
      `with cohort as materialized (${cohortSql})
       select count(*) as opened, count(*) filter (where status = 'WON') as won, count(*) filter (where status = 'LOST') as lost from cohort`,
      cohort.params,
    ),
  ]);
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
        .map((r) => ({ amount: normaliseAmount(r.amount!), currency: r.currency!.trim() }))
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
