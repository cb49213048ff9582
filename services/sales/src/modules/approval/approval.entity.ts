import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { timestamp, updatedAt } from '@rapport/subgraph-kit/properties';
import type { Finding } from './governance.js';

/**
 * Someone's discount limits: per role (`role`) or per user (`userId`, overriding their role's).
 * Percentages with two places; `minMarginPercent` null means no margin floor.
 */
export const DiscountLimit = defineEntity({
  name: 'DiscountLimit',
  tableName: 'discount_limit',
  properties: {
    id: p.uuid().primary(),
    role: p.text().nullable().unique('discount_limit_role_key'),
    userId: p.uuid().nullable().unique('discount_limit_user_key'),
    maxLineDiscount: p.decimal('string').precision(5).scale(2),
    maxTotalDiscount: p.decimal('string').precision(5).scale(2),
    minMarginPercent: p.decimal('string').precision(5).scale(2).nullable(),
    updatedBy: p.uuid().nullable(),
    updatedAt: updatedAt(),
  },
});
export type IDiscountLimit = InferEntity<typeof DiscountLimit>;

export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'VOIDED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * One request for a manager's approval of a quotation's discounts and prices, and its decision:
 * who asked (with their team, recorded then), what was over their limits, the fingerprint of the
 * lines it covers; who decided, when, with what comment, and the limits of the approver then
 * (their limit applies to what they approve, also when the quotation becomes an order).
 */
export const DiscountApproval = defineEntity({
  name: 'DiscountApproval',
  tableName: 'discount_approval',
  properties: {
    id: p.uuid().primary(),
    quotationId: p.uuid(),
    status: p.enum([...APPROVAL_STATUSES]),
    requestedBy: p.uuid(),
    requesterTeamId: p.uuid().nullable(),
    requesterHeadsTeams: p.boolean(),
    requestComment: p.text().nullable(),
    requestedAt: timestamp(),
    findings: p.json<Finding[]>(),
    fingerprint: p.text(),
    decidedBy: p.uuid().nullable(),
    decidedAt: timestamp().nullable(),
    decisionComment: p.text().nullable(),
    approvedMaxLineDiscount: p.decimal('string').precision(5).scale(2).nullable(),
    approvedMaxTotalDiscount: p.decimal('string').precision(5).scale(2).nullable(),
    approvedMinMarginPercent: p.decimal('string').precision(5).scale(2).nullable(),
  },
});
export type IDiscountApproval = InferEntity<typeof DiscountApproval>;
