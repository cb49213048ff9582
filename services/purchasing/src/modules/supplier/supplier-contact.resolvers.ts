import type { Resolvers } from '../../generated/graphql.js';
import { SupplierAddress, SupplierContact } from './supplier-contact.entity.js';
import { addSupplierAddress, addSupplierContact, removeSupplierAddress, removeSupplierContact } from './supplier-contact.service.js';
import { supplierPolicy } from './supplier.policy.js';

export const supplierContactResolvers: Resolvers = {
  Mutation: {
    addSupplierContact: (_, args, ctx) => addSupplierContact(ctx.em, ctx.viewer(supplierPolicy, 'write'), args.supplierId, args.input),
    removeSupplierContact: (_, args, ctx) => removeSupplierContact(ctx.em, ctx.viewer(supplierPolicy, 'write'), args.id),
    addSupplierAddress: (_, args, ctx) => addSupplierAddress(ctx.em, ctx.viewer(supplierPolicy, 'write'), args.supplierId, args.input),
    removeSupplierAddress: (_, args, ctx) => removeSupplierAddress(ctx.em, ctx.viewer(supplierPolicy, 'write'), args.id),
  },
  Supplier: {
    contacts: (supplier, _, ctx) => ctx.em.find(SupplierContact, { supplierId: supplier.id, deletedAt: null }, { orderBy: { name: 'asc', id: 'asc' } }),
    addresses: (supplier, _, ctx) => ctx.em.find(SupplierAddress, { supplierId: supplier.id, deletedAt: null }, { orderBy: { kind: 'asc', id: 'asc' } }),
  },
};
