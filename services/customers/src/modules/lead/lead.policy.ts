import type { AccessPolicy } from '@rapport/subgraph-kit';

/**
 * Who may see and work leads. Leads belong to their owner, not to a customer: a rep (`scoped`)
 * sees their own leads and the unassigned ones; team heads, directors and admins see all; other
 * departments none.
 */
export const leadPolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SALES_MANAGER: 'all',
  SALES_REP: 'scoped',
  SUPPORT_AGENT: 'none',
  WAREHOUSE_CLERK: 'none',
  BUYER: 'none',
  ACCOUNTANT: 'none',
};
