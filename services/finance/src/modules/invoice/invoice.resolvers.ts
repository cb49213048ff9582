import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { balanceUnits, invoiceMoney, isOverdue } from './invoice.entity.js';
import { getInvoice, issueInvoice, listInvoices, receivablesOf } from './invoice.service.js';
import { invoicePolicy } from './invoice.policy.js';

export const invoiceResolvers: Resolvers = {
  Query: {
    invoice: (_, args, ctx) => getInvoice(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.id),
    invoices: (_, args, ctx) => listInvoices(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    issueInvoice: (_, args, ctx) => issueInvoice(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
  },
  Invoice: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.invoiceById.load(ref.id.toLowerCase()) : null),
    customer: (invoice) => ({ __typename: 'Customer', id: invoice.customerId }),
    total: (invoice) => ({ amount: normaliseAmount(invoice.total), currency: invoice.currency }),
    amountPaid: (invoice) => ({ amount: normaliseAmount(invoice.amountPaid), currency: invoice.currency }),
    balance: (invoice) => invoiceMoney(invoice, balanceUnits(invoice)),
    overdue: (invoice) => isOverdue(invoice),
    history: (invoice, args, ctx) => auditHistory(ctx.em, 'Invoice', invoice.id, args.first),
  },
  Customer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    overdueReceivables: async (customer, _, ctx) => receivablesOf(isUuid(customer.id) ? await ctx.loaders.overdueInvoicesByCustomer.load(customer.id.toLowerCase()) : []),
  },
};
