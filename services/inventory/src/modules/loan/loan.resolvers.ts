import { formatQuantity } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { loanPolicy } from './loan.policy.js';
import { convertLoan, flagOverdueLoans, lendStock, listLoans, loanById, openOf, returnLoan } from './loan.service.js';

export const loanResolvers: Resolvers = {
  Query: {
    loans: (_, args, ctx) => listLoans(ctx.em, ctx.viewer(loanPolicy, 'read'), args.filter, args.first, args.after),
    loan: (_, args, ctx) => loanById(ctx.em, ctx.viewer(loanPolicy, 'read'), args.id),
  },
  Mutation: {
    lendStock: (_, args, ctx) => lendStock(ctx.em, ctx.viewer(loanPolicy, 'write'), args.input, ctx.eventMeta),
    returnLoan: (_, args, ctx) => returnLoan(ctx.em, ctx.viewer(loanPolicy, 'write'), args.input, ctx.eventMeta),
    convertLoan: (_, args, ctx) => convertLoan(ctx.em, ctx.viewer(loanPolicy, 'write'), args.input, ctx.eventMeta),
    flagOverdueLoans: (_, __, ctx) => flagOverdueLoans(ctx.em, ctx.viewer(loanPolicy, 'write'), ctx.eventMeta),
  },
  Loan: {
    customer: (loan) => ({ __typename: 'Customer', id: loan.customerId }),
    product: (loan, _, ctx) => ctx.loaders.productById.load(loan.productId),
    warehouse: (loan, _, ctx) => ctx.loaders.warehouseById.load(loan.warehouseId),
    open: (loan) => formatQuantity(openOf(loan)),
  },
};
