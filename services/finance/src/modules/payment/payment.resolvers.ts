import { formatAmount, isUuid, normaliseAmount } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { baseMoney, exchangeDifferenceUnits, rateText } from '../currency/currency.service.js';
import { allocatePayment, getPayment, listPayments, receivePayment, recordPayment, unallocatedUnits } from './payment.service.js';
import { paymentPolicy } from './payment.policy.js';

export const paymentResolvers: Resolvers = {
  Query: {
    payment: (_, args, ctx) => getPayment(ctx.em, ctx.viewer(paymentPolicy, 'read'), args.id),
    payments: (_, args, ctx) => listPayments(ctx.em, ctx.viewer(paymentPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    recordPayment: (_, args, ctx) => recordPayment(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
    receivePayment: (_, args, ctx) => receivePayment(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
    allocatePayment: (_, args, ctx) => allocatePayment(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
  },
  Payment: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.paymentById.load(ref.id.toLowerCase()) : null),
    customer: (payment) => ({ __typename: 'Customer', id: payment.customerId }),
    amount: (p) => ({ amount: normaliseAmount(p.amount), currency: p.currency }),
    receivedOn: (p) => p.paidOn,
    allocated: (p) => ({ amount: normaliseAmount(p.amountAllocated), currency: p.currency }),
    unallocated: (p) => ({ amount: formatAmount(unallocatedUnits(p)), currency: p.currency }),
    allocations: (p, _, ctx) => ctx.loaders.allocationsByPayment.load(p.id),
    rateToBase: (p) => rateText(p.rateToBase),
    baseAmount: async (p, _, ctx) => baseMoney(p.baseAmount, await ctx.loaders.baseCurrency.load()),
  },
  Allocation: {
    invoice: (a, _, ctx) => ctx.loaders.invoiceById.load(a.invoiceId),
    payment: (a, _, ctx) => (a.paymentId ? ctx.loaders.paymentById.load(a.paymentId) : null),
    creditNote: (a, _, ctx) => (a.creditNoteId ? ctx.loaders.creditNoteById.load(a.creditNoteId) : null),
    amount: (a) => ({ amount: normaliseAmount(a.amount), currency: a.currency }),
    sourceAmount: (a) => ({ amount: normaliseAmount(a.sourceAmount), currency: a.sourceCurrency }),
    rate: (a) => rateText(a.rate),
    exchangeDifference: async (a, _, ctx) => {
      if (!a.paymentId) return null;
      if (a.exchangeDifference != null) return baseMoney(a.exchangeDifference, await ctx.loaders.baseCurrency.load());
      // Allocations recorded before the difference was stored: computed the same way (one currency).
      const [invoice, payment, base] = await Promise.all([ctx.loaders.invoiceById.load(a.invoiceId), ctx.loaders.paymentById.load(a.paymentId), ctx.loaders.baseCurrency.load()]);
      if (!invoice?.rateToBase || !payment?.rateToBase) return null;
      return { amount: formatAmount(exchangeDifferenceUnits(a.amount, invoice.rateToBase, payment.rateToBase, base)), currency: base };
    },
  },
};
