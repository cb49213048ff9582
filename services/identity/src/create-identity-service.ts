import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { migrations } from './migrations/index.js';
import { Team } from './modules/team/team.entity.js';
import { createTeamLoaders } from './modules/team/team.loaders.js';
import { teamResolvers } from './modules/team/team.resolvers.js';
import { User } from './modules/user/user.entity.js';
import { createUserLoaders } from './modules/user/user.loaders.js';
import { userResolvers } from './modules/user/user.resolvers.js';

export const createLoaders = (em: SqlEntityManager) => ({ ...createUserLoaders(em), ...createTeamLoaders(em) });
export type IdentityLoaders = ReturnType<typeof createLoaders>;

/** The identity subgraph: users with their roles, and teams arranged in a hierarchy. */
export function createIdentityService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'identity',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [userResolvers, teamResolvers],
      entities: [User, Team],
      migrations,
      createLoaders,
    },
    config,
  );
}
