import type { Resolvers } from '../../generated/graphql.js';
import { paymentPolicy } from '../bill/bill.policy.js';
import { enterSupplierOpeningBalances } from './opening-balance.service.js';

/** Opening balances are accounting's: entered under the supplier payments' policy (accountants write, buyers read). */
export const openingBalanceResolvers: Resolvers = {
  Mutation: {
    enterSupplierOpeningBalances: (_, args, ctx) => enterSupplierOpeningBalances(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
  },
  SupplierBill: {
    openingBalance: (bill) => bill.openingBalance,
  },
};
