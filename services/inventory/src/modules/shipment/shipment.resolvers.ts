import { isUuid } from '@rapport/errors';
import { auditHistory, readAccess, writeAccess, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context, Viewer } from '../../context.js';
import { deliveryStatus, type IShipment } from './shipment.entity.js';
import { shipmentPolicy } from './shipment.policy.js';
import { getShipment, markDelivered, markShipped } from './shipment.service.js';

/** The caller as a reader of shipments; FORBIDDEN when their role has none. */
const reader = (ctx: Context): Viewer => ({ principal: ctx.principal, access: readAccess(shipmentPolicy, ctx.principal, 'shipments') });
/** The caller as a writer of shipments; FORBIDDEN when their role may only read them, or nothing. */
const writer = (ctx: Context): Viewer => ({ principal: ctx.principal, access: writeAccess(shipmentPolicy, ctx.principal, 'shipments') });

/** A sales order as inventory sees it: only its id, from which the delivery is loaded in batches. */
interface SalesOrderRef {
  id: string;
}

export const shipmentResolvers: ResolverMap = {
  Query: {
    shipment: (_: unknown, args: { id: string }, ctx: Context) => getShipment(ctx.em, reader(ctx), args.id),
  },
  Mutation: {
    markShipped: (_: unknown, args: { shipmentId: string; trackingNumber: string }, ctx: Context) => markShipped(ctx.em, writer(ctx), args.shipmentId, args.trackingNumber, ctx.eventMeta),
    markDelivered: (_: unknown, args: { shipmentId: string }, ctx: Context) => markDelivered(ctx.em, writer(ctx), args.shipmentId, ctx.eventMeta),
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
    history: (shipment: IShipment, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Shipment', shipment.id, args.first),
  },
};
