import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { byIdLoader, groupedLoader, type Access } from '@rapport/subgraph-kit';
import { contactPolicy } from './contact.policy.js';
import { contactQuery } from './contact.service.js';

/**
 * Per-request loaders (live contacts only): the contacts of N customers, or N contacts by id, cost
 * one query, narrowed to the customers the caller may see.
 */
export const createContactLoaders = (em: SqlEntityManager, principal: Principal | null) => {
  const access: Access = principal ? contactPolicy[principal.role] : 'none';
  return {
    contactsByCustomer: groupedLoader(
      async (customerIds) => {
        if (access === 'none') return [];
        return contactQuery(em, principal, access)
          .andWhere({ customerId: { $in: [...customerIds] } })
          .orderBy({ isPrimary: 'desc', name: 'asc', id: 'asc' })
          .getResultList();
      },
      (contact) => contact.customerId,
    ),
    contactById: byIdLoader(async (ids) => {
      if (access === 'none') return [];
      return contactQuery(em, principal, access)
        .andWhere({ id: { $in: [...ids] } })
        .getResultList();
    }),
  };
};
