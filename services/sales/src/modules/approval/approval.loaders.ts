import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '@rapport/subgraph-kit';
import { DiscountApproval } from './approval.entity.js';

/** Per-request loaders: the approval requests of N quotations (newest first) in one query; only reached through a quotation the caller could see. */
export const createApprovalLoaders = (em: SqlEntityManager) => ({
  approvalsByQuotationId: groupedLoader(
    (quotationIds) => em.find(DiscountApproval, { quotationId: { $in: [...quotationIds] } }, { orderBy: { quotationId: 'asc', requestedAt: 'desc', id: 'desc' } }),
    (a) => a.quotationId,
  ),
});
