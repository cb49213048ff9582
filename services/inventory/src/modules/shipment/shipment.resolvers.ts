import { isUuid } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { deliveryStatus } from './shipment.entity.js';
import { shipmentPolicy } from './shipment.policy.js';
import { getShipment, markDelivered, markShipped } from './shipment.service.js';

export const shipmentResolvers: Resolvers = {
  Query: {
    shipment: (_, args, ctx) => getShipment(ctx.em, ctx.viewer(shipmentPolicy, 'read'), args.id),
  },
  Mutation: {
    markShipped: (_, args, ctx) => markShipped(ctx.em, ctx.viewer(shipmentPolicy, 'write'), args.shipmentId, args.trackingNumber, ctx.eventMeta),
    markDelivered: (_, args, ctx) => markDelivered(ctx.em, ctx.viewer(shipmentPolicy, 'write'), args.shipmentId, ctx.eventMeta),
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
