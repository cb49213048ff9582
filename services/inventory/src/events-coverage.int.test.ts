import { randomUUID } from 'node:crypto';
import { applyOnce } from '@rapport/bus';
import { createEvent, PurchaseOrderApprovedV1 } from '@rapport/contracts';
import type { EventCoverage, MutationCaseEntry } from '@rapport/subgraph-kit/testing';
import { describeEventCoverage } from '@rapport/subgraph-kit/event-coverage-suite';
import { expect } from 'vitest';
import { receiptHandlers } from './modules/receipt/receipt.consumer.js';
import { aConfirmedOrder, aProduct, aWarehouse, receive, useCheckedInventorySubgraph } from './test-fixtures.js';

const subgraph = useCheckedInventorySubgraph();

/** Every audited entity of inventory and the aggregate its events name. */
const coverage: EventCoverage = {
  CustomerReturn: { keys: ['id', 'shipmentId'] },
  Product: { keys: ['id'] },
  // Counting is the warehouse's own work until it is posted: only the posting (which changes stock) is announced.
  StockCount: { keys: ['id'], ignoreFields: ['number', 'warehouseId', 'lines', 'counted', 'cancelledAt'] },
  Loan: { keys: ['id'] },
  Receipt: { keys: ['id', 'purchaseOrderId'] },
  Transfer: {
    internal: 'goods moved between inventory’s own warehouses; no other service acts on a transfer, and the stock events it causes (reservations, alarms) are announced',
  },
  ReceiptSetting: { internal: "the over-receipt tolerance, a setting of inventory's own receiving; purchasing learns only the receipts it allows" },
  Shipment: { keys: ['id', 'orderId'] },
  StockLevel: {
    internal:
      "a product's safety stock and reorder quantity in a warehouse (planning parameters, audited on the level); purchasing learns of them through the below-safety events they cause",
  },
  // Purchasing keeps a copy of code, name and whether in use; the address and the negative-stock rule are inventory's alone.
  Warehouse: { keys: ['id'], ignoreFields: ['address', 'allowNegativeStock', 'updatedAt'] },
};

const createMutation = 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }';
const createProduct = async (sku: string): Promise<string> =>
  (await subgraph.gql<{ createProduct: { id: string } }>(createMutation, { input: { sku, name: sku, listPrice: { amount: '5', currency: 'EUR' } } })).data!.createProduct.id;

/** A shipping notice for 3 units of a stocked product, as reserving a confirmed order raises it (its own event is not the case under test). */
async function plannedShipment(): Promise<{ id: string; orderId: string; customerId: string; lineId: string }> {
  const product = await aProduct(subgraph);
  const warehouse = await aWarehouse(subgraph);
  await receive(subgraph, product, warehouse, '5');
  const order = await aConfirmedOrder(subgraph, [{ productId: product, quantity: '3' }]);
  return { id: order.shipmentIds[0]!, orderId: order.orderId, customerId: order.customerId, lineId: order.lines[0]!.lineId };
}

let productId = '';
let warehouseId = '';

/** An order waiting for `quantity` of a product inventory has none of (its shortage is remembered). */
async function waitingOrder(product: string, quantity: string): Promise<void> {
  await aConfirmedOrder(subgraph, [{ productId: product, quantity }], { warehouseId: null });
}
let purchaseOrderId = '';
let purchaseOrderLineId = '';

/** A purchase order purchasing approved for `quantity` of a product at 7 EUR, into `warehouseId`. */
async function approvedOrder(product: string, quantity: string): Promise<void> {
  purchaseOrderId = randomUUID();
  purchaseOrderLineId = randomUUID();
  const event = createEvent(PurchaseOrderApprovedV1, purchaseOrderId, {
    purchaseOrderId,
    number: 'PO-EV-1',
    supplierId: randomUUID(),
    currency: 'EUR',
    warehouseId,
    lines: [{ lineId: purchaseOrderLineId, productId: product, quantity, unitPrice: { amount: '7', currency: 'EUR' }, expectedDate: null }],
    approvedAt: new Date().toISOString(),
  });
  await applyOnce(
    subgraph.service.orm,
    'inventory',
    receiptHandlers.filter((h) => h.type === event.type),
    event,
  );
}
let shipment = { id: '', orderId: '', customerId: '', lineId: '' };
let subject = '';

