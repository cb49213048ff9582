import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { DataLoader, type Caller } from '@rapport/subgraph-kit';
import { customerPolicy } from '../customer/customer.policy.js';
import { duplicatesOfCustomers, type DuplicateCandidate } from './duplicate.service.js';

/** Per-request loaders: the likely duplicates of N customers cost one query, narrowed to what the caller may see. */
export const createDuplicateLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(customerPolicy, 'lookup');
  return {
    duplicatesByCustomer: new DataLoader<string, DuplicateCandidate[]>(async (customerIds) => {
      const found = viewer ? await duplicatesOfCustomers(em, viewer, customerIds) : new Map<string, DuplicateCandidate[]>();
      return customerIds.map((id) => found.get(id) ?? []);
    }),
  };
};
