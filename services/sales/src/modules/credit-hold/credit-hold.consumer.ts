import { on, pgArray } from '@rapport/bus';
import { CreditHoldChangedV1 } from '@rapport/contracts';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';

/** A customer finance holds for credit: why and since when (as finance last announced it). */
export interface CreditHold {
  /** The customer (the loader's key). */
  id: string;
  onHold: true;
  reason: string | null;
  since: Date;
}

/**
 * Keeps `credit_hold` from finance's `finance.credit-hold.changed.v1` inside the inbox transaction
 * (a redelivered event changes nothing): the latest `changedAt` wins, so a late older event never
 * undoes a newer hold or release.
 */
export const creditHoldHandlers = [
  on(CreditHoldChangedV1, async (data, _event, em) => {
    await em.execute(
      `insert into credit_hold (customer_id, on_hold, reason, changed_at) values (?, ?, ?, ?)
       on conflict (customer_id) do update set on_hold = excluded.on_hold, reason = excluded.reason, changed_at = excluded.changed_at
        where credit_hold.changed_at <= excluded.changed_at`,
      [data.customerId, data.onHold, data.reason, data.changedAt],
    );
  }),
];

/** Per-request loader: the holds of N customers in one query; none for a customer not on hold. */
export const createCreditHoldLoaders = (em: SqlEntityManager) => ({
  creditHoldByCustomerId: byIdLoader(async (customerIds) =>
    (
      await em.execute<{ customer_id: string; reason: string | null; changed_at: Date }[]>(
        'select customer_id, reason, changed_at from credit_hold where on_hold and customer_id = any(?::uuid[])',
        [pgArray([...customerIds])],
      )
    ).map((r): CreditHold => ({ id: r.customer_id, onHold: true, reason: r.reason, since: new Date(r.changed_at) })),
  ),
});
