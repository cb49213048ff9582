import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and issue invoices: finance all of them, sales read those of the customers it may see. */
export const invoicePolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  SALES_MANAGER: 'scoped-read',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
};
