import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change tickets: support works them all, sales those of the customers it may see. */
export const ticketPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SUPPORT_AGENT: 'all',
  SALES_MANAGER: 'scoped',
  SALES_REP: 'scoped',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};
