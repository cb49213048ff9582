import { fileURLToPath } from 'node:url';
import { subgraphCodegen } from '@rapport/subgraph-kit/codegen';

// `npm run codegen` writes src/generated/types.ts and graphql.ts: the types and resolver types of the inventory SDL. Mappers
// name what resolvers return for a type (paths relative to src/generated).
export default subgraphCodegen({
  service: 'inventory',
  srcDir: fileURLToPath(new URL('./src', import.meta.url)),
  mappers: {
    AuditEntry: '@rapport/subgraph-kit#IAuditEntry',
    CountImportResult: '../modules/count/count.service.js#CountImportResult',
    ExpectedReceipt: '../modules/receipt/receipt.service.js#ExpectedReceiptRow',
    Loan: '../modules/loan/loan.service.js#LoanRow',
    OrderLineStock: '../modules/reservation/reservation.service.js#OrderLineStockRow',
    Product: '../modules/product/product.entity.js#IProduct',
    ProductPicture: '../modules/product/product-picture.js#ProductPictureRow',
    Receipt: '../modules/receipt/receipt.entity.js#IReceipt',
    ReceiptLine: '../modules/receipt/receipt.entity.js#IReceiptLine',
    ReceiptSettings: '../modules/receipt/receipt.service.js#ReceiptSettingsRow',
    SalesOrder: '{ id: string }',
    Shipment: '../modules/shipment/shipment.entity.js#IShipment',
    ShipmentLine: '../modules/shipment/shipment.entity.js#IShipmentLine',
    CustomerReturn: '../modules/customer-return/customer-return.service.js#CustomerReturnRow',
    CustomerReturnLine: '../modules/customer-return/customer-return.entity.js#ICustomerReturnLine',
    SupplierReturn: '../modules/supplier-return/supplier-return.entity.js#ISupplierReturn',
    StockMovementSummary: '../modules/analysis/analysis.service.js#StockMovementRow',
    SlowMover: '../modules/analysis/analysis.service.js#SlowMoverRow',
    UndeliveredOrderLine: '../modules/analysis/analysis.service.js#UndeliveredLineRow',
    OutboundGroup: '../modules/analysis/analysis.service.js#OutboundGroupRow',
    SupplierReturnLine: '../modules/supplier-return/supplier-return.entity.js#ISupplierReturnLine',
    StockAlarm: '../modules/stock/stock.entity.js#IStockAlarm',
    StockLedgerMismatch: '../modules/stock/stock-ledger.js#StockMismatch',
    StockCount: '../modules/count/count.service.js#StockCountRow',
    StockCountLine: '../modules/count/count.service.js#StockCountLineRow',
    StockLevel: '../modules/stock/stock.service.js#StockLevelRow',
    StockMove: '../modules/stock/stock.entity.js#IStockMove',
    StockReservation: '{ warehouseId: string; quantity: string }',
    Transfer: '../modules/transfer/transfer.service.js#TransferRow',
    TransferLine: '../modules/transfer/transfer.entity.js#ITransferLine',
    Warehouse: '../modules/warehouse/warehouse.entity.js#IWarehouse',
  },
});
