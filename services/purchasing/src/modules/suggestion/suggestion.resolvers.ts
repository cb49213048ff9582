import { formatQuantity, normaliseAmount, quantityUnits } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { orderPolicy } from '../order/order.policy.js';
import { createPurchaseOrdersFromSuggestions, listSuggestions } from './suggestion.service.js';

export const suggestionResolvers: Resolvers = {
  Query: {
    reorderSuggestions: (_, args, ctx) => listSuggestions(ctx.em, ctx.viewer(orderPolicy, 'read'), args.status),
  },
  Mutation: {
    createPurchaseOrdersFromSuggestions: (_, args, ctx) => createPurchaseOrdersFromSuggestions(ctx.em, ctx.viewer(orderPolicy, 'write'), args.ids),
  },
  ReorderSuggestion: {
    product: (s) => ({ __typename: 'Product', id: s.productId }),
    quantity: (s) => formatQuantity(quantityUnits(s.quantity)),
    supplier: (s, _, ctx) => (s.supplierId ? ctx.loaders.supplierById.load(s.supplierId) : null),
    unitPrice: (s) => (s.unitPrice && s.currency ? { amount: normaliseAmount(s.unitPrice), currency: s.currency } : null),
    purchaseOrder: (s, _, ctx) => (s.purchaseOrderId ? ctx.loaders.purchaseOrderById.load(s.purchaseOrderId) : null),
  },
};
