import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, readAccess, writeAccess, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context, Viewer } from '../../context.js';
import { formatQuantity, type ISalesOrder, type ISalesOrderLine } from './order.entity.js';
import { orderPolicy } from './order.policy.js';
import { cancelOrder, getOrder, listOrders, placeOrder, type PlaceOrderInput, type SalesOrderFilter } from './order.service.js';

/** The caller as a reader of sales orders; FORBIDDEN when their role has none. */
const reader = (ctx: Context): Viewer => ({ principal: ctx.principal, access: readAccess(orderPolicy, ctx.principal, 'sales orders') });
/** The caller as a writer of sales orders; FORBIDDEN when their role may only read them, or nothing. */
const writer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: writeAccess(orderPolicy, ctx.principal, 'sales orders') });

export const orderResolvers: ResolverMap = {
  Query: {
    salesOrder: (_: unknown, args: { id: string }, ctx: Context) => getOrder(ctx.em, reader(ctx), args.id),
    salesOrders: (_: unknown, args: { filter?: SalesOrderFilter; first?: number; after?: string }, ctx: Context) =>
      listOrders(ctx.em, reader(ctx), args.filter, args.first, args.after),
  },
  Mutation: {
    placeOrder: (_: unknown, args: { input: PlaceOrderInput }, ctx: Context) => placeOrder(ctx.em, writer(ctx), args.input, ctx.eventMeta),
    cancelOrder: (_: unknown, args: { id: string }, ctx: Context) => cancelOrder(ctx.em, writer(ctx), args.id, ctx.eventMeta),
  },
  SalesOrder: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.orderById.load(ref.id.toLowerCase()) : null),
    customer: (order: ISalesOrder) => ({ __typename: 'Customer', id: order.customerId }),
    lines: (order: ISalesOrder, _: unknown, ctx: Context) => ctx.loaders.linesByOrderId.load(order.id),
    total: (order: ISalesOrder) => ({ amount: normaliseAmount(order.total), currency: order.currency }),
    confirmedAt: (order: ISalesOrder) => order.confirmedAt.toISOString(),
    cancelledAt: (order: ISalesOrder) => order.cancelledAt?.toISOString() ?? null,
    completedAt: (order: ISalesOrder) => order.completedAt?.toISOString() ?? null,
    history: (order: ISalesOrder, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'SalesOrder', order.id, args.first),
  },
  SalesOrderLine: {
    product: (line: ISalesOrderLine) => ({ __typename: 'Product', id: line.productId }),
    quantity: (line: ISalesOrderLine) => formatQuantity(line.quantity),
    unitPrice: (line: ISalesOrderLine) => ({ amount: normaliseAmount(line.unitPrice), currency: line.currency }),
    lineTotal: (line: ISalesOrderLine) => ({ amount: normaliseAmount(line.lineTotal), currency: line.currency }),
  },
};
