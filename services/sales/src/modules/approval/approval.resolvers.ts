import { normaliseQuantity } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { quotationPolicy } from '../quotation/quotation.policy.js';
import { findingsFor } from './approval.checks.js';
import { discountLimitPolicy } from './approval.policy.js';
import { decide, listLimits, myLimit, pendingApprovals, requestApproval, setLimit } from './approval.service.js';
import { describeFindings } from './governance.js';

const percent = (value: string | null | undefined): string | null => (value == null ? null : normaliseQuantity(value));

export const approvalResolvers: Resolvers = {
  Query: {
    discountLimits: (_, __, ctx) => {
      ctx.viewer(discountLimitPolicy, 'read');
      return listLimits(ctx.em);
    },
    myDiscountLimit: (_, __, ctx) => myLimit(ctx.em, ctx.viewer(discountLimitPolicy, 'read')),
    pendingDiscountApprovals: (_, __, ctx) => pendingApprovals(ctx.em, ctx.viewer(quotationPolicy, 'read')),
  },
  Mutation: {
    setDiscountLimit: (_, args, ctx) => setLimit(ctx.em, ctx.viewer(discountLimitPolicy, 'write'), args.input),
    requestQuotationApproval: (_, args, ctx) => requestApproval(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, args.comment, ctx.eventMeta),
    approveQuotation: (_, args, ctx) => decide(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, true, args.comment, ctx.eventMeta),
    rejectQuotationApproval: (_, args, ctx) => decide(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, false, args.comment, ctx.eventMeta),
  },
  Quotation: {
    approval: async (q, _, ctx) => (await ctx.loaders.approvalsByQuotationId.load(q.id))[0] ?? null,
    approvalFindings: async (q, _, ctx) => (ctx.principal ? findingsFor(ctx.em, ctx.principal, q.currency, await ctx.loaders.linesByQuotationId.load(q.id)) : []),
  },
  DiscountApproval: {
    quotation: (a, _, ctx) => ctx.loaders.quotationById.load(a.quotationId),
    findings: (a) => a.findings,
  },
  DiscountFinding: {
    message: (f) => describeFindings([f]),
  },
  DiscountLimit: {
    maxLineDiscount: (l) => normaliseQuantity(l.maxLineDiscount),
    maxTotalDiscount: (l) => normaliseQuantity(l.maxTotalDiscount),
    minMarginPercent: (l) => percent(l.minMarginPercent),
  },
};
