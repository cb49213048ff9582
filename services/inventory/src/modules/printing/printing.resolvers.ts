import type { Resolvers } from '../../generated/graphql.js';
import { deliveryNotePdfPath } from './printing.service.js';

export const printingResolvers: Resolvers = {
  Shipment: {
    deliveryNotePdfPath: (shipment) => deliveryNotePdfPath(shipment.id),
  },
};
