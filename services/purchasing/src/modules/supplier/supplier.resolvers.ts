import { isUuid } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { createSupplier, deleteSupplier, getSupplier, listSuppliers, restoreSupplier } from './supplier.service.js';
import { supplierPolicy } from './supplier.policy.js';

export const supplierResolvers: Resolvers = {
  Query: {
    supplier: (_, args, ctx) => getSupplier(ctx.em, ctx.viewer(supplierPolicy, 'read'), args.id),
    suppliers: (_, args, ctx) => listSuppliers(ctx.em, ctx.viewer(supplierPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    createSupplier: (_, args, ctx) => createSupplier(ctx.em, ctx.viewer(supplierPolicy, 'write'), args.input, ctx.eventMeta),
    deleteSupplier: (_, args, ctx) => deleteSupplier(ctx.em, ctx.viewer(supplierPolicy, 'write'), args.id, ctx.eventMeta),
    restoreSupplier: (_, args, ctx) => restoreSupplier(ctx.em, ctx.viewer(supplierPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Supplier: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.supplierById.load(ref.id.toLowerCase()) : null),
    history: (supplier, args, ctx) => auditHistory(ctx.em, 'Supplier', supplier.id, args.first),
  },
};
