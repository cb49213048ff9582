import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@rapport/subgraph-kit';
import { Team } from './team.entity.js';

/** Per-request loaders: N team references (or parents, or users' teams) cost one query. */
export const createTeamLoaders = (em: SqlEntityManager) => ({
  teamById: byIdLoader((ids) => em.find(Team, { id: { $in: [...ids] } })),
});
