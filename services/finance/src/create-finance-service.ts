import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { customerMergeHandlers } from './modules/invoice/customer-merge.consumer.js';
import { Invoice } from './modules/invoice/invoice.entity.js';
import { invoiceResolvers } from './modules/invoice/invoice.resolvers.js';
import { Payment } from './modules/payment/payment.entity.js';
import { paymentResolvers } from './modules/payment/payment.resolvers.js';

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
