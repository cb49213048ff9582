import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { publish } from '@rapport/bus';
import { QuotationApprovalDecidedV1, type EventMetadata } from '@rapport/contracts';
import { AppError } from '@rapport/errors';
import { CatalogueProduct, type Viewer } from '@rapport/subgraph-kit';
import type { IQuotation } from '../quotation/quotation.entity.js';
import { DiscountApproval, DiscountLimit, type IDiscountApproval } from './approval.entity.js';
import { describeFindings, findings, fingerprint, type DiscountLimits, type Finding, type GovernedLine } from './governance.js';

/**
 * Where documents change state, sales asks these: is the caller within their limits, does the
 * quotation hold a valid approval. Used by quotations (send, edit, convert) and orders (place).
 */

/** A line of a quotation or an order as priced. */
export interface PricedDocumentLine {
  productId: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  netAmount: string;
}

/** Nothing may be discounted by whoever has no limits at all. */
const NO_LIMITS: DiscountLimits = { maxLineDiscount: '0', maxTotalDiscount: '0', minMarginPercent: '0' };

/** The limits that apply to `principal`: their own row, else their role's, else none at all. */
export async function limitsFor(em: SqlEntityManager, principal: Principal): Promise<DiscountLimits> {
  const rows = await em.find(DiscountLimit, { $or: [{ userId: principal.userId }, { role: principal.role }] });
  const row = rows.find((r) => r.userId === principal.userId) ?? rows.find((r) => r.role === principal.role);
  return row ? { maxLineDiscount: row.maxLineDiscount, maxTotalDiscount: row.maxTotalDiscount, minMarginPercent: row.minMarginPercent ?? null } : NO_LIMITS;
}

/** The lines with the catalogue's list price and standard cost where the catalogue has them in `currency`. */
export async function governedLines(em: SqlEntityManager, currency: string, lines: readonly PricedDocumentLine[]): Promise<GovernedLine[]> {
  const products = await em.find(CatalogueProduct, { id: { $in: [...new Set(lines.map((l) => l.productId))] } });
  const byId = new Map(products.map((p) => [p.id, p]));
  return lines.map((l) => {
    const product = byId.get(l.productId);
    return {
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      netAmount: l.netAmount,
      listPrice: product && product.listPriceCurrency === currency ? product.listPrice : null,
      cost: product?.standardCost && product.standardCostCurrency === currency ? product.standardCost : null,
    };
  });
}

/** What of `lines` is over `principal`'s limits. */
export async function findingsFor(em: SqlEntityManager, principal: Principal, currency: string, lines: readonly PricedDocumentLine[]): Promise<Finding[]> {
  if (lines.length === 0) return [];
  return findings(await governedLines(em, currency, lines), await limitsFor(em, principal));
}

/** CONFLICT APPROVAL_REQUIRED: what is over, in words and as `details.findings`. */
export const approvalRequired = (found: readonly Finding[], hint: string, field = 'id'): AppError =>
  new AppError('CONFLICT', 'APPROVAL_REQUIRED', `over your discount limits (${describeFindings(found)}): ${hint}`, { field, details: { findings: found } });

/** The latest approval request of quotation `quotationId`, if any. */
export const latestApproval = (em: SqlEntityManager, quotationId: string): Promise<IDiscountApproval | null> =>
  em.findOne(DiscountApproval, { quotationId }, { orderBy: { requestedAt: 'desc', id: 'desc' } });

/** The approver's limits recorded with an approval. */
export const approverLimits = (a: IDiscountApproval): DiscountLimits => ({
  maxLineDiscount: a.approvedMaxLineDiscount ?? '0',
  maxTotalDiscount: a.approvedMaxTotalDiscount ?? '0',
  minMarginPercent: a.approvedMinMarginPercent ?? null,
});

/** Whether `a` is an approval that still covers `lines` (given, and nothing priced changed since). */
export const coversLines = (a: IDiscountApproval | null, lines: readonly PricedDocumentLine[]): a is IDiscountApproval =>
  !!a && a.status === 'APPROVED' && a.fingerprint === fingerprint(lines);

/**
 * Refuses to send quotation `q` (under its row lock) unless it may go out: a draft within the
 * sender's limits, or an approved quotation whose approval still covers its lines (CONFLICT
 * APPROVAL_REQUIRED otherwise, with what is over).
 */
export async function assertSendable(em: SqlEntityManager, viewer: Viewer, q: IQuotation, lines: readonly PricedDocumentLine[]): Promise<void> {
  if (q.status === 'APPROVED') {
    if (coversLines(await latestApproval(em, q.id), lines)) return;
    throw new AppError('CONFLICT', 'APPROVAL_REQUIRED', `the approval of quotation ${q.number} no longer covers its lines: ask for approval again`, { field: 'id' });
  }
  if (q.status !== 'DRAFT') return; // send() refuses it with the state's own reason.
  const found = await findingsFor(em, viewer.principal, q.currency, lines);
  if (found.length) throw approvalRequired(found, `ask a team head or a director to approve quotation ${q.number} (requestQuotationApproval) before sending it`);
}

/**
 * A change to a line's price, discount or quantity of a quotation awaiting or holding approval
 * voids the approval (recorded with who changed it) and takes the quotation back to DRAFT;
 * announces `sales.quotation.approval-decided.v1` (VOIDED). Runs under the quotation's row lock.
 */
export async function voidApproval(em: SqlEntityManager, viewer: Viewer, q: IQuotation, meta: EventMetadata): Promise<void> {
  if (q.status !== 'AWAITING_APPROVAL' && q.status !== 'APPROVED') return;
  const approval = await latestApproval(em, q.id);
  const now = new Date();
  q.status = 'DRAFT';
  if (!approval || (approval.status !== 'PENDING' && approval.status !== 'APPROVED')) return;
  approval.status = 'VOIDED';
  approval.decidedBy = viewer.principal.userId;
  approval.decidedAt = now;
  approval.decisionComment = 'a line changed after approval was asked for or given';
  publish(
    em,
    QuotationApprovalDecidedV1,
    q.id,
    {
      quotationId: q.id,
      customerId: q.customerId,
      number: q.number,
      approvalId: approval.id,
      decision: 'VOIDED',
      decidedBy: viewer.principal.userId,
      comment: approval.decisionComment,
      decidedAt: now.toISOString(),
    },
    meta,
  );
}

/**
 * Refuses an order whose lines are over the limits of whoever places it, unless it is made from
 * quotation `from` whose approval covers the quoted lines and whose approver's limits cover the
 * order's lines (a partial conversion can change the total discount).
 */
export async function requireOrderWithinLimits(
  em: SqlEntityManager,
  viewer: Viewer,
  currency: string,
  lines: readonly PricedDocumentLine[],
  from?: { quotation: IQuotation; quotedLines: readonly PricedDocumentLine[] },
): Promise<void> {
  const governed = await governedLines(em, currency, lines);
  const found = findings(governed, await limitsFor(em, viewer.principal));
  if (!found.length) return;
  if (from) {
    const approval = await latestApproval(em, from.quotation.id);
    if (coversLines(approval, from.quotedLines) && findings(governed, approverLimits(approval)).length === 0) return;
    throw approvalRequired(found, `quotation ${from.quotation.number} holds no approval that covers these lines`);
  }
  throw approvalRequired(found, 'enter it as a quotation and have it approved by a team head or a director', 'input.lines');
}
