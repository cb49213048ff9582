import { formatAmount, isUuid, normaliseAmount } from '@rapport/errors';
import type { Resolvers } from '../../generated/graphql.js';
import { showQuantity } from '../order/order.entity.js';
import { billPolicy, paymentPolicy } from './bill.policy.js';
import { getSupplierBill, lineIssues, listSupplierBills, openAmount, registerSupplierBill, releaseSupplierBill, shownBillStatus } from './bill.service.js';
import { applySupplierPayment, getSupplierPayment, listSupplierPayments, makeSupplierPayment, owedUnits, supplierPayables } from './payment.service.js';

const money = (amount: string, currency: string) => ({ amount: normaliseAmount(amount), currency });
const units = (value: bigint, currency: string) => ({ amount: formatAmount(value), currency });

export const billResolvers: Resolvers = {
  Query: {
    supplierBill: (_, args, ctx) => getSupplierBill(ctx.em, ctx.viewer(billPolicy, 'read'), args.id),
    supplierBills: (_, args, ctx) => listSupplierBills(ctx.em, ctx.viewer(billPolicy, 'read'), args.filter),
    supplierPayment: (_, args, ctx) => getSupplierPayment(ctx.em, ctx.viewer(paymentPolicy, 'read'), args.id),
    supplierPayments: (_, args, ctx) => listSupplierPayments(ctx.em, ctx.viewer(paymentPolicy, 'read'), args.supplierId),
    supplierPayables: (_, args, ctx) => supplierPayables(ctx.em, ctx.viewer(billPolicy, 'read'), args.on, args.supplierId),
  },
  Mutation: {
    registerSupplierBill: (_, args, ctx) => registerSupplierBill(ctx.em, ctx.viewer(billPolicy, 'write'), args.input, ctx.eventMeta),
    releaseSupplierBill: (_, args, ctx) => releaseSupplierBill(ctx.em, ctx.viewer(billPolicy, 'write'), args.id, ctx.eventMeta),
    makeSupplierPayment: (_, args, ctx) => makeSupplierPayment(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.input, ctx.eventMeta),
    applySupplierPayment: (_, args, ctx) => applySupplierPayment(ctx.em, ctx.viewer(paymentPolicy, 'write'), args.id, args.allocations, ctx.eventMeta),
  },
  SupplierBill: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.loaders.billById.load(ref.id.toLowerCase()) : null),
    supplier: (bill, _, ctx) => ctx.loaders.supplierById.load(bill.supplierId),
    purchaseOrder: (bill, _, ctx) => (bill.purchaseOrderId ? ctx.loaders.purchaseOrderById.load(bill.purchaseOrderId) : null),
    status: (bill) => shownBillStatus(bill),
    holdReasons: (bill) => (bill.holdReasons ? bill.holdReasons.split(',') : []),
    lines: (bill, _, ctx) => ctx.loaders.linesByBillId.load(bill.id),
    netTotal: (bill) => money(bill.netTotal, bill.currency),
    taxTotal: (bill) => money(bill.taxTotal, bill.currency),
    grossTotal: (bill) => money(bill.grossTotal, bill.currency),
    paidTotal: (bill) => money(bill.paidTotal, bill.currency),
    openAmount: (bill) => units(openAmount(bill), bill.currency),
  },
  SupplierBillLine: {
    issues: (line) => lineIssues(line),
    issue: (line) => lineIssues(line)[0] ?? null,
    quantity: (line) => showQuantity(line.quantity),
    unitPrice: (line) => money(line.unitPrice, line.currency),
    orderedPrice: (line) => money(line.orderedPrice, line.currency),
    taxRate: (line) => showQuantity(line.taxRate),
    netAmount: (line) => money(line.netAmount, line.currency),
  },
  SupplierPayment: {
    __resolveReference: async (ref, ctx) => {
      const viewer = ctx.viewer(paymentPolicy, 'lookup');
      return viewer && isUuid(ref.id) ? getSupplierPayment(ctx.em, viewer, ref.id).catch(() => null) : null;
    },
    supplier: (payment, _, ctx) => ctx.loaders.supplierById.load(payment.supplierId),
    amount: (payment) => money(payment.amount, payment.currency),
    unallocated: (payment) => money(payment.unallocated, payment.currency),
    allocations: (payment, _, ctx) => ctx.loaders.allocationsByPaymentId.load(payment.id),
  },
  SupplierPaymentAllocation: {
    bill: (a, _, ctx) => ctx.loaders.billById.load(a.billId),
    amount: async (a, _, ctx) => {
      const payment = await ctx.loaders.paymentCurrency.load(a.paymentId);
      return money(a.amount, payment);
    },
  },
  SupplierPayable: {
    supplier: (p, _, ctx) => ctx.loaders.supplierById.load(p.supplierId),
    open: (p) => units(p.open, p.currency),
    notDue: (p) => units(p.notDue, p.currency),
    days1To30: (p) => units(p.days1To30, p.currency),
    days31To60: (p) => units(p.days31To60, p.currency),
    days61To90: (p) => units(p.days61To90, p.currency),
    over90: (p) => units(p.over90, p.currency),
    advances: (p) => units(p.advances, p.currency),
    owed: (p) => units(owedUnits(p), p.currency),
    credits: (p) => units(p.credits, p.currency),
    held: (p) => units(p.held, p.currency),
  },
  PurchaseOrder: {
    bills: (po, _, ctx) => ctx.loaders.billsByPurchaseOrderId.load(po.id),
  },
};
