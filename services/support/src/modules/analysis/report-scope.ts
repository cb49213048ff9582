import { badInput, requireIsoDate } from '@rapport/errors';
import { restrictToVisibleCustomers, whereDeleted, type Viewer } from '@rapport/subgraph-kit';

/** The longest period a report may cover, in days. */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

/** A report period: from the start of `from` (inclusive) to the end of `to` (inclusive), in UTC. */
export interface ReportPeriod {
  from: string;
  to: string;
  start: Date;
  /** The start of the day after `to`: the exclusive end. */
  end: Date;
}

/**
 * Validates a report period given as two ISO dates: each a calendar date, `to` not before `from`,
 * and at most 366 days apart; BAD_USER_INPUT naming the argument otherwise.
 */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const start = new Date(`${requireIsoDate('from', from)}T00:00:00Z`);
  const last = new Date(`${requireIsoDate('to', to)}T00:00:00Z`);
  if (last < start) throw badInput('to', 'to must not be before from', 'INVALID_PERIOD');
  if ((last.getTime() - start.getTime()) / DAY_MS > MAX_REPORT_DAYS) {
    throw badInput('to', `the period may span at most ${MAX_REPORT_DAYS} days`, 'PERIOD_TOO_LONG');
  }
  return { from, to, start, end: new Date(last.getTime() + DAY_MS) };
}

/** A SQL condition and its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The one base condition for reports over tickets (alias `alias`): live tickets of the customers the
 * viewer may see. Built with the kit's `restrictToVisibleCustomers`, so reports narrow exactly
 * like ticket lists.
 */
export function visibleTicketsCondition(viewer: Viewer, alias = 't'): SqlCondition {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const collector = {
    andWhere(sql: string, more: unknown[] = []) {
      clauses.push(sql);
      params.push(...more);
    },
  };
  whereDeleted(collector, alias, 'exclude');
  restrictToVisibleCustomers(collector, alias, viewer);
  return { sql: clauses.map((c) => `(${c})`).join(' and '), params };
}
