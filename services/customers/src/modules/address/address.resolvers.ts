import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ICustomer } from '../customer/customer.entity.js';
import type { IAddress } from './address.entity.js';
import { addAddress, removeAddress, restoreAddress, type AddAddressInput } from './address.service.js';

export const addressResolvers: ResolverMap = {
  Mutation: {
    addAddress: (_: unknown, args: { input: AddAddressInput }, ctx: Context) => addAddress(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    removeAddress: (_: unknown, args: { id: string }, ctx: Context) => removeAddress(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    restoreAddress: (_: unknown, args: { id: string }, ctx: Context) => restoreAddress(ctx.em, ctx.principal, args.id, ctx.eventMeta),
  },
  Address: {
    customer: (address: IAddress, _: unknown, ctx: Context) => ctx.loaders.customerById.load(address.customerId),
    createdAt: (address: IAddress) => address.createdAt.toISOString(),
    deletedAt: (address: IAddress) => address.deletedAt?.toISOString() ?? null,
    history: (address: IAddress, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Address', address.id, args.first),
  },
  Customer: {
    addresses: (customer: ICustomer, _: unknown, ctx: Context) => ctx.loaders.addressesByCustomer.load(customer.id),
  },
};
