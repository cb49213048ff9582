import type { Resolvers } from '../../generated/graphql.js';
import { searchCustomers } from './search.service.js';
import { customerPolicy } from '../customer/customer.policy.js';

export const searchResolvers: Resolvers = {
  Query: {
    searchCustomers: (_, args, ctx) => searchCustomers(ctx.em, ctx.viewer(customerPolicy, 'read'), args.query, args.filter, args.first, args.after),
  },
};
