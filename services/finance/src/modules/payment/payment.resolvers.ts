import type { Resolvers } from '../../generated/graphql.js';
import { recordPayment } from './payment.service.js';

export const paymentResolvers: Resolvers = {
  Mutation: {
    recordPayment: (_, args, ctx) => recordPayment(ctx.em, ctx.principal, args.input, ctx.eventMeta),
  },
};
