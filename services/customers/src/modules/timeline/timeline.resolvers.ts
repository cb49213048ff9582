import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { keysetPage, pageOf, toConnection, type Connection, type Keyset } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { TimelineEntry, type ITimelineEntry } from './timeline-entry.entity.js';
import { visibleTimelineModules } from './timeline.loaders.js';

/** A timeline newest first: by when each entry happened, then id (the first page's loader orders the same way). */
const TIMELINE_ORDER: Keyset<ITimelineEntry> = { sort: 't.occurred_at', kind: 'timestamp', direction: 'desc', id: 't.id', sortValue: (e) => e.occurredAt.toISOString() };

/** A customer's timeline as the caller may see it (entries of modules it may read), newest first, by keyset on (occurredAt, id). */
export async function customerTimeline(
  em: SqlEntityManager,
  principal: Principal | null,
  customerId: string,
  first?: number | null,
  after?: string | null,
): Promise<Connection<ITimelineEntry>> {
  const qb = em
    .createQueryBuilder(TimelineEntry, 't')
    .select('*')
    .where({ customerId, module: { $in: visibleTimelineModules(principal) } });
  return keysetPage(qb, TIMELINE_ORDER, { field: 'timeline', first, after });
}

export const timelineResolvers: Resolvers = {
  Customer: {
    // The first page is batched over the customers of a list; later pages (after a cursor) are one customer's.
    timeline: async (customer, args, ctx) => {
      if (args.after) return customerTimeline(ctx.em, ctx.principal, customer.id, args.first, args.after);
      const { limit } = pageOf({ field: 'timeline', first: args.first, after: null }, TIMELINE_ORDER.kind);
      const rows = await ctx.loaders.timelineFirstPage(limit + 1).load(customer.id);
      return toConnection(rows, limit, TIMELINE_ORDER.sortValue);
    },
  },
  TimelineEntry: {
    module: (entry) => entry.module.toUpperCase() as Uppercase<typeof entry.module>,
  },
};
