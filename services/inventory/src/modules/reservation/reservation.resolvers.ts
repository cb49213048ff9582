import { formatQuantity, normaliseQuantity, quantityUnits } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';

const reservedOf = (line: { reservations: { quantity: string }[] }): bigint => line.reservations.reduce((sum, r) => sum + quantityUnits(r.quantity), 0n);

export const reservationResolvers: Resolvers = {
  SalesOrder: {
    stock: (order, _, ctx) => ctx.loaders.stockByOrderId.load(order.id),
  },
  OrderLineStock: {
    product: (line, _, ctx) => ctx.loaders.productById.load(line.productId),
    ordered: (line) => normaliseQuantity(line.ordered),
    cancelled: (line) => normaliseQuantity(line.cancelled),
    short: (line) => normaliseQuantity(line.short),
    reserved: (line) => formatQuantity(reservedOf(line)),
    planned: (line) => normaliseQuantity(line.planned),
    unplanned: (line) => formatQuantity(reservedOf(line) - quantityUnits(line.planned)),
    shipped: (line) => normaliseQuantity(line.shipped),
    toShip: (line) => formatQuantity(quantityUnits(line.ordered) - quantityUnits(line.cancelled) - quantityUnits(line.shipped)),
  },
  StockReservation: {
    warehouse: (reservation, _, ctx) => ctx.loaders.warehouseById.load(reservation.warehouseId),
    quantity: (reservation) => normaliseQuantity(reservation.quantity),
  },
};
