import type { DataLoader, SubgraphContext } from '@rapport/subgraph-kit';
import type { CustomerReturnRow } from './modules/customer-return/customer-return.service.js';
import type { StockCountLineRow } from './modules/count/count.service.js';
import type { IProduct } from './modules/product/product.entity.js';
import type { ProductPictureRow } from './modules/product/product-picture.js';
import type { IShipment, IShipmentLine } from './modules/shipment/shipment.entity.js';
import type { IReceiptLine } from './modules/receipt/receipt.entity.js';
import type { ITransferLine } from './modules/transfer/transfer.entity.js';
import type { OrderLineStockRow } from './modules/reservation/reservation.service.js';
import type { StockLevelRow } from './modules/stock/stock.service.js';
import type { IWarehouse } from './modules/warehouse/warehouse.entity.js';

/**
 * The per-request loaders (built in loaders.ts). Spelt out rather than inferred from loaders.ts:
 * the module loaders import from the services, so importing them here would make an import cycle;
 * loaders.ts is checked against this shape instead.
 */
export interface InventoryLoaders {
  productById: DataLoader<string, IProduct | null>;
  productPictures: DataLoader<string, ProductPictureRow[]>;
  shipmentsByOrderId: DataLoader<string, IShipment[]>;
  linesByShipmentId: DataLoader<string, IShipmentLine[]>;
  shipmentById: DataLoader<string, IShipment | null>;
  returnsByShipmentId: DataLoader<string, CustomerReturnRow[]>;
  warehouseById: DataLoader<string, IWarehouse | null>;
  stockByProductId: DataLoader<string, StockLevelRow[]>;
  stockByOrderId: DataLoader<string, OrderLineStockRow[]>;
  receiptLinesByReceiptId: DataLoader<string, IReceiptLine[]>;
  transferLinesByTransferId: DataLoader<string, ITransferLine[]>;
  countLinesByCountId: DataLoader<string, StockCountLineRow[]>;
}

/** What the inventory subgraph's resolvers receive per request. */
export type Context = SubgraphContext<InventoryLoaders>;
