import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { countPolicy } from './count.policy.js';
import { linesOfCounts } from './count.service.js';

/** Per-request loaders: the lines of N counts cost one query (none for a caller who sees no counts). */
export const createCountLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(countPolicy, 'lookup');
  return {
    countLinesByCountId: groupedLoader(
      async (ids) => (!viewer ? [] : linesOfCounts(em, viewer, ids)),
      (line) => line.countId,
    ),
  };
};
