import { formatQuantity, normaliseQuantity, quantityUnits } from '@rapport/errors';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { seesCosts } from '../product/product.policy.js';
import { countPolicy } from './count.policy.js';
import {
  cancelStockCount,
  createStockCount,
  differenceValue,
  differenceValues,
  enterCountedQuantities,
  importCountedQuantities,
  lineDifference,
  listStockCounts,
  postStockCount,
  stockCountById,
} from './count.service.js';

const linesOf = (countId: string, ctx: Context) => ctx.loaders.countLinesByCountId.load(countId);

export const countResolvers: Resolvers = {
  Query: {
    stockCounts: (_, args, ctx) => listStockCounts(ctx.em, ctx.viewer(countPolicy, 'read'), args.filter, args.first, args.after),
    stockCount: (_, args, ctx) => stockCountById(ctx.em, ctx.viewer(countPolicy, 'read'), args.id),
  },
  Mutation: {
    createStockCount: (_, args, ctx) => createStockCount(ctx.em, ctx.viewer(countPolicy, 'write'), args.input, ctx.eventMeta),
    enterCountedQuantities: (_, args, ctx) => enterCountedQuantities(ctx.em, ctx.viewer(countPolicy, 'write'), args.input),
    importCountedQuantities: (_, args, ctx) => importCountedQuantities(ctx.em, ctx.viewer(countPolicy, 'write'), args.input),
    postStockCount: (_, args, ctx) => postStockCount(ctx.em, ctx.viewer(countPolicy, 'write'), args.countId, ctx.eventMeta),
    cancelStockCount: (_, args, ctx) => cancelStockCount(ctx.em, ctx.viewer(countPolicy, 'write'), args.countId),
  },
  StockCount: {
    warehouse: (count, _, ctx) => ctx.loaders.warehouseById.load(count.warehouseId),
    lineCount: async (count, _, ctx) => (await linesOf(count.id, ctx)).length,
    countedLines: async (count, _, ctx) => (await linesOf(count.id, ctx)).filter((l) => l.counted !== null).length,
    lines: async (count, args, ctx) => {
      const lines = await linesOf(count.id, ctx);
      return args.onlyDifferences ? lines.filter((l) => (lineDifference(l) ?? 0n) !== 0n) : lines;
    },
    differenceValue: (count, _, ctx) => (seesCosts(ctx.principal) ? differenceValues(ctx.em, count.id) : []),
  },
  StockCountLine: {
    product: (line, _, ctx) => ctx.loaders.productById.load(line.productId),
    expected: (line) => normaliseQuantity(line.expected),
    counted: (line) => (line.counted === null || line.counted === undefined ? null : normaliseQuantity(line.counted)),
    difference: (line) => {
      const difference = lineDifference(line);
      return difference === null ? null : formatQuantity(difference);
    },
    differenceValue: async (line, _, ctx) => {
      const difference = lineDifference(line);
      if (difference === null || !seesCosts(ctx.principal)) return null;
      const product = await ctx.loaders.productById.load(line.productId);
      return product ? { amount: differenceValue(formatQuantity(difference), product.standardCost, product.currency), currency: product.currency } : null;
    },
    onHandNow: async (line, _, ctx) => {
      const levels = await ctx.loaders.stockByProductId.load(line.productId);
      const level = levels.find((l) => l.warehouseId === line.warehouseId);
      return formatQuantity(level ? quantityUnits(level.onHand) : 0n);
    },
  },
};
