import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, currency, money, updatedAt } from '@rapport/subgraph-kit/properties';

export const TARGET_PERIODS = ['MONTH', 'QUARTER'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/**
 * A sales target for one month or quarter in one currency: a rep's (`repId`, with the team it was
 * set in, if any) or a team's (`repId` null). Achieved is computed from orders, never stored.
 */
export const SalesTarget = defineEntity({
  name: 'SalesTarget',
  tableName: 'sales_target',
  properties: {
    id: p.uuid().primary(),
    periodKind: p.enum([...TARGET_PERIODS]),
    periodStart: p.date(),
    repId: p.uuid().nullable(),
    teamId: p.uuid().nullable(),
    currency: currency(),
    amount: money(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ISalesTarget = InferEntity<typeof SalesTarget>;