/** An open count of a new product with 5 on hand in a new warehouse. */
async function openCount(sku: string): Promise<string> {
  productId = await createProduct(sku);
  warehouseId = await aWarehouse(subgraph);
  await receive(subgraph, productId, warehouseId, '5');
  const created = await subgraph.gql<{ createStockCount: { id: string } }>('mutation($input: CreateStockCountInput!) { createStockCount(input: $input) { id } }', {
    input: { warehouseId, productIds: [productId] },
  });
  return created.data!.createStockCount.id;
}

/** A loan of 1 of a new product, due back on `due`. */
async function aLoan(sku: string, due: string): Promise<string> {
  productId = await createProduct(sku);
  warehouseId = await aWarehouse(subgraph);
  await receive(subgraph, productId, warehouseId, '1');
  const lent = await subgraph.gql<{ lendStock: { id: string } }>('mutation($input: LendStockInput!) { lendStock(input: $input) { id } }', {
    input: { kind: 'LOAN', customerId: randomUUID(), warehouseId, productId, quantity: '1', expectedReturnDate: due },
  });
  return lent.data!.lendStock.id;
}

const ship =
  'mutation($id: ID!, $lines: [ShipmentLineInput!], $backorder: Boolean) { shipShipment(shipmentId: $id, lines: $lines, carrier: "DHL", trackingNumber: "TRK-EV", backorder: $backorder) { id } }';
