import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import { createTeamLoaders } from './modules/team/team.loaders.js';
import { createUserLoaders } from './modules/user/user.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, caller: Caller) => mergeLoaders(createUserLoaders(em, caller), createTeamLoaders(em, caller));
export type IdentityLoaders = ReturnType<typeof createLoaders>;
