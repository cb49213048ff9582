import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change sales orders: sales (reps and team heads their customers' only); the warehouse and finance read them all. */
export const orderPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'all-read',
  BUYER: 'none',
  ACCOUNTANT: 'all-read',
};
