import { formatRate, parseMoneyInput, parseRate, requireCurrency, requireIsoDate } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { utcToday } from '../invoice/invoice.entity.js';
import { currencyPolicy } from './currency.policy.js';
import { checkRateRows, convertAmount, getBaseCurrency, listRates, parseRateImport, rateOn, setBaseCurrency, writeRates } from './currency.service.js';

export const currencyResolvers: Resolvers = {
  Query: {
    baseCurrency: (_, __, ctx) => {
      ctx.viewer(currencyPolicy, 'read');
      return getBaseCurrency(ctx.em);
    },
    exchangeRates: (_, args, ctx) => {
      ctx.viewer(currencyPolicy, 'read');
      return listRates(ctx.em, args.filter, args.first, args.after);
    },
    exchangeRate: async (_, args, ctx) => {
      ctx.viewer(currencyPolicy, 'read');
      const day = args.on ? requireIsoDate('on', args.on) : utcToday();
      const applied = await rateOn(ctx.em, requireCurrency('fromCurrency', args.fromCurrency), requireCurrency('toCurrency', args.toCurrency), day, 'fromCurrency');
      return { ...applied, rate: formatRate(applied.rate) };
    },
    convertAmount: (_, args, ctx) => {
      ctx.viewer(currencyPolicy, 'read');
      return convertAmount(ctx.em, parseMoneyInput('amount', args.amount, { allowNegative: true }), args.toCurrency, args.on ?? utcToday(), 'amount');
    },
  },
  Mutation: {
    setBaseCurrency: (_, args, ctx) => {
      ctx.viewer(currencyPolicy, 'write');
      return setBaseCurrency(ctx.em, args.currency, ctx.eventMeta);
    },
    setExchangeRate: async (_, args, ctx) => {
      ctx.viewer(currencyPolicy, 'write');
      const [rate] = await writeRates(ctx.em, checkRateRows([args.input], 'input'), ctx.eventMeta);
      return rate!;
    },
    importExchangeRates: (_, args, ctx) => {
      ctx.viewer(currencyPolicy, 'write');
      return writeRates(ctx.em, checkRateRows(parseRateImport(args.input.format, args.input.body), 'rows'), ctx.eventMeta);
    },
  },
  ExchangeRate: {
    rate: (r) => formatRate(parseRate('rate', r.rate)),
  },
};
