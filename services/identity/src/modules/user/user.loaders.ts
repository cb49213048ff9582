import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';

/** Per-request loaders: N user references, or the members of N teams, cost one query (none for a caller who may not see users). */
export const createUserLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(userPolicy, 'lookup');
  return {
    userById: byIdLoader(async (ids) => (viewer ? em.find(User, { id: { $in: [...ids] } }) : [])),
    membersByTeamId: groupedLoader(
      async (teamIds) => (viewer ? em.find(User, { teamId: { $in: [...teamIds] } }, { orderBy: { displayName: 'asc', id: 'asc' } }) : []),
      (user) => user.teamId ?? '',
    ),
  };
};
