import { formatQuantity, normaliseAmount, normaliseQuantity, quantityUnits } from '@rapport/errors';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { seesCosts } from '../product/product.policy.js';
import { stockPolicy } from '../warehouse/warehouse.policy.js';
import { checkStockLedger } from './stock-ledger.js';
import { stockLedgerPolicy } from './stock.policy.js';
import { adjustStock, listStockAlarms, listStockLevels, listStockMoves, receiveStock, setStockRule, stockValue } from './stock.service.js';

const product = (productId: string, ctx: Context) => ctx.loaders.productById.load(productId);
const warehouse = (warehouseId: string, ctx: Context) => ctx.loaders.warehouseById.load(warehouseId);

export const stockResolvers: Resolvers = {
  Query: {
    stockLevels: (_, args, ctx) => listStockLevels(ctx.em, ctx.viewer(stockPolicy, 'read'), args.filter, args.first, args.after),
    stockMoves: (_, args, ctx) => listStockMoves(ctx.em, ctx.viewer(stockPolicy, 'read'), args.filter, args.first, args.after),
    stockAlarms: (_, args, ctx) => listStockAlarms(ctx.em, ctx.viewer(stockPolicy, 'read'), args.filter, args.first, args.after),
    stockLedgerCheck: (_, _args, ctx) => checkStockLedger(ctx.em, ctx.viewer(stockLedgerPolicy, 'read')),
  },
  Mutation: {
    receiveStock: (_, args, ctx) => receiveStock(ctx.em, ctx.viewer(stockPolicy, 'write'), args.input, ctx.eventMeta),
    adjustStock: (_, args, ctx) => adjustStock(ctx.em, ctx.viewer(stockPolicy, 'write'), args.input, ctx.eventMeta),
    setStockRule: (_, args, ctx) => setStockRule(ctx.em, ctx.viewer(stockPolicy, 'write'), args.input, ctx.eventMeta),
  },
  Product: {
    stock: (p, _, ctx) => ctx.loaders.stockByProductId.load(p.id),
  },
  StockLevel: {
    product: (level, _, ctx) => product(level.productId, ctx),
    warehouse: (level, _, ctx) => warehouse(level.warehouseId, ctx),
    onHand: (level) => normaliseQuantity(level.onHand),
    reserved: (level) => normaliseQuantity(level.reserved),
    available: (level) => formatQuantity(quantityUnits(level.onHand) - quantityUnits(level.reserved)),
    incoming: (level) => normaliseQuantity(level.incoming),
    inTransit: (level) => normaliseQuantity(level.inTransit),
    safetyStock: (level) => normaliseQuantity(level.safetyStock),
    reorderQuantity: (level) => normaliseQuantity(level.reorderQuantity),
    value: async (level, _, ctx) => {
      if (!seesCosts(ctx.principal)) return null;
      const p = await product(level.productId, ctx);
      return p ? { amount: stockValue(level.onHand, p.standardCost), currency: p.currency } : null;
    },
  },
  StockMove: {
    product: (move, _, ctx) => product(move.productId, ctx),
    warehouse: (move, _, ctx) => warehouse(move.warehouseId, ctx),
    quantity: (move) => normaliseQuantity(move.quantity),
    unitCost: (move, _, ctx) => (seesCosts(ctx.principal) && move.unitCost && move.currency ? { amount: normaliseAmount(move.unitCost), currency: move.currency } : null),
  },
  StockLedgerMismatch: {
    product: (mismatch, _, ctx) => product(mismatch.productId, ctx),
    warehouse: (mismatch, _, ctx) => warehouse(mismatch.warehouseId, ctx),
  },
  StockAlarm: {
    product: (alarm, _, ctx) => product(alarm.productId, ctx),
    warehouse: (alarm, _, ctx) => warehouse(alarm.warehouseId, ctx),
    available: (alarm) => normaliseQuantity(alarm.available),
    safetyStock: (alarm) => normaliseQuantity(alarm.safetyStock),
    reorderQuantity: (alarm) => normaliseQuantity(alarm.reorderQuantity),
  },
};
