import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, readAccess, restoreAccess, writeAccess } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { productPolicy } from './product.policy.js';
import { createProduct, deleteProduct, getProduct, listProducts, restoreProduct } from './product.service.js';

export const productResolvers: Resolvers = {
  Query: {
    product: (_, args, ctx) => {
      readAccess(productPolicy, ctx.principal, 'products');
      return getProduct(ctx.em, args.id);
    },
    products: (_, args, ctx) => {
      readAccess(productPolicy, ctx.principal, 'products');
      return listProducts(ctx.em, args.filter, args.first, args.after);
    },
  },
  Mutation: {
    createProduct: (_, args, ctx) => {
      writeAccess(productPolicy, ctx.principal, 'products');
      return createProduct(ctx.em, args.input, ctx.eventMeta);
    },
    deleteProduct: (_, args, ctx) => {
      writeAccess(productPolicy, ctx.principal, 'products');
      return deleteProduct(ctx.em, args.id, ctx.eventMeta);
    },
    restoreProduct: (_, args, ctx) => {
      restoreAccess(productPolicy, ctx.principal, 'products');
      return restoreProduct(ctx.em, args.id, ctx.eventMeta);
    },
  },
  Product: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.productById.load(ref.id.toLowerCase()) : null),
    listPrice: (product) => ({ amount: normaliseAmount(product.listPrice), currency: product.currency }),
    history: (product, args, ctx) => auditHistory(ctx.em, 'Product', product.id, args.first),
  },
};
