import { isUuid } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { createCustomer, deleteCustomer, getCustomer, restoreCustomer, listCustomers, setSharing, transferCustomer, updateCustomer } from './customer.service.js';
import { customerPolicy } from './customer.policy.js';

export const customerResolvers: Resolvers = {
  Query: {
    customer: (_, args, ctx) => getCustomer(ctx.em, ctx.viewer(customerPolicy, 'read'), args.id),
    customers: (_, args, ctx) => listCustomers(ctx.em, ctx.viewer(customerPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    createCustomer: (_, args, ctx) => createCustomer(ctx.em, ctx.viewer(customerPolicy, 'write'), args.input, ctx.eventMeta),
    updateCustomer: (_, args, ctx) => updateCustomer(ctx.em, ctx.viewer(customerPolicy, 'write'), args.input, ctx.eventMeta),
    transferCustomer: (_, args, ctx) => transferCustomer(ctx.em, ctx.viewer(customerPolicy, 'write'), args.input, ctx.eventMeta),
    shareCustomer: (_, args, ctx) => setSharing(ctx.em, ctx.viewer(customerPolicy, 'write'), args.input, true, ctx.eventMeta),
    deleteCustomer: (_, args, ctx) => deleteCustomer(ctx.em, ctx.viewer(customerPolicy, 'write'), args.id, ctx.eventMeta),
    restoreCustomer: (_, args, ctx) => restoreCustomer(ctx.em, ctx.viewer(customerPolicy, 'restore'), args.id, ctx.eventMeta),
    unshareCustomer: (_, args, ctx) => setSharing(ctx.em, ctx.viewer(customerPolicy, 'write'), args.input, false, ctx.eventMeta),
  },
  Customer: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.customerById.load(ref.id.toLowerCase()) : null),
    owner: (customer) => (customer.ownerId ? { __typename: 'User', id: customer.ownerId } : null),
    team: (customer) => (customer.teamId ? { __typename: 'Team', id: customer.teamId } : null),
    sharedWith: async (customer, _, ctx) => (await ctx.loaders.sharedWith.load(customer.id)).map((id) => ({ __typename: 'User', id })),
    history: (customer, args, ctx) => auditHistory(ctx.em, 'Customer', customer.id, args.first),
  },
};
