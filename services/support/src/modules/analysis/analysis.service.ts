import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { notDeletedSql, type Viewer } from '@rapport/subgraph-kit';
import { isEditor } from '../article/article.service.js';
import { reportPeriod, visibleTicketsCondition } from './report-scope.js';
import { slaAttainment, type SlaAttainment } from './sla-attainment.js';

/** How many categories, inquiries and solution articles the analysis lists. */
export const TOP_CATEGORIES = 10;
export const TOP_INQUIRIES = 10;
export const TOP_SOLUTIONS = 10;

/** Opened and resolved tickets with their mean handling times and SLA attainment, for the whole period or one group. */
export interface TicketFigures {
  opened: number;
  resolved: number;
  meanSecondsToResolution: number | null;
  meanSecondsToFirstResponse: number | null;
  firstResponseSla: SlaAttainment;
  resolutionSla: SlaAttainment;
}

export interface SupportAnalysis extends TicketFigures {
  from: string;
  to: string;
  topCategories: { category: string; count: number }[];
  topInquiries: { subject: string; count: number }[];
  topSolutions: { articleId: string; count: number }[];
  byTeam: (TicketFigures & { teamId: string | null })[];
  byAgent: (TicketFigures & { assigneeId: string | null })[];
}

interface FigureRow {
  is_team: number;
  is_agent: number;
  team_id: string | null;
  assignee_id: string | null;
  opened: number;
  resolved: number;
  mean_resolution: number | null;
  mean_first_response: number | null;
  fr_met: number;
  fr_missed: number;
  fr_pending: number;
  res_met: number;
  res_missed: number;
  res_pending: number;
}

const figures = (row: FigureRow | undefined): TicketFigures => ({
  opened: row?.opened ?? 0,
  resolved: row?.resolved ?? 0,
  meanSecondsToResolution: row?.mean_resolution ?? null,
  meanSecondsToFirstResponse: row?.mean_first_response ?? null,
  firstResponseSla: slaAttainment(row?.fr_met ?? 0, row?.fr_missed ?? 0, row?.fr_pending ?? 0),
  resolutionSla: slaAttainment(row?.res_met ?? 0, row?.res_missed ?? 0, row?.res_pending ?? 0),
});

/**
 * Each ticket's SLA clocks at `now` (the one parameter), in SQL, by the rules of `computeSlaClock`
 * and `slaOutcomes` (sla-clock.ts) — keep the two in step; analysis.int.test.ts checks that they
 * agree ticket by ticket with `Ticket.sla`. Columns: fr_outcome and res_outcome, 'MET', 'MISSED'
 * or null while the clock still runs within its target (or the priority has no target).
 */
const SLA_CLOCKS = `
  left join sla_target s on s.priority = t.priority
  cross join lateral (
    select (t.status in ('RESOLVED', 'CLOSED') and t.resolved_at is not null) as done,
           t.paused_seconds + case when t.paused_since is null then 0
             else greatest(0, round(extract(epoch from (?::timestamptz - t.paused_since))))::int end as paused_now,
           ?::timestamptz as now
  ) c
  cross join lateral (
    select (t.first_responded_at is not null and not (c.done and t.resolved_at < t.first_responded_at)) as answered_first
  ) a
  cross join lateral (
    select case when a.answered_first then t.first_responded_at when c.done then t.resolved_at end as fr_stop,
           case when a.answered_first then coalesce(t.first_response_paused_seconds, 0) when c.done then t.paused_seconds else c.paused_now end as fr_paused,
           case when c.done then t.resolved_at end as res_stop,
           case when c.done then t.paused_seconds else c.paused_now end as res_paused
  ) k
  cross join lateral (
    select case when s.priority is null then null
                when coalesce(k.fr_stop, c.now) > t.opened_at + make_interval(mins => s.first_response_minutes, secs => k.fr_paused) then 'MISSED'
                when k.fr_stop is not null then 'MET' end as fr_outcome,
           case when s.priority is null then null
                when coalesce(k.res_stop, c.now) > t.opened_at + make_interval(mins => s.resolution_minutes, secs => k.res_paused) then 'MISSED'
                when k.res_stop is not null then 'MET' end as res_outcome
  ) o`;

/**
 * A subject as counted among the inquiries: lower-cased, runs of whitespace as one space, without
 * leading or trailing whitespace and . , ; : ! ? — so "Pump leaks!" and " pump  LEAKS" count
 * together. (chr(63) is the question mark, which raw SQL here would take for a parameter.)
 */
const NORMALISED_SUBJECT = `lower(btrim(regexp_replace(t.subject, '\\s+', ' ', 'g'), ' .,;:!' || chr(63)))`;

