import { isUuid, normaliseAmount } from '@rapport/errors';
import { auditHistory, DEFAULT_BASE_CURRENCY } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { billingStatus, openUnits, shownStatus, showQuantity } from './order.entity.js';
import { orderPolicy } from './order.policy.js';
import {
  addPurchaseOrderLine,
  approvePurchaseOrder,
  cancelPurchaseOrder,
  copyPurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  listPurchaseOrders,
  overdueReceipts,
  removePurchaseOrderLine,
  submitPurchaseOrder,
  updatePurchaseOrderLine,
} from './order.service.js';
import { formatQuantity } from '@rapport/errors';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });

export const orderResolvers: Resolvers = {
  Query: {
    purchaseOrder: (_, args, ctx) => getPurchaseOrder(ctx.em, ctx.viewer(orderPolicy, 'read'), args.id),
    purchaseOrders: (_, args, ctx) => listPurchaseOrders(ctx.em, ctx.viewer(orderPolicy, 'read'), args.filter, args.first, args.after),
    overdueReceipts: (_, args, ctx) => overdueReceipts(ctx.em, ctx.viewer(orderPolicy, 'read'), args.on),
  },
  Mutation: {
    createPurchaseOrder: (_, args, ctx) => createPurchaseOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.input),
    addPurchaseOrderLine: (_, args, ctx) => addPurchaseOrderLine(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, args.line, ctx.eventMeta),
    updatePurchaseOrderLine: (_, args, ctx) => updatePurchaseOrderLine(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, args.lineId, args.input, ctx.eventMeta),
    removePurchaseOrderLine: (_, args, ctx) => removePurchaseOrderLine(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, args.lineId, ctx.eventMeta),
    submitPurchaseOrder: (_, args, ctx) => submitPurchaseOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, ctx.eventMeta),
    approvePurchaseOrder: (_, args, ctx) => approvePurchaseOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, ctx.eventMeta),
    cancelPurchaseOrder: (_, args, ctx) => cancelPurchaseOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, ctx.eventMeta),
    copyPurchaseOrder: (_, args, ctx) => copyPurchaseOrder(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id),
  },
  PurchaseOrder: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.purchaseOrderById.load(ref.id.toLowerCase()) : null),
    supplier: (po, _, ctx) => ctx.loaders.supplierById.load(po.supplierId),
    status: async (po, _, ctx) => shownStatus(po, await ctx.loaders.linesByPurchaseOrderId.load(po.id)),
    billingStatus: async (po, _, ctx) => billingStatus(await ctx.loaders.linesByPurchaseOrderId.load(po.id)),
    lines: (po, _, ctx) => ctx.loaders.linesByPurchaseOrderId.load(po.id),
    netTotal: (po) => money(po.netTotal, po.currency),
    taxTotal: (po) => money(po.taxTotal, po.currency),
    grossTotal: (po) => money(po.grossTotal, po.currency),
    approvalAmount: (po) => (po.approvalAmount === null || po.approvalAmount === undefined ? null : money(po.approvalAmount, po.approvalCurrency ?? DEFAULT_BASE_CURRENCY)),
    receipts: (po, _, ctx) => ctx.loaders.receiptsByPurchaseOrderId.load(po.id),
    copiedFrom: (po, _, ctx) => (po.copiedFromId ? ctx.loaders.purchaseOrderById.load(po.copiedFromId) : null),
    history: (po, args, ctx) => auditHistory(ctx.em, 'PurchaseOrder', po.id, args.first),
  },
  PurchaseReceiptLine: {
    quantity: (r) => showQuantity(r.quantity),
  },
  PurchaseOrderLine: {
    product: (line) => ({ __typename: 'Product', id: line.productId }),
    quantity: (line) => showQuantity(line.quantity),
    unitPrice: (line) => money(line.unitPrice, line.currency),
    taxRate: (line) => showQuantity(line.taxRate),
    netAmount: (line) => money(line.netAmount, line.currency),
    receivedQuantity: (line) => showQuantity(line.receivedQuantity),
    billedQuantity: (line) => showQuantity(line.billedQuantity),
    cancelledQuantity: (line) => showQuantity(line.cancelledQuantity),
    openQuantity: (line) => formatQuantity(openUnits(line)),
    purchaseOrderNumber: async (line, _, ctx) => (await ctx.loaders.purchaseOrderById.load(line.purchaseOrderId))?.number ?? '',
  },
};
