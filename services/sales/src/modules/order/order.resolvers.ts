import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { formatQuantity } from './order.entity.js';
import { orderPolicy } from './order.policy.js';
import { cancelOrder, getOrder, listOrders, placeOrder } from './order.service.js';

export const orderResolvers: Resolvers = {
  Query: {
    salesOrder: (_, args, ctx) => getOrder(ctx.em, ctx.viewer(orderPolicy, 'read'), args.id),
    salesOrders: (_, args, ctx) => listOrders(ctx.em, ctx.viewer(orderPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    placeOrder: (_, args, ctx) => placeOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.input, ctx.eventMeta),
    cancelOrder: (_, args, ctx) => cancelOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, ctx.eventMeta),
  },
  SalesOrder: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.orderById.load(ref.id.toLowerCase()) : null),
    customer: (order) => ({ __typename: 'Customer', id: order.customerId }),
    lines: (order, _, ctx) => ctx.loaders.linesByOrderId.load(order.id),
    total: (order) => ({ amount: normaliseAmount(order.total), currency: order.currency }),
    history: (order, args, ctx) => auditHistory(ctx.em, 'SalesOrder', order.id, args.first),
  },
  SalesOrderLine: {
    product: (line) => ({ __typename: 'Product', id: line.productId }),
    quantity: (line) => formatQuantity(line.quantity),
    unitPrice: (line) => ({ amount: normaliseAmount(line.unitPrice), currency: line.currency }),
    lineTotal: (line) => ({ amount: normaliseAmount(line.lineTotal), currency: line.currency }),
  },
};
