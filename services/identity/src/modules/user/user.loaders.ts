import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader } from '@rapport/subgraph-kit';
import { User } from './user.entity.js';

/** Per-request loaders: N user references, or the members of N teams, cost one query. */
export const createUserLoaders = (em: SqlEntityManager) => ({
  userById: byIdLoader((ids) => em.find(User, { id: { $in: [...ids] } })),
  membersByTeamId: groupedLoader(
    (teamIds) => em.find(User, { teamId: { $in: [...teamIds] } }, { orderBy: { displayName: 'asc', id: 'asc' } }),
    (user) => user.teamId ?? '',
  ),
});
