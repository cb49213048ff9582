import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { readAccess } from '@rapport/subgraph-kit';
import { ticketPolicy } from '../ticket/ticket.policy.js';
import { reportPeriod, visibleTicketsCondition } from './report-scope.js';

/** How many categories the analysis lists. */
export const TOP_CATEGORIES = 10;

/** Opened and resolved tickets with their mean handling times, for the whole period or one group. */
export interface TicketFigures {
  opened: number;
  resolved: number;
  meanSecondsToResolution: number | null;
  meanSecondsToFirstResponse: number | null;
}

export interface SupportAnalysis extends TicketFigures {
  from: string;
  to: string;
  topCategories: { category: string; count: number }[];
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
}

const figures = (row: FigureRow | undefined): TicketFigures => ({
  opened: row?.opened ?? 0,
  resolved: row?.resolved ?? 0,
  meanSecondsToResolution: row?.mean_resolution ?? null,
  meanSecondsToFirstResponse: row?.mean_first_response ?? null,
});

/**
 * How support fared from `from` to `to` (inclusive ISO dates, at most 366 days), computed in SQL
 * over the tickets the caller may see:
 * - opened: tickets opened in the period; the first-response mean covers those of them answered;
 * - resolved: tickets resolved in the period and still RESOLVED or CLOSED (a reopened ticket
 *   counts again when resolved again); the resolution mean is opening to (last) resolution;
 * - the same per team and per assignee (null: none), in one query with grouping sets;
 * - the ten categories with the most tickets opened in the period.
 */
export async function supportAnalysis(em: SqlEntityManager, principal: Principal | null, from: string, to: string): Promise<SupportAnalysis> {
  const access = readAccess(ticketPolicy, principal, 'tickets');
  const period = reportPeriod(from, to);
  const visible = visibleTicketsCondition(principal, access, 't');
  const openedIn = 't.opened_at >= ? and t.opened_at < ?';
  const resolvedIn = `t.resolved_at >= ? and t.resolved_at < ? and t.status in ('RESOLVED', 'CLOSED')`;
  const bounds = [period.start, period.end];
  const rows = await em.execute<FigureRow[]>(
    `with facts as (
       select t.team_id, t.assignee_id,
              (${openedIn}) as opened_in,
              (${resolvedIn}) as resolved_in,
              extract(epoch from t.resolved_at - t.opened_at) as resolution_seconds,
              extract(epoch from t.first_responded_at - t.opened_at) as first_response_seconds
         from ticket t
        where ${visible.sql} and ((${openedIn}) or (${resolvedIn}))
     )
     select grouping(team_id)::int as is_team, grouping(assignee_id)::int as is_agent, team_id, assignee_id,
            (count(*) filter (where opened_in))::int as opened,
            (count(*) filter (where resolved_in))::int as resolved,
            round(avg(resolution_seconds) filter (where resolved_in))::float8 as mean_resolution,
            round(avg(first_response_seconds) filter (where opened_in))::float8 as mean_first_response
       from facts
      group by grouping sets ((), (team_id), (assignee_id))
      order by opened desc, resolved desc, team_id nulls last, assignee_id nulls last`,
    [...bounds, ...bounds, ...visible.params, ...bounds, ...bounds],
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
  // grouping(x) is 1 when x is NOT part of the row's grouping set.
  const total = rows.find((r) => r.is_team === 1 && r.is_agent === 1);
  return {
    from: period.from,
    to: period.to,
    ...figures(total),
    topCategories: categories,
    byTeam: rows.filter((r) => r.is_team === 0).map((r) => ({ teamId: r.team_id, ...figures(r) })),
    byAgent: rows.filter((r) => r.is_agent === 0).map((r) => ({ assigneeId: r.assignee_id, ...figures(r) })),
  };
}
