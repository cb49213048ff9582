import type { AccessPolicy } from '@rapport/subgraph-kit';

/**
 * Who may see and change shipments: the warehouse runs them; sales reads their customers' only,
 * support and finance read them all; purchasing has no business with them.
 */
export const shipmentPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  WAREHOUSE_CLERK: 'all',
  SALES_MANAGER: 'scoped-read',
  SALES_REP: 'scoped-read',
  SUPPORT_AGENT: 'all-read',
  ACCOUNTANT: 'all-read',
  BUYER: 'none',
};
