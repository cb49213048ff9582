import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, seesPrices } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import { importProducts } from './product-import.js';
import { picturePath, thumbnailPath } from './product-picture.js';
import { searchProducts } from './product-search.js';
import type { Resolvers } from '../../generated/graphql.js';
import { costPolicy, productFieldRules, productPolicy, seesCosts } from './product.policy.js';
import { createProduct, deleteProduct, getProduct, listProducts, restoreProduct, updateProduct } from './product.service.js';

/** A write that sets a cost also needs the right to set costs (FORBIDDEN otherwise). */
const costWriter = (ctx: Context, setsCost: boolean): void => {
  if (setsCost) ctx.viewer(costPolicy, 'write');
};

export const productResolvers: Resolvers = {
  Query: {
    product: (_, args, ctx) => getProduct(ctx.em, ctx.viewer(productPolicy, 'read'), args.id),
    products: (_, args, ctx) => listProducts(ctx.em, ctx.viewer(productPolicy, 'read'), args.filter, args.first, args.after),
    searchProducts: (_, args, ctx) => searchProducts(ctx.em, ctx.viewer(productPolicy, 'read'), args.text, args.first),
  },
  Mutation: {
    createProduct: (_, args, ctx) => {
      const viewer = ctx.viewer(productPolicy, 'write');
      costWriter(ctx, !!args.input.standardCost);
      return createProduct(ctx.em, viewer, args.input, ctx.eventMeta);
    },
    updateProduct: (_, args, ctx) => {
      const viewer = ctx.viewer(productPolicy, 'write');
      costWriter(ctx, !!args.input.standardCost);
      return updateProduct(ctx.em, viewer, args.id, args.input, ctx.eventMeta);
    },
    deleteProduct: (_, args, ctx) => deleteProduct(ctx.em, ctx.viewer(productPolicy, 'write'), args.id, ctx.eventMeta),
    importProducts: (_, args, ctx) => {
      const viewer = ctx.viewer(productPolicy, 'write');
      return importProducts(ctx.em, viewer, args.input, ctx.eventMeta, () => costWriter(ctx, true));
    },
    restoreProduct: (_, args, ctx) => restoreProduct(ctx.em, ctx.viewer(productPolicy, 'restore'), args.id, ctx.eventMeta),
  },
  Product: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.productById.load(ref.id.toLowerCase()) : null),
    listPrice: (product, _, ctx) => (seesPrices(ctx.principal) ? { amount: normaliseAmount(product.listPrice), currency: product.currency } : null),
    standardCost: (product, _, ctx) => (seesCosts(ctx.principal) ? { amount: normaliseAmount(product.standardCost), currency: product.currency } : null),
    active: (product) => !product.deletedAt,
    history: (product, args, ctx) => auditHistory(ctx.em, 'Product', product.id, args.first, { principal: ctx.principal, rules: productFieldRules }),
    pictures: (product, _, ctx) => ctx.loaders.productPictures.load(product.id),
    mainPicture: async (product, _, ctx) => (await ctx.loaders.productPictures.load(product.id)).find((picture) => picture.main) ?? null,
  },
  ProductPicture: {
    downloadPath: (picture) => picturePath(picture.id),
    thumbnailPath: (picture) => thumbnailPath(picture.id),
  },
};
