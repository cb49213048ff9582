import { isUuid } from '@rapport/errors';
import { auditHistory, readAccess, writeAccess } from '@rapport/subgraph-kit';
import type { Context, Viewer } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { deliveryStatus } from './shipment.entity.js';
import { shipmentPolicy } from './shipment.policy.js';
import { getShipment, markDelivered, markShipped } from './shipment.service.js';

/** The caller as a reader of shipments; FORBIDDEN when their role has none. */
const reader = (ctx: Context): Viewer => ({ principal: ctx.principal, access: readAccess(shipmentPolicy, ctx.principal, 'shipments') });
/** The caller as a writer of shipments; FORBIDDEN when their role may only read them, or nothing. */
const writer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: writeAccess(shipmentPolicy, ctx.principal, 'shipments') });

export const shipmentResolvers: Resolvers = {
  Query: {
    shipment: (_, args, ctx) => getShipment(ctx.em, reader(ctx), args.id),
  },
  Mutation: {
    markShipped: (_, args, ctx) => markShipped(ctx.em, writer(ctx), args.shipmentId, args.trackingNumber, ctx.eventMeta),
    markDelivered: (_, args, ctx) => markDelivered(ctx.em, writer(ctx), args.shipmentId, ctx.eventMeta),
  },
  // A sales order as inventory sees it: only its id (the codegen mapper), from which the delivery is loaded in batches.
  SalesOrder: {
    __resolveReference: (ref) => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
    delivery: async (order, _, ctx) => {
      const shipments = await ctx.loaders.shipmentsByOrderId.load(order.id);
      return { status: deliveryStatus(shipments), shipments };
    },
  },
  Shipment: {
    order: (shipment) => ({ id: shipment.orderId }),
    customer: (shipment) => ({ __typename: 'Customer', id: shipment.customerId }),
    history: (shipment, args, ctx) => auditHistory(ctx.em, 'Shipment', shipment.id, args.first),
  },
};
