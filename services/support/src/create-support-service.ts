import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { migrations } from './migrations/index.js';
import { Ticket } from './modules/ticket/ticket.entity.js';
import { createTicketLoaders } from './modules/ticket/ticket.loaders.js';
import { ticketResolvers } from './modules/ticket/ticket.resolvers.js';

export const createLoaders = (em: SqlEntityManager, principal: Principal | null) => ({ ...createTicketLoaders(em, principal) });
export type SupportLoaders = ReturnType<typeof createLoaders>;

/** The support subgraph: tickets, and the open tickets it adds to every customer, each seen only by those who may. */
export function createSupportService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'support',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [ticketResolvers],
      entities: [Ticket],
      migrations,
      createLoaders,
      customerAccess: true,
    },
    config,
  );
}
