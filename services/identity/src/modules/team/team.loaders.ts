import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Caller } from '@rapport/subgraph-kit';
import { Team } from './team.entity.js';
import { teamPolicy } from './team.policy.js';

/** Per-request loaders: N team references (or parents, or users' teams) cost one query (none for a caller who may not see teams). */
export const createTeamLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(teamPolicy, 'lookup');
  return {
    teamById: byIdLoader(async (ids) => (viewer ? em.find(Team, { id: { $in: [...ids] } }) : [])),
  };
};
