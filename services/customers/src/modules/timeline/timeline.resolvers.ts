import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { pageSize } from '@rapport/errors';
import { decodeCursor, toConnection } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { TimelineEntry } from './timeline-entry.entity.js';
import { visibleTimelineModules } from './timeline.loaders.js';

/** A customer's timeline as the caller may see it (entries of modules it may read), newest first, by keyset on (occurredAt, id). */
export async function customerTimeline(em: SqlEntityManager, principal: Principal | null, customerId: string, first?: number | null, after?: string | null) {
  const limit = pageSize('first', first);
  const qb = em.createQueryBuilder(TimelineEntry, 't').select('*').where({ customerId, module: { $in: visibleTimelineModules(principal) } });
  if (after) {
    const cursor = decodeCursor('after', after, 'timestamp');
    qb.andWhere('(t.occurred_at, t.id) < (?, ?)', [cursor.sortValue, cursor.id]);
  }
  const rows = await qb.orderBy({ occurredAt: 'desc', id: 'desc' }).limit(limit + 1).getResultList();
  return toConnection(rows, limit, (e) => e.occurredAt.toISOString());
}

export const timelineResolvers: Resolvers = {
  Customer: {
    // The first page is batched over the customers of a list; later pages (after a cursor) are one customer's.
    timeline: async (customer, args, ctx) => {
      if (args.after) return customerTimeline(ctx.em, ctx.principal, customer.id, args.first, args.after);
      const limit = pageSize('first', args.first);
      const rows = await ctx.loaders.timelineFirstPage(limit + 1).load(customer.id);
      return toConnection(rows, limit, (e) => e.occurredAt.toISOString());
    },
  },
  TimelineEntry: {
    module: (entry) => entry.module.toUpperCase() as Uppercase<typeof entry.module>,
  },
};
