import type { Resolvers } from '../../generated/graphql.js';
import { loadExisting, sumInBase } from '@rapport/subgraph-kit';
import { forecast, funnel } from './forecast.service.js';
import { productSales, salesPerformance } from './sales.service.js';
import { salesNumbersPolicy } from './scope.js';

export const analyticsResolvers: Resolvers = {
  Query: {
    salesForecast: (_, args, ctx) => forecast(ctx.em, ctx.viewer(salesNumbersPolicy, 'read'), args),
    salesFunnel: (_, args, ctx) => funnel(ctx.em, ctx.viewer(salesNumbersPolicy, 'read'), args),
    salesPerformance: (_, args, ctx) => salesPerformance(ctx.em, ctx.viewer(salesNumbersPolicy, 'read'), args),
    productSalesSummary: (_, args, ctx) => productSales(ctx.em, ctx.viewer(salesNumbersPolicy, 'read'), args),
  },
  ForecastRow: {
    amount: (row) => ({ amount: row.amount, currency: row.currency }),
    weightedAmount: (row) => ({ amount: row.weightedAmount, currency: row.currency }),
    amountInBase: (row, _, ctx) => sumInBase(ctx.em, [{ amount: row.amount, currency: row.currency, day: utcDay() }], 'amountInBase'),
    weightedAmountInBase: (row, _, ctx) => sumInBase(ctx.em, [{ amount: row.weightedAmount, currency: row.currency, day: utcDay() }], 'weightedAmountInBase'),
  },
  SalesPerformance: {
    orderTotalInBase: (r, _, ctx) => sumInBase(ctx.em, r.orderAmounts, 'orderTotalInBase'),
  },
  FunnelStage: {
    stage: (row, _, ctx) => loadExisting(ctx.loaders.stageById, row.stageId, 'pipeline stage'),
  },
  ProductSalesSummary: {
    baseCurrencyTotal: async (summary, _, ctx) => sumInBase(ctx.em, await summary.dayAmounts(), 'baseCurrencyTotal'),
  },
  ProductSalesRow: {
    amount: (row) => ({ amount: row.amount, currency: row.currency }),
  },
};

/** Today (UTC), whose rate converts what is expected rather than done. */
const utcDay = (): string => new Date().toISOString().slice(0, 10);
