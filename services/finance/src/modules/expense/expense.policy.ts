import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may work with expense claims: the kit's `POLICIES.expenses` (one table for every department; the customer timeline reads it too). */
export const expensePolicy: ModulePolicy = definePolicy('expenses', POLICIES.expenses);
