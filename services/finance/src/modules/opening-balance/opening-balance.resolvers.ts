import type { Resolvers } from '../../generated/graphql.js';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { importOpeningBalances } from './opening-balance.service.js';

export const openingBalanceResolvers: Resolvers = {
  Mutation: {
    importOpeningBalances: (_, args, ctx) => importOpeningBalances(ctx.em, ctx.viewer(invoicePolicy, 'write'), { rows: args.rows, dryRun: args.dryRun }, ctx.eventMeta),
  },
};
