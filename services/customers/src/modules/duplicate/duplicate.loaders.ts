import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { DataLoader } from '@rapport/subgraph-kit';
import { duplicatesOfCustomers, type DuplicateCandidate } from './duplicate.service.js';

/** Per-request loaders: the likely duplicates of N customers cost one query, narrowed to what the caller may see. */
export const createDuplicateLoaders = (em: SqlEntityManager, principal: Principal | null) => ({
  duplicatesByCustomer: new DataLoader<string, DuplicateCandidate[]>(async (customerIds) => {
    const found = await duplicatesOfCustomers(em, principal, customerIds);
    return customerIds.map((id) => found.get(id) ?? []);
  }),
});
