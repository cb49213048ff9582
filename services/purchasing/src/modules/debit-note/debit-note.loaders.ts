import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, type Caller } from '@rapport/subgraph-kit';
import { billPolicy } from '../bill/bill.policy.js';
import { SupplierDebitNote, SupplierDebitNoteLine, SupplierDebitNoteSettlement } from './debit-note.entity.js';

/** N debit note references, the lines and settlements of N notes: one query each; no notes for a role that may not see bills. */
export const createDebitNoteLoaders = (em: SqlEntityManager, caller: Caller) => {
  const bills = caller.viewer(billPolicy, 'lookup');
  return {
    debitNoteById: byIdLoader(async (ids) => (bills ? em.find(SupplierDebitNote, { id: { $in: [...ids] } }) : [])),
    linesByDebitNoteId: groupedLoader(
      (ids) => em.find(SupplierDebitNoteLine, { debitNoteId: { $in: [...ids] } }, { orderBy: { debitNoteId: 'asc', position: 'asc' } }),
      (line) => line.debitNoteId,
    ),
    settlementsByDebitNoteId: groupedLoader(
      (ids) => em.find(SupplierDebitNoteSettlement, { debitNoteId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (s) => s.debitNoteId,
    ),
  };
};
