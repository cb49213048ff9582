import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { isRole } from '@rapport/auth';
import { publish } from '@rapport/bus';
import { QuotationApprovalDecidedV1, QuotationApprovalRequestedV1, type EventMetadata } from '@rapport/contracts';
import { AppError, badInput, conflict, normaliseAmount, optionalText, requireUuid } from '@rapport/errors';
import { ANY_TEAM, headedTeams, headsTeam, transition, type Viewer, type WriteAccess } from '@rapport/subgraph-kit';
import { formatPercent, parsePercent } from '../pricing/pricing.js';
import { awaitApproval, decideApproval, type IQuotation } from '../quotation/quotation.entity.js';
import { getQuotation, quotationLines } from '../quotation/quotation.service.js';
import { findingsFor, governedLines, latestApproval, limitsFor } from './approval.checks.js';
import { DiscountApproval, DiscountLimit, type IDiscountApproval, type IDiscountLimit } from './approval.entity.js';
import { describeFindings, findings, fingerprint, refusalToDecide } from './governance.js';

const totalsOf = (q: IQuotation) => ({
  currency: q.currency,
  netTotal: { amount: normaliseAmount(q.netTotal), currency: q.currency },
  taxTotal: { amount: normaliseAmount(q.taxTotal), currency: q.currency },
  grossTotal: { amount: normaliseAmount(q.grossTotal), currency: q.currency },
});

/**
 * Asks for approval of a draft over the caller's limits, under the quotation's row lock: records
 * who asked (with their own team, and whether they head one), what is over, and the fingerprint
 * of the lines; the quotation becomes AWAITING_APPROVAL. CONFLICT APPROVAL_NOT_NEEDED when the
 * draft is within the caller's limits (they may send it), QUOTATION_EMPTY without lines.
 */
export async function requestApproval(em: SqlEntityManager, viewer: Viewer<WriteAccess>, id: string, comment: string | null | undefined, meta: EventMetadata): Promise<IQuotation> {
  const why = optionalText('comment', comment, 2000);
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    async (q, tx) => {
      const lines = await quotationLines(tx, q.id);
      awaitApproval(q);
      if (lines.length === 0) throw conflict('QUOTATION_EMPTY', `quotation ${q.number} has no lines to approve`, 'id');
      const found = await findingsFor(tx, viewer.principal, q.currency, lines);
      if (found.length === 0) throw conflict('APPROVAL_NOT_NEEDED', `quotation ${q.number} is within your discount limits: send it`, 'id');
      const now = new Date();
      const approval = tx.create(DiscountApproval, {
        id: randomUUID(),
        quotationId: q.id,
        status: 'PENDING',
        requestedBy: viewer.principal.userId,
        requesterTeamId: viewer.principal.teamIds[0] ?? null,
        requesterHeadsTeams: headsTeam(viewer, ANY_TEAM),
        requestComment: why,
        requestedAt: now,
        findings: found,
        fingerprint: fingerprint(lines),
        decidedBy: null,
        decidedAt: null,
        decisionComment: null,
        approvedMaxLineDiscount: null,
        approvedMaxTotalDiscount: null,
        approvedMinMarginPercent: null,
      });
      publish(
        tx,
        QuotationApprovalRequestedV1,
        q.id,
        {
          quotationId: q.id,
          customerId: q.customerId,
          number: q.number,
          approvalId: approval.id,
          requestedBy: approval.requestedBy,
          comment: why,
          findings: found,
          ...totalsOf(q),
          requestedAt: now.toISOString(),
        },
        meta,
      );
      return q;
    },
  );
}

/**
 * Approves or refuses the pending approval of a quotation, under the quotation's row lock (an edit
 * racing it either voided the request first — then CONFLICT — or comes after and voids the
 * approval). Only a team head above the requester or a director decides, never the requester;
 * approving also needs the quotation within the approver's own limits. Records who, when and the
 * comment, and for an approval the approver's limits then.
 */
export async function decide(
  em: SqlEntityManager,
  viewer: Viewer<WriteAccess>,
  id: string,
  approved: boolean,
  comment: string | null | undefined,
  meta: EventMetadata,
): Promise<IQuotation> {
  const why = optionalText('comment', comment, 2000);
  return transition(
    em,
    (tx) => getQuotation(tx, viewer, id),
    async (q, tx) => {
      const approval = await latestApproval(tx, q.id);
      decideApproval(q, approved);
      if (!approval || approval.status !== 'PENDING') throw conflict('NO_PENDING_APPROVAL', `quotation ${q.number} has no pending approval request`, 'id');
      const refusal = refusalToDecide(
        { userId: viewer.principal.userId, seesEverything: viewer.access === 'all', headedTeams: headedTeams(viewer) },
        { userId: approval.requestedBy, teamId: approval.requesterTeamId ?? null, headsTeams: approval.requesterHeadsTeams },
      );
      if (refusal === 'SELF_APPROVAL') throw new AppError('FORBIDDEN', 'SELF_APPROVAL', `you asked for the approval of quotation ${q.number}: someone above you decides it`);
      if (refusal)
        throw new AppError('FORBIDDEN', 'NOT_AN_APPROVER', `only a head of the requester's team above them, or a director, decides the approval of quotation ${q.number}`);
      const lines = await quotationLines(tx, q.id);
      if (fingerprint(lines) !== approval.fingerprint) throw conflict('APPROVAL_OUTDATED', `quotation ${q.number} changed since approval was asked for`, 'id');
      const now = new Date();
      if (approved) {
        const limits = await limitsFor(tx, viewer.principal);
        const over = findings(await governedLines(tx, q.currency, lines), limits);
        if (over.length) {
          throw new AppError(
            'FORBIDDEN',
            'APPROVER_LIMIT_EXCEEDED',
            `quotation ${q.number} is over your own limits too (${describeFindings(over)}): someone above you must approve it`,
            {
              details: { findings: over },
            },
          );
        }
        approval.approvedMaxLineDiscount = limits.maxLineDiscount;
        approval.approvedMaxTotalDiscount = limits.maxTotalDiscount;
        approval.approvedMinMarginPercent = limits.minMarginPercent;
      }
      approval.status = approved ? 'APPROVED' : 'REJECTED';
      approval.decidedBy = viewer.principal.userId;
      approval.decidedAt = now;
      approval.decisionComment = why;
      publish(
        tx,
        QuotationApprovalDecidedV1,
        q.id,
        {
          quotationId: q.id,
          customerId: q.customerId,
          number: q.number,
          approvalId: approval.id,
          decision: approved ? 'APPROVED' : 'REJECTED',
          decidedBy: viewer.principal.userId,
          comment: why,
          decidedAt: now.toISOString(),
        },
        meta,
      );
      return q;
    },
  );
}

