import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { addressPolicy } from './address.policy.js';
import { addressQuery } from './address.service.js';

/** Per-request loaders (live addresses only): the addresses of N customers cost one query, narrowed to what the caller may see. */
export const createAddressLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(addressPolicy, 'lookup');
  return {
    addressesByCustomer: groupedLoader(
      async (customerIds) => {
        if (!viewer) return [];
        return addressQuery(em, viewer)
          .andWhere({ customerId: { $in: [...customerIds] } })
          .orderBy({ kind: 'asc', createdAt: 'asc', id: 'asc' })
          .getResultList();
      },
      (address) => address.customerId,
    ),
  };
};
