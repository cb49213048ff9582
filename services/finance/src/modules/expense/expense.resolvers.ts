import { isUuid, normaliseAmount } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { expensePolicy } from './expense.policy.js';
import {
  claimPeriodDays,
  createExpense,
  decideExpense,
  deleteExpense,
  expenseTotals,
  getExpense,
  listExpenses,
  reimburseExpense,
  setExpenseClaimPeriod,
  submitExpense,
  updateExpense,
} from './expense.service.js';

export const expenseResolvers: Resolvers = {
  Query: {
    expense: (_, args, ctx) => getExpense(ctx.em, ctx.viewer(expensePolicy, 'read'), args.id),
    expenses: (_, args, ctx) => listExpenses(ctx.em, ctx.viewer(expensePolicy, 'read'), args.filter, args.first, args.after),
    expenseClaimPeriod: (_, __, ctx) => {
      ctx.viewer(expensePolicy, 'read');
      return claimPeriodDays(ctx.em);
    },
    expenseTotals: (_, args, ctx) => expenseTotals(ctx.em, ctx.viewer(expensePolicy, 'read'), args.by, args.filter),
  },
  Mutation: {
    createExpense: (_, args, ctx) => createExpense(ctx.em, ctx.viewer(expensePolicy, 'write'), args.input, ctx.eventMeta),
    updateExpense: (_, args, ctx) => updateExpense(ctx.em, ctx.viewer(expensePolicy, 'write'), args.id, args.input, ctx.eventMeta),
    deleteExpense: async (_, args, ctx) => (await deleteExpense(ctx.em, ctx.viewer(expensePolicy, 'write'), args.id, ctx.eventMeta)).id,
    submitExpense: (_, args, ctx) => submitExpense(ctx.em, ctx.viewer(expensePolicy, 'write'), args.id, ctx.eventMeta),
    decideExpense: (_, args, ctx) => decideExpense(ctx.em, ctx.viewer(expensePolicy, 'write'), args.input, ctx.eventMeta),
    reimburseExpense: (_, args, ctx) => reimburseExpense(ctx.em, ctx.viewer(expensePolicy, 'write'), args.input, ctx.eventMeta),
    setExpenseClaimPeriod: (_, args, ctx) => setExpenseClaimPeriod(ctx.em, ctx.viewer(expensePolicy, 'write'), args.days),
  },
  Expense: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.expenseById.load(ref.id.toLowerCase()) : null),
    customer: (e) => ({ id: e.customerId }),
    amount: (e) => ({ amount: normaliseAmount(e.amount), currency: e.currency }),
  },
  ExpenseTotal: {
    total: (t) => ({ amount: t.total, currency: t.currency }),
  },
  Customer: {
    expenses: (customer, args, ctx) => {
      const viewer = ctx.viewer(expensePolicy, 'lookup');
      if (!viewer) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      return listExpenses(ctx.em, viewer, { customerId: customer.id, state: 'APPROVED' }, args.first, args.after, 'Customer.expenses');
    },
  },
};
