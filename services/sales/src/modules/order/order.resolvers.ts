import { isUuid, normaliseAmount, normaliseQuantity } from '@rapport/errors';
import { auditHistory, seesPrices } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { deliveryStatus, fromUnits, invoiceStatus, openUnits, shortUnits, toInvoiceUnits } from './order.entity.js';
import { orderPolicy, orderPriceRules } from './order.policy.js';
import { documentTotals } from '../pricing/pricing.js';
import { cancelOrder, cancelOrderLine, getOrder, listOrders, placeOrder } from './order.service.js';

export const orderResolvers: Resolvers = {
  Query: {
    salesOrder: (_, args, ctx) => getOrder(ctx.em, ctx.viewer(orderPolicy, 'read'), args.id),
    salesOrders: (_, args, ctx) => listOrders(ctx.em, ctx.viewer(orderPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    placeOrder: (_, args, ctx) => placeOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.input, ctx.eventMeta),
    cancelOrder: (_, args, ctx) => cancelOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, args.reason, ctx.eventMeta),
    cancelOrderLine: (_, args, ctx) => cancelOrderLine(ctx.em, ctx.viewer(orderPolicy, 'write'), args.orderId, args.lineId, args.reason, ctx.eventMeta),
  },
  SalesOrder: {
    creditHold: (doc, _, ctx) => ctx.loaders.creditHoldByCustomerId.load(doc.customerId),
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.orderById.load(ref.id.toLowerCase()) : null),
    customer: (order) => ({ __typename: 'Customer', id: order.customerId }),
    deliveryStatus: async (order, _, ctx) => deliveryStatus(await ctx.loaders.linesByOrderId.load(order.id)),
    invoiceStatus: (order) => invoiceStatus(order.status),
    lines: (order, _, ctx) => ctx.loaders.linesByOrderId.load(order.id),
    quotation: (order, _, ctx) => (order.quotationId ? ctx.loaders.quotationById.load(order.quotationId) : null),
    origin: (order) => (order.quotationId ? 'QUOTATION' : order.loanId ? 'LOAN' : 'DIRECT'),
    total: (order, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(order.total), currency: order.currency } : null),
    taxTotal: (order, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(order.taxTotal), currency: order.currency } : null),
    grossTotal: (order, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(order.grossTotal), currency: order.currency } : null),
    taxes: async (order, _, ctx) =>
      !seesPrices(ctx.principal)
        ? []
        : documentTotals(
            (await ctx.loaders.linesByOrderId.load(order.id)).map((l) => ({ taxRate: l.taxRate, netAmount: l.lineTotal })),
            order.currency,
          ).taxes,
    history: (order, args, ctx) => auditHistory(ctx.em, 'SalesOrder', order.id, args.first, { principal: ctx.principal, rules: orderPriceRules }),
  },
  SalesOrderLine: {
    product: (line) => ({ __typename: 'Product', id: line.productId }),
    quantity: (line) => normaliseQuantity(line.quantity),
    unitPrice: (line, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(line.unitPrice), currency: line.currency } : null),
    unitPriceGross: (line, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(line.unitPriceGross), currency: line.currency } : null),
    discountPercent: (line) => normaliseQuantity(line.discountPercent),
    taxRate: (line) => normaliseQuantity(line.taxRate),
    lineTotal: (line, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(line.lineTotal), currency: line.currency } : null),
    reservedQuantity: (line) => normaliseQuantity(line.reservedQuantity),
    shortQuantity: (line) => fromUnits(shortUnits(line)),
    cancelledQuantity: (line) => normaliseQuantity(line.cancelledQuantity),
    deliveredQuantity: (line) => normaliseQuantity(line.deliveredQuantity),
    invoicedQuantity: (line) => normaliseQuantity(line.invoicedQuantity),
    returnedQuantity: (line) => normaliseQuantity(line.returnedQuantity),
    openQuantity: (line) => fromUnits(openUnits(line)),
    toInvoiceQuantity: (line) => fromUnits(toInvoiceUnits(line)),
    lastPrice: async (line, _, ctx) => {
      if (!seesPrices(ctx.principal)) return null;
      const order = await ctx.loaders.orderById.load(line.orderId);
      return order ? ctx.loaders.lastPrice.load({ customerId: order.customerId, productId: line.productId, before: order.confirmedAt }) : null;
    },
  },
};
