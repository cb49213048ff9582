import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the purchasing SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'purchasing',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    Supplier: '../modules/supplier/supplier.entity.js#ISupplier',
    SpendRow: '../modules/analysis/analysis.service.js#SpendRow',
    PricePoint: '../modules/analysis/analysis.service.js#PricePoint',
    DeliveryPerformance: '../modules/analysis/analysis.service.js#DeliveryPerformance',
    SupplierContact: '../modules/supplier/supplier-contact.entity.js#ISupplierContact',
    SupplierAddress: '../modules/supplier/supplier-contact.entity.js#ISupplierAddress',
    ApprovalLimit: '../modules/approval/approval.entity.js#IApprovalLimit',
    PurchasingApprover: '../modules/approval/approval.entity.js#IPurchasingApprover',
    SupplierPrice: '../modules/price/price.entity.js#ISupplierPrice',
    PurchaseOrder: '../modules/order/order.entity.js#IPurchaseOrder',
    PurchaseOrderLine: '../modules/order/order.entity.js#IPurchaseOrderLine',
    PurchaseReceiptLine: '../modules/order/receipt.entity.js#IPurchaseReceiptLine',
    ReorderSuggestion: '../modules/suggestion/suggestion.entity.js#IReorderSuggestion',
    SupplierBill: '../modules/bill/bill.entity.js#ISupplierBill',
    SupplierBillLine: '../modules/bill/bill.entity.js#ISupplierBillLine',
    SupplierPayment: '../modules/bill/bill.entity.js#ISupplierPayment',
    SupplierPaymentAllocation: '../modules/bill/bill.entity.js#ISupplierPaymentAllocation',
    SupplierPayable: '../modules/bill/payment.service.js#Payable',
    PurchaseInquiry: '../modules/inquiry/inquiry.entity.js#IPurchaseInquiry',
    PurchaseInquiryLine: '../modules/inquiry/inquiry.entity.js#IPurchaseInquiryLine',
    PurchaseInquirySupplier: '../modules/inquiry/inquiry.entity.js#IPurchaseInquirySupplier',
    PurchaseInquiryAnswer: '../modules/inquiry/inquiry.entity.js#IPurchaseInquiryAnswer',
    PurchaseInquiryComparison: '../modules/inquiry/inquiry.service.js#LineComparison',
    SupplierDebitNote: '../modules/debit-note/debit-note.entity.js#ISupplierDebitNote',
    SupplierDebitNoteLine: '../modules/debit-note/debit-note.entity.js#ISupplierDebitNoteLine',
    SupplierDebitNoteSettlement: '../modules/debit-note/debit-note.entity.js#ISupplierDebitNoteSettlement',
    SupplierOpeningBalancePreview: '../modules/opening-balance/opening-balance.service.js#CheckedOpeningBalance',
  },
});
