import { divideHalfUp, formatDecimal, formatQuantity, normaliseAmount, quantityUnits } from '@rapport/errors';
import { sumInBase } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { orderPolicy } from '../order/order.policy.js';
import { billPolicy } from '../bill/bill.policy.js';
import { deliveryPerformance, priceHistory, spend } from './analysis.service.js';

const quantity = (value: string): string => formatQuantity(quantityUnits(value));

export const analysisResolvers: Resolvers = {
  Query: {
    purchaseSpend: (_, args, ctx) => spend(ctx.em, ctx.viewer(billPolicy, 'read'), args.by, args.from, args.to),
    purchasePriceHistory: (_, args, ctx) => priceHistory(ctx.em, ctx.viewer(orderPolicy, 'read'), args.productId, args.supplierId),
    supplierDeliveryPerformance: (_, __, ctx) => deliveryPerformance(ctx.em, ctx.viewer(orderPolicy, 'read')),
  },
  SpendRow: {
    supplier: (row, _, ctx) => (row.supplierId ? ctx.loaders.supplierById.load(row.supplierId) : null),
    net: (row) => ({ amount: normaliseAmount(row.net), currency: row.currency }),
    quantity: (row) => (row.quantity ? quantity(row.quantity) : null),
    netInBase: (row, _, ctx) => sumInBase(ctx.em, row.netByDay, 'netInBase'),
  },
  PricePoint: {
    supplier: (p, _, ctx) => ctx.loaders.supplierById.load(p.supplierId),
    unitPrice: (p) => ({ amount: normaliseAmount(p.unitPrice), currency: p.currency }),
    quantity: (p) => quantity(p.quantity),
  },
  DeliveryPerformance: {
    supplier: (d, _, ctx) => ctx.loaders.supplierById.load(d.supplierId),
    onTimeRate: (d) => (d.delivered ? formatDecimal(divideHalfUp(BigInt(d.onTime) * 10_000n, BigInt(d.delivered)), 2, 2) : '0.00'),
  },
};
