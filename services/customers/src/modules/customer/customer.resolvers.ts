import { isUuid } from '@rapport/errors';
import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from './customer.entity.js';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  restoreCustomer,
  listCustomers,
  setSharing,
  transferCustomer,
  updateCustomer,
  type CreateCustomerInput,
  type CustomerFilter,
  type TransferCustomerInput,
  type UpdateCustomerInput,
} from './customer.service.js';

export const customerResolvers: ResolverMap = {
  Query: {
    customer: (_: unknown, args: { id: string }, ctx: Context) => getCustomer(ctx.em, ctx.principal, args.id),
    customers: (_: unknown, args: { filter?: CustomerFilter; first?: number; after?: string }, ctx: Context) =>
      listCustomers(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    createCustomer: (_: unknown, args: { input: CreateCustomerInput }, ctx: Context) => createCustomer(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    updateCustomer: (_: unknown, args: { input: UpdateCustomerInput }, ctx: Context) => updateCustomer(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    transferCustomer: (_: unknown, args: { input: TransferCustomerInput }, ctx: Context) => transferCustomer(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    shareCustomer: (_: unknown, args: { input: { customerId: string; userId: string } }, ctx: Context) =>
      setSharing(ctx.em, ctx.principal, args.input, true, ctx.eventMeta),
    deleteCustomer: (_: unknown, args: { id: string }, ctx: Context) => deleteCustomer(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    restoreCustomer: (_: unknown, args: { id: string }, ctx: Context) => restoreCustomer(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    unshareCustomer: (_: unknown, args: { input: { customerId: string; userId: string } }, ctx: Context) =>
      setSharing(ctx.em, ctx.principal, args.input, false, ctx.eventMeta),
  },
  Customer: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.customerById.load(ref.id.toLowerCase()) : null),
    owner: (customer: ICustomer) => (customer.ownerId ? { __typename: 'User', id: customer.ownerId } : null),
    team: (customer: ICustomer) => (customer.teamId ? { __typename: 'Team', id: customer.teamId } : null),
    sharedWith: async (customer: ICustomer, _: unknown, ctx: Context) =>
      (await ctx.loaders.sharedWith.load(customer.id)).map((id) => ({ __typename: 'User', id })),
    createdAt: (customer: ICustomer) => customer.createdAt.toISOString(),
    lastContactedAt: (customer: ICustomer) => customer.lastContactedAt?.toISOString() ?? null,
    deletedAt: (customer: ICustomer) => customer.deletedAt?.toISOString() ?? null,
    history: (customer: ICustomer, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Customer', customer.id, args.first),
  },
};
