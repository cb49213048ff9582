import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { creditHoldsOf } from './credit-hold.service.js';

/** Customers' credit holds, batched and narrowed to the customers the caller may see. */
export const createCreditHoldLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(invoicePolicy, 'lookup');
  return {
    creditHoldByCustomer: groupedLoader(
      async (customerIds) => (viewer ? creditHoldsOf(em, viewer, customerIds) : []),
      (hold) => hold.customerId,
    ),
  };
};
