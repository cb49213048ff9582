import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, restrictToVisibleCustomers, type Caller } from '@rapport/subgraph-kit';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { Reminder } from './dunning.entity.js';
import { dunningBlocksOf } from './dunning.service.js';

/** Reminders by id and customers' dunning blocks, batched and narrowed to the customers the caller may see. */
export const createDunningLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(invoicePolicy, 'lookup');
  return {
    reminderById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      const qb = em
        .createQueryBuilder(Reminder, 'r')
        .select('*')
        .where({ id: { $in: [...ids] } });
      restrictToVisibleCustomers(qb, 'r', viewer);
      return qb.getResultList();
    }),
    dunningBlockByCustomer: groupedLoader(
      async (customerIds) => (viewer ? dunningBlocksOf(em, viewer, customerIds) : []),
      (block) => block.customerId,
    ),
  };
};
