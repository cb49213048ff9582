import { isUuid } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { invoicePolicy } from '../invoice/invoice.policy.js';
import { releaseCreditHold } from './credit-hold.service.js';

/** Credit holds follow the invoices' policy: finance releases them, sales reads its customers'. */
export const creditHoldResolvers: Resolvers = {
  Mutation: {
    releaseCreditHold: (_, args, ctx) => releaseCreditHold(ctx.em, ctx.viewer(invoicePolicy, 'write'), args.input, ctx.eventMeta),
  },
  CreditHold: {
    since: (h) => h.since?.toISOString() ?? null,
    releasedAt: (h) => h.releasedAt?.toISOString() ?? null,
  },
  Customer: {
    creditHold: async (customer, _, ctx) => (isUuid(customer.id) ? ((await ctx.loaders.creditHoldByCustomer.load(customer.id.toLowerCase()))[0] ?? null) : null),
  },
};
