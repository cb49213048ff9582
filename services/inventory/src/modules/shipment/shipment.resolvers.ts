import { isUuid } from '@rapport/errors';
import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import { deliveryStatus, type IShipment } from './shipment.entity.js';
import { getShipment, markDelivered, markShipped } from './shipment.service.js';

/** A sales order as inventory sees it: only its id, from which the delivery is loaded in batches. */
interface SalesOrderRef {
  id: string;
}

export const shipmentResolvers: ResolverMap = {
  Query: {
    shipment: (_: unknown, args: { id: string }, ctx: Context) => getShipment(ctx.em, args.id),
  },
  Mutation: {
    markShipped: (_: unknown, args: { shipmentId: string; trackingNumber: string }, ctx: Context) => markShipped(ctx.em, args.shipmentId, args.trackingNumber),
    markDelivered: (_: unknown, args: { shipmentId: string }, ctx: Context) => markDelivered(ctx.em, args.shipmentId),
  },
  SalesOrder: {
    __resolveReference: (ref: { id: string }): SalesOrderRef | null => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
    delivery: async (order: SalesOrderRef, _: unknown, ctx: Context) => {
      const shipments = await ctx.loaders.shipmentsByOrderId.load(order.id);
      return { status: deliveryStatus(shipments), shipments };
    },
  },
  Shipment: {
    order: (shipment: IShipment): SalesOrderRef => ({ id: shipment.orderId }),
    customer: (shipment: IShipment) => ({ __typename: 'Customer', id: shipment.customerId }),
    plannedAt: (shipment: IShipment) => shipment.plannedAt.toISOString(),
    shippedAt: (shipment: IShipment) => shipment.shippedAt?.toISOString() ?? null,
    deliveredAt: (shipment: IShipment) => shipment.deliveredAt?.toISOString() ?? null,
  },
};
