import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ANY_TEAM, headsTeam, type Viewer } from '@rapport/subgraph-kit';
import { amountUnits } from '../order/order-totals.js';

/**
 * Approval by amount (Odoo's double validation, ERPNext's authorization rules): each approver level
 * approves purchase orders up to its limit in the base currency (table `approval_limit`, null = no
 * limit). A director or admin is DIRECTOR; a user assigned a level in `purchasing_approver` has it;
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

/** The limit of `level` in four-place units of the base currency; null when unlimited. */
export async function approvalLimit(em: SqlEntityManager, level: ApproverLevel): Promise<bigint | null> {
  const [row] = await em.execute<{ max_amount: string | null }[]>('select max_amount from approval_limit where level = ?', [level]);
  if (!row) throw new Error(`approval_limit has no row for ${level}`);
  return row.max_amount === null ? null : amountUnits(row.max_amount);
}

/** Whether a limit covers an amount; an amount that cannot be converted (null) only an unlimited approver covers. */
export const covers = (limit: bigint | null, amount: bigint | null): boolean => limit === null || (amount !== null && amount <= limit);
