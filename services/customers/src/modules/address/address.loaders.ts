import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { groupedLoader, type Access } from '@rapport/subgraph-kit';
import { addressPolicy } from './address.policy.js';
import { addressQuery } from './address.service.js';

/** Per-request loaders (live addresses only): the addresses of N customers cost one query, narrowed to what the caller may see. */
export const createAddressLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const access: Access = principal ? addressPolicy[principal.role] : 'none';
  return {
    addressesByCustomer: groupedLoader(
      async (customerIds) => {
        if (access === 'none') return [];
        return addressQuery(em, principal, access)
          .andWhere({ customerId: { $in: [...customerIds] } })
          .orderBy({ kind: 'asc', createdAt: 'asc', id: 'asc' })
          .getResultList();
      },
      (address) => address.customerId,
    ),
  };
};
