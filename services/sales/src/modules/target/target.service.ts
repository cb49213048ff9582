import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, conflict, normaliseAmount, parseMoneyInput, requireIsoDate, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import { headsTeam, isScoped, sumInCurrencyViaBase, type DatedAmount, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { addMonths, where, type Condition } from '../analytics/scope.js';
import { SalesTarget, TARGET_PERIODS, type ISalesTarget, type TargetPeriod } from './target.entity.js';

export interface SetTargetInput {
  periodKind: TargetPeriod;
  periodStart: string;
  repId?: string | null;
  teamId?: string | null;
  amount: Money;
}

/** A target with what was achieved against it (worked out when asked: it may need exchange rates). */
export interface TargetProgress {
  target: ISalesTarget;
  /** The orders counted, every currency in the target's (through the base currency); RATE_MISSING naming `achieved` without a rate. */
  achieved: () => Promise<Money>;
}

/** The first day after the target's period. */
export const periodEnd = (kind: TargetPeriod, start: string): string => addMonths(start, kind === 'MONTH' ? 1 : 3);

/**
 * Sets (creates or replaces) the target of a rep (`repId`, optionally within `teamId`) or a team
 * (`teamId` alone) for the month or quarter starting `periodStart`, in one currency. Admins and
 * directors set any; a team head those within the teams they head (`teamId` required); reps none.
 */
export async function setTarget(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: SetTargetInput): Promise<ISalesTarget> {
  const periodKind = requireOneOf('input.periodKind', input.periodKind, TARGET_PERIODS);
  const periodStart = requireIsoDate('input.periodStart', input.periodStart);
  const [, month, day] = periodStart.split('-').map(Number) as [number, number, number];
  if (day !== 1 || (periodKind === 'QUARTER' && (month - 1) % 3 !== 0)) {
    throw badInput(
      'input.periodStart',
      `input.periodStart must be the first day of a ${periodKind === 'MONTH' ? 'month' : 'quarter (January, April, July or October)'}`,
      'INVALID_PERIOD',
    );
  }
  const repId = input.repId ? requireUuid('input.repId', input.repId) : null;
  const teamId = input.teamId ? requireUuid('input.teamId', input.teamId) : null;
  if (!repId && !teamId) throw badInput('input.repId', "input.repId or input.teamId: a target is a rep's or a team's", 'REQUIRED');
  const amount = parseMoneyInput('input.amount', input.amount);
  if (amount.amount.startsWith('-')) throw badInput('input.amount', 'input.amount must not be negative', 'NEGATIVE_AMOUNT');
  if (isScoped(viewer.access) && !headsTeam(viewer, teamId)) {
    throw new AppError('FORBIDDEN', 'TEAM_FORBIDDEN', 'a team head sets targets within the teams they head only', { field: 'input.teamId' });
  }
  // Audited through the ORM; two callers setting the same target at once: the unique key lets one create it, the other CONFLICTs.
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(
      SalesTarget,
      { periodKind, periodStart, currency: amount.currency, ...(repId ? { repId } : { repId: null, teamId }) },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (existing) {
      existing.amount = amount.amount;
      existing.teamId = teamId;
      await tx.flush();
      return existing;
    }
    const target = tx.create(SalesTarget, { id: randomUUID(), periodKind, periodStart, repId, teamId, currency: amount.currency, amount: amount.amount });
    try {
      await tx.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('TARGET_CHANGED', 'the same target was set at the same moment: try again', 'input');
      throw error;
    }
    return target;
  });
}

export interface TargetFilter {
  fromMonth?: string | null;
  toMonth?: string | null;
  repId?: string | null;
  teamId?: string | null;
  /** Only this target (the one just set). */
  id?: string;
}

