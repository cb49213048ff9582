import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@rapport/subgraph-kit';
import { SatisfactionRating } from './satisfaction.entity.js';

/**
 * Per-request loaders: the ratings of N tickets cost one query. The tickets were already narrowed
 * to what the caller may see when they were loaded, so their ratings need no further filter.
 */
export const createSatisfactionLoaders = (em: SqlEntityManager) => ({
  ratingsByTicket: groupedLoader(
    async (ticketIds) => em.find(SatisfactionRating, { ticketId: { $in: [...ticketIds] } }),
    (rating) => rating.ticketId,
  ),
});