/**
 * How support fared from `from` to `to` (inclusive ISO dates, at most 366 days), computed in SQL
 * over the tickets the caller may see:
 * - opened: tickets opened in the period; the first-response mean covers those of them answered;
 * - resolved: tickets resolved in the period and still RESOLVED or CLOSED (a reopened ticket
 *   counts again when resolved again); the resolution mean is opening to (last) resolution;
 * - SLA attainment of the tickets opened in the period, each clock MET, MISSED or still pending
 *   at the time of the request, against the current targets of the ticket's priority;
 * - the same per team and per assignee (null: none), in one query with grouping sets;
 * - the ten categories, the ten (normalised) subjects with the most tickets opened in the period,
 *   and the ten articles most often linked to tickets in the period as solutions.
 */
export async function supportAnalysis(em: SqlEntityManager, viewer: Viewer, articleViewer: Viewer, from: string, to: string, now = new Date()): Promise<SupportAnalysis> {
  const period = reportPeriod(from, to);
  const visible = visibleTicketsCondition(viewer, 't');
  const openedIn = 't.opened_at >= ? and t.opened_at < ?';
  const resolvedIn = `t.resolved_at >= ? and t.resolved_at < ? and t.status in ('RESOLVED', 'CLOSED')`;
  const bounds = [period.start, period.end];
  const rows = await em.execute<FigureRow[]>(
    `with facts as (
       select t.team_id, t.assignee_id,
              (${openedIn}) as opened_in,
              (${resolvedIn}) as resolved_in,
              extract(epoch from t.resolved_at - t.opened_at) as resolution_seconds,
              extract(epoch from t.first_responded_at - t.opened_at) as first_response_seconds,
              o.fr_outcome, o.res_outcome
         from ticket t ${SLA_CLOCKS}
        where ${visible.sql} and ((${openedIn}) or (${resolvedIn}))
     )
     select grouping(team_id)::int as is_team, grouping(assignee_id)::int as is_agent, team_id, assignee_id,
            (count(*) filter (where opened_in))::int as opened,
            (count(*) filter (where resolved_in))::int as resolved,
            round(avg(resolution_seconds) filter (where resolved_in))::float8 as mean_resolution,
            round(avg(first_response_seconds) filter (where opened_in))::float8 as mean_first_response,
            (count(*) filter (where opened_in and fr_outcome = 'MET'))::int as fr_met,
            (count(*) filter (where opened_in and fr_outcome = 'MISSED'))::int as fr_missed,
            (count(*) filter (where opened_in and fr_outcome is null))::int as fr_pending,
            (count(*) filter (where opened_in and res_outcome = 'MET'))::int as res_met,
            (count(*) filter (where opened_in and res_outcome = 'MISSED'))::int as res_missed,
            (count(*) filter (where opened_in and res_outcome is null))::int as res_pending
       from facts
      group by grouping sets ((), (team_id), (assignee_id))
      order by opened desc, resolved desc, team_id nulls last, assignee_id nulls last`,
    [...bounds, ...bounds, now, now, ...visible.params, ...bounds, ...bounds],
  );
  const categories = await em.execute<{ category: string; count: number }[]>(
    `select t.category, count(*)::int as count
       from ticket t
      where ${visible.sql} and ${openedIn} and t.category is not null
      group by t.category
      order by count desc, t.category
      limit ${TOP_CATEGORIES}`,
    [...visible.params, ...bounds],
  );
  const inquiries = await em.execute<{ subject: string; count: number }[]>(
    `select subject, count(*)::int as count
       from (select ${NORMALISED_SUBJECT} as subject from ticket t where ${visible.sql} and ${openedIn}) q
      where subject <> ''
      group by subject
      order by count desc, subject
      limit ${TOP_INQUIRIES}`,
    [...visible.params, ...bounds],
  );
  const readersOnly = !isEditor(articleViewer.access);
  const solutions = await em.execute<{ article_id: string; count: number }[]>(
    `select l.article_id, count(*)::int as count
       from ticket_article l
       join ticket t on t.id = l.ticket_id
       join article ar on ar.id = l.article_id
      where ${visible.sql} and l.linked_at >= ? and l.linked_at < ?
        and ${notDeletedSql('ar')} ${readersOnly ? 'and ar.published_version is not null' : ''}
      group by l.article_id
      order by count desc, l.article_id
      limit ${TOP_SOLUTIONS}`,
    [...visible.params, ...bounds],
  );
  // grouping(x) is 1 when x is NOT part of the row's grouping set.
  const total = rows.find((r) => r.is_team === 1 && r.is_agent === 1);
  return {
    from: period.from,
    to: period.to,
    ...figures(total),
    topCategories: categories,
    topInquiries: inquiries,
    topSolutions: solutions.map((s) => ({ articleId: s.article_id, count: s.count })),
    byTeam: rows.filter((r) => r.is_team === 0).map((r) => ({ teamId: r.team_id, ...figures(r) })),
    byAgent: rows.filter((r) => r.is_agent === 0).map((r) => ({ assigneeId: r.assignee_id, ...figures(r) })),
  };
}
