import type { Resolvers } from '../../generated/graphql.js';
import { seesCosts } from '../product/product.policy.js';
import { shipmentPolicy } from '../shipment/shipment.policy.js';
import { stockPolicy } from '../warehouse/warehouse.policy.js';
import { outboundSummary, slowMovers, stockMovementSummary, undeliveredOrderLines } from './analysis.service.js';

/** Stock analysis follows the stock's policy (every department reads stock); values at cost only for roles that see costs. */
export const analysisResolvers: Resolvers = {
  Query: {
    stockMovementSummary: (_, args, ctx) => stockMovementSummary(ctx.em, ctx.viewer(stockPolicy, 'read'), args),
    slowMovers: (_, args, ctx) => slowMovers(ctx.em, ctx.viewer(stockPolicy, 'read'), args),
    // Order lines and shipments are the customers' business: the shipments' policy and customer visibility.
    outboundSummary: (_, args, ctx) => outboundSummary(ctx.em, ctx.viewer(shipmentPolicy, 'read'), args),
    undeliveredOrderLines: (_, args, ctx) => undeliveredOrderLines(ctx.em, ctx.viewer(shipmentPolicy, 'read'), args.filter, args.first, args.after),
  },
  StockMovementSummary: {
    product: (row, _, ctx) => ctx.loaders.productById.load(row.productId),
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
  },
  SlowMover: {
    product: (row, _, ctx) => ctx.loaders.productById.load(row.productId),
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
    value: (row, _, ctx) => (seesCosts(ctx.principal) ? { amount: row.valueAmount, currency: row.currency } : null),
  },
  OutboundGroup: {
    product: (row, _, ctx) => (row.productId ? ctx.loaders.productById.load(row.productId) : null),
    value: (row, _, ctx) => (seesCosts(ctx.principal) ? row.values : null),
  },
  UndeliveredOrderLine: {
    orderLineId: (row) => row.id,
    customer: (row) => ({ __typename: 'Customer', id: row.customerId }),
    product: (row, _, ctx) => ctx.loaders.productById.load(row.productId),
    warehouse: (row, _, ctx) => (row.warehouseId ? ctx.loaders.warehouseById.load(row.warehouseId) : null),
  },
};
