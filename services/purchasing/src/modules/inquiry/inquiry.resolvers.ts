import { convertUnits, formatAmount, normaliseAmount } from '@rapport/errors';
import { rateKey } from '@rapport/subgraph-kit';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { amountUnits, lineNet } from '../order/order-totals.js';
import { showQuantity } from '../order/order.entity.js';
import { orderPolicy } from '../order/order.policy.js';
import { today } from '../price/price.service.js';
import {
  closePurchaseInquiry,
  compareAnswers,
  expiredOn,
  getInquiry,
  listInquiries,
  orderFromPurchaseInquiry,
  recordPurchaseInquiryAnswer,
  sendPurchaseInquiry,
} from './inquiry.service.js';
import type { IPurchaseInquiryAnswer } from './inquiry.entity.js';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });

/** The rate of the answer's currency to the base currency today (null: none held), batched per request. */
const baseRate = (ctx: Context, a: IPurchaseInquiryAnswer) => ctx.loaders.baseRate.load(rateKey(a.currency, today()));

/** An amount of the answer's currency in the base currency at today's rate (half up at the base's minor unit); null without a rate. */
async function inBase(ctx: Context, a: IPurchaseInquiryAnswer, amount: string) {
  const { base, rate } = await baseRate(ctx, a);
  if (rate === null) return null;
  return money(a.currency === base ? amount : formatAmount(convertUnits(amountUnits(amount), rate, base)), base);
}

const lineAmountOf = async (ctx: Context, a: IPurchaseInquiryAnswer): Promise<string> => {
  const line = (await ctx.loaders.linesByInquiryId.load(a.inquiryId)).find((l) => l.id === a.lineId);
  return line ? lineNet('lineAmount', line.quantity, a.unitPrice) : '0';
};

/** Inquiries share the purchase orders' policy: buyers run them, finance and the warehouse read them, sales sees none. */
export const inquiryResolvers: Resolvers = {
  Query: {
    purchaseInquiry: (_, args, ctx) => getInquiry(ctx.em, ctx.viewer(orderPolicy, 'read'), args.id),
    purchaseInquiries: (_, args, ctx) => listInquiries(ctx.em, ctx.viewer(orderPolicy, 'read'), args.status, args.first, args.after),
  },
  Mutation: {
    sendPurchaseInquiry: (_, args, ctx) => sendPurchaseInquiry(ctx.em, ctx.viewer(orderPolicy, 'write'), args.input, ctx.eventMeta),
    recordPurchaseInquiryAnswer: (_, args, ctx) => recordPurchaseInquiryAnswer(ctx.em, ctx.viewer(orderPolicy, 'write'), args.input, ctx.eventMeta),
    orderFromPurchaseInquiry: (_, args, ctx) => orderFromPurchaseInquiry(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, args.input, ctx.eventMeta),
    closePurchaseInquiry: (_, args, ctx) => closePurchaseInquiry(ctx.em, ctx.viewer(orderPolicy, 'write'), args.id, ctx.eventMeta),
  },
  PurchaseInquiry: {
    lines: (inquiry, _, ctx) => ctx.loaders.linesByInquiryId.load(inquiry.id),
    suppliers: (inquiry, _, ctx) => ctx.loaders.suppliersByInquiryId.load(inquiry.id),
    comparison: async (inquiry, _, ctx) => {
      const [lines, suppliers, answers] = await Promise.all([
        ctx.loaders.linesByInquiryId.load(inquiry.id),
        ctx.loaders.suppliersByInquiryId.load(inquiry.id),
        ctx.loaders.answersByInquiryId.load(inquiry.id),
      ]);
      const rates = new Map(await Promise.all(answers.map(async (a) => [a.id, (await baseRate(ctx, a)).rate] as const)));
      return compareAnswers(
        lines,
        suppliers.map((s) => s.supplierId),
        answers,
        (a) => rates.get(a.id) ?? null,
      );
    },
    purchaseOrders: async (inquiry, _, ctx) => {
      const ids = (await ctx.loaders.suppliersByInquiryId.load(inquiry.id)).flatMap((s) => (s.purchaseOrderId ? [s.purchaseOrderId] : []));
      const orders = await Promise.all(ids.map((poId) => ctx.loaders.purchaseOrderById.load(poId)));
      return orders.flatMap((po) => (po ? [po] : []));
    },
  },
  PurchaseInquiryLine: {
    product: (line) => ({ __typename: 'Product', id: line.productId }),
    quantity: (line) => showQuantity(line.quantity),
  },
  PurchaseInquirySupplier: {
    supplier: (s, _, ctx) => ctx.loaders.supplierById.load(s.supplierId),
    purchaseOrder: (s, _, ctx) => (s.purchaseOrderId ? ctx.loaders.purchaseOrderById.load(s.purchaseOrderId) : null),
  },
  PurchaseInquiryAnswer: {
    supplier: (a, _, ctx) => ctx.loaders.supplierById.load(a.supplierId),
    unitPrice: (a) => money(a.unitPrice, a.currency),
    lineAmount: async (a, _, ctx) => money(await lineAmountOf(ctx, a), a.currency),
    taxRate: (a) => showQuantity(a.taxRate),
    unitPriceInBase: (a, _, ctx) => inBase(ctx, a, a.unitPrice),
    lineAmountInBase: async (a, _, ctx) => inBase(ctx, a, await lineAmountOf(ctx, a)),
    rateMissing: async (a, _, ctx) => (await baseRate(ctx, a)).rate === null,
    expired: (a) => expiredOn(a, today()),
  },
};
