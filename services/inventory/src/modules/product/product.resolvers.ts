import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { productPolicy } from './product.policy.js';
import { createProduct, deleteProduct, getProduct, listProducts, restoreProduct } from './product.service.js';

export const productResolvers: Resolvers = {
  Query: {
    product: (_, args, ctx) => getProduct(ctx.em, ctx.viewer(productPolicy, 'read'), args.id),
    products: (_, args, ctx) => listProducts(ctx.em, ctx.viewer(productPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    createProduct: (_, args, ctx) => createProduct(ctx.em, ctx.viewer(productPolicy, 'write'), args.input, ctx.eventMeta),
    deleteProduct: (_, args, ctx) => deleteProduct(ctx.em, ctx.viewer(productPolicy, 'write'), args.id, ctx.eventMeta),
    restoreProduct: (_, args, ctx) => restoreProduct(ctx.em, ctx.viewer(productPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Product: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.productById.load(ref.id.toLowerCase()) : null),
    listPrice: (product) => ({ amount: normaliseAmount(product.listPrice), currency: product.currency }),
    history: (product, args, ctx) => auditHistory(ctx.em, 'Product', product.id, args.first),
  },
};
