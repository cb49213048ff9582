import { loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { findDuplicatesFor, mergeCustomers } from './duplicate.service.js';
import { customerPolicy } from '../customer/customer.policy.js';

export const duplicateResolvers: Resolvers = {
  Query: {
    findDuplicates: (_, args, ctx) => findDuplicatesFor(ctx.em, ctx.viewer(customerPolicy, 'read'), args.input, args.first),
  },
  Mutation: {
    mergeCustomers: (_, args, ctx) => mergeCustomers(ctx.em, ctx.viewer(customerPolicy, 'write'), args.survivorId, args.mergedId, ctx.eventMeta),
  },
  DuplicateCandidate: {
    customer: (candidate, _, ctx) => loadExisting(ctx.loaders.customerById, candidate.customerId, 'customer'),
  },
  Customer: {
    likelyDuplicates: (customer, _, ctx) => (customer.deletedAt ? [] : ctx.loaders.duplicatesByCustomer.load(customer.id)),
    mergedInto: (customer, _, ctx) => (customer.mergedInto ? ctx.loaders.customerById.load(customer.mergedInto) : null),
  },
};
