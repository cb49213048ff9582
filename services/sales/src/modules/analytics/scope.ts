import { AppError } from '@rapport/errors';
import { definePolicy, headedTeams, isScoped, POLICIES, type ModulePolicy, type Viewer } from '@rapport/subgraph-kit';

/** Who may see sales numbers and targets: the kit's `POLICIES.salesNumbers`. */
export const salesNumbersPolicy: ModulePolicy = definePolicy('sales numbers', POLICIES.salesNumbers);

/** An SQL condition with its `?` parameters. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * Whose numbers the viewer sees, as a condition on `customer_access` (alias `ca`, left-joined on the
 * record's customer): a rep those of the customers they own; a team head also those of the teams
 * they head (their subtree); directors and admins all (null: no condition). A rep's numbers are the
 * numbers of the customers they own now (sharing a customer shows it, not its numbers).
 */
export function ownNumbers(viewer: Viewer, alias = 'ca'): Condition | null {
  if (!isScoped(viewer.access)) return null;
  const teams = headedTeams(viewer);
  const teamSql = teams.length ? ` or ${alias}.team_id in (${teams.map(() => '?').join(', ')})` : '';
  return { sql: `(${alias}.owner_id = ?${teamSql})`, params: [viewer.principal.userId, ...teams] };
}

/** `and`-joins conditions (skipping nulls) into a where clause, `true` when there are none. */
export function where(conditions: (Condition | null | undefined)[]): Condition {
  const present = conditions.filter((c): c is Condition => !!c);
  return { sql: present.length ? present.map((c) => c.sql).join(' and ') : 'true', params: present.flatMap((c) => c.params) };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month `YYYY-MM` as its first day `YYYY-MM-01`; BAD_USER_INPUT naming `field` otherwise. */
export function parseMonth(field: string, value: string): string {
  if (!MONTH.test(value)) throw new AppError('BAD_USER_INPUT', 'INVALID_MONTH', `${field} must be a month as YYYY-MM`, { field });
  return `${value}-01`;
}

/** The first day of the month after `firstDay` (`YYYY-MM-01`), plus `months - 1` more. */
export function addMonths(firstDay: string, months: number): string {
  const [y, m] = firstDay.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Months from `from` to `to` (both `YYYY-MM-01`), inclusive. */
export const monthSpan = (from: string, to: string): number => {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm) + 1;
};

/**
 * An inclusive range of months `fromMonth`…`toMonth` (YYYY-MM) as a half-open range of dates
 * [start, end); BAD_USER_INPUT naming the field when malformed, reversed or longer than `maxMonths`.
 */
export function monthRange(fromMonth: string, toMonth: string, maxMonths = 36): { start: string; end: string } {
  const start = parseMonth('fromMonth', fromMonth);
  const last = parseMonth('toMonth', toMonth);
  const span = monthSpan(start, last);
  if (span < 1) throw new AppError('BAD_USER_INPUT', 'INVALID_RANGE', 'toMonth must not be before fromMonth', { field: 'toMonth' });
  if (span > maxMonths) throw new AppError('BAD_USER_INPUT', 'RANGE_TOO_LONG', `toMonth: at most ${maxMonths} months at once`, { field: 'toMonth' });
  return { start, end: addMonths(start, span) };
}

/** `part` of `whole` in percent, rounded half up to two places, as a string ("33.33"); null when `whole` is 0. */
export function percent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const hundredths = Math.floor((part * 20000) / whole + 1) >> 1;
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A period of days [from, to) (YYYY-MM-DD) split into its whole months (for monthly roll-ups) and the days before and after them (from the raw rows). */
export interface MonthSplit {
  /** The whole months inside the period as [from, to) of first days; null when it holds none. */
  months: { from: string; to: string } | null;
  /** The days outside whole months, as [from, to) ranges (none, one or two). */
  edges: { from: string; to: string }[];
}

export function splitByMonths(range: { from: string; to: string }): MonthSplit {
  const firstFull = range.from.endsWith('-01') ? range.from : addMonths(`${range.from.slice(0, 8)}01`, 1);
  const lastFull = `${range.to.slice(0, 8)}01`;
  if (firstFull >= lastFull) return { months: null, edges: [range] };
  const edges = [];
  if (range.from < firstFull) edges.push({ from: range.from, to: firstFull });
  if (lastFull < range.to) edges.push({ from: lastFull, to: range.to });
  return { months: { from: firstFull, to: lastFull }, edges };
}

/** `column` (a timestamptz) within any of the UTC day ranges (`false` when there are none). */
export function withinAny(column: string, ranges: readonly { from: string; to: string }[]): Condition {
  if (!ranges.length) return { sql: 'false', params: [] };
  return {
    sql: `(${ranges.map(() => `(${column} >= (?::date)::timestamp at time zone 'UTC' and ${column} < (?::date)::timestamp at time zone 'UTC')`).join(' or ')})`,
    params: ranges.flatMap((r) => [r.from, r.to]),
  };
}

/** Whether the numbers come from the roll-ups (the default) or only from the raw rows (the reference the roll-up tests compare with). */
export interface NumbersSource {
  rollups?: boolean;
}
