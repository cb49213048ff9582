import type { AccessPolicy } from '@rapport/subgraph-kit';

/**
 * Who may see and change suppliers: purchasing manages them, finance and the warehouse read them,
 * sales and support have no business with them. Suppliers belong to no customer, so nothing is scoped.
 */
export const supplierPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  BUYER: 'all',
  ACCOUNTANT: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  SALES_MANAGER: 'none',
  SALES_REP: 'none',
  SUPPORT_AGENT: 'none',
};
