import { fileURLToPath } from 'node:url';
import { createSubgraphService, CustomerProfile, customerProfileHandlers, type SubgraphDefinition, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { createLoaders } from './loaders.js';
import { analysisResolvers } from './modules/analysis/analysis.resolvers.js';
import { migrations } from './migrations/index.js';
import { CustomerReturn, CustomerReturnLine } from './modules/customer-return/customer-return.entity.js';
import { customerReturnResolvers } from './modules/customer-return/customer-return.resolvers.js';
import { StockCount, StockCountLine } from './modules/count/count.entity.js';
import { countResolvers } from './modules/count/count.resolvers.js';
import { Loan, LoanConversion } from './modules/loan/loan.entity.js';
import { startOverdueLoanCheck } from './modules/loan/loan.schedule.js';
import { loanResolvers } from './modules/loan/loan.resolvers.js';
import { printingHandlers } from './modules/printing/printing.consumer.js';
import { printingRoutes } from './modules/printing/printing.http.js';
import { printingResolvers } from './modules/printing/printing.resolvers.js';
import { Product } from './modules/product/product.entity.js';
import { productPictureRoutes } from './modules/product/product-picture.http.js';
import { productResolvers } from './modules/product/product.resolvers.js';
import { receiptHandlers } from './modules/receipt/receipt.consumer.js';
import { ExpectedOrder, ExpectedReceipt, Receipt, ReceiptLine, ReceiptSetting } from './modules/receipt/receipt.entity.js';
import { receiptResolvers } from './modules/receipt/receipt.resolvers.js';
import { customerMergeHandlers } from './modules/shipment/customer-merge.consumer.js';
import { Shipment, ShipmentLine } from './modules/shipment/shipment.entity.js';
import { shipmentResolvers } from './modules/shipment/shipment.resolvers.js';
import { reservationHandlers } from './modules/reservation/reservation.consumer.js';
import { OrderDemand, Reservation } from './modules/reservation/reservation.entity.js';
import { reservationResolvers } from './modules/reservation/reservation.resolvers.js';
import { StockAlarm, StockLevel, StockMove } from './modules/stock/stock.entity.js';
import { stockResolvers } from './modules/stock/stock.resolvers.js';
import { SupplierReturn, SupplierReturnLine } from './modules/supplier-return/supplier-return.entity.js';
import { supplierReturnResolvers } from './modules/supplier-return/supplier-return.resolvers.js';
import { Transfer, TransferLine } from './modules/transfer/transfer.entity.js';
import { transferResolvers } from './modules/transfer/transfer.resolvers.js';
import { Warehouse } from './modules/warehouse/warehouse.entity.js';
import { warehouseResolvers } from './modules/warehouse/warehouse.resolvers.js';

/** The ledger check (levels against moves and reservations), for operators and for flow tests that span services. */
export { stockLedgerMismatches, type StockMismatch } from './modules/stock/stock-ledger.js';
/** The inbound half of the ledger check: incoming and in-transit quantities against the purchase orders and transfers they sum. */
export { inboundMismatches, rebuildInboundLevels, type InboundMismatch } from './modules/receipt/inbound-levels.js';

/** Each route in turn until one answers the request. */
const firstRoute =
  (...routes: NonNullable<SubgraphDefinition<unknown>['handle']>[]): NonNullable<SubgraphDefinition<unknown>['handle']> =>
  async (req, res, url, context) => {
    for (const route of routes) if (await route(req, res, url, context)) return true;
    return false;
  };

/**
 * The inventory subgraph: products, warehouses, the stock ledger and levels, reservations for
 * confirmed orders, safety alarms, shipping notices with each order's delivery state and their
 * printed delivery notes, and customer returns; once serving it looks hourly for loans newly overdue.
 */
export function createInventoryService(config: SubgraphRuntimeConfig): SubgraphService {
  return createSubgraphService(
    {
      name: 'inventory',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [
        productResolvers,
        shipmentResolvers,
        warehouseResolvers,
        stockResolvers,
        reservationResolvers,
        customerReturnResolvers,
        receiptResolvers,
        transferResolvers,
        countResolvers,
        loanResolvers,
        printingResolvers,
        supplierReturnResolvers,
        analysisResolvers,
      ],
      entities: [
        Product,
        Shipment,
        ShipmentLine,
        Warehouse,
        StockMove,
        StockLevel,
        StockAlarm,
        OrderDemand,
        Reservation,
        CustomerReturn,
        CustomerReturnLine,
        ReceiptSetting,
        ExpectedOrder,
        ExpectedReceipt,
        Receipt,
        ReceiptLine,
        Transfer,
        TransferLine,
        StockCount,
        StockCountLine,
        Loan,
        LoanConversion,
        SupplierReturn,
        SupplierReturnLine,
        CustomerProfile,
      ],
      migrations,
      handlers: [...customerMergeHandlers, ...reservationHandlers, ...receiptHandlers, ...printingHandlers, ...customerProfileHandlers],
      createLoaders,
      customerAccess: true,
      companyProfileCopy: true,
      printRecipientCopy: true,
      handle: firstRoute(printingRoutes(), productPictureRoutes()),
      jobs: (orm, logger) => [startOverdueLoanCheck(orm, logger)],
    },
    config,
  );
}
