import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, readAccess, restoreAccess, writeAccess, type ResolverMap } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { IProduct } from './product.entity.js';
import { productPolicy } from './product.policy.js';
import { createProduct, deleteProduct, getProduct, listProducts, restoreProduct, type CreateProductInput, type ProductFilter } from './product.service.js';

export const productResolvers: ResolverMap = {
  Query: {
    product: (_: unknown, args: { id: string }, ctx: Context) => {
      readAccess(productPolicy, ctx.principal, 'products');
      return getProduct(ctx.em, args.id);
    },
    products: (_: unknown, args: { filter?: ProductFilter; first?: number; after?: string }, ctx: Context) => {
      readAccess(productPolicy, ctx.principal, 'products');
      return listProducts(ctx.em, args.filter, args.first, args.after);
    },
  },
  Mutation: {
    createProduct: (_: unknown, args: { input: CreateProductInput }, ctx: Context) => {
      writeAccess(productPolicy, ctx.principal, 'products');
      return createProduct(ctx.em, args.input, ctx.eventMeta);
    },
    deleteProduct: (_: unknown, args: { id: string }, ctx: Context) => {
      writeAccess(productPolicy, ctx.principal, 'products');
      return deleteProduct(ctx.em, args.id, ctx.eventMeta);
    },
    restoreProduct: (_: unknown, args: { id: string }, ctx: Context) => {
      restoreAccess(productPolicy, ctx.principal, 'products');
      return restoreProduct(ctx.em, args.id, ctx.eventMeta);
    },
  },
  Product: {
    __resolveReference: (ref: { id: string }, ctx: Context) => (isUuid(ref.id) ? ctx.loaders.productById.load(ref.id.toLowerCase()) : null),
    listPrice: (product: IProduct) => ({ amount: normaliseAmount(product.listPrice), currency: product.currency }),
    createdAt: (product: IProduct) => product.createdAt.toISOString(),
    deletedAt: (product: IProduct) => product.deletedAt?.toISOString() ?? null,
    history: (product: IProduct, args: { first?: number }, ctx: Context) => auditHistory(ctx.em, 'Product', product.id, args.first),
  },
};
