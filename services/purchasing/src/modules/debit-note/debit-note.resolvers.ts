import { isUuid, normaliseAmount } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { billPolicy, paymentPolicy } from '../bill/bill.policy.js';
import { showQuantity } from '../order/order.entity.js';
import { debitNoteOpen, getDebitNote, listDebitNotes, settleDebitNote } from './debit-note.service.js';
import { formatAmount } from '@rapport/errors';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });

/** Debit notes are read like bills (buyers, the purchasing head, accountants) and settled like payments. */
export const debitNoteResolvers: Resolvers = {
  Query: {
    supplierDebitNote: (_, args, ctx) => getDebitNote(ctx.em, ctx.viewer(billPolicy, 'read'), args.id),
    supplierDebitNotes: (_, args, ctx) => listDebitNotes(ctx.em, ctx.viewer(billPolicy, 'read'), args.supplierId),
  },
  Mutation: {
    settleSupplierDebitNote: (_, args, ctx) => settleDebitNote(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.id, args.input, ctx.eventMeta),
  },
  SupplierDebitNote: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.debitNoteById.load(ref.id.toLowerCase()) : null),
    supplier: (note, _, ctx) => ctx.loaders.supplierById.load(note.supplierId),
    purchaseOrder: (note, _, ctx) => ctx.loaders.purchaseOrderById.load(note.purchaseOrderId),
    lines: (note, _, ctx) => ctx.loaders.linesByDebitNoteId.load(note.id),
    settlements: (note, _, ctx) => ctx.loaders.settlementsByDebitNoteId.load(note.id),
    netTotal: (note) => money(note.netTotal, note.currency),
    taxTotal: (note) => money(note.taxTotal, note.currency),
    grossTotal: (note) => money(note.grossTotal, note.currency),
    settledTotal: (note) => money(note.settledTotal, note.currency),
    openAmount: (note) => ({ amount: formatAmount(debitNoteOpen(note)), currency: note.currency }),
  },
  SupplierDebitNoteLine: {
    quantity: (line) => showQuantity(line.quantity),
    taxRate: (line) => showQuantity(line.taxRate),
    unitPrice: async (line, _, ctx) => money(line.unitPrice, (await ctx.loaders.debitNoteById.load(line.debitNoteId))?.currency ?? 'EUR'),
    netAmount: async (line, _, ctx) => money(line.netAmount, (await ctx.loaders.debitNoteById.load(line.debitNoteId))?.currency ?? 'EUR'),
  },
  SupplierDebitNoteSettlement: {
    bill: (s, _, ctx) => (s.billId ? ctx.loaders.billById.load(s.billId) : null),
    refund: (s) => s.billId === null || s.billId === undefined,
    amount: async (s, _, ctx) => money(s.amount, (await ctx.loaders.debitNoteById.load(s.debitNoteId))?.currency ?? 'EUR'),
  },
};
