import { formatAmount, isUuid, normaliseAmount, normaliseQuantity } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { baseMoney, rateText } from '../currency/currency.service.js';
import { applyCreditNote, getCreditNote, issueCreditNote, listCreditNotes, refundCreditNote, unappliedUnits } from './credit-note.service.js';
import { creditNotePolicy } from './credit-note.policy.js';

export const creditNoteResolvers: Resolvers = {
  Query: {
    creditNote: (_, args, ctx) => getCreditNote(ctx.em, ctx.viewer(creditNotePolicy, 'read'), args.id),
    creditNotes: (_, args, ctx) => listCreditNotes(ctx.em, ctx.viewer(creditNotePolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    issueCreditNote: (_, args, ctx) => issueCreditNote(ctx.em, ctx.viewer(creditNotePolicy, 'write'), args.input, ctx.eventMeta),
    refundCreditNote: (_, args, ctx) => refundCreditNote(ctx.em, ctx.viewer(creditNotePolicy, 'write'), args.input, ctx.eventMeta),
    applyCreditNote: (_, args, ctx) => applyCreditNote(ctx.em, ctx.viewer(creditNotePolicy, 'write'), args.input, ctx.eventMeta),
  },
  CreditNote: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.creditNoteById.load(ref.id.toLowerCase()) : null),
    invoice: (c, _, ctx) => ctx.loaders.invoiceById.load(c.invoiceId),
    customer: (c) => ({ __typename: 'Customer', id: c.customerId }),
    lines: (c, _, ctx) => ctx.loaders.creditNoteLines.load(c.id),
    rateToBase: (c) => rateText(c.rateToBase),
    baseGrossTotal: async (c, _, ctx) => baseMoney(c.baseGrossTotal, await ctx.loaders.baseCurrency.load()),
    netTotal: (c) => ({ amount: normaliseAmount(c.netTotal), currency: c.currency }),
    taxTotal: (c) => ({ amount: normaliseAmount(c.taxTotal), currency: c.currency }),
    grossTotal: (c) => ({ amount: normaliseAmount(c.grossTotal), currency: c.currency }),
    applied: (c) => ({ amount: normaliseAmount(c.amountApplied), currency: c.currency }),
    refunded: (c) => ({ amount: normaliseAmount(c.amountRefunded), currency: c.currency }),
    unapplied: (c) => ({ amount: formatAmount(unappliedUnits(c)), currency: c.currency }),
  },
  CreditNoteLine: {
    quantity: (l) => normaliseQuantity(l.quantity),
    unitPrice: (l, _, ctx) => ctx.loaders.creditNoteById.load(l.creditNoteId).then((c) => ({ amount: normaliseAmount(l.unitPrice), currency: c?.currency ?? 'XXX' })),
    netAmount: (l, _, ctx) => ctx.loaders.creditNoteById.load(l.creditNoteId).then((c) => ({ amount: normaliseAmount(l.netAmount), currency: c?.currency ?? 'XXX' })),
  },
};
