import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { groupedLoader, readableModules, type Caller, type DataLoader } from '@rapport/subgraph-kit';
import { TIMELINE_MODULES, TimelineEntry, type ITimelineEntry, type TimelineModule } from './timeline-entry.entity.js';

/**
 * The timeline modules the caller may read: an entry is shown only to roles its module's policy
 * (the kit's POLICIES, the table the owning subgraph enforces) does not answer FORBIDDEN. The
 * customer itself is already one the caller sees, so scoped access to the module covers it.
 */
export function visibleTimelineModules(principal: Principal | null): TimelineModule[] {
  const readable = new Set<string>(readableModules(principal));
  return TIMELINE_MODULES.filter((module) => readable.has(module));
}

/**
 * The newest `take` entries the caller may see of each of `customerIds`, newest first, in one
 * query (a window per customer over the (customer_id, occurred_at, id) index).
 */
export async function latestTimelineEntriesOf(em: SqlEntityManager, customerIds: readonly string[], take: number, modules: readonly TimelineModule[]): Promise<ITimelineEntry[]> {
  if (modules.length === 0) return [];
  const ranked = em
    .createQueryBuilder(TimelineEntry, 't')
    .select('*')
    .addSelect(raw('row_number() over (partition by t.customer_id order by t.occurred_at desc, t.id desc) as entry_rank'))
    .where({ customerId: { $in: [...customerIds] }, module: { $in: [...modules] } });
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
export const createTimelineLoaders = (em: SqlEntityManager, caller: Caller) => {
  const byTake = new Map<number, DataLoader<string, ITimelineEntry[]>>();
  const modules = visibleTimelineModules(caller.principal);
  return {
    timelineFirstPage(take: number): DataLoader<string, ITimelineEntry[]> {
      let loader = byTake.get(take);
      if (!loader) {
        loader = groupedLoader(
          (customerIds) => latestTimelineEntriesOf(em, customerIds, take, modules),
          (entry) => entry.customerId,
        );
        byTake.set(take, loader);
      }
      return loader;
    },
  };
};
