import { isUuid, normaliseQuantity } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { deliveryStatus } from './shipment.entity.js';
import { shipmentPolicy } from './shipment.policy.js';
import { getShipment, listShipments, markDelivered, planShipment, shipShipment } from './shipment.service.js';

export const shipmentResolvers: Resolvers = {
  Query: {
    shipment: (_, args, ctx) => getShipment(ctx.em, ctx.viewer(shipmentPolicy, 'read'), args.id),
    shipments: (_, args, ctx) => listShipments(ctx.em, ctx.viewer(shipmentPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    planShipment: (_, args, ctx) => planShipment(ctx.em, ctx.viewer(shipmentPolicy, 'write'), args.input, ctx.eventMeta),
    shipShipment: (_, args, ctx) =>
      shipShipment(
        ctx.em,
        ctx.viewer(shipmentPolicy, 'write'),
        { shipmentId: args.shipmentId, lines: args.lines, carrier: args.carrier, trackingNumber: args.trackingNumber, backorder: args.backorder },
        ctx.eventMeta,
      ),
    markShipped: (_, args, ctx) => shipShipment(ctx.em, ctx.viewer(shipmentPolicy, 'write'), { shipmentId: args.shipmentId, trackingNumber: args.trackingNumber }, ctx.eventMeta),
    markDelivered: (_, args, ctx) => markDelivered(ctx.em, ctx.viewer(shipmentPolicy, 'write'), args.shipmentId, args.deliveredAt, ctx.eventMeta),
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
    order: (shipment) => (shipment.orderId ? { id: shipment.orderId } : null),
    customer: (shipment) => ({ __typename: 'Customer', id: shipment.customerId }),
    warehouse: (shipment, _, ctx) => (shipment.warehouseId ? ctx.loaders.warehouseById.load(shipment.warehouseId) : null),
    lines: (shipment, _, ctx) => ctx.loaders.linesByShipmentId.load(shipment.id),
    backorderOf: (shipment, _, ctx) => (shipment.backorderOf ? ctx.loaders.shipmentById.load(shipment.backorderOf) : null),
    history: (shipment, args, ctx) => auditHistory(ctx.em, 'Shipment', shipment.id, args.first),
  },
  ShipmentLine: {
    product: (line, _, ctx) => ctx.loaders.productById.load(line.productId),
    planned: (line) => normaliseQuantity(line.planned),
    shipped: (line) => normaliseQuantity(line.shipped),
    cancelled: (line) => normaliseQuantity(line.cancelled),
  },
};
