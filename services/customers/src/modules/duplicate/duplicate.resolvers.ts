import type { ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from '../customer/customer.entity.js';
import { findDuplicatesFor, mergeCustomers, type DuplicateCandidate, type DuplicateProbe } from './duplicate.service.js';

export const duplicateResolvers: ResolverMap = {
  Query: {
    findDuplicates: (_: unknown, args: { input: DuplicateProbe; first?: number | null }, ctx: Context) => findDuplicatesFor(ctx.em, ctx.principal, args.input, args.first),
  },
  Mutation: {
    mergeCustomers: (_: unknown, args: { survivorId: string; mergedId: string }, ctx: Context) =>
      mergeCustomers(ctx.em, ctx.principal, args.survivorId, args.mergedId, ctx.eventMeta),
  },
  DuplicateCandidate: {
    customer: (candidate: DuplicateCandidate, _: unknown, ctx: Context) => ctx.loaders.customerById.load(candidate.customerId),
  },
  Customer: {
    likelyDuplicates: (customer: ICustomer, _: unknown, ctx: Context) => (customer.deletedAt ? [] : ctx.loaders.duplicatesByCustomer.load(customer.id)),
    mergedInto: (customer: ICustomer, _: unknown, ctx: Context) => (customer.mergedInto ? ctx.loaders.customerById.load(customer.mergedInto) : null),
  },
};