/** Which targets the viewer sees: a rep their own, a team head also those set within the teams they head, directors and admins all. */
function visibleTargets(viewer: Viewer): Condition | null {
  if (!isScoped(viewer.access)) return null;
  const teams = [...viewer.principal.teamIds].filter((t) => headsTeam(viewer, t));
  const teamSql = teams.length ? ` or t.team_id in (${teams.map(() => '?').join(', ')})` : '';
  return { sql: `(t.rep_id = ?${teamSql})`, params: [viewer.principal.userId, ...teams] };
}

/**
 * The targets the viewer sees (by period, then rep, then team) with what was achieved: the net
 * totals (after discounts, before tax) of the orders confirmed in the period (UTC) and not
 * cancelled, of the rep's customers (their owner now) or the team's (customers of that team; teams
 * below it are not included: sales does not know the team tree), in every currency, those in
 * another currency than the target's converted through the base currency at each day's rate.
 */
export async function listTargets(em: SqlEntityManager, viewer: Viewer, filter: TargetFilter = {}): Promise<TargetProgress[]> {
  const conditions: (Condition | null)[] = [visibleTargets(viewer)];
  if (filter.fromMonth) conditions.push({ sql: 't.period_start >= ?', params: [requireIsoDate('fromMonth', `${filter.fromMonth}-01`)] });
  if (filter.toMonth) conditions.push({ sql: 't.period_start <= ?', params: [requireIsoDate('toMonth', `${filter.toMonth}-01`)] });
  if (filter.repId) conditions.push({ sql: 't.rep_id = ?', params: [requireUuid('repId', filter.repId)] });
  if (filter.teamId) conditions.push({ sql: 't.team_id = ?', params: [requireUuid('teamId', filter.teamId)] });
  if (filter.id) conditions.push({ sql: 't.id = ?', params: [filter.id] });
  const w = where(conditions);
  const rows = await em.execute<{ id: string }[]>(`select t.id from sales_target t where ${w.sql} order by t.period_start, t.rep_id nulls last, t.team_id nulls last`, w.params);
  const targets = new Map((await em.find(SalesTarget, { id: { $in: rows.map((r) => r.id) } })).map((t) => [t.id, t]));
  return rows.map((r) => {
    const target = targets.get(r.id)!;
    let achieved: Promise<Money> | undefined;
    return {
      target,
      achieved: () => (achieved ??= targetOrderAmounts(em, target).then((amounts) => sumInCurrencyViaBase(em, amounts, target.currency, 'achieved'))),
    };
  });
}

/** Achieved as a percentage of the target, two places, half up; null for a zero target. */
export function attainment(achieved: string, target: string): string | null {
  const units = (v: string): bigint => {
    const [w, f = ''] = v.split('.');
    return BigInt(w!) * 10000n + BigInt((f + '0000').slice(0, 4));
  };
  const t = units(target);
  if (t === 0n) return null;
  const hundredths = (units(achieved) * 20000n) / t;
  const rounded = (hundredths + 1n) / 2n;
  return `${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}`;
}

/**
 * The orders counted by a target in every currency (not only the target's), per currency and day of
 * confirmation (UTC), for `achievedInBase`: the same orders, period and customers as `listTargets`.
 */
export async function targetOrderAmounts(em: SqlEntityManager, target: ISalesTarget): Promise<DatedAmount[]> {
  const rows = await em.execute<{ currency: string; day: string; amount: string }[]>(
    `select so.currency, ((so.confirmed_at at time zone 'UTC')::date)::text as day, sum(so.total)::text as amount
       from sales_target t
       join sales_order so on so.status <> 'CANCELLED'
        and so.confirmed_at >= t.period_start::timestamp at time zone 'UTC'
        and so.confirmed_at < (t.period_start + case when t.period_kind = 'MONTH' then interval '1 month' else interval '3 months' end) at time zone 'UTC'
       join customer_access ca on ca.customer_id = so.customer_id and case when t.rep_id is not null then ca.owner_id = t.rep_id else ca.team_id = t.team_id end
      where t.id = ?
      group by 1, 2`,
    [target.id],
  );
  return rows.map((r) => ({ amount: r.amount, currency: r.currency.trim(), day: r.day }));
}
