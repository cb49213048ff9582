import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { mergeLoaders, type Caller } from '@rapport/subgraph-kit';
import { createCreditHoldLoaders } from './modules/credit-hold/credit-hold.loaders.js';
import { createCurrencyLoaders } from './modules/currency/currency.service.js';
import { createDunningLoaders } from './modules/dunning/dunning.loaders.js';
import { createExpenseLoaders } from './modules/expense/expense.loaders.js';
import { createInvoiceLoaders } from './modules/invoice/invoice.loaders.js';

/** Per-request loaders, one part per module; a loader name two modules define is an error, not an overwrite. */
export const createLoaders = (em: SqlEntityManager, caller: Caller) =>
  mergeLoaders(
    createInvoiceLoaders(em, caller),
    createCurrencyLoaders(em),
    createDunningLoaders(em, caller),
    createExpenseLoaders(em, caller),
    createCreditHoldLoaders(em, caller),
  );
export type FinanceLoaders = ReturnType<typeof createLoaders>;
