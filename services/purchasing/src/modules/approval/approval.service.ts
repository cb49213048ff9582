import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { AppError, badInput, parseMoneyInput, requireOneOf, requireUuid, type Money } from '@rapport/errors';
import { copiedBaseCurrency, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { ApprovalLimit, APPROVER_LEVEL_VALUES, PurchasingApprover, type IApprovalLimit, type IPurchasingApprover } from './approval.entity.js';

/** Only directors and admins set who approves how much. */
function requireDirector(viewer: Viewer): void {
  if (viewer.principal.role !== 'DIRECTOR' && viewer.principal.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'APPROVAL_SETTINGS_FORBIDDEN', 'only directors and admins set approval limits and approvers');
  }
}

export const listApprovalLimits = (em: SqlEntityManager, _viewer: Viewer): Promise<IApprovalLimit[]> => em.find(ApprovalLimit, {}, { orderBy: { level: 'asc' } });

/**
 * Sets a level's limit in finance's base currency (null: no limit); audited. A limit in another
 * currency is refused naming `maxAmount.currency` (CURRENCY_MISMATCH); limits set before the base
 * currency changed keep theirs and are converted when an order is judged (`approvalLimit`).
 */
export async function setApprovalLimit(em: SqlEntityManager, viewer: Viewer<WriteAccess>, level: string, maxAmount: Money | null | undefined): Promise<IApprovalLimit> {
  requireDirector(viewer);
  const which = requireOneOf('level', level, APPROVER_LEVEL_VALUES);
  const base = await copiedBaseCurrency(em);
  let amount: string | null = null;
  if (maxAmount) {
    const parsed = parseMoneyInput('maxAmount', maxAmount);
    if (parsed.currency !== base) throw badInput('maxAmount.currency', `maxAmount.currency must be the base currency ${base}`, 'CURRENCY_MISMATCH');
    amount = parsed.amount;
  }
  const row = (await em.findOne(ApprovalLimit, { level: which })) ?? em.create(ApprovalLimit, { level: which, maxAmount: null, currency: base });
  Object.assign(row, { maxAmount: amount, currency: base });
  await em.flush();
  return row;
}

/** Gives a user an approver level (e.g. PURCHASING_HEAD), or takes it away (level null); audited. */
export async function setApproverLevel(em: SqlEntityManager, viewer: Viewer<WriteAccess>, userId: string, level: string | null | undefined): Promise<IPurchasingApprover | null> {
  requireDirector(viewer);
  const id = requireUuid('userId', userId);
  const row = await em.findOne(PurchasingApprover, { userId: id });
  if (!level) {
    if (row) em.remove(row);
    await em.flush();
    return null;
  }
  const which = requireOneOf('level', level, APPROVER_LEVEL_VALUES);
  const kept = row ?? em.create(PurchasingApprover, { userId: id, level: which });
  kept.level = which;
  await em.flush();
  return kept;
}
