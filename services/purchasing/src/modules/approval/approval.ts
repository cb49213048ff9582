import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { convertUnits, invertRate } from '@rapport/errors';
import { ANY_TEAM, headsTeam, ratesToBase, type Viewer } from '@rapport/subgraph-kit';
import { amountUnits } from '../order/order-totals.js';

/**
 * Approval by amount (Odoo's double validation, ERPNext's authorization rules): each approver level
 * approves purchase orders up to its limit, kept in finance's base currency of the day it was set
 * (table `approval_limit`, null = no limit). A director or admin is DIRECTOR; a user assigned a level in `purchasing_approver` has it;
 * a team head (the kit's `headsTeam`) is PURCHASING_HEAD; any other buyer is BUYER.
 */
export const APPROVER_LEVELS = ['BUYER', 'PURCHASING_HEAD', 'DIRECTOR'] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

export async function approverLevel(em: SqlEntityManager, viewer: Viewer): Promise<ApproverLevel> {
  const { role, userId } = viewer.principal;
  if (role === 'DIRECTOR' || role === 'ADMIN') return 'DIRECTOR';
  const [assigned] = await em.execute<{ level: ApproverLevel }[]>('select level from purchasing_approver where user_id = ?', [userId]);
  if (assigned) return assigned.level;
  return headsTeam(viewer, ANY_TEAM) ? 'PURCHASING_HEAD' : 'BUYER';
}

/**
 * The limit of `level` in four-place units of `currency` (the currency an order's amount is judged
 * in: finance's base currency when it was sent); null when unlimited. A limit set before finance's
 * base currency changed is converted through the base at the rates of `day` (half up at `currency`'s
 * minor unit); 0 when a rate is missing, so that only an unlimited approver covers the order.
 */
export async function approvalLimit(em: SqlEntityManager, level: ApproverLevel, currency: string, day: string): Promise<bigint | null> {
  const [row] = await em.execute<{ max_amount: string | null; currency: string }[]>('select max_amount, currency from approval_limit where level = ?', [level]);
  if (!row) throw new Error(`approval_limit has no row for ${level}`);
  if (row.max_amount === null) return null;
  const units = amountUnits(row.max_amount);
  if (row.currency === currency) return units;
  const rates = await ratesToBase(em, [
    { currency: row.currency, day },
    { currency, day },
  ]);
  const [toBase, fromBase] = [rates.rateOf(row.currency, day), rates.rateOf(currency, day)];
  if (toBase === null || fromBase === null) return 0n;
  const inBase = row.currency === rates.base ? units : convertUnits(units, toBase, rates.base);
  return currency === rates.base ? inBase : convertUnits(inBase, invertRate(fromBase), currency);
}

/** Whether a limit covers an amount; an amount that cannot be converted (null) only an unlimited approver covers. */
export const covers = (limit: bigint | null, amount: bigint | null): boolean => limit === null || (amount !== null && amount <= limit);
