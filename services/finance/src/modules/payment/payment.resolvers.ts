import type { Resolvers } from '../../generated/graphql.js';
import { recordPayment } from './payment.service.js';
import { paymentPolicy } from './payment.policy.js';

export const paymentResolvers: Resolvers = {
  Mutation: {
    recordPayment: (_, args, ctx) => recordPayment(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
  },
};
