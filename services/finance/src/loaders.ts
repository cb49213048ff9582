import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { mergeLoaders } from '@rapport/subgraph-kit';
import { createInvoiceLoaders } from './modules/invoice/invoice.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, principal: Principal | null) => mergeLoaders(createInvoiceLoaders(em, principal));
export type FinanceLoaders = ReturnType<typeof createLoaders>;
