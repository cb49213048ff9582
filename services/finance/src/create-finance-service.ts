import { fileURLToPath } from 'node:url';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@rapport/auth';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { migrations } from './migrations/index.js';
import { customerMergeHandlers } from './modules/invoice/customer-merge.consumer.js';
import { Invoice } from './modules/invoice/invoice.entity.js';
import { createInvoiceLoaders } from './modules/invoice/invoice.loaders.js';
import { invoiceResolvers } from './modules/invoice/invoice.resolvers.js';
import { Payment } from './modules/payment/payment.entity.js';
import { paymentResolvers } from './modules/payment/payment.resolvers.js';

export const createLoaders = (em: SqlEntityManager, principal: Principal | null) => ({ ...createInvoiceLoaders(em, principal) });
export type FinanceLoaders = ReturnType<typeof createLoaders>;

/** The finance subgraph: customer invoices, their payments, and the overdue receivables it adds to every customer. */
export function createFinanceService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'finance',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [invoiceResolvers, paymentResolvers],
      entities: [Invoice, Payment],
      migrations,
      createLoaders,
      handlers: [...customerMergeHandlers],
      customerAccess: true,
    },
    config,
  );
}
