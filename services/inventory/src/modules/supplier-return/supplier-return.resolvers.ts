import { normaliseAmount, normaliseQuantity } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { seesCosts } from '../product/product.policy.js';
import { receiptPolicy } from '../receipt/receipt.policy.js';
import { receiptById } from '../receipt/receipt.service.js';
import { linesOfSupplierReturn, listSupplierReturns, returnToSupplier, supplierReturnById } from './supplier-return.service.js';

/** Returns to suppliers follow receipts' policy: the warehouse posts them, every other department reads. */
export const supplierReturnResolvers: Resolvers = {
  Query: {
    supplierReturns: (_, args, ctx) => listSupplierReturns(ctx.em, ctx.viewer(receiptPolicy, 'read'), args.receiptId),
    supplierReturn: (_, args, ctx) => supplierReturnById(ctx.em, ctx.viewer(receiptPolicy, 'read'), args.id),
  },
  Mutation: {
    returnToSupplier: (_, args, ctx) => returnToSupplier(ctx.em, ctx.viewer(receiptPolicy, 'write'), args.input, ctx.eventMeta),
  },
  SupplierReturn: {
    receipt: (r, _, ctx) => receiptById(ctx.em, ctx.viewer(receiptPolicy, 'read'), r.receiptId),
    warehouse: (r, _, ctx) => ctx.loaders.warehouseById.load(r.warehouseId),
    lines: (r, _, ctx) => linesOfSupplierReturn(ctx.em, r.id),
  },
  SupplierReturnLine: {
    product: (line, _, ctx) => ctx.loaders.productById.load(line.productId),
    quantity: (line) => normaliseQuantity(line.quantity),
    unitCost: (line, _, ctx) => (seesCosts(ctx.principal) ? { amount: normaliseAmount(line.unitCost), currency: line.currency } : null),
  },
};
