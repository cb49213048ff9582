import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanRows, type Caller } from '@rapport/subgraph-kit';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';

/** Per-request loaders: N user references, or the members of N teams, cost one query (none for a caller who may not see users). */
export const createUserLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(userPolicy, 'lookup');
  return {
    // Rows, not managed entities (a read path: every gateway query naming an owner comes here), with
    // the columns `em.find` would select: all but the lazy password hash.
    userById: byIdLoader(async (ids) => {
      if (!viewer) return [];
      const fields = em
        .getMetadata(User)
        .props.filter((prop) => !prop.lazy)
        .map((prop) => prop.name);
      return leanRows(
        em,
        em
          .createQueryBuilder(User, 'u')
          .select(fields)
          .where({ id: { $in: [...ids] } }),
      );
    }),
    membersByTeamId: groupedLoader(
      async (teamIds) => (viewer ? em.find(User, { teamId: { $in: [...teamIds] } }, { orderBy: { displayName: 'asc', id: 'asc' } }) : []),
      (user) => user.teamId ?? '',
    ),
  };
};
