import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { currency, money } from '@rapport/subgraph-kit/properties';

export const APPROVER_LEVEL_VALUES = ['BUYER', 'PURCHASING_HEAD', 'DIRECTOR'] as const;

/** How much one approver level approves, in the base currency; null: no limit. */
export const ApprovalLimit = defineEntity({
  name: 'ApprovalLimit',
  tableName: 'approval_limit',
  properties: {
    level: p.enum([...APPROVER_LEVEL_VALUES]).primary(),
    maxAmount: money().nullable(),
    currency: currency(),
  },
});
export type IApprovalLimit = InferEntity<typeof ApprovalLimit>;

/** A user holding an approver level beyond what their role gives (e.g. the purchasing head). */
export const PurchasingApprover = defineEntity({
  name: 'PurchasingApprover',
  tableName: 'purchasing_approver',
  properties: {
    userId: p.uuid().primary(),
    level: p.enum([...APPROVER_LEVEL_VALUES]),
  },
});
export type IPurchasingApprover = InferEntity<typeof PurchasingApprover>;
