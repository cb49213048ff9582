import { isUuid, normaliseAmount, normaliseQuantity } from '@rapport/errors';
import { auditHistory } from '@rapport/subgraph-kit';
import type { Resolvers } from '../../generated/graphql.js';
import { convertQuotation } from '../order/order.service.js';
import { documentTotals } from '../pricing/pricing.js';
import { effectiveStatus } from './quotation.entity.js';
import { quotationPolicy } from './quotation.policy.js';
import {
  acceptQuotation,
  addQuotationLine,
  copyQuotation,
  createQuotation,
  getQuotation,
  listQuotations,
  rejectQuotation,
  removeQuotationLine,
  reviseQuotation,
  sendQuotation,
  updateQuotation,
} from './quotation.service.js';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });
const percent = (value: string): string => normaliseQuantity(value);

export const quotationResolvers: Resolvers = {
  Query: {
    quotation: (_, args, ctx) => getQuotation(ctx.em, ctx.viewer(quotationPolicy, 'read'), args.id),
    quotations: (_, args, ctx) => listQuotations(ctx.em, ctx.viewer(quotationPolicy, 'read'), args.filter, args.first, args.after),
  },
  Mutation: {
    createQuotation: (_, args, ctx) => createQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.input, ctx.eventMeta),
    updateQuotation: (_, args, ctx) => updateQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, args.input, ctx.eventMeta),
    addQuotationLine: (_, args, ctx) => addQuotationLine(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.quotationId, args.line, ctx.eventMeta),
    removeQuotationLine: (_, args, ctx) => removeQuotationLine(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.quotationId, args.lineId, ctx.eventMeta),
    sendQuotation: (_, args, ctx) => sendQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, ctx.eventMeta),
    acceptQuotation: (_, args, ctx) => acceptQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, ctx.eventMeta),
    rejectQuotation: (_, args, ctx) => rejectQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, args.reason, ctx.eventMeta),
    copyQuotation: (_, args, ctx) => copyQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, args.customerId, ctx.eventMeta),
    reviseQuotation: (_, args, ctx) => reviseQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, ctx.eventMeta),
    convertQuotation: (_, args, ctx) => convertQuotation(ctx.em, ctx.viewer(quotationPolicy, 'write'), args.id, args.lines, ctx.eventMeta),
  },
  Quotation: {
    creditHold: (doc, _, ctx) => ctx.loaders.creditHoldByCustomerId.load(doc.customerId),
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.quotationById.load(ref.id.toLowerCase()) : null),
    customer: (q) => ({ __typename: 'Customer', id: q.customerId }),
    opportunity: (q, _, ctx) => (q.opportunityId ? ctx.loaders.opportunityById.load(q.opportunityId) : null),
    status: (q) => effectiveStatus(q),
    lines: (q, _, ctx) => ctx.loaders.linesByQuotationId.load(q.id),
    netTotal: (q) => money(q.netTotal, q.currency),
    taxTotal: (q) => money(q.taxTotal, q.currency),
    grossTotal: (q) => money(q.grossTotal, q.currency),
    taxes: async (q, _, ctx) => documentTotals(await ctx.loaders.linesByQuotationId.load(q.id), q.currency).taxes,
    copiedFrom: (q, _, ctx) => (q.copiedFromId ? ctx.loaders.quotationById.load(q.copiedFromId) : null),
    revisionOf: (q, _, ctx) => (q.revisionOfId ? ctx.loaders.quotationById.load(q.revisionOfId) : null),
    supersededBy: (q, _, ctx) => (q.supersededById ? ctx.loaders.quotationById.load(q.supersededById) : null),
    order: (q, _, ctx) => (q.orderId ? ctx.loaders.orderById.load(q.orderId) : null),
    history: (q, args, ctx) => auditHistory(ctx.em, 'Quotation', q.id, args.first),
  },
  QuotationLine: {
    product: (line) => ({ __typename: 'Product', id: line.productId }),
    quantity: (line) => normaliseQuantity(line.quantity),
    unitPrice: (line) => money(line.unitPrice, line.currency),
    unitPriceGross: (line) => money(line.unitPriceGross, line.currency),
    discountPercent: (line) => percent(line.discountPercent),
    taxRate: (line) => percent(line.taxRate),
    netAmount: (line) => money(line.netAmount, line.currency),
    lastPrice: async (line, _, ctx) => {
      const q = await ctx.loaders.quotationById.load(line.quotationId);
      return q ? ctx.loaders.lastPrice.load({ customerId: q.customerId, productId: line.productId }) : null;
    },
  },
  SalesTaxTotal: {
    net: (t) => ({ amount: t.net, currency: t.currency }),
    tax: (t) => ({ amount: t.tax, currency: t.currency }),
    gross: (t) => ({ amount: t.gross, currency: t.currency }),
  },
};
