import { isUuid } from '@rapport/errors';
import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';

/** A customer as sales sees it: only its id, from which the sales fields are loaded in batches. */
interface CustomerRef {
  id: string;
}

export const customerResolvers: ResolverMap = {
  Customer: {
    __resolveReference: (ref: { id: string }): CustomerRef | null => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
    openOpportunities: (customer: CustomerRef, _: unknown, ctx: Context) => ctx.loaders.openOpportunitiesByCustomerId.load(customer.id),
    openOrders: (customer: CustomerRef, _: unknown, ctx: Context) => ctx.loaders.openOrdersByCustomerId.load(customer.id),
  },
};
