import { normaliseQuantity } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { shipmentPolicy } from '../shipment/shipment.policy.js';
import { receiveReturn } from './customer-return.service.js';

export const customerReturnResolvers: Resolvers = {
  Mutation: {
    receiveReturn: (_, args, ctx) => receiveReturn(ctx.em, ctx.viewer(shipmentPolicy, 'write'), args.input, ctx.eventMeta),
  },
  Shipment: {
    returns: (shipment, _, ctx) => ctx.loaders.returnsByShipmentId.load(shipment.id),
  },
  CustomerReturn: {
    shipment: (r, _, ctx) => ctx.loaders.shipmentById.load(r.shipmentId),
    customer: (r) => ({ __typename: 'Customer', id: r.customerId }),
    warehouse: (r, _, ctx) => ctx.loaders.warehouseById.load(r.warehouseId),
  },
  CustomerReturnLine: {
    product: (line, _, ctx) => ctx.loaders.productById.load(line.productId),
    quantity: (line) => normaliseQuantity(line.quantity),
  },
};
