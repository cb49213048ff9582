import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { DataLoader } from '@rapport/subgraph-kit';
import type { TicketPriority } from '../ticket/ticket.entity.js';
import { SlaTarget, type ISlaTarget } from './sla.entity.js';

/** The targets of the priorities of N tickets in one query (at most four rows). */
export const createSlaLoaders = (em: SqlEntityManager) => ({
  slaTargetByPriority: new DataLoader<TicketPriority, ISlaTarget | null>(async (priorities) => {
    const rows = await em.find(SlaTarget, { priority: { $in: [...priorities] } });
    return priorities.map((priority) => rows.find((row) => row.priority === priority) ?? null);
  }),
});
