import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { CustomerFilter } from '../customer/customer.service.js';
import { searchCustomers } from './search.service.js';

export const searchResolvers: ResolverMap = {
  Query: {
    searchCustomers: (_: unknown, args: { query: string; filter?: CustomerFilter; first?: number; after?: string }, ctx: Context) =>
      searchCustomers(ctx.em, ctx.principal, args.query, args.filter, args.first, args.after),
  },
};
