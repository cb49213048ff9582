import type { Resolvers } from '../../generated/graphql.js';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { receivablesAgeing, receivablesAgeingInBase, receivablesGrouped } from './receivables.service.js';

export const receivablesResolvers: Resolvers = {
  Query: {
    receivablesAgeing: (_, args, ctx) => receivablesAgeing(ctx.em, ctx.viewer(invoicePolicy, 'read'), args),
    receivablesAgeingInBase: (_, args, ctx) => receivablesAgeingInBase(ctx.em, ctx.viewer(invoicePolicy, 'read'), args),
    receivablesGrouped: (_, args, ctx) => receivablesGrouped(ctx.em, ctx.viewer(invoicePolicy, 'read'), args.by, args.asOf),
  },
  ReceivablesGroup: {
    repId: (g) => (g.grouping === 'REP' ? g.key : null),
    teamId: (g) => (g.grouping === 'TEAM' ? g.key : null),
  },
  AgeingBucketRow: {
    current: (r) => ({ amount: r.current, currency: r.currency }),
    days1To30: (r) => ({ amount: r.days1To30, currency: r.currency }),
    days31To60: (r) => ({ amount: r.days31To60, currency: r.currency }),
    days61To90: (r) => ({ amount: r.days61To90, currency: r.currency }),
    over90: (r) => ({ amount: r.over90, currency: r.currency }),
    total: (r) => ({ amount: r.total, currency: r.currency }),
  },
};
