import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { contactPolicy } from './contact.policy.js';
import { contactQuery } from './contact.service.js';

/**
 * Per-request loaders (live contacts only): the contacts of N customers, or N contacts by id, cost
 * one query, narrowed to the customers the caller may see.
 */
export const createContactLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(contactPolicy, 'lookup');
  return {
    contactsByCustomer: groupedLoader(
      async (customerIds) => {
        if (!viewer) return [];
        return contactQuery(em, viewer)
          .andWhere({ customerId: { $in: [...customerIds] } })
          .orderBy({ isPrimary: 'desc', name: 'asc', id: 'asc' })
          .getResultList();
      },
      (contact) => contact.customerId,
    ),
    contactById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      return contactQuery(em, viewer)
        .andWhere({ id: { $in: [...ids] } })
        .getResultList();
    }),
  };
};