/** Pending approvals `viewer` may decide, oldest first: all for directors and admins; their teams' requesters' for a team head (not their own); none otherwise. */
export async function pendingApprovals(em: SqlEntityManager, viewer: Viewer): Promise<IDiscountApproval[]> {
  if (viewer.access === 'all') return em.find(DiscountApproval, { status: 'PENDING' }, { orderBy: { requestedAt: 'asc', id: 'asc' }, limit: 200 });
  const teams = headedTeams(viewer);
  if (teams.length === 0) return [];
  const rows = await em.find(
    DiscountApproval,
    { status: 'PENDING', requesterTeamId: { $in: [...teams] }, requestedBy: { $ne: viewer.principal.userId } },
    { orderBy: { requestedAt: 'asc', id: 'asc' }, limit: 200 },
  );
  return rows.filter(
    (a) =>
      refusalToDecide(
        { userId: viewer.principal.userId, seesEverything: false, headedTeams: teams },
        { userId: a.requestedBy, teamId: a.requesterTeamId ?? null, headsTeams: a.requesterHeadsTeams },
      ) === null,
  );
}

export const listLimits = (em: SqlEntityManager): Promise<IDiscountLimit[]> => em.find(DiscountLimit, {}, { orderBy: { role: 'asc', userId: 'asc' } });

/** The limits that apply to the viewer, as a row (their own, their role's, or none at all: zero). */
export async function myLimit(em: SqlEntityManager, viewer: Viewer): Promise<IDiscountLimit> {
  const rows = await em.find(DiscountLimit, { $or: [{ userId: viewer.principal.userId }, { role: viewer.principal.role }] });
  const row = rows.find((r) => r.userId === viewer.principal.userId) ?? rows.find((r) => r.role === viewer.principal.role);
  if (row) return row;
  const limits = await limitsFor(em, viewer.principal);
  return { id: randomUUID(), role: viewer.principal.role, userId: null, ...limits, updatedBy: null, updatedAt: new Date(0) };
}

export interface SetDiscountLimitInput {
  role?: string | null;
  userId?: string | null;
  maxLineDiscount: string;
  maxTotalDiscount: string;
  minMarginPercent?: string | null;
}

/** Sets a role's or a user's limits (directors and admins: the policy's `all`). */
export async function setLimit(em: SqlEntityManager, viewer: Viewer<WriteAccess>, input: SetDiscountLimitInput): Promise<IDiscountLimit> {
  if (!!input.role === !!input.userId) throw badInput('input.role', 'give exactly one of input.role and input.userId', 'ROLE_OR_USER');
  if (input.role && !isRole(input.role)) throw badInput('input.role', `input.role: no role ${input.role}`, 'UNKNOWN_ROLE');
  const userId = input.userId ? requireUuid('input.userId', input.userId) : null;
  const values = {
    maxLineDiscount: formatPercent(parsePercent('input.maxLineDiscount', input.maxLineDiscount, 'INVALID_DISCOUNT')),
    maxTotalDiscount: formatPercent(parsePercent('input.maxTotalDiscount', input.maxTotalDiscount, 'INVALID_DISCOUNT')),
    minMarginPercent: input.minMarginPercent == null ? null : formatPercent(parsePercent('input.minMarginPercent', input.minMarginPercent, 'INVALID_MARGIN')),
    updatedBy: viewer.principal.userId,
  };
  try {
    return await em.transactional(async (tx) => {
      const held = await tx.findOne(DiscountLimit, input.role ? { role: input.role } : { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const row = held ?? tx.create(DiscountLimit, { id: randomUUID(), role: input.role ?? null, userId, ...values });
      if (held) Object.assign(held, values);
      await tx.flush();
      return row;
    });
  } catch (error) {
    // Two first-time settings for the same role or user at once: one row wins, the other is told to retry.
    if (error instanceof UniqueConstraintViolationException)
      throw conflict('DISCOUNT_LIMIT_CHANGED', 'these limits were set by someone else at the same moment: try again', 'input');
    throw error;
  }
}
