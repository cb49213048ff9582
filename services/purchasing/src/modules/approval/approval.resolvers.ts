import { normaliseAmount } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { orderPolicy } from '../order/order.policy.js';
import { listApprovalLimits, setApprovalLimit, setApproverLevel } from './approval.service.js';

export const approvalResolvers: Resolvers = {
  Query: {
    approvalLimits: (_, __, ctx) => listApprovalLimits(ctx.em, ctx.viewer(orderPolicy, 'read')),
  },
  Mutation: {
    setApprovalLimit: (_, args, ctx) => setApprovalLimit(ctx.em, ctx.viewer(orderPolicy, 'write'), args.level, args.maxAmount),
    setApproverLevel: (_, args, ctx) => setApproverLevel(ctx.em, ctx.viewer(orderPolicy, 'write'), args.userId, args.level),
  },
  ApprovalLimit: {
    maxAmount: (limit) => (limit.maxAmount ? { amount: normaliseAmount(limit.maxAmount), currency: limit.currency } : null),
  },
};
