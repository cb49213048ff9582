import { isUuid } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';

/** A customer as sales sees it: only its id (the codegen mapper), from which the sales fields are loaded in batches. */
export const customerResolvers: Resolvers = {
  Customer: {
    __resolveReference: (ref) => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
    openOpportunities: (customer, _, ctx) => ctx.loaders.openOpportunitiesByCustomerId.load(customer.id),
    openOrders: (customer, _, ctx) => ctx.loaders.openOrdersByCustomerId.load(customer.id),
    openQuotations: (customer, _, ctx) => ctx.loaders.openQuotationsByCustomerId.load(customer.id),
  },
};
