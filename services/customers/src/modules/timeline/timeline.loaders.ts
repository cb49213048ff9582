import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type DataLoader } from '@rapport/subgraph-kit';
import { TimelineEntry, type ITimelineEntry } from './timeline-entry.entity.js';

/**
 * The newest `take` entries of each of `customerIds`, newest first, in one query (a window per
 * customer over the (customer_id, occurred_at, id) index).
 */
export async function latestTimelineEntriesOf(em: SqlEntityManager, customerIds: readonly string[], take: number): Promise<ITimelineEntry[]> {
  const ranked = em
    .createQueryBuilder(TimelineEntry, 't')
    .select('*')
    .addSelect(raw('row_number() over (partition by t.customer_id order by t.occurred_at desc, t.id desc) as entry_rank'))
    .where({ customerId: { $in: [...customerIds] } });
  return em
    .createQueryBuilder(TimelineEntry, 'ranked')
    .select('*')
    .from(ranked, 'ranked')
    .where('ranked.entry_rank <= ?', [take])
    .orderBy({ occurredAt: 'desc', id: 'desc' })
    .getResultList();
}

/**
 * Per-request loaders: the first page of N customers' timelines costs one query (one loader per
 * page size). Each loads one entry more than the page, so the page knows whether another follows.
 */
export const createTimelineLoaders = (em: SqlEntityManager) => {
  const byTake = new Map<number, DataLoader<string, ITimelineEntry[]>>();
  return {
    timelineFirstPage(take: number): DataLoader<string, ITimelineEntry[]> {
      let loader = byTake.get(take);
      if (!loader) {
        loader = groupedLoader((customerIds) => latestTimelineEntriesOf(em, customerIds, take), (entry) => entry.customerId);
        byTake.set(take, loader);
      }
      return loader;
    },
  };
};
