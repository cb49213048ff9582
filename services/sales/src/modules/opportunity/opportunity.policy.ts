import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change opportunities: the sales department, reps and team heads their customers' only. */
export const opportunityPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};
