import { formatQuantity, normaliseAmount, quantityUnits } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { pricePolicy } from './price.policy.js';
import { bestPrice, deleteSupplierPrice, listSupplierPrices, setSupplierPrice } from './price.service.js';

export const priceResolvers: Resolvers = {
  Query: {
    supplierPrices: (_, args, ctx) => listSupplierPrices(ctx.em, ctx.viewer(pricePolicy, 'read'), args),
    bestPrice: (_, args, ctx) => bestPrice(ctx.em, ctx.viewer(pricePolicy, 'read'), args.productId, args.quantity, args.on),
  },
  Mutation: {
    setSupplierPrice: (_, args, ctx) => setSupplierPrice(ctx.em, ctx.viewer(pricePolicy, 'write'), args.input),
    deleteSupplierPrice: (_, args, ctx) => deleteSupplierPrice(ctx.em, ctx.viewer(pricePolicy, 'write'), args.id),
  },
  Supplier: {
    prices: (supplier, _, ctx) => {
      const viewer = ctx.viewer(pricePolicy, 'lookup');
      return viewer ? listSupplierPrices(ctx.em, viewer, { supplierId: supplier.id }) : [];
    },
  },
  SupplierPrice: {
    supplier: (price, _, ctx) => ctx.loaders.supplierById.load(price.supplierId),
    product: (price) => ({ __typename: 'Product', id: price.productId }),
    price: (price) => ({ amount: normaliseAmount(price.price), currency: price.currency }),
    minimumQuantity: (price) => formatQuantity(quantityUnits(price.minimumQuantity)),
  },
};
