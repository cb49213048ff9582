import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import { recordPayment, type RecordPaymentInput } from './payment.service.js';

export const paymentResolvers: ResolverMap = {
  Mutation: {
    recordPayment: (_: unknown, args: { input: RecordPaymentInput }, ctx: Context) => recordPayment(ctx.em, ctx.principal, args.input, ctx.eventMeta),
  },
};
