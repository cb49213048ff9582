import type { Resolvers } from '../../generated/graphql.js';
import { paymentPolicy } from '../bill/bill.policy.js';
import { normaliseAmount } from '@rapport/errors';
import { dryRunSupplierOpeningBalances, enterSupplierOpeningBalances } from './opening-balance.service.js';

/** Opening balances are accounting's: entered under the supplier payments' policy (accountants write, buyers read). */
export const openingBalanceResolvers: Resolvers = {
  Query: {
    supplierOpeningBalancesDryRun: (_, args, ctx) => dryRunSupplierOpeningBalances(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.rows),
  },
  SupplierOpeningBalancePreview: {
    supplier: (row, _, ctx) => ctx.loaders.supplierById.load(row.supplierId),
    amount: (row) => ({ amount: normaliseAmount(row.amount), currency: row.currency }),
  },
  Mutation: {
    enterSupplierOpeningBalances: (_, args, ctx) => enterSupplierOpeningBalances(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
  },
  SupplierBill: {
    openingBalance: (bill) => bill.openingBalance,
  },
};
