import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import { balanceUnits, invoiceMoney, isOverdue, type IInvoice } from './invoice.entity.js';
import { getInvoice, issueInvoice, listInvoices, receivablesOf, type InvoiceFilter, type IssueInvoiceInput } from './invoice.service.js';

export const invoiceResolvers: ResolverMap = {
  Query: {
    invoice: (_: unknown, args: { id: string }, ctx: Context) => getInvoice(ctx.em, ctx.principal, args.id),
    invoices: (_: unknown, args: { filter?: InvoiceFilter; first?: number; after?: string }, ctx: Context) =>
      listInvoices(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    issueInvoice: (_: unknown, args: { input: IssueInvoiceInput }, ctx: Context) => issueInvoice(ctx.em, ctx.principal, args.input, ctx.eventMeta),
  },
  Invoice: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.invoiceById.load(ref.id.toLowerCase()) : null),
    customer: (invoice: IInvoice) => ({ __typename: 'Customer', id: invoice.customerId }),
    total: (invoice: IInvoice) => ({ amount: normaliseAmount(invoice.total), currency: invoice.currency }),
    amountPaid: (invoice: IInvoice) => ({ amount: normaliseAmount(invoice.amountPaid), currency: invoice.currency }),
    balance: (invoice: IInvoice) => invoiceMoney(invoice, balanceUnits(invoice)),
    overdue: (invoice: IInvoice) => isOverdue(invoice),
    history: (invoice: IInvoice, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Invoice', invoice.id, args.first),
  },
  Customer: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    overdueReceivables: async (customer: { id: string }, _: unknown, ctx: Context) =>
      receivablesOf(isUuid(customer.id) ? await ctx.loaders.overdueInvoicesByCustomer.load(customer.id.toLowerCase()) : []),
  },
};
