import { fileURLToPath } from 'node:url';
import {
  CatalogueProduct,
  CopiedBaseCurrency,
  CopiedRate,
  createSubgraphService,
  productCopyHandlers,
  rateCopyHandlers,
  type SubgraphRuntimeConfig,
  type SubgraphService,
} from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { analysisResolvers } from './modules/analysis/analysis.resolvers.js';
import { ApprovalLimit, PurchasingApprover } from './modules/approval/approval.entity.js';
import { approvalResolvers } from './modules/approval/approval.resolvers.js';
import { SupplierBill, SupplierBillLine, SupplierPayment, SupplierPaymentAllocation } from './modules/bill/bill.entity.js';
import { billResolvers } from './modules/bill/bill.resolvers.js';
import { SupplierDebitNote, SupplierDebitNoteLine, SupplierDebitNoteSettlement } from './modules/debit-note/debit-note.entity.js';
import { debitNoteResolvers } from './modules/debit-note/debit-note.resolvers.js';
import { PurchaseInquiry, PurchaseInquiryAnswer, PurchaseInquiryLine, PurchaseInquirySupplier } from './modules/inquiry/inquiry.entity.js';
import { inquiryResolvers } from './modules/inquiry/inquiry.resolvers.js';
import { PurchaseOrder, PurchaseOrderLine } from './modules/order/order.entity.js';
import { openingBalanceResolvers } from './modules/opening-balance/opening-balance.resolvers.js';
import { orderResolvers } from './modules/order/order.resolvers.js';
import { receiptHandlers } from './modules/order/receipt.consumer.js';
import { supplierReturnHandlers } from './modules/supplier-return/supplier-return.consumer.js';
import { PurchaseReceiptLine } from './modules/order/receipt.entity.js';
import { SupplierPrice } from './modules/price/price.entity.js';
import { priceResolvers } from './modules/price/price.resolvers.js';
import { printingRoutes } from './modules/printing/printing.http.js';
import { printingResolvers } from './modules/printing/printing.resolvers.js';
import { Supplier } from './modules/supplier/supplier.entity.js';
import { supplierResolvers } from './modules/supplier/supplier.resolvers.js';
import { SupplierAddress, SupplierContact } from './modules/supplier/supplier-contact.entity.js';
import { supplierContactResolvers } from './modules/supplier/supplier-contact.resolvers.js';
import { suggestionHandlers } from './modules/suggestion/suggestion.consumer.js';
import { ReorderSuggestion } from './modules/suggestion/suggestion.entity.js';
import { suggestionResolvers } from './modules/suggestion/suggestion.resolvers.js';
import { warehouseCopyHandlers } from './modules/warehouse-copy/warehouse-copy.js';

/** The purchasing subgraph: suppliers and their prices, the catalogue copy, purchase orders and their approval, reorder suggestions from inventory's alarms, received quantities from its receipts, supplier bills matched three ways, payments and payables. */
export function createPurchasingService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'purchasing',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [
        supplierResolvers,
        supplierContactResolvers,
        priceResolvers,
        orderResolvers,
        suggestionResolvers,
        billResolvers,
        approvalResolvers,
        analysisResolvers,
        inquiryResolvers,
        printingResolvers,
        openingBalanceResolvers,
        debitNoteResolvers,
      ],
      entities: [
        ApprovalLimit,
        PurchasingApprover,
        Supplier,
        SupplierContact,
        SupplierAddress,
        CatalogueProduct,
        SupplierPrice,
        PurchaseOrder,
        PurchaseOrderLine,
        PurchaseReceiptLine,
        ReorderSuggestion,
        SupplierBill,
        SupplierBillLine,
        SupplierPayment,
        SupplierPaymentAllocation,
        CopiedRate,
        CopiedBaseCurrency,
        PurchaseInquiry,
        PurchaseInquiryLine,
        PurchaseInquirySupplier,
        PurchaseInquiryAnswer,
        SupplierDebitNote,
        SupplierDebitNoteLine,
        SupplierDebitNoteSettlement,
      ],
      migrations,
      createLoaders,
      handlers: [...productCopyHandlers, ...rateCopyHandlers, ...suggestionHandlers, ...receiptHandlers, ...supplierReturnHandlers, ...warehouseCopyHandlers],
      companyProfileCopy: true,
      handle: printingRoutes(),
    },
    config,
  );
}
