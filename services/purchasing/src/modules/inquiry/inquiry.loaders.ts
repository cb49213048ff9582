import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { baseRateLoader, groupedLoader } from '@rapport/subgraph-kit';
import { PurchaseInquiryAnswer, PurchaseInquiryLine, PurchaseInquirySupplier } from './inquiry.entity.js';

/** The lines, suppliers and answers of N inquiries cost one query each (only reached through an inquiry the caller may read), and so do the rates their answers are compared at. */
export const createInquiryLoaders = (em: SqlEntityManager) => ({
  linesByInquiryId: groupedLoader(
    (ids) => em.find(PurchaseInquiryLine, { inquiryId: { $in: [...ids] } }, { orderBy: { inquiryId: 'asc', position: 'asc' } }),
    (line) => line.inquiryId,
  ),
  suppliersByInquiryId: groupedLoader(
    (ids) => em.find(PurchaseInquirySupplier, { inquiryId: { $in: [...ids] } }, { orderBy: { inquiryId: 'asc', position: 'asc' } }),
    (s) => s.inquiryId,
  ),
  answersByInquiryId: groupedLoader(
    (ids) => em.find(PurchaseInquiryAnswer, { inquiryId: { $in: [...ids] } }, { orderBy: { inquiryId: 'asc', answeredAt: 'asc', id: 'asc' } }),
    (a) => a.inquiryId,
  ),
  baseRate: baseRateLoader(em),
});
