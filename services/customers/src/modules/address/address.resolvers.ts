import { auditHistory, loadExisting } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { addAddress, removeAddress, restoreAddress } from './address.service.js';
import { addressPolicy } from './address.policy.js';

export const addressResolvers: Resolvers = {
  Mutation: {
    addAddress: (_, args, ctx) => addAddress(ctx.em, ctx.viewer(addressPolicy, 'write'), args.input, ctx.eventMeta),
    removeAddress: (_, args, ctx) => removeAddress(ctx.em, ctx.viewer(addressPolicy, 'write'), args.id, ctx.eventMeta),
    restoreAddress: (_, args, ctx) => restoreAddress(ctx.em, ctx.viewer(addressPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Address: {
    customer: (address, _, ctx) => loadExisting(ctx.loaders.customerById, address.customerId, 'customer'),
    history: (address, args, ctx) => auditHistory(ctx.em, 'Address', address.id, args.first),
  },
  Customer: {
    addresses: (customer, _, ctx) => ctx.loaders.addressesByCustomer.load(customer.id),
  },
};
