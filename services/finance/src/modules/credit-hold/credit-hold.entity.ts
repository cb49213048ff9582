import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, timestamp, updatedAt } from '@rapport/subgraph-kit/properties';

/**
 * A customer's credit hold, one row per customer once it was ever on hold: put on when a reminder
 * at the last dunning level went out (`level` is that level; `reason` names the invoice), taken off
 * when no invoice that reached that level is still open, or released by an accountant with a
 * comment. Sales warns when an order is placed for a customer on hold.
 */
export const CreditHold = defineEntity({
  name: 'CreditHold',
  tableName: 'credit_hold',
  properties: {
    customerId: p.uuid().primary(),
    onHold: p.boolean(),
    reason: p.text().nullable(),
    level: p.integer().nullable(),
    since: timestamp().nullable(),
    releasedAt: timestamp().nullable(),
    releasedBy: p.uuid().nullable(),
    releaseComment: p.text().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ICreditHold = InferEntity<typeof CreditHold>;
