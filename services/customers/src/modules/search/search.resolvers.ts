import type { Resolvers } from '../../generated/graphql.js';
import { searchCustomers } from './search.service.js';

export const searchResolvers: Resolvers = {
  Query: {
    searchCustomers: (_, args, ctx) => searchCustomers(ctx.em, ctx.principal, args.query, args.filter, args.first, args.after),
  },
};
