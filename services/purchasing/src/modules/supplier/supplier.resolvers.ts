import { isUuid } from '@rapport/errors';
import { auditHistory, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { ISupplier } from './supplier.entity.js';
import {
  createSupplier,
  deleteSupplier,
  getSupplier,
  listSuppliers,
  restoreSupplier,
  type CreateSupplierInput,
  type SupplierFilter,
} from './supplier.service.js';

export const supplierResolvers: ResolverMap = {
  Query: {
    supplier: (_: unknown, args: { id: string }, ctx: Context) => getSupplier(ctx.em, ctx.principal, args.id),
    suppliers: (_: unknown, args: { filter?: SupplierFilter; first?: number; after?: string }, ctx: Context) =>
      listSuppliers(ctx.em, ctx.principal, args.filter, args.first, args.after),
  },
  Mutation: {
    createSupplier: (_: unknown, args: { input: CreateSupplierInput }, ctx: Context) => createSupplier(ctx.em, ctx.principal, args.input, ctx.eventMeta),
    deleteSupplier: (_: unknown, args: { id: string }, ctx: Context) => deleteSupplier(ctx.em, ctx.principal, args.id, ctx.eventMeta),
    restoreSupplier: (_: unknown, args: { id: string }, ctx: Context) => restoreSupplier(ctx.em, ctx.principal, args.id, ctx.eventMeta),
  },
  Supplier: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.supplierById.load(ref.id.toLowerCase()) : null),
    createdAt: (supplier: ISupplier) => supplier.createdAt.toISOString(),
    deletedAt: (supplier: ISupplier) => supplier.deletedAt?.toISOString() ?? null,
    history: (supplier: ISupplier, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Supplier', supplier.id, args.first),
  },
};
