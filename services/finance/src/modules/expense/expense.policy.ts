import { definePolicy, type ModulePolicy } from '@rapport/subgraph-kit';

/**
 * Who may work with expense claims: finance, directors and admins all of them; the sales
 * department claims its own (scoped: a rep sees their own claims and the approved ones of their
 * customers, a team head also their teams' claims). Others claim nothing. Kept here rather than in
 * the kit's `POLICIES` while only finance reads it.
 */
export const expensePolicy: ModulePolicy = definePolicy('expenses', {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
});
