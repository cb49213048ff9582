import { isUuid } from '@rapport/errors';
import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from './customer.entity.js';
import { createCustomer, getCustomer, listCustomers, type CreateCustomerInput, type CustomerFilter } from './customer.service.js';

export const customerResolvers: ResolverMap = {
  Query: {
    customer: (_: unknown, args: { id: string }, ctx: Context) => getCustomer(ctx.em, args.id),
    customers: (_: unknown, args: { filter?: CustomerFilter; first?: number; after?: string }, ctx: Context) =>
      listCustomers(ctx.em, args.filter, args.first, args.after),
  },
  Mutation: {
    createCustomer: (_: unknown, args: { input: CreateCustomerInput }, ctx: Context) => createCustomer(ctx.em, args.input, ctx.eventMeta),
  },
  Customer: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.customerById.load(ref.id.toLowerCase()) : null),
    owner: (customer: ICustomer) => (customer.ownerId ? { __typename: 'User', id: customer.ownerId } : null),
    createdAt: (customer: ICustomer) => customer.createdAt.toISOString(),
  },
};
