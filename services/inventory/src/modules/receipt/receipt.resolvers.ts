import { normaliseAmount, normaliseQuantity } from '@rapport/errors';
import { seesPrices } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { seesCosts } from '../product/product.policy.js';
import { receiptPolicy } from './receipt.policy.js';
import { listExpectedReceipts, listReceipts, receiptById, receiptSettings, receiveGoods, setReceiptTolerance } from './receipt.service.js';

const product = (productId: string, ctx: Context) => ctx.loaders.productById.load(productId);
const warehouse = (warehouseId: string | null, ctx: Context) => (warehouseId ? ctx.loaders.warehouseById.load(warehouseId) : null);

export const receiptResolvers: Resolvers = {
  Query: {
    expectedReceipts: (_, args, ctx) => listExpectedReceipts(ctx.em, ctx.viewer(receiptPolicy, 'read'), args.filter, args.first, args.after),
    receipts: (_, args, ctx) => listReceipts(ctx.em, ctx.viewer(receiptPolicy, 'read'), args.filter, args.first, args.after),
    receipt: (_, args, ctx) => receiptById(ctx.em, ctx.viewer(receiptPolicy, 'read'), args.id),
    receiptSettings: (_, __, ctx) => receiptSettings(ctx.em, ctx.viewer(receiptPolicy, 'read')),
  },
  Mutation: {
    receiveGoods: (_, args, ctx) => receiveGoods(ctx.em, ctx.viewer(receiptPolicy, 'write'), args.input, ctx.eventMeta),
    setReceiptTolerance: (_, args, ctx) => setReceiptTolerance(ctx.em, ctx.viewer(receiptPolicy, 'write'), args.percent, ctx.eventMeta),
  },
  ExpectedReceipt: {
    product: (line, _, ctx) => product(line.productId, ctx),
    warehouse: (line, _, ctx) => warehouse(line.warehouseId, ctx),
    ordered: (line) => normaliseQuantity(line.ordered),
    received: (line) => normaliseQuantity(line.received),
    cancelled: (line) => normaliseQuantity(line.cancelled),
    stillExpected: (line) => normaliseQuantity(line.stillExpected),
    // A purchase price: for who sees costs and prices beyond cost (not sales, support or, by default, the warehouse).
    unitPrice: (line, _, ctx) => (seesCosts(ctx.principal) && seesPrices(ctx.principal) ? { amount: normaliseAmount(line.unitPrice), currency: line.currency } : null),
  },
  Receipt: {
    warehouse: (receipt, _, ctx) => warehouse(receipt.warehouseId, ctx),
    lines: (receipt, _, ctx) => ctx.loaders.receiptLinesByReceiptId.load(receipt.id),
  },
  ReceiptLine: {
    product: (line, _, ctx) => product(line.productId, ctx),
    quantity: (line) => normaliseQuantity(line.quantity),
    unitCost: (line, _, ctx) => (seesCosts(ctx.principal) ? { amount: normaliseAmount(line.unitCost), currency: line.currency } : null),
  },
};
