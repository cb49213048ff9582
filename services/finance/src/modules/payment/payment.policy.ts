import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may record payments against invoices: finance; sales only reads what was paid, on invoices it may see. */
export const paymentPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  ACCOUNTANT: 'all',
  SALES_MANAGER: 'scoped-read',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
};
