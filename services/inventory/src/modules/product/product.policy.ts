import type { AccessPolicy } from '@rapport/subgraph-kit';

/** Who may see and change products: the warehouse keeps the catalogue; everyone else reads it. Products belong to no customer. */
export const productPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  WAREHOUSE_CLERK: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  SUPPORT_AGENT: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};
