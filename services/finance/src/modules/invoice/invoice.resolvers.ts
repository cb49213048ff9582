import { formatQuantity, isUuid, normaliseAmount, normaliseQuantity, notFound, requireUuid } from '@rapport/errors';
import { auditHistory, restrictToVisibleCustomers } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { baseMoney, rateText } from '../currency/currency.service.js';
import { SalesOrder } from '../order-copy/order-copy.entity.js';
import { orderLineQuantities } from '../order-copy/order-copy.service.js';
import { percentText } from './invoice-math.js';
import { balanceUnits, invoiceMoney, isOverdue } from './invoice.entity.js';
import { getInvoice, invoiceDeliveredLines, issueAdvanceInvoice, issueFreeInvoice, issueInvoice, listInvoices, receivablesOf } from './invoice.service.js';
import { invoicePolicy } from './invoice.policy.js';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });

export const invoiceResolvers: Resolvers = {
  Query: {
    invoice: (_, args, ctx) => getInvoice(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.id),
    invoices: (_, args, ctx) => listInvoices(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.filter, args.first, args.after),
    invoiceableLines: async (_, args, ctx) => {
      const viewer = ctx.viewer(invoicePolicy, 'read');
      const orderId = requireUuid('orderId', args.orderId);
      const qb = ctx.em.createQueryBuilder(SalesOrder, 'o').select('*').where({ id: orderId });
      restrictToVisibleCustomers(qb, 'o', viewer);
      if (!(await qb.getSingleResult())) throw notFound('Order', args.orderId, 'orderId');
      return orderLineQuantities(ctx.em, orderId);
    },
  },
  Mutation: {
    issueInvoice: (_, args, ctx) => issueInvoice(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
    invoiceDeliveredLines: (_, args, ctx) => invoiceDeliveredLines(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
    issueFreeInvoice: (_, args, ctx) => issueFreeInvoice(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
    issueAdvanceInvoice: (_, args, ctx) => issueAdvanceInvoice(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
  },
  Invoice: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.invoiceById.load(ref.id.toLowerCase()) : null),
    customer: (invoice) => ({ __typename: 'Customer', id: invoice.customerId }),
    lines: (invoice, _, ctx) => ctx.loaders.invoiceLines.load(invoice.id),
    taxes: (invoice, _, ctx) => ctx.loaders.invoiceTaxes.load(invoice.id),
    rateToBase: (invoice) => rateText(invoice.rateToBase),
    baseTotal: async (invoice, _, ctx) => baseMoney(invoice.baseTotal, await ctx.loaders.baseCurrency.load()),
    netTotal: (invoice) => money(invoice.netTotal, invoice.currency),
    taxTotal: (invoice) => money(invoice.taxTotal, invoice.currency),
    total: (invoice) => money(invoice.total, invoice.currency),
    amountPaid: (invoice) => money(invoice.amountPaid, invoice.currency),
    amountCredited: (invoice) => money(invoice.amountCredited, invoice.currency),
    balance: (invoice) => invoiceMoney(invoice, balanceUnits(invoice)),
    overdue: (invoice) => isOverdue(invoice),
    allocations: (invoice, _, ctx) => ctx.loaders.allocationsByInvoice.load(invoice.id),
    creditNotes: (invoice, _, ctx) => ctx.loaders.creditNotesByInvoice.load(invoice.id),
    history: (invoice, args, ctx) => auditHistory(ctx.em, 'Invoice', invoice.id, args.first),
  },
  InvoiceLine: {
    quantity: (line) => normaliseQuantity(line.quantity),
    unitPrice: (line, _, ctx) => ctx.loaders.invoiceById.load(line.invoiceId).then((i) => money(line.unitPrice, i?.currency ?? 'XXX')),
    netAmount: (line, _, ctx) => ctx.loaders.invoiceById.load(line.invoiceId).then((i) => money(line.netAmount, i?.currency ?? 'XXX')),
    discountPercent: (line) => percentText(line.discountPercent),
    taxRate: (line) => percentText(line.taxRate),
    deductsInvoice: (line, _, ctx) => (line.deductsInvoiceId ? ctx.loaders.invoiceById.load(line.deductsInvoiceId) : null),
  },
  InvoiceTaxTotal: {
    taxRate: (tax) => percentText(tax.taxRate),
    net: (tax, _, ctx) => ctx.loaders.invoiceById.load(tax.invoiceId).then((i) => money(tax.netAmount, i?.currency ?? 'XXX')),
    tax: (tax, _, ctx) => ctx.loaders.invoiceById.load(tax.invoiceId).then((i) => money(tax.taxAmount, i?.currency ?? 'XXX')),
  },
  InvoiceableOrderLine: {
    orderLineId: (q) => q.line.id,
    position: (q) => q.line.position,
    productId: (q) => q.line.productId,
    ordered: (q) => formatQuantity(q.ordered),
    cancelled: (q) => formatQuantity(q.cancelled),
    delivered: (q) => formatQuantity(q.delivered),
    returned: (q) => formatQuantity(q.returned),
    invoiced: (q) => formatQuantity(q.invoiced),
    invoiceable: (q) => formatQuantity(q.invoiceable),
    invoiceableOrdered: (q) => formatQuantity(q.invoiceableOrdered),
    unitPrice: async (q, _, ctx) => money(q.line.unitPrice, (await ctx.em.findOneOrFail(SalesOrder, q.line.orderId)).currency),
    discountPercent: (q) => percentText(q.line.discountPercent),
    taxRate: (q) => percentText(q.line.taxRate),
  },
  Customer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    overdueReceivables: async (customer, _, ctx) => receivablesOf(isUuid(customer.id) ? await ctx.loaders.overdueInvoicesByCustomer.load(customer.id.toLowerCase()) : []),
    credit: async (customer, _, ctx) =>
      (isUuid(customer.id) ? await ctx.loaders.creditByCustomer.load(customer.id.toLowerCase()) : []).map((row) => money(row.amount, row.currency)),
  },
};