/** One case per Mutation field: a new field fails the first test until it is listed here. */
const cases: Record<string, MutationCaseEntry> = {
  createProduct: {
    run: async (call) => {
      const data = await call<{ createProduct: { id: string } }>(createMutation, {
        input: { sku: 'EV-PUMP-1', name: 'Event pump', unit: 'pcs', listPrice: { amount: '1250.50', currency: 'EUR' } },
      });
      productId = data.createProduct.id;
    },
    announces: ['inventory.product.created.v2'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'inventory.product', subject: productId });
      expect(event!.data).toEqual({
        productId,
        sku: 'EV-PUMP-1',
        name: 'Event pump',
        unit: 'pcs',
        listPrice: { amount: '1250.50', currency: 'EUR' },
        standardCost: { amount: '0.00', currency: 'EUR' },
        active: true,
        changedAt: expect.any(String),
      });
    },
  },
  updateProduct: {
    run: async (call) => {
      productId = await createProduct('EV-GASKET-4');
      await call('mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }', {
        id: productId,
        input: { name: 'Gasket, EPDM', standardCost: { amount: '2.5', currency: 'EUR' } },
      });
    },
    announces: ['inventory.product.changed.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        subject: productId,
        data: { productId, sku: 'EV-GASKET-4', name: 'Gasket, EPDM', listPrice: { amount: '5.00' }, standardCost: { amount: '2.50', currency: 'EUR' }, active: true },
      }),
  },
  deleteProduct: {
    run: async (call) => {
      productId = await createProduct('EV-SEAL-2');
      await call('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id: productId });
    },
    announces: ['inventory.product.deleted.v1', 'inventory.product.changed.v1'],
    check: (events) => {
      const [deleted, changed] = ofTypes(events, 'inventory.product.deleted.v1', 'inventory.product.changed.v1');
      expect(deleted).toMatchObject({ subject: productId, data: { productId, sku: 'EV-SEAL-2', deletedAt: expect.any(String) } });
      expect(changed).toMatchObject({ subject: productId, data: { productId, active: false } });
    },
  },
  restoreProduct: {
    run: async (call) => {
      productId = await createProduct('EV-VALVE-3');
      await subgraph.gql('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id: productId });
      await call('mutation($id: ID!) { restoreProduct(id: $id) { id } }', { id: productId });
    },
    announces: ['inventory.product.restored.v1', 'inventory.product.changed.v1'],
    check: (events) => {
      const [restored, changed] = ofTypes(events, 'inventory.product.restored.v1', 'inventory.product.changed.v1');
      expect(restored).toMatchObject({ subject: productId, data: { productId, sku: 'EV-VALVE-3', restoredAt: expect.any(String) } });
      expect(changed).toMatchObject({ subject: productId, data: { productId, active: true } });
    },
  },
  importProducts: {
    run: async (call) => {
      productId = await createProduct('EV-IMP-2');
      await call('mutation($input: ImportProductsInput!) { importProducts(input: $input) { created updated } }', {
        input: { body: 'sku,name,listPrice,currency,standardCost\nEV-IMP-1,Imported pump,20,EUR,8\nEV-IMP-2,Imported seal,6,EUR,', dryRun: false },
      });
    },
    announces: ['inventory.product.created.v2', 'inventory.product.changed.v1'],
    check: (events) => {
      const [created, changed] = ofTypes(events, 'inventory.product.created.v2', 'inventory.product.changed.v1');
      expect(created).toMatchObject({
        topic: 'inventory.product',
        data: { sku: 'EV-IMP-1', name: 'Imported pump', listPrice: { amount: '20.00' }, standardCost: { amount: '8.00' } },
      });
      expect(changed).toMatchObject({ subject: productId, data: { productId, sku: 'EV-IMP-2', name: 'Imported seal', listPrice: { amount: '6.00' } } });
    },
  },
  createWarehouse: {
    run: async (call) => {
      await call('mutation { createWarehouse(input: { code: "EV-W1", name: "Event warehouse" }) { id } }');
    },
    announces: ['inventory.warehouse.created.v1'],
    check: ([event]) => expect(event).toMatchObject({ topic: 'inventory.warehouse', data: { code: 'EV-W1', name: 'Event warehouse', active: true } }),
  },
  updateWarehouse: {
    run: async (call) => {
      const created = await subgraph.gql<{ createWarehouse: { id: string } }>('mutation { createWarehouse(input: { code: "EV-W2", name: "Event warehouse" }) { id } }');
      await call('mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "Renamed", active: false }) { id } }', { id: created.data!.createWarehouse.id });
    },
    announces: ['inventory.warehouse.changed.v1'],
    check: ([event]) => expect(event).toMatchObject({ data: { code: 'EV-W2', name: 'Renamed', active: false } }),
  },
  receiveStock: {
    run: async (call) => {
      // A receipt without a purchase order announces itself (keyed by the receipt) and the reservations
      // it makes for waiting shortages.
      productId = await createProduct('EV-RCV-5');
      warehouseId = await aWarehouse(subgraph);
      await waitingOrder(productId, '2');
      await call('mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { id } }', { input: { productId, warehouseId, quantity: '5' } });
    },
    announces: ['inventory.receipt.posted.v1', 'inventory.stock.reserved.v1'],
    check: (events) => {
      const [posted, reserved] = ofTypes(events, 'inventory.receipt.posted.v1', 'inventory.stock.reserved.v1');
      expect(posted).toMatchObject({ topic: 'inventory.receipt', data: { purchaseOrderId: null, warehouseId, lines: [{ productId, quantity: '5' }] } });
      expect(reserved).toMatchObject({ data: { lines: [{ productId, warehouseId, quantity: '2' }] } });
    },
  },
  receiveGoods: {
    run: async (call) => {
      productId = await createProduct('EV-GR-8');
      warehouseId = await aWarehouse(subgraph);
      await approvedOrder(productId, '4');
      await call('mutation($input: ReceiveGoodsInput!) { receiveGoods(input: $input) { id } }', {
        input: { purchaseOrderId, warehouseId, lines: [{ purchaseOrderLineId, quantity: '3' }] },
      });
    },
    announces: ['inventory.receipt.posted.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        topic: 'inventory.receipt',
        subject: purchaseOrderId,
        data: { purchaseOrderId, warehouseId, lines: [{ purchaseOrderLineId, productId, quantity: '3', unitCost: { amount: '7.00', currency: 'EUR' } }] },
      }),
  },
  returnToSupplier: {
    run: async (call) => {
      productId = await createProduct('EV-SR-1');
      warehouseId = await aWarehouse(subgraph);
      await approvedOrder(productId, '4');
      const received = await subgraph.gql<{ receiveGoods: { id: string; lines: { id: string }[] } }>(
        'mutation($input: ReceiveGoodsInput!) { receiveGoods(input: $input) { id lines { id } } }',
        { input: { purchaseOrderId, warehouseId, lines: [{ purchaseOrderLineId, quantity: '4' }] } },
      );
      await call('mutation($input: ReturnToSupplierInput!) { returnToSupplier(input: $input) { id } }', {
        input: { receiptId: received.data!.receiveGoods.id, reason: 'damaged in transit', lines: [{ receiptLineId: received.data!.receiveGoods.lines[0]!.id, quantity: '1.5' }] },
      });
    },
    announces: ['inventory.supplier-return.posted.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        topic: 'inventory.supplier-return',
        subject: purchaseOrderId,
        data: {
          purchaseOrderId,
          warehouseId,
          reason: 'damaged in transit',
          lines: [{ purchaseOrderLineId, productId, quantity: '1.5', unitCost: { amount: '7.00', currency: 'EUR' } }],
        },
      }),
  },
  setReceiptTolerance: {
    run: async (call) => {
      await call('mutation { setReceiptTolerance(percent: "4.5") { overReceiptTolerance } }');
    },
    announces: [],
  },
  transferStock: {
    run: async (call) => {
      // Transfers stay within inventory: they announce only the safety alarms they raise.
      productId = await createProduct('EV-TR-9');
      warehouseId = await aWarehouse(subgraph);
      await receive(subgraph, productId, warehouseId, '3');
      await call('mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }', {
        input: { fromWarehouseId: warehouseId, toWarehouseId: await aWarehouse(subgraph), lines: [{ productId, quantity: '1' }] },
      });
    },
    announces: [],
  },
  receiveTransfer: {
    run: async (call) => {
      // Arriving goods announce the reservations they make for shortages waiting in the destination.
      productId = await createProduct('EV-TR-10');
      warehouseId = await aWarehouse(subgraph);
      await receive(subgraph, productId, warehouseId, '2');
      const to = await aWarehouse(subgraph);
      const sent = await subgraph.gql<{ transferStock: { id: string } }>('mutation($input: TransferStockInput!) { transferStock(input: $input) { id } }', {
        input: { fromWarehouseId: warehouseId, toWarehouseId: to, lines: [{ productId, quantity: '2' }] },
      });
      await waitingOrder(productId, '1');
      warehouseId = to;
      await call('mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { id } }', { input: { transferId: sent.data!.transferStock.id } });
    },
    announces: ['inventory.stock.reserved.v1'],
    check: ([event]) => expect(event).toMatchObject({ data: { lines: [{ productId, warehouseId, quantity: '1' }] } }),
  },
  adjustStock: {
    run: async (call) => {
      // An adjustment announces the safety alarm it raises.
      productId = await createProduct('EV-ADJ-6');
      warehouseId = await aWarehouse(subgraph);
      await receive(subgraph, productId, warehouseId, '5');
      await subgraph.gql('mutation($input: SetStockRuleInput!) { setStockRule(input: $input) { id } }', {
        input: { productId, warehouseId, safetyStock: '3', reorderQuantity: '10' },
      });
      await call('mutation($input: AdjustStockInput!) { adjustStock(input: $input) { id } }', { input: { productId, warehouseId, quantity: '-3', reason: 'damaged' } });
    },
    announces: ['inventory.stock.below-safety.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({ subject: `${productId}:${warehouseId}`, data: { productId, warehouseId, available: '2', safetyStock: '3', reorderQuantity: '10' } }),
  },
  setStockRule: {
    run: async (call) => {
      productId = await createProduct('EV-RULE-7');
      warehouseId = await aWarehouse(subgraph);
      await call('mutation($input: SetStockRuleInput!) { setStockRule(input: $input) { id } }', { input: { productId, warehouseId, safetyStock: '1', reorderQuantity: '4' } });
    },
    announces: ['inventory.stock.below-safety.v1'],
  },
  createStockCount: {
    run: async (call) => {
      productId = await createProduct('EV-CNT-11');
      warehouseId = await aWarehouse(subgraph);
      await call('mutation($input: CreateStockCountInput!) { createStockCount(input: $input) { id } }', { input: { warehouseId, productIds: [productId] } });
    },
    announces: [],
  },
  enterCountedQuantities: {
    run: async (call) => {
      const countId = await openCount('EV-CNT-12');
      await call('mutation($input: EnterCountedQuantitiesInput!) { enterCountedQuantities(input: $input) { id } }', {
        input: { countId, lines: [{ productId, counted: '3' }] },
      });
    },
    announces: [],
  },
  importCountedQuantities: {
    run: async (call) => {
      const countId = await openCount('EV-CNT-13');
      await call('mutation($input: ImportCountedQuantitiesInput!) { importCountedQuantities(input: $input) { applied } }', { input: { countId, csv: 'EV-CNT-13;2' } });
    },
    announces: [],
  },
  cancelStockCount: {
    run: async (call) => {
      const countId = await openCount('EV-CNT-14');
      await call('mutation($id: ID!) { cancelStockCount(countId: $id) { id } }', { id: countId });
    },
    announces: [],
  },
  postStockCount: {
    run: async (call) => {
      const countId = await openCount('EV-CNT-15');
      await subgraph.gql('mutation($input: EnterCountedQuantitiesInput!) { enterCountedQuantities(input: $input) { id } }', {
        input: { countId, lines: [{ productId, counted: '3.5' }] },
      });
      subject = countId;
      await call('mutation($id: ID!) { postStockCount(countId: $id) { id } }', { id: countId });
    },
    announces: ['inventory.count.posted.v1'],
    check: ([event]) =>
      expect(event).toMatchObject({
        topic: 'inventory.count',
        subject,
        data: { countId: subject, warehouseId, differenceLines: 1, lines: [{ productId, expected: '5', counted: '3.5', difference: '-1.5' }] },
      }),
  },
  lendStock: {
    run: async (call) => {
      productId = await createProduct('EV-LN-16');
      warehouseId = await aWarehouse(subgraph);
      await receive(subgraph, productId, warehouseId, '2');
      await call('mutation($input: LendStockInput!) { lendStock(input: $input) { id } }', {
        input: { kind: 'LOAN', customerId: randomUUID(), warehouseId, productId, quantity: '1', expectedReturnDate: '2030-01-31' },
      });
    },
    announces: ['inventory.loan.lent.v1'],
    check: ([event]) => expect(event).toMatchObject({ topic: 'inventory.loan', data: { productId, warehouseId, quantity: '1', expectedReturnDate: '2030-01-31' } }),
  },
  returnLoan: {
    run: async (call) => {
      subject = await aLoan('EV-LN-17', '2030-01-31');
      await call('mutation($input: SettleLoanInput!) { returnLoan(input: $input) { id } }', { input: { loanId: subject, quantity: '0.5' } });
    },
    announces: ['inventory.loan.returned.v1'],
    check: ([event]) => expect(event).toMatchObject({ subject, data: { loanId: subject, quantity: '0.5', open: '0.5' } }),
  },
  convertLoan: {
    run: async (call) => {
      subject = await aLoan('EV-LN-18', '2030-01-31');
      await call('mutation($input: ConvertLoanInput!) { convertLoan(input: $input) { id } }', { input: { loanId: subject, unitPrice: { amount: '12.5', currency: 'EUR' } } });
    },
    announces: ['inventory.loan.converted.v2'],
    check: ([event]) =>
      expect(event).toMatchObject({
        subject,
        data: { loanId: subject, quantity: '1', open: '0', unitPrice: { amount: '12.50', currency: 'EUR' }, orderId: expect.any(String), shipmentId: expect.any(String) },
      }),
  },
  flagOverdueLoans: {
    run: async (call) => {
      subject = await aLoan('EV-LN-19', '2020-01-31');
      await call('mutation { flagOverdueLoans { id } }');
    },
    announces: ['inventory.loan.overdue.v1'],
    check: (events) => expect(events.find((e) => e.subject === subject)).toMatchObject({ data: { loanId: subject, open: '1', expectedReturnDate: '2020-01-31' } }),
  },
  planShipment: {
    run: async (call) => {
      shipment = await plannedShipment();
      // Shipping 1 of 3 without a backorder leaves 2 reserved and unplanned, for a notice by hand.
      await subgraph.gql(ship, { id: shipment.id, lines: [{ orderLineId: shipment.lineId, quantity: '1' }], backorder: false });
      const [w] = await subgraph.service.orm.em.fork().execute<{ warehouse_id: string }[]>('select warehouse_id from shipment where id = ?', [shipment.id]);
      await call('mutation($i: PlanShipmentInput!) { planShipment(input: $i) { id } }', {
        i: { customerId: shipment.customerId, warehouseId: w!.warehouse_id, lines: [{ orderLineId: shipment.lineId, quantity: '2' }], plannedFor: '2026-12-24' },
      });
    },
    announces: ['inventory.shipment.planned.v2'],
    check: ([event]) => {
      expect(event!.data).toMatchObject({
        customerId: shipment.customerId,
        number: expect.stringMatching(/^DN-\d{6}$/),
        plannedFor: '2026-12-24',
        lines: [{ orderId: shipment.orderId, orderLineId: shipment.lineId, quantity: '2' }],
      });
    },
  },
  shipShipment: {
    run: async (call) => {
      shipment = await plannedShipment();
      await call(ship, { id: shipment.id, lines: [{ orderLineId: shipment.lineId, quantity: '1' }] });
    },
    announces: ['inventory.shipment.shipped.v2', 'inventory.shipment.planned.v2'],
    check: (events) => {
      const [shipped, backorder] = ofTypes(events, 'inventory.shipment.shipped.v2', 'inventory.shipment.planned.v2');
      expect(shipped).toMatchObject({ topic: 'inventory.shipment', subject: shipment.id });
      expect(shipped!.data).toEqual({
        shipmentId: shipment.id,
        number: expect.stringMatching(/^DN-\d{6}$/),
        customerId: shipment.customerId,
        warehouseId: expect.any(String),
        carrier: 'DHL',
        trackingNumber: 'TRK-EV',
        lines: [{ orderId: shipment.orderId, orderLineId: shipment.lineId, productId: expect.any(String), quantity: '1' }],
        shippedAt: expect.any(String),
      });
      expect(backorder!.data).toMatchObject({ lines: [{ orderLineId: shipment.lineId, quantity: '2' }] });
      expect(backorder!.subject).not.toBe(shipment.id);
    },
  },
  receiveReturn: {
    run: async (call) => {
      shipment = await plannedShipment();
      await subgraph.gql('mutation($id: ID!) { markShipped(shipmentId: $id, trackingNumber: "TRK-EV-3") { id } }', { id: shipment.id });
      await subgraph.gql('mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: shipment.id });
      await call('mutation($i: ReceiveReturnInput!) { receiveReturn(input: $i) { id } }', {
        i: { shipmentId: shipment.id, reason: 'Wrong colour', lines: [{ orderLineId: shipment.lineId, quantity: '1', condition: 'RESTOCK' }] },
      });
    },
    announces: ['inventory.return.received.v1'],
    check: ([event]) => {
      expect(event).toMatchObject({ topic: 'inventory.return' });
      expect(event!.data).toMatchObject({
        shipmentId: shipment.id,
        customerId: shipment.customerId,
        reason: 'Wrong colour',
        lines: [{ orderLineId: shipment.lineId, quantity: '1', condition: 'RESTOCK' }],
      });
    },
  },
  markDelivered: {
    run: async (call) => {
      shipment = await plannedShipment();
      await subgraph.gql('mutation($id: ID!) { markShipped(shipmentId: $id, trackingNumber: "TRK-EV-2") { id } }', { id: shipment.id });
      await call('mutation($id: ID!) { markDelivered(shipmentId: $id) { id } }', { id: shipment.id });
    },
    announces: ['inventory.shipment.delivered.v2'],
  },
};

/** The events of the given types, in that order: one transaction's events share a millisecond, so the outbox order between them is not theirs. */
const ofTypes = <E extends { type: string }>(events: readonly E[], ...types: string[]): (E | undefined)[] => types.map((type) => events.find((e) => e.type === type));

describeEventCoverage('inventory', () => subgraph, coverage, cases);
