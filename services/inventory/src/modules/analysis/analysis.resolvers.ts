import type { Resolvers } from '../../generated/graphql.js';
import { stockPolicy } from '../warehouse/warehouse.policy.js';
import { stockMovementSummary } from './analysis.service.js';

/** Stock analysis follows the stock's policy (every department reads stock). */
export const analysisResolvers: Resolvers = {
  Query: {
    stockMovementSummary: (_, args, ctx) => stockMovementSummary(ctx.em, ctx.viewer(stockPolicy, 'read'), args),
  },
  StockMovementSummary: {
    product: (row, _, ctx) => ctx.loaders.productById.load(row.productId),
    warehouse: (row, _, ctx) => ctx.loaders.warehouseById.load(row.warehouseId),
  },
};
