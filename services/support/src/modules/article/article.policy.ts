import type { AccessPolicy } from '@rapport/subgraph-kit';

/**
 * Who may read and write the knowledge base: support, directors and admins write (and see drafts
 * and archived articles when restoring them); every other signed-in user reads published articles.
 * Articles belong to no customer, so no role is scoped.
 */
export const articlePolicy: AccessPolicy = {
  ADMIN: 'all',
  DIRECTOR: 'all',
  SUPPORT_AGENT: 'all',
  SALES_MANAGER: 'all-read',
  SALES_REP: 'all-read',
  WAREHOUSE_CLERK: 'all-read',
  BUYER: 'all-read',
  ACCOUNTANT: 'all-read',
};
