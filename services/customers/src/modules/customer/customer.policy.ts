import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change customers: reps and team heads their own, other departments read. */
export const customerPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  ACCOUNTANT: 'all-read',
  BUYER: 'none',
};
