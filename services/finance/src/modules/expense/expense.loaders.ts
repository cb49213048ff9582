import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Caller } from '@rapport/subgraph-kit';
import { expensePolicy } from './expense.policy.js';
import { expensesByIds } from './expense.service.js';

/** Expenses by id for federation references, batched and narrowed to what the caller may see. */
export const createExpenseLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(expensePolicy, 'lookup');
  return {
    expenseById: byIdLoader(async (ids) => (viewer ? expensesByIds(em, viewer, ids) : [])),
  };
};
